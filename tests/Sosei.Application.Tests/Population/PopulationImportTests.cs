using System.Text;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Population;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests.Population;

/// <summary>The population CSV importer: all or nothing, every problem located, re-import replaces the edition.</summary>
public class PopulationImportTests
{
    private static MemoryStream Csv(string text, bool bom = false) =>
        new MemoryStream((bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    /// <summary>A census file of one area and year: 19 groups per sex with the given counts, plus the given extra lines.</summary>
    private static string CensusFile(string code = "01223", int year = 2020, Func<string, string, string>? value = null, string extra = "")
    {
        var sb = new StringBuilder("code,name,year,sex,age_group,population\n");
        foreach (var sex in new[] { "M", "F" })
        {
            foreach (var age in Domain.Population.AgeGroup.Standard)
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},根室市,{year},{sex},{age},{value?.Invoke(sex, age.ToString()) ?? "100"}\n");
            }
        }

        return sb.Append(extra).ToString();
    }

    private static PopulationImportRequest Request(PopulationFileKind kind, string edition = "テスト", string file = "test.csv") =>
        new() { Kind = kind, Edition = edition, FileName = file };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_BadRow_IsRejectedNamingRowAndColumn_AndWritesNothing(DbKind kind)
    {
        await using var db = await DemoDatabase.PopulationAsync(kind);
        await using var context = db.NewContext();
        var before = await context.PopulationFigures.CountAsync();
        // Row 5 (header = row 1): 15-19 male written "1O0" (letter O).
        var file = CensusFile(value: (sex, age) => sex == "M" && age == "15-19" ? "1O0" : "100");

        var result = await new PopulationCsvImporter(context, PopulationDemoTests.Clock)
            .ImportAsync(Csv(file), Request(PopulationFileKind.Census, "国勢調査", "census_2020.csv"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("census_2020.csv", 5, "population", "1O0"), (problem.File, problem.Row, problem.Column, problem.Text));
        Assert.Contains("人数", problem.Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("5行目", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await context.PopulationFigures.CountAsync());
        // The existing 国勢調査 edition is untouched.
        Assert.Equal(26_917m, (await context.PopulationFigures.Where(f => f.AreaCode == "01223" && f.Year == 2015 && f.Dataset!.Edition == "国勢調査").ToListAsync()).Sum(f => f.Count));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_Census_CheckingTotalsAndBothSexes_ReplacesTheEdition(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        var importer = new PopulationCsvImporter(context, PopulationDemoTests.Clock);
        var extra = "01223,根室市,2020,M,unknown,3\n01223,根室市,2020,F,unknown,2\n01223,根室市,2020,T,unknown,5\n01223,根室市,2020,T,0-4,200\n01223,根室市,2020,T,total,3805\n";

        var first = await importer.ImportAsync(Csv(CensusFile(extra: extra), bom: true), Request(PopulationFileKind.Census));
        Assert.True(first.Succeeded, string.Join("\n", first.Problems));
        Assert.False(first.Replaced);
        Assert.Equal(40, first.Figures);

        var second = await importer.ImportAsync(Csv(CensusFile(year: 2025)), Request(PopulationFileKind.Census));
        Assert.True(second.Succeeded, string.Join("\n", second.Problems));
        Assert.True(second.Replaced);
        Assert.Equal([2025], await context.PopulationFigures.Select(f => f.Year).Distinct().ToListAsync());
        Assert.Equal(1, await context.PopulationDatasets.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_InconsistentTotalsMissingGroupsAndBadCodes_AreAllReported(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        var importer = new PopulationCsvImporter(context, PopulationDemoTests.Clock);

        var total = await importer.ImportAsync(Csv(CensusFile(extra: "01223,根室市,2020,T,total,9999\n")), Request(PopulationFileKind.Census));
        var p = Assert.Single(total.Problems);
        Assert.Equal((40, "population", "9999"), (p.Row, p.Column, p.Text));
        Assert.Contains("3800", p.Message.Japanese, StringComparison.Ordinal);

        var missing = await importer.ImportAsync(Csv(string.Join("\n", CensusFile().Split('\n').Where(l => !l.Contains(",F,30-34,", StringComparison.Ordinal)))), Request(PopulationFileKind.Census));
        Assert.Contains("30-34", Assert.Single(missing.Problems).Message.Japanese, StringComparison.Ordinal);

        var code = await importer.ImportAsync(Csv(CensusFile(code: "1223")), Request(PopulationFileKind.Census));
        Assert.All(code.Problems, x => Assert.Equal(("code", "1223"), (x.Column, x.Text)));
        Assert.Contains("先頭の 0", code.Problems[0].Message.Japanese, StringComparison.Ordinal);

        var projection = await importer.ImportAsync(Csv(CensusFile(extra: "01223,根室市,2020,M,unknown,3\n")), Request(PopulationFileKind.Projection));
        Assert.Contains("年齢不詳", Assert.Single(projection.Problems).Message.Japanese, StringComparison.Ordinal);

        var notText = await importer.ImportAsync(new MemoryStream([0x63, 0x6F, 0x64, 0x65, 0x0A, 0x81, 0x20]), Request(PopulationFileKind.Census));
        Assert.Contains("UTF-8", Assert.Single(notText.Problems).Message.Japanese, StringComparison.Ordinal);

        var header = await importer.ImportAsync(Csv("code,name,year,sex,age,count\n01223,根室市,2020,M,0-4,1\n"), Request(PopulationFileKind.Census));
        Assert.Contains(header.Problems, x => x.Row == 1 && x.Column == "population");

        Assert.Equal(0, await context.PopulationDatasets.CountAsync());
        Assert.Equal(0, await context.PopulationFigures.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_Register_ReadsYearsAndDatesWithOptionalSexes(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        var importer = new PopulationCsvImporter(context, PopulationDemoTests.Clock);
        const string file = "code,name,date,total,male,female\n01223,根室市,2014,28050,,\n01223,根室市,平成27年3月31日,27500,13400,14100\n01211,網走市,2016-01-01,38000,18500,19500\n";

        var result = await importer.ImportAsync(Csv(file), Request(PopulationFileKind.Register, "住民基本台帳"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(7, result.Figures);
        var dated = await context.PopulationFigures.SingleAsync(f => f.AreaCode == "01223" && f.Year == 2015 && f.Sex == null);
        Assert.Equal((new DateOnly(2015, 3, 31), 27_500m), (dated.Date, dated.Count));

        var bad = await importer.ImportAsync(
            Csv("code,name,date,total,male,female\n01223,根室市,2014年3月,28050,,\n01223,根室市,2015,100,60,30\n01223,根室市,2016,100,60,\n"),
            Request(PopulationFileKind.Register, "住民基本台帳"));
        Assert.Equal(
            [(2, "date", "2014年3月"), (3, "total", "100"), (4, "female", (string?)null)],
            bad.Problems.Select(x => (x.Row!.Value, x.Column!, x.Text)));
        Assert.Equal(4, await context.PopulationFigures.CountAsync(f => f.AreaCode == "01223"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_Tfr_GenericFormatWithPeriodColumn(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        var importer = new PopulationCsvImporter(context, PopulationDemoTests.Clock);

        var result = await importer.ImportAsync(
            Csv("code,name,period,tfr,source\n01223,根室市,H25-29,1.45,人口動態保健所・市区町村別統計\n01211,網走市,2013-2017,1.40,same\n"),
            Request(PopulationFileKind.Tfr, "ベイズ推定値 平成25～29年"));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var abashiri = await context.FertilityRates.SingleAsync(r => r.AreaCode == "01211");
        Assert.Equal(("平成25～29年", 1.40m, "人口動態保健所・市区町村別統計"), (abashiri.Period, abashiri.Value, abashiri.Source));

        var bad = await importer.ImportAsync(Csv("code,name,period,tfr,source\n01223,根室市,H25-29,0,x\n"), Request(PopulationFileKind.Tfr, "x"));
        Assert.Equal((2, "tfr", "0"), (bad.Problems[0].Row, bad.Problems[0].Column, bad.Problems[0].Text));
    }

    [Theory]
    [InlineData("2030=1.8,2040=2.07", true)]
    [InlineData("２０３０＝１．８、2040=2.07", true)]
    [InlineData("2030=1.8,2030=2.07", false)]
    [InlineData("2030-1.8", false)]
    [InlineData("2030=0", false)]
    [InlineData("2010=1.8", false)]
    [InlineData("", false)]
    public void FertilityPathText_IsReadOrRejectedQuotingTheText(string text, bool ok)
    {
        var read = PopulationScenarioOptions.TryParseFertilityPath(text, out var path, out var error);

        Assert.Equal(ok, read);
        if (ok)
        {
            Assert.Equal("2030=1.8,2040=2.07", PopulationScenarioOptions.FormatFertilityPath(path));
        }
        else if (text.Length > 0)
        {
            Assert.Contains(text, error, StringComparison.Ordinal);
        }
    }
}
