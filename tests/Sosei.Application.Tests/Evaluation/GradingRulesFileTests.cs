using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Tests.Evaluation;

/// <summary>
/// The plan file's <c>plan.gradingRules</c>, a KPI's <c>seriesAggregation</c> override and a value's
/// <c>referenceScore</c>: stored, exported as imported, checked with located messages, and used by the evaluation.
/// </summary>
public class GradingRulesFileTests
{
    private const string Abashiri = "abashiri-sosei-2015";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    private static Task<(TestDatabase Db, PlanDocument Doc)> LoadedAsync(DbKind kind) => PlanFileTesting.DemoWithExportAsync(kind, Abashiri);

    private static Task<ImportResult> ImportAsync(TestDatabase db, PlanDocument doc, bool dryRun = false) =>
        PlanFileTesting.ImportAsync(db, doc, new ImportOptions { DryRun = dryRun });

    private static Task<PlanDocument> ExportAsync(TestDatabase db) => PlanFileTesting.ExportAsync(db, Abashiri);

    private static KpiEntry Kpi(PlanDocument doc, string code) => doc.Kpis.Single(k => k.Code == code);

    private static PlanDocument WithKpi(PlanDocument doc, KpiEntry kpi) =>
        doc with { Kpis = [.. doc.Kpis.Select(k => k.Code == kpi.Code ? kpi : k)] };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Export_WritesThePlansRules_AndReimportingThemChangesNothing(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;

        Assert.Equal(new GradingRulesEntry
        {
            Actuals = "LatestUpToYear",
            Thresholds = "Inclusive",
            SeriesAggregation = "Any",
            RelativeTargets = "ReachedOrNot",
        }, doc.Plan.GradingRules);
        Assert.All(doc.Kpis, k => Assert.Null(k.SeriesAggregation));

        var result = await ImportAsync(db, doc);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(
            JsonSerializer.Serialize(doc, PlanDocumentJson.Options),
            JsonSerializer.Serialize(await ExportAsync(db), PlanDocumentJson.Options));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_ChangedRulesOverrideAndReferenceScores_AreStoredExportedAndUsed(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;

        // The ratio reading, with the national 正答率 of H30 given beside each difference of 全国学力.
        var gakuryoku = Kpi(doc, "G4-N1");
        var withScores = gakuryoku with
        {
            Series = [.. gakuryoku.Series.Select(s => s with { Values = [.. s.Values.Select(v => v.Period == "平成30年度" ? v with { ReferenceScore = "60" } : v)] })],
        };
        var haccp = Kpi(doc, "G1.1.2.1-K1") with { SeriesAggregation = "All" };
        var changed = WithKpi(WithKpi(doc, withScores), haccp) with
        {
            Plan = doc.Plan with { GradingRules = new GradingRulesEntry { SeriesAggregation = "Any", RelativeTargets = "RatioToReference", Thresholds = "Exclusive" } },
        };

        var result = await ImportAsync(db, changed);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var exported = await ExportAsync(db);
        Assert.Equal(("LatestUpToYear", "Exclusive", "Any", "RatioToReference"), (exported.Plan.GradingRules!.Actuals, exported.Plan.GradingRules.Thresholds, exported.Plan.GradingRules.SeriesAggregation, exported.Plan.GradingRules.RelativeTargets));
        Assert.Equal("All", Kpi(exported, "G1.1.2.1-K1").SeriesAggregation);
        Assert.Equal(["60", "60"], Kpi(exported, "G4-N1").Series.Select(s => s.Values.Single(v => v.Period == "平成30年度").ReferenceScore));

        await using var context = db.NewContext();
        var e = (await new PlanEvaluator(context, Clock).EvaluateAsync(Abashiri, 2018))!;
        var evaluated = e.Kpis.Single(k => k.Kpi.Code == "G4-N1");
        Assert.Equal(ThresholdComparison.Exclusive, e.Scale.Thresholds);

        // 中学生 (60 − 0.9) ÷ 60 = 98.5%, the best sub-item; 全国体力 has no national values: 判定不能.
        Assert.Equal(98.5m, AchievementResult.RoundPercent(evaluated.Rate!.Value));
        Assert.Equal(AchievementFormula.RatioToReference, evaluated.SeriesResults[1].Formula);
        Assert.True(e.Kpis.Single(k => k.Kpi.Code == "G4-N2").Grade.Final.IsNoData);

        // HACCP says All itself: graded by サケ製品 75.0%, while the plan says Any.
        var kpi = e.Kpis.Single(k => k.Kpi.Code == "G1.1.2.1-K1");
        Assert.Equal((SeriesAggregation.All, "80%未満"), (kpi.SeriesGrade!.Rule, kpi.Grade.Final.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_BadRulesAndReferenceScore_ListEveryProblemAtItsPath(DbKind kind)
    {
        var (db, doc) = await LoadedAsync(kind);
        await using var _ = db;
        var kpi = Kpi(doc, "G4-N1");
        var bad = WithKpi(doc, kpi with
        {
            SeriesAggregation = "Worst",
            Series = [kpi.Series[0] with { Values = [kpi.Series[0].Values[0] with { ReferenceScore = "全国並み" }, .. kpi.Series[0].Values.Skip(1)] }, .. kpi.Series.Skip(1)],
        }) with
        {
            Plan = doc.Plan with { GradingRules = new GradingRulesEntry { Actuals = "Newest", Thresholds = "以上", SeriesAggregation = "Best", RelativeTargets = "Ratio" } },
        };

        var result = await ImportAsync(db, bad, dryRun: true);

        Assert.False(result.Succeeded);
        string At(string path) => string.Join(" | ", result.Problems.Where(p => p.Place.In(Message.JapaneseUi).Contains(path, StringComparison.Ordinal)).Select(p => p.Message.Japanese));
        Assert.Contains("LatestUpToYear, ThatYearOnly", At("plan.gradingRules.actuals"), StringComparison.Ordinal);
        Assert.Contains("Inclusive, Exclusive", At("plan.gradingRules.thresholds"), StringComparison.Ordinal);
        Assert.Contains("All, Any, Mean", At("plan.gradingRules.seriesAggregation"), StringComparison.Ordinal);
        Assert.Contains("ProgressFromBaseline, ReachedOrNot, RatioToReference", At("plan.gradingRules.relativeTargets"), StringComparison.Ordinal);
        var k = doc.Kpis.FindIndex(x => x.Code == "G4-N1");
        Assert.Contains("All, Any, Mean", At($"kpis[{k}].seriesAggregation"), StringComparison.Ordinal);
        Assert.NotEmpty(At($"kpis[{k}].series[0].values[0].referenceScore"));
    }
}
