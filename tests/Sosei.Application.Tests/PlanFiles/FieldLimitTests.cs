using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.ImportJobs;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Application.Tests.Workbooks;
using Sosei.Application.Workbooks;

namespace Sosei.Application.Tests.PlanFiles;

/// <summary>
/// One length limit per field (<see cref="FieldLimits"/>), checked by the validator files and forms share: a text too
/// long is refused at the dry run with a located message naming the limit and the length, on both engines, and
/// nothing is stored; a text exactly at the limit is stored (also on PostgreSQL, whose columns refuse longer texts).
/// </summary>
public class FieldLimitTests
{
    private const string Plan = "abashiri-sosei-2015";

    private static Task<(TestDatabase Db, PlanDocument Doc)> LoadedAsync(DbKind kind) => PlanFileTesting.DemoWithExportAsync(kind, Plan);

    private static Task<ImportResult> ImportAsync(TestDatabase db, PlanDocument doc, bool dryRun) =>
        PlanFileTesting.ImportAsync(db, doc, new ImportOptions { DryRun = dryRun });

    private static async Task<string> StoredNameAsync(TestDatabase db, string code)
    {
        await using var context = db.NewContext();
        return await context.Kpis.Where(k => k.Plan!.Code == Plan && k.Code == code).Select(k => k.Name).SingleAsync();
    }

    private static PlanDocument WithFirstKpiName(PlanDocument doc, string name) =>
        doc with { Kpis = [doc.Kpis[0] with { Name = name }, .. doc.Kpis.Skip(1)] };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task PlanFile_WithA100000CharacterKpiName_IsRefusedAtTheDryRun_WithTheLimit_AndNothingIsStored(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;
        var code = doc.Kpis[0].Code;
        var before = await StoredNameAsync(db, code);
        var bad = WithFirstKpiName(doc, new string('あ', 100_000));

        foreach (var dryRun in new[] { true, false })
        {
            var result = await ImportAsync(db, bad, dryRun);

            var problem = Assert.Single(result.Problems, p => p.Place.In(Message.JapaneseUi) == "kpis[0].name" && p.Message.Japanese.Contains("500", StringComparison.Ordinal));
            Assert.Equal("長すぎます。500文字以内にしてください（100,000文字あります）。", problem.Message.Japanese);
            Assert.Equal("too long: at most 500 characters (100,000 given).", problem.Message.English);
            Assert.StartsWith(new string('あ', 80) + "…（全 100,000 文字）", problem.Text, StringComparison.Ordinal);
        }

        Assert.Equal(before, await StoredNameAsync(db, code));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task PlanFile_WithAKpiNameExactlyAtTheLimit_IsStored(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;
        var name = new string('あ', FieldLimits.Name - 1) + "数";

        var result = await ImportAsync(db, WithFirstKpiName(doc, name), dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(name, await StoredNameAsync(db, doc.Kpis[0].Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task EveryKindOfText_OverItsLimit_IsAProblemAtItsPath(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;
        static string Long(int limit) => new('x', limit + 1);
        var project = doc.Projects[0];
        var bad = doc with
        {
            Plan = doc.Plan with { Name = Long(FieldLimits.PlanName), Description = Long(FieldLimits.LongText) },
            Nodes = [doc.Nodes[0] with { Title = Long(FieldLimits.Name) }, .. doc.Nodes.Skip(1)],
            Kpis = [doc.Kpis[0] with { Unit = Long(FieldLimits.Text), Note = Long(FieldLimits.LongText), Departments = [Long(FieldLimits.OrganizationName)] }, .. doc.Kpis.Skip(1)],
            Projects = [project with { Code = Long(FieldLimits.Code), Content = Long(FieldLimits.LongText) }, .. doc.Projects.Skip(1)],
        };

        var result = await ImportAsync(db, bad, dryRun: true);

        var tooLong = result.Problems.Where(p => p.Message.English.StartsWith("too long", StringComparison.Ordinal)).Select(p => p.Place.In(Message.JapaneseUi)).ToList();
        Assert.Equal(
            ["plan.name", "plan.description", "nodes[0].title", "kpis[0].unit", "kpis[0].departments[0]", "kpis[0].note", "projects[0].code", "projects[0].content"],
            tooLong);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Workbook_WithTenThousandBadRows_ListsTheCapAndOneCountLine(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;
        var sheets = WorkbookSheets.Of(doc);
        var kpiRows = sheets["KPI"];
        var template = kpiRows[1];
        var codeColumn = kpiRows[0].IndexOf("KPIコード");
        var nodeColumn = kpiRows[0].IndexOf("ノード");
        for (var i = 0; i < 10_000; i++)
        {
            var row = template.ToList();
            row[codeColumn] = $"X{i}";
            row[nodeColumn] = "G9.9";
            kpiRows.Add(row);
        }

        await using var context = db.NewContext();
        var result = await new WorkbookImporter(new PlanFileImporter(context, DemoDatabase.Clock))
            .ImportSheetsAsync(sheets.Tables(), new ImportOptions { DryRun = true });

        Assert.Equal(ProblemList.MaxProblems + 1, result.Problems.Count);
        Assert.Equal("ほか 9,800 件の問題があります（最初の 200 件を表示しています）。上の問題を直してから、もう一度読み込んでください。", result.Problems[^1].Message.Japanese);
        Assert.StartsWith("9,800 more problems", result.Problems[^1].Message.English, StringComparison.Ordinal);
        var stored = ImportJobService.WriteResult(result);
        Assert.True(stored.Length < 200_000, $"{stored.Length} characters stored");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Workbook_WithAOneMegabyteCell_QuotesItCut(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;
        var sheets = WorkbookSheets.Of(doc);
        var row = sheets.RowOf("KPI", "指標名", "市内事業所の従業員数");
        sheets.Set("KPI", row, "平成28年度", new string('1', 1_000_000) + "x");

        await using var context = db.NewContext();
        var result = await new WorkbookImporter(new PlanFileImporter(context, DemoDatabase.Clock))
            .ImportSheetsAsync(sheets.Tables(), new ImportOptions { DryRun = true });

        Assert.False(result.Succeeded);
        Assert.All(result.Problems, p =>
        {
            Assert.True(p.Text is null || p.Text.Length <= 120, p.Text?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(p.In(Message.JapaneseUi).Length < 2000, "a problem line quotes too much");
        });
        Assert.Contains(result.Problems, p => p.Text == new string('1', 80) + "…（全 1,000,001 文字）");
    }

    [Fact]
    public void A_capped_list_and_a_cut_text_are_kept_as_they_are_when_stored_and_read_back()
    {
        var problems = Enumerable.Range(0, 500).Select(i => new ImportProblem(JsonPath.Of("kpis").At(i).Then("name"), new string('x', 1000), new Message("長すぎます。", "too long."))).ToList();
        var result = new ImportResult { Problems = problems };

        var read = ImportJobService.ReadResult(ImportJobService.WriteResult(result))!;

        Assert.Equal(201, result.Problems.Count);
        Assert.Equal(result.Problems.Select(p => (p.Text, p.Message.Japanese)), read.Problems.Select(p => (p.Text, p.Message.Japanese)));
        Assert.Equal(new string('x', 80) + "…（全 1,000 文字）", read.Problems[0].Text);
        Assert.Contains("ほか 300 件", read.Problems[^1].Message.Japanese, StringComparison.Ordinal);
    }
}
