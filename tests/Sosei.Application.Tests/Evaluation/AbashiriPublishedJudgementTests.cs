using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sosei.Application.DemoData;
using Sosei.Application.Evaluation;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Tests.Evaluation;

/// <summary>
/// 網走市 published its own 効果検証 of 平成30年度 (seed 001, ②総合戦略の検証 2.): per 基本目標 how many KPIs reached 80%.
/// The demo plan holds that table as data and is graded by the city's rules (plan.gradingRules: sub-items 「いずれか」,
/// 全国平均 targets reached or not); here every published figure is compared with Sosei's computation of the same year,
/// the KPIs those rules move are checked against the document, and the two KPIs no rule reproduces carry the city's
/// judgement as grade overrides (gradeOverrides in the demo file), each with its cause, so that every figure agrees
/// while Sosei's computed grade stays beside the decision.
/// </summary>
public class AbashiriPublishedJudgementTests
{
    private const string Abashiri = "abashiri-sosei-2015";

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    // Seed 001, the five tables of ②総合戦略の検証 2.: (基本目標, 基本目標のKPI 80%以上 / 80%未満, 各施策のKPI 80%以上 / 80%未満).
    private static readonly (string Goal, int GoalReached, int GoalBelow, int MeasureReached, int MeasureBelow)[] Published =
    [
        ("G1", 1, 0, 9, 8),
        ("G2", 1, 0, 3, 3),
        ("G3", 1, 0, 5, 1),
        ("G4", 2, 0, 4, 6),
        ("G5", 3, 0, 12, 5),
    ];

    /// <summary>Why Sosei's computed grade differs from the city's judgement, which a grade override records.</summary>
    public enum Cause
    {
        /// <summary>
        /// 全国学力 (小 △3.3 → △2.7, 中 △4.3 → △0.9 against 全国平均): the city counts it 80%以上, but no reading of a 全国平均
        /// target Sosei has gets there with the document's figures: the share of the gap closed is 18.2% / 79.1% (the best
        /// sub-item stops 0.9 points short), neither sub-item reached 全国平均, and the ratio to the national score needs the
        /// national 正答率, which the document does not give (判定不能). The city presumably used that ratio.
        /// </summary>
        NationalValuesMissing,

        /// <summary>
        /// A KPI judged on its planned outcome: 病後児保育対応保育所数 is still 0カ所 against 1カ所 (「※31年度稼働予定」, and
        /// the document: 「指標によっては2019年度末での効果発現を前提としているものもある」); Sosei computes 0 ÷ 1 = 0%.
        /// </summary>
        PlannedOutcome,
    }

    /// <summary>A published figure that Sosei's computed grades alone would not reproduce, and the overrides that do.</summary>
    /// <param name="Goal">基本目標 node code.</param>
    /// <param name="Column">基本目標 or 各施策のKPI (全KPI and 合計 follow from them).</param>
    /// <param name="Published">The city's (80%以上, 80%未満), which Sosei's figure equals with the overrides.</param>
    /// <param name="Computed">Sosei's (80%以上, 80%未満) from the computed grades, without the overrides.</param>
    /// <param name="Cause">Why the computed grade differs.</param>
    /// <param name="Kpis">The KPIs Sosei computes 80%未満 that the city counts as 80%以上: each has an override of 平成30年度.</param>
    /// <param name="ReasonQuotes">What the override's reason quotes from the document.</param>
    public sealed record Overridden(string Goal, JudgementColumn Column, (int Reached, int Below) Published, (int Reached, int Below) Computed, Cause Cause, string[] Kpis, string[] ReasonQuotes);

    // The only figures of 平成30年度 that the plan's rules do not reproduce; the demo's overrides record the city's judgement.
    private static readonly Overridden[] Overrides =
    [
        // 病後児保育対応保育所数: 0カ所 ÷ 1カ所 (※31年度稼働予定).
        new("G3", JudgementColumn.Measure, (5, 1), (4, 2), Cause.PlannedOutcome, ["G3.1.3.1-K1"], ["※31年度稼働予定", "0カ所", "2019年度末での効果発現"]),

        // 全国学力: 小 △2.7, 中 △0.9 (全国平均 not reached, national 正答率 not in the document).
        new("G4", JudgementColumn.Goal, (2, 0), (1, 1), Cause.NationalValuesMissing, ["G4-N1"], ["小学生 △2.7・中学生 △0.9", "全国平均", "全国の正答率がなく"]),
    ];

