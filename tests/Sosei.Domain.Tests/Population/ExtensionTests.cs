using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

// Extension of the 平成30年推計 (to 2045) to 2060 following the Cabinet Office worksheet convention, on the national
// 平成29年推計 child-woman ratio path (data/population/ipss2017_national_projection_by_sex_age5.csv).
public class ExtensionTests
{
    public static TheoryData<string> Municipalities() => new(PopulationData.Municipalities);

    [Theory]
    [MemberData(nameof(Municipalities))]
    public void HoldLastPeriod_RelativeChildWomanRatioIsConstantInTheExtension(string code)
    {
        var model = PopulationData.Model(code).WithHorizon(2060);

        var last = model.Periods.Single(p => p.ToYear == 2045);
        var extended = model.Periods.Where(p => p.Origin == PeriodOrigin.Extended).ToList();
        Assert.Equal([2045, 2050, 2055], extended.Select(p => p.FromYear));
        foreach (var period in extended)
        {
            Assert.Equal(last.RelativeChildWomanRatio, period.RelativeChildWomanRatio);
            Assert.Equal(last.RelativeChildWomanRatio * PopulationData.National.ChildWomanRatio(period.ToYear), model.ChildWomanRatio(period.ToYear));
            Assert.Same(last.CohortChangeRatios, period.CohortChangeRatios);
            Assert.Equal(last.MaleShareOfChildrenUnderFive, period.MaleShareOfChildrenUnderFive);
        }

        // The projected child-woman ratio follows: 0–4 / women 15–49 of each extended year over the national ratio.
        var projection = model.Project(PopulationScenario.Pattern1);
        foreach (var year in new[] { 2050, 2055, 2060 })
        {
            var relative = projection[year].ChildWomanRatio / PopulationData.National.ChildWomanRatio(year);
            Assert.InRange(relative - last.RelativeChildWomanRatio, -1e-9m, 1e-9m);
        }
    }

    [Fact]
    public void Pattern1_ExtendedTo2060_KeepsThePublishedYearsAndAddsThree()
    {
        var projection = PopulationData.Model(PopulationData.Nemuro).WithHorizon(2060).Project(PopulationScenario.Pattern1);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => 2015 + (5 * i)), projection.Years);
        Assert.Equal(PopulationData.Ipss2018(PopulationData.Nemuro, 2045).ThreeAgeGroups, projection.ThreeAgeGroups(2045).Rounded());
        // Regression pin computed by this engine (not a published figure): 根室市 パターン1 2060 on the 平成30年推計.
        // The plan of 2015 quotes 11,554 from the older 平成25年推計, which we do not have.
        Assert.Equal(new ThreeAgeGroups(8360m, 603m, 3731m, 4026m), projection.ThreeAgeGroups(2060).Rounded());
    }

    [Fact]
    public void HoldMunicipalChildWomanRatio_KeepsTheMunicipalRatioOfTheLastPublishedYear()
    {
        var model = PopulationData.Model(PopulationData.Nemuro).WithHorizon(2060, ExtensionConvention.HoldMunicipalChildWomanRatio);

        var cwr2045 = model.ChildWomanRatio(2045);
        foreach (var year in new[] { 2050, 2055, 2060 })
        {
            Assert.InRange(model.ChildWomanRatio(year) - cwr2045, -1e-20m, 1e-20m);
        }
    }

    [Fact]
    public void MeanOfLastTwoPeriods_AveragesTheRatiosOf2035And2040()
    {
        var model = PopulationData.Model(PopulationData.Nemuro).WithHorizon(2060, ExtensionConvention.MeanOfLastTwoPeriods);

        var p2035 = model.Periods.Single(p => p.FromYear == 2035).CohortChangeRatios;
        var p2040 = model.Periods.Single(p => p.FromYear == 2040).CohortChangeRatios;
        var extended = model.Periods.Single(p => p.FromYear == 2050).CohortChangeRatios;
        Assert.Equal((p2035[Sex.Female, AgeGroup.Closed(20)] + p2040[Sex.Female, AgeGroup.Closed(20)]) / 2m, extended[Sex.Female, AgeGroup.Closed(20)]);
        Assert.Equal(ExtensionConvention.MeanOfLastTwoPeriods, model.Convention);
    }

    [Fact]
    public void WithHorizon_BeyondTheNationalProjection_SaysHowFarItCanGo()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PopulationData.Model(PopulationData.Nemuro).WithHorizon(2070));

        Assert.Contains("2065", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithHorizon_NotOnTheFiveYearGrid_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationData.Model(PopulationData.Nemuro).WithHorizon(2047));

    [Fact]
    public void WithHorizon_BeforeThePublishedHorizon_Truncates()
    {
        var model = PopulationData.Model(PopulationData.Nemuro).WithHorizon(2060).WithHorizon(2030);

        Assert.Equal(2030, model.LastYear);
        Assert.Equal(2045, model.PublishedLastYear);
        Assert.Equal(3, model.Periods.Count);
        Assert.Equal(2030, model.Project(PopulationScenario.Pattern1).LastYear);
    }

    [Fact]
    public void WithHorizon_To2065_UsesTheLastNationalYear()
    {
        var projection = PopulationData.Model("01694").WithHorizon(2065).Project(PopulationScenario.Pattern1);

        Assert.Equal(2065, projection.LastYear);
        Assert.All(projection.Tables, t => Assert.True(t.Total > 0));
    }
}
