using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Kpis;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;

namespace Sosei.Application.Tests.PlanFiles;

/// <summary>
/// The plan file's <c>gradeOverrides</c>: a grade decided by the secretariat or the council travels with the plan
/// (export, import into another database, export again), every mistake is a located problem, and a re-import neither
/// duplicates an override nor drops one the file does not mention.
/// </summary>
public class GradeOverrideFileTests
{
    private const string Overridden = "G3.1.3.1-K1";

    private static Task<PlanDocument> ExportAsync(TestDatabase db) => PlanFileTesting.ExportAsync(db, Abashiri);

    private static Task<ImportResult> ImportAsync(TestDatabase db, PlanDocument doc, bool dryRun = false, string? user = null) =>
        PlanFileTesting.ImportAsync(db, doc, new ImportOptions { DryRun = dryRun, User = user }, Clock);

    private static async Task<List<(string Kpi, int Year, string Grade, string Reason, string? By, DateTimeOffset At)>> StoredAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        var rows = await context.GradeOverrides.AsNoTracking()
            .Join(context.Kpis, o => o.KpiId, k => k.Id, (o, k) => new { k.Code, o.FiscalYear, o.GradeCode, o.Reason, o.DecidedBy, o.DecidedAt })
            .ToListAsync();
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.FiscalYear)
            .Select(r => (r.Code, r.FiscalYear, r.GradeCode, r.Reason, r.DecidedBy, r.DecidedAt)).ToList();
    }

    private static ImportCount Overrides(ImportResult result) => result.Counts.Single(c => c.Item == "評価の上書き / grade overrides");

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Overrides_Exported_ImportedIntoAnEmptyDatabase_AndExportedAgain_AreTheSame(DbKind kind)
    {
        await using var source = await AbashiriAsync(kind);
        await using (var context = source.NewContext())
        {
            // One more decided on the grade page: who and when are the page's (the clock is 09:30 UTC, 18:30 in Japan).
            var saved = await Grades(context).SaveAsync(Abashiri, "G1-N1", 2017, new GradeOverrideForm { GradeCode = "80%未満", Reason = "調査時点が古いため" }, "admin");
            Assert.True(saved.Succeeded, string.Join(" | ", saved.Errors.Values));
        }

        var first = await ExportAsync(source);

        // The demo's two (網走市's own judgement of 平成30年度) and the page's, in KPI order then by year.
        Assert.Equal(
            [("G1-N1", 2017, "80%未満", "admin", "2026-11-22T18:30:00+09:00"),
             ("G3.1.3.1-K1", 2018, "80%以上", "網走市（平成30年度 総合戦略の検証）", "2019-09-30T00:00:00+09:00"),
             ("G4-N1", 2018, "80%以上", "網走市（平成30年度 総合戦略の検証）", "2019-09-30T00:00:00+09:00")],
            first.GradeOverrides.Select(o => (o.Kpi, o.Year!.Value, o.Grade, o.DecidedBy, o.DecidedAt)));
        Assert.Contains("※31年度稼働予定", first.GradeOverrides[1].Reason, StringComparison.Ordinal);

        await using var target = await TestDatabase.CreateAsync(kind);
        var imported = await ImportAsync(target, first, user: "importer");
        Assert.True(imported.Succeeded, string.Join("\n", imported.Problems));
        Assert.Equal(3, Overrides(imported).Created);

        Assert.Equal(await StoredAsync(source), await StoredAsync(target));
        var stored = (await StoredAsync(target))[1];
        Assert.Equal(new DateTimeOffset(2019, 9, 29, 15, 0, 0, TimeSpan.Zero), stored.At);
        Assert.Equal(
            JsonSerializer.Serialize(first, PlanDocumentJson.Options),
            JsonSerializer.Serialize(await ExportAsync(target), PlanDocumentJson.Options));

        // The evaluation of the imported plan uses them: the city's grade is final, Sosei's computed grade beside it.
        await using (var context = target.NewContext())
        {
            var view = (await Grades(context).GetAsync(Abashiri, Overridden, 2018))!;
            Assert.Equal(("80%以上", "80%未満"), (view.Evaluation.Grade.Final.Code, view.Evaluation.Grade.Computed.Code));
            Assert.Equal("網走市（平成30年度 総合戦略の検証）", view.Override!.DecidedBy);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Reimport_IsIdempotent_UpdatesByKpiAndYear_AndLeavesOverridesTheFileDoesNotMention(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var doc = await ExportAsync(db);
        var before = await StoredAsync(db);

        // Unchanged, twice: nothing created, changed or removed.
        foreach (var dryRun in new[] { true, false, false })
        {
            var again = await ImportAsync(db, doc, dryRun);
            Assert.True(again.Succeeded, string.Join("\n", again.Problems));
            Assert.Equal((0, 0, 2, 0), (Overrides(again).Created, Overrides(again).Changed, Overrides(again).Unchanged, Overrides(again).Removed));
            Assert.Empty(again.Changes);
            Assert.Empty(again.NotInFile);
        }

        Assert.Equal(before, await StoredAsync(db));

        // A changed reason and grade change the stored override in place; the dry run lists the fields.
        var changed = doc with
        {
            GradeOverrides = [doc.GradeOverrides[0] with { Grade = "—", Reason = "判定を保留" }, doc.GradeOverrides[1]],
        };
        var dry = await ImportAsync(db, changed, dryRun: true);
        Assert.Equal((0, 1), (Overrides(dry).Created, Overrides(dry).Changed));
        Assert.Equal(
            [("GradeCode", "80%以上", "—"), ("Reason", doc.GradeOverrides[0].Reason, "判定を保留")],
            dry.Changes.Where(c => c.Item == "評価の上書き / grade overrides").Select(c => (c.Field, c.Before, c.After)));
        Assert.All(dry.Changes.Where(c => c.Item == "評価の上書き / grade overrides"), c => Assert.Equal($"{Overridden} 2018", c.Key));
        Assert.Equal(before, await StoredAsync(db));

        Assert.True((await ImportAsync(db, changed)).Succeeded);
        var stored = await StoredAsync(db);
        Assert.Equal(2, stored.Count);
        Assert.Equal(("—", "判定を保留", before[0].At), (stored[0].Grade, stored[0].Reason, stored[0].At));

        // A file without an override leaves the stored one alone (a decision is not lost to an older file or a
        // workbook without the sheet) and says so; a new one without decidedAt gets the time of the import.
        var without = doc with
        {
            GradeOverrides = [doc.GradeOverrides[1], new GradeOverrideEntry("G1-N1", 2018, "80%未満", "有識者会議の意見により", "総合戦略推進会議")],
        };
        var partial = await ImportAsync(db, without);
        Assert.True(partial.Succeeded, string.Join("\n", partial.Problems));
        Assert.Equal(["評価の上書き / grade override G3.1.3.1-K1 平成30年度"], partial.NotInFile);
        stored = await StoredAsync(db);
        Assert.Equal(["G1-N1", "G3.1.3.1-K1", "G4-N1"], stored.Select(s => s.Kpi));
        Assert.Equal(("有識者会議の意見により", "総合戦略推進会議", Clock.GetUtcNow()), (stored[0].Reason, stored[0].By, stored[0].At));
        Assert.Equal("判定を保留", stored[1].Reason);

        // Without decidedAt a stored override keeps its own.
        var undated = doc with { GradeOverrides = [doc.GradeOverrides[1] with { DecidedAt = null, Reason = "理由を改めた" }] };
        Assert.True((await ImportAsync(db, undated)).Succeeded);
        Assert.Equal(before[1].At, (await StoredAsync(db))[2].At);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_BadGradeOverrides_ListsEveryProblemAtItsPath_AndStoresNothing(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var doc = await ExportAsync(db);
        var before = await SnapshotAsync(db);
        var good = doc.GradeOverrides[0];
        var bad = doc with
        {
            GradeOverrides =
            [
                good with { Kpi = "G9-N1" },
                good with { Kpi = " " },
                good with { Year = null },
                good with { Year = 99_999 },
                good with { Grade = "A" },
                good with { Grade = "" },
                good with { Reason = "  " },
                good with { DecidedAt = "平成31年9月30日" },
                good with { DecidedAt = "2019-09-30T00:00:00" },
                good,
                good with { Reason = "別の理由" },
                good with { Kpi = new string('K', 65), Grade = new string('G', 21), Reason = new string('あ', 4001), DecidedBy = new string('い', 501), DecidedAt = new string('1', 201) },
            ],
        };

        foreach (var dryRun in new[] { true, false })
        {
            var result = await ImportAsync(db, bad, dryRun);

            Assert.False(result.Succeeded);
            string At(string path) => string.Join(" | ", result.Problems.Where(p => p.Place.In(Message.JapaneseUi) == path).Select(p => p.Message.Japanese));
            string English(string path) => string.Join(" | ", result.Problems.Where(p => p.Place.In(Message.JapaneseUi) == path).Select(p => p.Message.English));
            Assert.Equal("KPI が kpis にありません。", At("gradeOverrides[0].kpi"));
            Assert.Equal("KPI not found in kpis.", English("gradeOverrides[0].kpi"));
            Assert.Equal("KPIコードが空です。", At("gradeOverrides[1].kpi"));
            Assert.Contains("年度（例: 2018 = 平成30年度）がありません", At("gradeOverrides[2].year"), StringComparison.Ordinal);
            Assert.Contains("1900～2200", At("gradeOverrides[3].year"), StringComparison.Ordinal);
            Assert.Contains("from 1900 to 2200", English("gradeOverrides[3].year"), StringComparison.Ordinal);
            Assert.Contains("評価区分のコード（80%以上, 80%未満, —）", At("gradeOverrides[4].grade"), StringComparison.Ordinal);
            Assert.Equal("評価が空です。", At("gradeOverrides[5].grade"));
            Assert.Contains("評価を変更する理由が空です", At("gradeOverrides[6].reason"), StringComparison.Ordinal);
            Assert.Contains("the reason for changing the grade is required", English("gradeOverrides[6].reason"), StringComparison.Ordinal);
            Assert.Contains("2019-09-30T00:00:00+09:00", At("gradeOverrides[7].decidedAt"), StringComparison.Ordinal);
            Assert.Contains("時差を付けて", At("gradeOverrides[8].decidedAt"), StringComparison.Ordinal);

            // One per KPI and year: the first (index 0 names another KPI) is gradeOverrides[9]; [10] repeats it.
            Assert.Equal("", At("gradeOverrides[9]"));
            Assert.Contains("平成30年度の評価の上書きはすでにあります（KPI と年度ごとに1つ）", At("gradeOverrides[10]"), StringComparison.Ordinal);
            Assert.Contains("one per KPI and year", English("gradeOverrides[10]"), StringComparison.Ordinal);

            // Lengths: codes 64, grade codes 20, the reason 4,000, who 500, when 200.
            Assert.Contains("64文字以内", At("gradeOverrides[11].kpi"), StringComparison.Ordinal);
            Assert.Contains("20文字以内", At("gradeOverrides[11].grade"), StringComparison.Ordinal);
            Assert.Equal("長すぎます。4,000文字以内にしてください（4,001文字あります）。", At("gradeOverrides[11].reason"));
            Assert.Equal("too long: at most 4,000 characters (4,001 given).", English("gradeOverrides[11].reason"));
            Assert.Contains("500文字以内", At("gradeOverrides[11].decidedBy"), StringComparison.Ordinal);
            Assert.Contains("200文字以内", At("gradeOverrides[11].decidedAt"), StringComparison.Ordinal);

            Assert.Equal(before, await SnapshotAsync(db));
        }
    }

    [Theory]
    [InlineData("2019-09-30T00:00:00+09:00", "2019-09-29T15:00:00Z")]
    [InlineData("2019-09-30T09:15:30.25+09:00", "2019-09-30T00:15:30.25Z")]
    [InlineData("2019-09-30T00:00Z", "2019-09-30T00:00:00Z")]
    [InlineData("2019-09-30T00:00:00.5Z", "2019-09-30T00:00:00.5Z")]
    [InlineData("2019-09-30", "2019-09-29T15:00:00Z")]
    public void DecidedAt_ReadsInstantsWithTheirOffset_AndDatesAsMidnightInJapan(string text, string utc)
    {
        var instant = PlanFileExporterInstant(text);

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(instant, PlanFileExporterInstant(PlanFileExporter.InstantText(instant)));
    }

    [Fact]
    public void DecidedAt_IsExportedInJapanTime_WithFractionsOnlyWhenThereAreAny()
    {
        Assert.Equal("2019-09-30T00:00:00+09:00", PlanFileExporter.InstantText(new DateTimeOffset(2019, 9, 29, 15, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-11-22T18:30:00.1234567+09:00", PlanFileExporter.InstantText(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567)));
    }

    private static DateTimeOffset PlanFileExporterInstant(string text)
    {
        var doc = new PlanDocument
        {
            Plan = new PlanEntry { Code = "p", Organization = "01223", Name = "計画", Period = "H27～H31" },
            Organizations = [new OrganizationEntry { Code = "01223", Name = "根室市" }],
            Nodes = [new NodeEntry { Code = "G1", Title = "基本目標" }],
            Kpis = [new KpiEntry { Code = "K1", Node = "G1", Name = "指標", Target = "10人", TargetPeriod = "H31" }],
            GradeOverrides = [new GradeOverrideEntry("K1", 2018, "80%以上", "理由", DecidedAt: text)],
        };
        var (plan, problems) = PlanFileValidator.Validate(doc, new Dictionary<string, IReadOnlySet<string>>());
        Assert.True(plan is not null, string.Join("\n", problems));
        return plan.GradeOverrides.Single().DecidedAt!.Value;
    }
}