    /// <summary>
    /// The KPIs that Sosei's default rules grade 80%未満 and the city's rules grade 80%以上, as the document counts them:
    /// HACCP認定施設保有企業数 (ホタテ製品 4社 ÷ 5社 = 80.0%, サケ製品 75.0%) and 橋梁補強・浸水対策 完了率 (67%, 94%) reach 80%
    /// when one sub-item does; 全国体力 (小5男子 +0.2点, 小5女子 +1.5点 above 全国平均) when one sub-item reaches 全国平均.
    /// </summary>
    private static readonly string[] MovedByTheCitysRules = ["G1.1.2.1-K1", "G4-N2", "G5.1.1.1-K1"];

    private static async Task<(TestDatabase Db, PlanEvaluation Evaluation)> EvaluateAsync(DbKind kind)
    {
        var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        await new DemoDataLoader(new PlanFileImporter(context, Clock), context).LoadAsync();
        return (db, (await new PlanEvaluator(context, Clock).EvaluateAsync(Abashiri, 2018))!);
    }

    private static async Task<PlanEvaluation> EvaluateWithAsync(TestDatabase db, GradingRules rules)
    {
        await using var context = db.NewContext();
        return (await new PlanEvaluator(context, Clock).EvaluateAsync(Abashiri, 2018, rules))!;
    }

    private static bool Reached(PlanEvaluation e, string kpiCode) =>
        PublishedReconciliation.Reaches(e.Kpis.Single(k => k.Kpi.Code == kpiCode).Grade.Final, e.Published!.ThresholdRate);

    private static bool ComputedReached(PlanEvaluation e, string kpiCode) =>
        PublishedReconciliation.Reaches(e.Kpis.Single(k => k.Kpi.Code == kpiCode).Grade.Computed, e.Published!.ThresholdRate);

