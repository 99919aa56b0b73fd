using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

// Golden values: data/population/census_1980_2015_by_sex_age5.csv (総務省統計局「国勢調査」via aiseed.dev 統計メモ帳,
// CC BY 4.0) and ipss2018_projection_by_sex_age5.csv (平成30年推計).
public class PopulationTableTests
{
    [Fact]
    public void Census_Nemuro2015_TotalsAndThreeAgeGroups()
    {
        var census = PopulationData.Census(PopulationData.Nemuro, 2015);

        Assert.Equal(26917m, census.Total);
        Assert.Equal(12862m, census.TotalOf(Sex.Male));
        Assert.Equal(49m, census.UnknownAge(Sex.Male));
        Assert.Equal(17m, census.UnknownAge(Sex.Female));
        var groups = census.ThreeAgeGroups;
        Assert.Equal(census.Total, groups.KnownAgeTotal + 66m);
        Assert.Equal(455m + 533m + 582m + 456m + 453m + 554m, groups.Young);
    }

    [Fact]
    public void AllocateUnknownAge_Census2015_PreservesEverySexTotalExactly()
    {
        foreach (var code in PopulationData.Municipalities)
        {
            var census = PopulationData.Census(code, 2015);
            var allocated = census.AllocateUnknownAge();

            Assert.False(allocated.HasUnknownAge);
            Assert.Equal(census.TotalOf(Sex.Male), allocated.TotalOf(Sex.Male));
            Assert.Equal(census.TotalOf(Sex.Female), allocated.TotalOf(Sex.Female));
            // The institute's jump-off has the same totals per sex …
            Assert.Equal(PopulationData.Ipss2018(code, 2015).TotalOf(Sex.Male), allocated.TotalOf(Sex.Male));
            Assert.Equal(PopulationData.Ipss2018(code, 2015).TotalOf(Sex.Female), allocated.TotalOf(Sex.Female));
        }
    }

    [Fact]
    public void AllocateUnknownAge_Census2015_IsProRataNotTheInstitutesDistribution()
    {
        // … but it did not distribute 年齢不詳 pro rata: 網走市 男 20–24 is 1,365 in the census, 1,384 in the jump-off,
        // 1,371.2 pro rata. The largest gap over the six municipalities is 12.8 persons.
        var allocated = PopulationData.Census("01211", 2015).AllocateUnknownAge();
        Assert.Equal(1371.2m, Math.Round(allocated[Sex.Male, AgeGroup.Closed(20)], 1));
        Assert.Equal(1384m, PopulationData.Ipss2018("01211", 2015)[Sex.Male, AgeGroup.Closed(20)]);

        var largestGap = PopulationData.Municipalities
            .SelectMany(code => Sexes.All.SelectMany(sex => AgeGroup.Standard.Select(group =>
                Math.Abs(PopulationData.Census(code, 2015).AllocateUnknownAge()[sex, group] - PopulationData.Ipss2018(code, 2015)[sex, group]))))
            .Max();
        Assert.InRange(largestGap, 12m, 13m);
    }

