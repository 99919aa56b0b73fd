using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Sosei.Application.Persistence;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Cli;

namespace Sosei.Application.Tests.Population;

/// <summary><c>sosei population project|import</c> against a real database on both engines.</summary>
[Collection(PopulationDataGroup.Name)]
public class PopulationCliTests(LoadedPopulationDatabases databases)
{
    private static string[] DbArgs(TestDatabase db) => db.Options.Provider == DatabaseProvider.Sqlite
        ? ["--data-dir", db.Options.DataDirectory!]
        : ["--provider", "postgres", "--connection-string", db.Options.ConnectionString!];

    private static async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase db, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SoseiCli.RunAsync([.. args, .. DbArgs(db)], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Project_Nemuro_WritesJsonAndCsv(DbKind kind)
    {
        var db = await databases.GetAsync(kind);

        var (code, json, error) = await RunAsync(db, "population", "project", "--area", "01223", "--from", "平成30年推計", "--to", "2060", "--scenario", "sim1", "--tfr", "2030=1.8,2040=2.07", "--format", "json");

        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("sosei-population-projection/1", root.GetProperty("format").GetString());
        Assert.Equal("根室市", root.GetProperty("area").GetProperty("name").GetString());
        Assert.Equal("シミュレーション1", root.GetProperty("scenario").GetProperty("name").GetString());
        Assert.Equal(1.53m, root.GetProperty("scenario").GetProperty("baseTotalFertilityRate").GetDecimal());
        var summary = root.GetProperty("summary").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => 2015 + (5 * i)), summary.Select(y => y.GetProperty("year").GetInt32()));
        // 10 years × 3 sexes (M, F, both) × (19 groups + total).
        Assert.Equal(10 * 3 * 20, root.GetProperty("rows").GetArrayLength());

        var (csvCode, csv, _) = await RunAsync(db, "population", "project", "--area", "01223", "--format", "csv");
        Assert.Equal(0, csvCode);
        var lines = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("code,name,scenario,year,sex,age_group,population,population_exact", lines[0]);
        // ipss2018_projection_by_sex_age5.csv: 01223 2045 T total = 13,210 (パターン1 reproduces it exactly).
        Assert.Contains("01223,根室市,pattern1,2045,T,total,13210,13210", lines);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Project_UnknownAreaEditionOrBadTfr_FailsWithAClearMessage(DbKind kind)
    {
        var db = await databases.GetAsync(kind);

        var area = await RunAsync(db, "population", "project", "--area", "99999", "--format", "json");
        Assert.Equal(3, area.Code);
        Assert.Contains("「99999」の人口データがありません", area.Error, StringComparison.Ordinal);
        Assert.Empty(area.Output);

        var edition = await RunAsync(db, "population", "project", "--area", "01223", "--from", "令和5年推計");
        Assert.Equal(3, edition.Code);
        Assert.Contains("令和5年推計", edition.Error, StringComparison.Ordinal);

        var tfr = await RunAsync(db, "population", "project", "--area", "01223", "--scenario", "sim1", "--tfr", "2030:1.8;2040=abc");
        Assert.Equal(2, tfr.Code);
        Assert.Contains("2040=abc", tfr.Error, StringComparison.Ordinal);

        var scenario = await RunAsync(db, "population", "project", "--area", "01223", "--scenario", "sim3");
        Assert.Equal(2, scenario.Code);
        Assert.Contains("sim3", scenario.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Project_Xlsx_IsAValidWorkbookWithThreeSheets(DbKind kind)
    {
        var db = await databases.GetAsync(kind);
        var file = Path.Combine(Path.GetTempPath(), $"sosei-population-{Guid.NewGuid():N}.xlsx");
        try
        {
            var (code, _, error) = await RunAsync(db, "population", "project", "--area", "01223", "--scenario", "sim2", "--format", "xlsx", "--out", file);

            Assert.True(code == 0, error);
            using var workbook = SpreadsheetDocument.Open(file, isEditable: false);
            Assert.Empty(new OpenXmlValidator().Validate(workbook));
            Assert.Equal(["概要", "男女・年齢別", "出典"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_BadFile_ListsProblemsAndExitsNonZero_GoodFileImports(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var file = Path.Combine(Path.GetTempPath(), $"sosei-register-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(file, "code,name,date,total\n01223,根室市,2014,28,050\n");
            var bad = await RunAsync(db, "population", "import", file, "--kind", "register", "--edition", "住民基本台帳");
            Assert.Equal(2, bad.Code);
            Assert.Contains("2行目", bad.Error, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, "code,name,date,total\n01223,根室市,2014,28050\n");
            var good = await RunAsync(db, "population", "import", file, "--kind", "register", "--edition", "住民基本台帳");
            Assert.True(good.Code == 0, good.Error);
            Assert.Contains("01223 根室市", good.Output, StringComparison.Ordinal);

            var unknownKind = await RunAsync(db, "population", "import", file, "--kind", "people", "--edition", "x");
            Assert.Equal(2, unknownKind.Code);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