    private static string GoalCode(PlanEvaluation e, ReconciledRow row) => e.Plan.Nodes.Single(n => PlanEvaluator.Id(n.Id) == row.GoalNodeId).Code;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Abashiri_IsGradedByTheCitysRules_SubItemsAnyAndNationalAverageReachedOrNot(DbKind kind)
    {
        var (db, e) = await EvaluateAsync(kind);
        await using var _ = db;

        Assert.Equal(
            GradingRules.Default with { SeriesAggregation = SeriesAggregation.Any, RelativeTargets = RelativeTargetReading.ReachedOrNot },
            e.Rules);
        Assert.All(e.Kpis.Where(k => k.SeriesGrade is not null), k => Assert.Equal(SeriesAggregation.Any, k.SeriesGrade!.Rule));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Abashiri2018_PublishedJudgement_IsTheCitysTable(DbKind kind)
    {
        var (db, e) = await EvaluateAsync(kind);
        await using var _ = db;

        Assert.NotNull(e.Published);
        Assert.Equal(0.8m, e.Published.ThresholdRate);
        var r = e.Reconciliation!;
        Assert.Equal(
            Published,
            r.Rows.Select(row => (GoalCode(e, row), row.Published!.Goal.Reached, row.Published.Goal.Below, row.Published.Measure.Reached, row.Published.Measure.Below)));

        // 「総数が64件あり、このうち5つの基本目標に係るKPIが8件、その下の各施策に係るものが56件」; 8 of 8 and 33 of 56 reached 80%.
        var totals = r.Totals.Published!;
        Assert.Equal((64, 8, 56), (totals.All.Total, totals.Goal.Total, totals.Measure.Total));
        Assert.Equal((41, 8, 33), (totals.All.Reached, totals.Goal.Reached, totals.Measure.Reached));

        // The same KPIs on both sides: every 合計 agrees, per 基本目標 and column (one row of the table is one KPI).
        Assert.All(r.Rows.Append(r.Totals), row => Assert.All(
            ReconciledRow.Columns(withProject: true),
            c => Assert.False(row.Figure(c, JudgementLine.Total)!.Differs, $"{row.Label} {c} 合計")));
        Assert.All(r.Rows, row => Assert.Empty(row.NoDataKpiIds));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Abashiri2018_EveryPublishedFigure_EqualsSoseis(DbKind kind)
    {
        var (db, e) = await EvaluateAsync(kind);
        await using var _ = db;
        var r = e.Reconciliation!;

        foreach (var row in r.Rows)
        {
            foreach (var column in ReconciledRow.Columns(withProject: true))
            {
                foreach (var line in new[] { JudgementLine.Reached, JudgementLine.Below, JudgementLine.Total })
                {
                    Assert.False(row.Figure(column, line)!.Differs, $"{GoalCode(e, row)} {column} {line}");
                }
            }

            var published = row.Published!;
            Assert.Equal((published.Goal.Reached, published.Goal.Below), (row.Computed.Goal.Reached, row.Computed.Goal.Below));
            Assert.Equal((published.Measure.Reached, published.Measure.Below), (row.Computed.Measure.Reached, row.Computed.Measure.Below));
        }

        // The totals: 41 / 23 on both sides; 基本目標 8 / 0, 各施策 33 / 23.
        var totals = r.Totals;
        Assert.Equal((41, 23), (totals.Computed.All.Reached, totals.Computed.All.Below));
        Assert.Equal((8, 0), (totals.Computed.Goal.Reached, totals.Computed.Goal.Below));
        Assert.Equal((33, 23), (totals.Computed.Measure.Reached, totals.Computed.Measure.Below));
        Assert.Equal((41, 23), (totals.Published!.All.Reached, totals.Published.All.Below));

        // The city published no grades of single KPIs; nothing else is compared, so the judgement agrees.
        Assert.Equal(0, r.PublishedGradeCount);
        Assert.Empty(r.GradeDifferences);
        Assert.True(r.Agrees);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Abashiri2018_EachOverride_RecordsTheCitysJudgement_WithItsCause_BesideTheComputedGrade(DbKind kind)
    {
        var (db, e) = await EvaluateAsync(kind);
        await using var _ = db;
        var threshold = e.Published!.ThresholdRate;
        await using var context = db.NewContext();
        var stored = await context.GradeOverrides.AsNoTracking().Join(context.Kpis, o => o.KpiId, k => k.Id, (o, k) => new { k.Code, Override = o }).ToListAsync();

        // Exactly the KPIs behind the figures the rules do not reproduce, for 平成30年度 only.
        Assert.Equal(Overrides.SelectMany(o => o.Kpis).Order(StringComparer.Ordinal), stored.Select(s => s.Code).Order(StringComparer.Ordinal));
        Assert.All(stored, s => Assert.Equal(2018, s.Override.FiscalYear));

        foreach (var d in Overrides)
        {
            // As many KPIs as the computed figures differ by, under that 基本目標 and in that column.
            Assert.Equal(d.Published.Reached - d.Computed.Reached, d.Kpis.Length);
            var kpis = d.Kpis.Select(code => e.Kpis.Single(k => k.Kpi.Code == code)).ToList();
            Assert.All(kpis, k =>
            {
                Assert.StartsWith(d.Goal + (d.Column == JudgementColumn.Goal ? "-N" : "."), k.Kpi.Code, StringComparison.Ordinal);

                // The city's judgement is final; Sosei's computed grade is still 80%未満, kept beside it.
                Assert.True(k.Grade.IsOverridden, k.Kpi.Code);
                Assert.Equal("80%以上", k.Grade.Final.Code);
                Assert.Equal("80%未満", k.Grade.Computed.Code);
                Assert.True(PublishedReconciliation.Reaches(k.Grade.Final, threshold), k.Kpi.Code);
                Assert.False(PublishedReconciliation.Reaches(k.Grade.Computed, threshold), k.Kpi.Code);

                // The override says who decided and why, quoting the document.
                var o = stored.Single(s => s.Code == k.Kpi.Code).Override;
                Assert.Equal("網走市（平成30年度 総合戦略の検証）", o.DecidedBy);
                Assert.All(d.ReasonQuotes, q => Assert.Contains(q, o.Reason, StringComparison.Ordinal));
            });

            if (d.Cause == Cause.PlannedOutcome)
            {
                Assert.All(kpis, k =>
                {
                    Assert.Equal(0m, k.Rate);
                    Assert.Contains("31年度稼働予定", k.Kpi.Source, StringComparison.Ordinal);
                });
            }
        }

        // Without the overrides Sosei's own figures are back: 39 / 25 (基本目標 7 / 1, 各施策 32 / 24), differing exactly there.
        context.GradeOverrides.RemoveRange(stored.Select(s => s.Override));
        await context.SaveChangesAsync();
        var computed = (await new PlanEvaluator(context, Clock).EvaluateAsync(Abashiri, 2018))!;
        var totals = computed.Reconciliation!.Totals.Computed;
        Assert.Equal((39, 25, 7, 1, 32, 24), (totals.All.Reached, totals.All.Below, totals.Goal.Reached, totals.Goal.Below, totals.Measure.Reached, totals.Measure.Below));
        foreach (var row in computed.Reconciliation.Rows)
        {
            var goal = GoalCode(computed, row);
            foreach (var column in new[] { JudgementColumn.Goal, JudgementColumn.Measure })
            {
                var known = Overrides.SingleOrDefault(d => d.Goal == goal && d.Column == column);
                var published = row.Published!.Of(column);
                var figure = row.Computed.Of(column);
                Assert.Equal(known?.Computed ?? (published.Reached, published.Below), (figure.Reached, figure.Below));
            }
        }

        Assert.False(computed.Reconciliation.Agrees);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Abashiri2018_TheCitysRules_MoveExactlyTheKpisTheDocumentCountsAsReached(DbKind kind)
    {
        var (db, e) = await EvaluateAsync(kind);
        await using var _ = db;
        var defaults = await EvaluateWithAsync(db, GradingRules.Default);

        // Sosei's defaults (the worst sub-item, share of the gap closed) grade these 80%未満; the city's rules 80%以上.
        var moved = e.Kpis.Where(k => Reached(e, k.Kpi.Code) != Reached(defaults, k.Kpi.Code)).Select(k => k.Kpi.Code);
        Assert.Equal(MovedByTheCitysRules, moved);
        Assert.All(MovedByTheCitysRules, code => Assert.True(Reached(e, code) && !Reached(defaults, code), code));

        // HACCP: graded by ホタテ製品 4社 ÷ 5社 = 80.0%; 橋梁・浸水: by 浸水対策 94%.
        Assert.Equal(80.0m, AchievementResult.RoundPercent(e.Kpis.Single(k => k.Kpi.Code == "G1.1.2.1-K1").Rate!.Value));

        // 全国体力: 小5男子 +0.2点 reaches 全国平均 (100%); by the share of the gap closed, 小5女子 (140.0%) would reach too.
        var tairyoku = e.Kpis.Single(k => k.Kpi.Code == "G4-N2");
        Assert.Equal(AchievementFormula.TargetMet, tairyoku.SeriesResults[0].Formula);
        Assert.Equal(1m, tairyoku.Rate);
        var anyProgress = await EvaluateWithAsync(db, e.Rules with { RelativeTargets = RelativeTargetReading.ProgressFromBaseline });
        Assert.True(Reached(anyProgress, "G4-N2"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Abashiri2018_NationalAcademicTest_IsBelowUnderEveryReadingTheDocumentAllows(DbKind kind)
    {
        var (db, e) = await EvaluateAsync(kind);
        await using var _ = db;

        // Sosei's computed grade, which the city's judgement (a grade override) does not change.
        // Reached or not: 小 △2.7, 中 △0.9, neither at 全国平均.
        Assert.Equal(0m, e.Kpis.Single(k => k.Kpi.Code == "G4-N1").Rate);
        Assert.False(ComputedReached(e, "G4-N1"));

        // The share of the gap closed: the best sub-item, 中学生, is 79.1%.
        var progress = await EvaluateWithAsync(db, e.Rules with { RelativeTargets = RelativeTargetReading.ProgressFromBaseline });
        var gakuryoku = progress.Kpis.Single(k => k.Kpi.Code == "G4-N1");
        Assert.Equal(79.1m, AchievementResult.RoundPercent(gakuryoku.Rate!.Value));
        Assert.False(ComputedReached(progress, "G4-N1"));

        // The ratio to the national score: the document gives no national 正答率, so 判定不能 with the reason.
        var ratio = await EvaluateWithAsync(db, e.Rules with { RelativeTargets = RelativeTargetReading.RatioToReference });
        var judged = ratio.Kpis.Single(k => k.Kpi.Code == "G4-N1");
        Assert.True(judged.Grade.Computed.IsNoData);
        Assert.Equal("80%以上", judged.Grade.Final.Code);
        Assert.All(judged.SeriesResults, x => Assert.Contains("全国平均の値がないため", x.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Evaluation_OfAYearWithoutPublishedJudgement_HasNoReconciliation(DbKind kind)
    {
        var (db, _) = await EvaluateAsync(kind);
        await using var __ = db;
        await using var context = db.NewContext();

        var e = (await new PlanEvaluator(context, Clock).EvaluateAsync(Abashiri, 2017))!;

        Assert.Null(e.Published);
        Assert.Null(e.Reconciliation);
        Assert.Equal(1, await context.PublishedJudgements.CountAsync());
    }
}