    [Fact]
    public void AllocateUnknownAge_UnknownButNoKnownAges_ThrowsNamingTheTable()
    {
        var table = PopulationTable.Create("X", 2015, new decimal[19], new decimal[19], unknownMale: 3m);

        var error = Assert.Throws<InvalidOperationException>(table.AllocateUnknownAge);
        Assert.Contains("X 2015", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountInAges_WomenTwentyToThirtyNine_AddsFourGroups()
    {
        var table = PopulationData.Ipss2018(PopulationData.Nemuro, 2015);

        Assert.Equal(507m + 555m + 619m + 728m, table.CountInAges(Sex.Female, 20, 39));
        Assert.Equal(table.CountInAges(Sex.Female, 15, 49), table.WomenOfChildbearingAge);
        Assert.Equal(table.Total, table.CountInAges(null, 0, null));
    }

    [Theory]
    [InlineData(18, 39)]
    [InlineData(20, 37)]
    [InlineData(40, 39)]
    [InlineData(20, 94)]
    public void CountInAges_BoundsOffGroupLimits_Throws(int from, int to) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationData.Ipss2018(PopulationData.Nemuro, 2015).CountInAges(Sex.Female, from, to));

    [Fact]
    public void ChildWomanRatio_Nemuro2015_IsChildrenPerWoman()
    {
        var table = PopulationData.Ipss2018(PopulationData.Nemuro, 2015);

        Assert.Equal((455m + 456m) / (505m + 507m + 555m + 619m + 728m + 861m + 870m), table.ChildWomanRatio);
        Assert.Equal(455m / 911m, table.MaleShareOfChildrenUnderFive);
    }

    [Fact]
    public void FromCounts_NationalTable_FoldsNinetyAndOverIntoOpenGroup()
    {
        var national2015 = PopulationData.National[2015];

        // 平成29年推計 2015 男性 90~94歳 336,760 + 95~99歳 63,647 + 100歳以上 8,395 = 408,802 (= the 全国 90+ of the 2018 table).
        Assert.Equal(408802m, national2015[Sex.Male, AgeGroup.OpenFrom(90)]);
        Assert.Equal(PopulationData.Ipss2018("00000", 2015)[Sex.Male, AgeGroup.OpenFrom(90)], national2015[Sex.Male, AgeGroup.OpenFrom(90)]);
    }

    [Fact]
    public void FromCounts_EightyFivePlusIntoNinetyPlusTable_IsRejected()
    {
        var counts = AgeGroup.FiveYearGroups(85).SelectMany(g => Sexes.All.Select(s => new PopulationCount(s, g, 10m)));

        var error = Assert.Throws<PopulationTableException>(() => PopulationTable.FromCounts("X", 2010, counts));
        Assert.Contains("85歳以上", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCounts_EightyFivePlusTable_KeepsItsOpenGroup()
    {
        var counts = AgeGroup.FiveYearGroups(85).SelectMany(g => Sexes.All.Select(s => new PopulationCount(s, g, 10m)));

        var table = PopulationTable.FromCounts("X", 2010, counts, openAgeStart: 85);
        Assert.Equal(85, table.OpenAgeStart);
        Assert.Equal(360m, table.Total);
    }

    [Fact]
    public void FromCounts_MissingGroup_NamesIt()
    {
        var counts = AgeGroup.Standard.Where(g => g.Start != 40)
            .SelectMany(g => Sexes.All.Select(s => new PopulationCount(s, g, 10m)));

        var error = Assert.Throws<PopulationTableException>(() => PopulationTable.FromCounts("X", 2010, counts));
        Assert.Contains("missing 40-44", error.EnglishMessage, StringComparison.Ordinal);
        Assert.Contains("次の年齢階級がありません: 40-44", error.JapaneseMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCounts_RepeatedGroup_NamesIt()
    {
        var counts = AgeGroup.Standard.SelectMany(g => Sexes.All.Select(s => new PopulationCount(s, g, 10m)))
            .Append(new PopulationCount(Sex.Female, AgeGroup.Closed(10), 1m));

        var error = Assert.Throws<PopulationTableException>(() => PopulationTable.FromCounts("X", 2010, counts));
        Assert.Contains("10-14 appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NegativeCount_NamesSexGroupAndValue()
    {
        var female = Enumerable.Repeat(1m, 19).ToArray();
        female[4] = -2m;

        var error = Assert.Throws<PopulationTableException>(() => PopulationTable.Create("01223", 2020, Enumerable.Repeat(1m, 19).ToArray(), female));
        Assert.Contains("女 20-24: -2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_GroupOfAnotherScheme_Throws() =>
        Assert.Throws<ArgumentException>(() => PopulationData.Ipss2018(PopulationData.Nemuro, 2015)[Sex.Male, AgeGroup.OpenFrom(85)]);

    [Fact]
    public void Rows_CensusTable_HasEveryGroupUnknownAndTotalPerSex()
    {
        var rows = PopulationData.Census(PopulationData.Nemuro, 2015).Rows().ToList();

        Assert.Equal(3 * (19 + 2), rows.Count);
        var both = rows.Where(r => r.Sex is null).ToList();
        Assert.Equal("T", both[0].SexCode);
        Assert.Equal("unknown", both[19].AgeCode);
        Assert.Equal(66m, both[19].Count);
        Assert.Equal("total", both[20].AgeCode);
        Assert.Equal(26917m, both[20].Count);
        Assert.Equal(rows.Where(r => r.Sex == Sex.Male && r.AgeGroup is not null).Sum(r => r.Count) + 49m, rows.Single(r => r.Sex == Sex.Male && r.AgeCode == "total").Count);
    }

    [Fact]
    public void Rows_ProjectedTable_HasNoUnknownRow() =>
        Assert.Equal(3 * 20, PopulationData.Ipss2018(PopulationData.Nemuro, 2020).Rows().Count());
}
