using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sosei.Application.Common;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests.Evaluation;

/// <summary>The plan file's <c>publishedJudgements</c>: checked with located messages, and a re-import replaces a year's figures.</summary>
public class PublishedJudgementFileTests
{
    private const string Abashiri = "abashiri-sosei-2015";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private static Task<(TestDatabase Db, PlanDocument Doc)> LoadedAsync(DbKind kind) => PlanFileTesting.DemoWithExportAsync(kind, Abashiri);

    private static Task<ImportResult> ImportAsync(TestDatabase db, PlanDocument doc, bool dryRun) =>
        PlanFileTesting.ImportAsync(db, doc, new ImportOptions { DryRun = dryRun });

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_BadPublishedJudgement_ListsEveryProblemAtItsPath(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;
        var h30 = doc.PublishedJudgements.Single();
        var bad = doc with
        {
            PublishedJudgements =
            [
                h30 with
                {
                    ThresholdPercent = 75,
                    Tallies = [.. h30.Tallies, new PublishedTallyEntry("G1.1", new JudgementCountEntry(1, 0)), new PublishedTallyEntry("G2", Measure: new JudgementCountEntry(-1, 3))],
                    Grades = [new PublishedGradeEntry("G9-N1", "80%以上"), new PublishedGradeEntry("G1-N1", "A")],
                },
                h30 with { FiscalYear = "平成30年度" },
            ],
        };

        var result = await ImportAsync(db, bad, dryRun: true);

        Assert.False(result.Succeeded);
        string At(string path) => string.Join(" | ", result.Problems.Where(p => p.Place.In(Message.JapaneseUi).Contains(path, StringComparison.Ordinal)).Select(p => p.Message.Japanese));
        Assert.Contains("評価区分の下限（80）", At("publishedJudgements[0].thresholdPercent"), StringComparison.Ordinal);
        Assert.Contains("基本目標（最上位のノード）ごと", At("publishedJudgements[0].tallies[5].node"), StringComparison.Ordinal);
        Assert.Contains("この基本目標の集計はすでにあります", At("publishedJudgements[0].tallies[6].node"), StringComparison.Ordinal);
        Assert.Contains("KPI が kpis にありません", At("publishedJudgements[0].grades[0].kpi"), StringComparison.Ordinal);
        Assert.Contains("80%以上, 80%未満, —", At("publishedJudgements[0].grades[1].grade"), StringComparison.Ordinal);
        Assert.Contains("1年度に1つ", At("publishedJudgements[1].fiscalYear"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Reimport_ChangedPublishedJudgement_ReplacesThatYearsTalliesAndGrades(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;
        var h30 = doc.PublishedJudgements.Single();
        var changed = doc with
        {
            PublishedJudgements =
            [
                h30 with
                {
                    Tallies = [h30.Tallies[0] with { Measure = new JudgementCountEntry(8, 9) }],
                    Grades = [new PublishedGradeEntry("G3.1.3.1-K1", "80%以上", "31年度稼働予定で判定"), new PublishedGradeEntry("G1-N1", "80%未満")],
                },
            ],
        };

        var result = await ImportAsync(db, changed, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var context = db.NewContext();
        var stored = await context.PublishedJudgements.Include(j => j.Tallies).Include(j => j.Grades).SingleAsync();
        Assert.Equal([(1, 0), (8, 9)], stored.Tallies.OrderBy(t => t.Level).Select(t => (t.Reached, t.Below)));
        Assert.Equal(["80%以上", "80%未満"], stored.Grades.OrderByDescending(g => g.GradeCode == "80%以上").Select(g => g.GradeCode));

        // The published grades are compared with Sosei's final grades: 病後児保育対応保育所数 agrees through the demo's
        // grade override (computed 0カ所 of 1カ所, 80%未満); 市内事業所の従業員数 is 80%以上 (98.5%).
        var e = (await new Sosei.Application.Evaluation.PlanEvaluator(context, Clock).EvaluateAsync(Abashiri, 2018))!;
        var difference = Assert.Single(e.Reconciliation!.GradeDifferences);
        Assert.Equal(("80%未満", "80%以上"), (difference.PublishedCode, difference.ComputedCode));
        Assert.Equal(2, e.Reconciliation.PublishedGradeCount);
        Assert.Null(e.Reconciliation.Rows[1].Published);
    }
}
