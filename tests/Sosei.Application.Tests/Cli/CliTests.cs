using Sosei.Application.Persistence;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Cli;

namespace Sosei.Application.Tests.Cli;

/// <summary>
/// The sosei command line, run in-process against a test database: help, exit codes and messages of import, export
/// and report.
/// </summary>
public sealed class CliTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sosei-cli");

    public void Dispose() => folder.Delete(recursive: true);

    private static string[] Db(TestDatabase db) => db.Options.Provider == DatabaseProvider.Postgres
        ? ["--provider", "postgres", "--connection-string", db.Options.ConnectionString!]
        : ["--data-dir", db.Options.DataDirectory!];

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SoseiCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string PathOf(string name) => Path.Combine(folder.FullName, name);

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "migrate", "demo", "import", "export", "report" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReportHelp_ListsKindsFormatsAndOptions()
    {
        var (code, output, _) = await RunAsync("report", "--help");

        Assert.Equal(0, code);
        foreach (var text in new[] { "verification", "kpi-table", "projects", "--plan", "--year", "--format", "--out", "csv|json|pdf|xlsx" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Report_WritesTheFile_AndFailsClearlyOnBadInput(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await RunAsync([.. Db(db), "demo"])).Code);

        var ok = await RunAsync([.. Db(db), "report", "verification", "--plan", "abashiri-sosei-2015", "--year", "H30", "--format", "json", "--out", PathOf("v.json")]);
        Assert.Equal(0, ok.Code);
        Assert.Contains("\"format\": \"sosei-verification/1\"", await File.ReadAllTextAsync(PathOf("v.json")), StringComparison.Ordinal);

        var csv = await RunAsync([.. Db(db), "report", "kpi-table", "--plan", "abashiri-sosei-2015", "--format", "csv", "--out", PathOf("k.csv")]);
        Assert.Equal(0, csv.Code);
        Assert.Equal([0xEF, 0xBB, 0xBF], (await File.ReadAllBytesAsync(PathOf("k.csv"))).Take(3));

        var noPlan = await RunAsync([.. Db(db), "report", "projects", "--plan", "nowhere", "--format", "xlsx", "--out", PathOf("p.xlsx")]);
        Assert.Equal(3, noPlan.Code);
        Assert.Contains("計画がありません / no such plan: nowhere", noPlan.Err, StringComparison.Ordinal);

        var badYear = await RunAsync([.. Db(db), "report", "verification", "--plan", "abashiri-sosei-2015", "--year", "来年", "--out", PathOf("x.xlsx")]);
        Assert.Equal(2, badYear.Code);
        Assert.Contains("--year は年度で指定してください", badYear.Err, StringComparison.Ordinal);

        var jsonOfTable = await RunAsync([.. Db(db), "report", "kpi-table", "--plan", "abashiri-sosei-2015", "--format", "json", "--out", PathOf("y.json")]);
        Assert.Equal(2, jsonOfTable.Code);
        Assert.Contains("JSON は効果検証（verification）だけです", jsonOfTable.Err, StringComparison.Ordinal);

        var badKind = await RunAsync([.. Db(db), "report", "budget", "--plan", "abashiri-sosei-2015"]);
        Assert.NotEqual(0, badKind.Code);
        Assert.Contains("budget", badKind.Err + badKind.Out, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ExportAndImport_XlsxCsvZipAndFolder_RoundTrip(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        Assert.Equal(0, (await RunAsync([.. Db(db), "demo"])).Code);

        Assert.Equal(0, (await RunAsync([.. Db(db), "export", "--plan", "nemuro-sosei-2015", "--format", "xlsx", "--out", PathOf("n.xlsx")])).Code);
        Assert.Equal(0, (await RunAsync([.. Db(db), "export", "--plan", "nemuro-sosei-2015", "--format", "csv", "--out", PathOf("n.zip")])).Code);
        Assert.Equal(0, (await RunAsync([.. Db(db), "export", "--plan", "nemuro-sosei-2015", "--format", "csv", "--out", PathOf("csv") + "/"])).Code);
        Assert.True(File.Exists(Path.Combine(PathOf("csv"), "KPI.csv")));

        foreach (var path in new[] { PathOf("n.xlsx"), PathOf("n.zip"), PathOf("csv") })
        {
            var (code, output, error) = await RunAsync([.. Db(db), "import", path, "--dry-run"]);
            Assert.True(code == 0, error);
            Assert.Contains("[試行・保存していません / dry run, nothing written] nemuro-sosei-2015: 新規 0件, 変更 0件", output, StringComparison.Ordinal);
            Assert.Contains("100 %", error, StringComparison.Ordinal);
        }

        // The file limits are read from the configuration, as the web app reads them (Sosei:FileLimits).
        Environment.SetEnvironmentVariable("Sosei__FileLimits__MaxRows", "20");
        try
        {
            var limited = await RunAsync([.. Db(db), "import", PathOf("n.xlsx"), "--dry-run"]);
            Assert.Equal(2, limited.Code);
            Assert.Contains("は 20行目より下にあります", limited.Err, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Sosei__FileLimits__MaxRows", null);
        }

        var missingOut = await RunAsync([.. Db(db), "export", "--plan", "nemuro-sosei-2015", "--format", "xlsx"]);
        Assert.Equal(2, missingOut.Code);
        Assert.Contains("--out", missingOut.Err, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_BadOrMissingFile_ExitsNonZeroWithTheProblems(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);

        var missing = await RunAsync([.. Db(db), "import", PathOf("none.xlsx")]);
        Assert.Equal(3, missing.Code);
        Assert.Contains("ファイルもフォルダもありません", missing.Err, StringComparison.Ordinal);

        await File.WriteAllTextAsync(PathOf("plan.txt"), "x");
        var wrongKind = await RunAsync([.. Db(db), "import", PathOf("plan.txt")]);
        Assert.Equal(2, wrongKind.Code);

        await File.WriteAllBytesAsync(PathOf("KPI.csv"), System.Text.Encoding.UTF8.GetBytes("KPIコード,ノード,指標名,H27\nK1,G1,人口,2億x円\n"));
        var bad = await RunAsync([.. Db(db), "import", PathOf("KPI.csv")]);
        Assert.Equal(2, bad.Code);
        Assert.Contains("取り込めませんでした", bad.Err, StringComparison.Ordinal);
        Assert.Contains("「計画」シートがありません", bad.Err, StringComparison.Ordinal);

        await File.WriteAllBytesAsync(PathOf("broken.xlsx"), [1, 2, 3]);
        var broken = await RunAsync([.. Db(db), "import", PathOf("broken.xlsx")]);
        Assert.Equal(2, broken.Code);
        Assert.Contains("Excel ブック（.xlsx）として読めません", broken.Err, StringComparison.Ordinal);
    }
}
