using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Application.Evaluation;

/// <summary>One KPI evaluated for a fiscal year.</summary>
public sealed record KpiEvaluation
{
    /// <summary>The KPI as read (a read model with its series, values, interim targets and departments).</summary>
    public required KpiView Kpi { get; init; }

    /// <summary>The domain definition used.</summary>
    public required KpiDefinition Definition { get; init; }

    /// <summary>Achievement of the KPI as one number; for a KPI with series, the series results are in <see cref="SeriesResults"/> and this is the first one.</summary>
    public required AchievementResult Achievement { get; init; }

    /// <summary>One result per series; empty for a KPI without series.</summary>
    public IReadOnlyList<AchievementResult> SeriesResults { get; init; } = [];

    /// <summary>How the series were graded together; null without series.</summary>
    public SeriesGrade? SeriesGrade { get; init; }

    /// <summary>Computed grade, override and final grade.</summary>
    public required GradeDecision Grade { get; init; }

    /// <summary>The forecast (of the KPI, or of its first series).</summary>
    public required KpiForecast Forecast { get; init; }

    /// <summary>
    /// Which way the KPI moved since its baseline (改善 / 横ばい / 悪化 / 判定不能), beside its grade; for a KPI with series,
    /// the series' trends combined by its sub-item rule (<see cref="TrendCalculator.Combine"/>).
    /// </summary>
    public required TrendStatus Trend { get; init; }

    /// <summary>The trend of each series, in the order of <see cref="SeriesResults"/>; empty for a KPI measured as one number.</summary>
    public IReadOnlyList<KpiTrend> SeriesTrends { get; init; } = [];

    /// <summary>The 見通し as one sentence (ja/en), <see cref="Terms.ForecastSentence"/>.</summary>
    public Message ForecastSentence => Terms.ForecastSentence(Forecast, Definition.Direction);

    /// <summary>Latest actual value up to the evaluated year (of the KPI, or of each series), for display.</summary>
    public IReadOnlyList<ValueView> LatestValues { get; init; } = [];

    /// <summary>The achievement rate used for the grade: the KPI's, or the series aggregate.</summary>
    public decimal? Rate => SeriesGrade is { } s ? s.Rate : Achievement.Rate;

    /// <summary>Whether the rate rests on a provisional value.</summary>
    public bool IsProvisional => SeriesGrade?.IsProvisional ?? Achievement.IsProvisional;
}

/// <summary>A plan evaluated for a fiscal year: every KPI, and the verification summary.</summary>
public sealed record PlanEvaluation
{
    /// <summary>The plan as read (a read model with its organization, region, levels, bands, revisions and nodes).</summary>
    public required PlanView Plan { get; init; }

    /// <summary>The fiscal year evaluated.</summary>
    public required FiscalYear Year { get; init; }

    /// <summary>Fiscal years that hold at least one actual value, ascending.</summary>
    public required IReadOnlyList<int> YearsWithData { get; init; }

    /// <summary>The plan's grade scale.</summary>
    public required GradeScale Scale { get; init; }

    /// <summary>The grading rules the KPIs were graded with: the plan's, or those of a preview.</summary>
    public required GradingRules Rules { get; init; }

    /// <summary>Every KPI, in tree order.</summary>
    public required IReadOnlyList<KpiEvaluation> Kpis { get; init; }

    /// <summary>Projects of the plan in tree order (read models with partners, KPIs, budget lines, grants and department).</summary>
    public required IReadOnlyList<ProjectView> Projects { get; init; }

    /// <summary>Relistings (再掲).</summary>
    public required IReadOnlyList<PlanRelistingView> Relistings { get; init; }

    /// <summary>Per 基本目標 counts of goal and measure KPIs per grade, with totals.</summary>
    public required VerificationSummary Summary { get; init; }

    /// <summary>The judgement the municipality published for the year; null when none is stored.</summary>
    public PublishedJudgementView? Published { get; init; }

    /// <summary>The published judgement beside <see cref="Summary"/>, figure by figure; null without <see cref="Published"/>.</summary>
    public PublishedReconciliation? Reconciliation { get; init; }

    /// <summary>The level name of a depth (基本目標, 施策 …), or an empty string.</summary>
    public string LevelName(int depth) => Plan.Levels.FirstOrDefault(l => l.Depth == depth)?.Name ?? "";

    /// <summary>The evaluation of one KPI by id.</summary>
    public KpiEvaluation? Find(int kpiId) => Kpis.FirstOrDefault(k => k.Kpi.Id == kpiId);
}

/// <summary>
/// Evaluates a plan for a fiscal year: loads the plan with EF Core (no tracking), turns what it loaded into read models
/// (<see cref="PlanView"/>, <see cref="KpiView"/>, <see cref="ProjectView"/>, <see cref="PlanRelistingView"/>), maps each
/// KPI to the domain, computes achievement, grades (with overrides) and forecasts by the plan's grading rules
/// (<see cref="Plan.GradingRules"/>, or rules given for a preview), and builds the verification summary. The pages,
/// reports, API and CLI all use this one service, so they always agree; none of them receives an entity.
/// </summary>
public sealed class PlanEvaluator(SoseiDbContext db, TimeProvider clock)
{
    /// <summary>Evaluates a plan; null when no plan has that code.</summary>
    /// <param name="planCode">Plan code.</param>
    /// <param name="fiscalYear">The fiscal year to evaluate; null for <see cref="DefaultYear(PlanView, IReadOnlyList{int})"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fiscalYear"/> is not a fiscal year (see <see cref="FiscalYear"/>).</exception>
    public Task<PlanEvaluation?> EvaluateAsync(string planCode, int? fiscalYear = null, CancellationToken cancellationToken = default) =>
        EvaluateAsync(planCode, fiscalYear, rules: null, cancellationToken);

    /// <summary>
    /// Evaluates a plan with grading rules given in memory instead of the plan's stored ones (the settings page's preview
    /// of unsaved rules); nothing is saved. Null when no plan has that code.
    /// </summary>
    /// <param name="planCode">Plan code.</param>
    /// <param name="fiscalYear">The fiscal year to evaluate; null for <see cref="DefaultYear(PlanView, IReadOnlyList{int})"/>.</param>
    /// <param name="rules">The rules to grade with; null for the plan's (<see cref="Plan.GradingRules"/>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fiscalYear"/> is not a fiscal year (see <see cref="FiscalYear"/>).</exception>
    public async Task<PlanEvaluation?> EvaluateAsync(string planCode, int? fiscalYear, GradingRules? rules, CancellationToken cancellationToken = default)
    {
        // The fiscal year checks its own range, before anything is loaded.
        FiscalYear? requested = fiscalYear is { } y ? new FiscalYear(y) : null;
        var stored = await db.Plans.AsNoTracking()
            .Include(p => p.Organization).Include(p => p.Region)
            .Include(p => p.Levels).Include(p => p.GradeBands).Include(p => p.Revisions).Include(p => p.Nodes)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var plan = PlanView.Of(stored);
        var kpis = (await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id)
            .Include(k => k.Series).Include(k => k.Values).Include(k => k.InterimTargets)
            .Include(k => k.Departments).ThenInclude(d => d.Department)
            .ToListAsync(cancellationToken)).Select(KpiView.Of).ToList();
        var kpiIds = kpis.Select(k => k.Id).ToList();
        var overrides = await db.GradeOverrides.AsNoTracking().Where(o => kpiIds.Contains(o.KpiId)).ToListAsync(cancellationToken);
        var projects = (await db.Projects.AsNoTracking().Where(p => p.PlanId == plan.Id)
            .Include(p => p.Partners).ThenInclude(x => x.Organization)
            .Include(p => p.Kpis).Include(p => p.BudgetLines).Include(p => p.Grants).Include(p => p.Department)
            .ToListAsync(cancellationToken)).Select(ProjectView.Of).ToList();
        var relistings = (await db.Relistings.AsNoTracking().Where(r => r.PlanId == plan.Id).ToListAsync(cancellationToken))
            .Select(PlanRelistingView.Of).ToList();

        var years = kpis.SelectMany(k => k.Values).Where(v => v.Amount.HasValue).Select(v => v.Period.FiscalYear.Year).Distinct().Order().ToList();
        var year = requested ?? new FiscalYear(DefaultYear(plan, years));
        rules ??= plan.GradingRules;
        var scale = KpiMapping.ToScale(plan, rules);
        var order = TreeOrder(plan);

        var evaluations = kpis
            .OrderBy(k => order.GetValueOrDefault(k.HomeNodeId, int.MaxValue)).ThenBy(k => k.SortOrder)
            .Select(k => Evaluate(plan, rules, k, year, scale, overrides.FirstOrDefault(o => o.KpiId == k.Id && o.FiscalYear == year.Year)))
            .ToList();

        var summary = VerificationSummary.Build(
            year,
            scale,
            plan.Nodes.Select(n => new SummaryNode(Id(n.Id), n.ParentId is { } p ? Id(p) : null, Label(n), n.SortOrder)),
            evaluations.Select(e => new SummaryKpi(
                Id(e.Kpi.Id),
                Id(e.Kpi.HomeNodeId),
                e.Kpi.Level,
                e.Grade.Final.Code,
                relistings.Where(r => r.KpiId == e.Kpi.Id).Select(r => Id(r.NodeId)).ToList())));

        var published = await db.PublishedJudgements.AsNoTracking().Include(j => j.Tallies).Include(j => j.Grades)
            .SingleOrDefaultAsync(j => j.PlanId == plan.Id && j.FiscalYear == year.Year, cancellationToken);

        return new PlanEvaluation
        {
            Plan = plan,
            Year = year,
            YearsWithData = years,
            Scale = scale,
            Rules = rules,
            Kpis = evaluations,
            Projects = projects.OrderBy(p => order.GetValueOrDefault(p.HomeNodeId, int.MaxValue)).ThenBy(p => p.SortOrder).ToList(),
            Relistings = relistings,
            Summary = summary,
            Published = published is null ? null : PublishedJudgementView.Of(published),
            Reconciliation = published is null ? null : Reconcile(published, summary, evaluations),
        };
    }

    /// <summary>
    /// The published judgement beside Sosei's summary: the published table per 基本目標 (tallies of nodes that are no
    /// longer goals are left out) and the published grades against the final grades.
    /// </summary>
    private static PublishedReconciliation Reconcile(PublishedJudgement published, VerificationSummary summary, List<KpiEvaluation> evaluations)
    {
        var goals = summary.Rows.Select(r => r.NodeId).ToHashSet(StringComparer.Ordinal);
        JudgementCounts Counts(IEnumerable<PublishedTally> tallies, KpiLevel level) =>
            tallies.FirstOrDefault(t => t.Level == level) is { } t ? new JudgementCounts(t.Reached, t.Below) : JudgementCounts.Zero;
        var rows = published.Tallies.GroupBy(t => Id(t.NodeId)).Where(g => goals.Contains(g.Key))
            .Select(g => new PublishedTallyRow(g.Key, Counts(g, KpiLevel.Goal), Counts(g, KpiLevel.Measure), Counts(g, KpiLevel.Project)));
        var grades = published.Grades
            .Select(g => (Grade: g, Evaluation: evaluations.FirstOrDefault(e => e.Kpi.Id == g.KpiId)))
            .Where(x => x.Evaluation is not null)
            .Select(x => (new PublishedKpiGrade(Id(x.Grade.KpiId), x.Grade.GradeCode), x.Evaluation!.Grade.Final.Code));
        return PublishedReconciliation.Build(summary, published.ThresholdRate, rows, grades);
    }

    /// <summary>
    /// The year a plan is shown for by default: the latest fiscal year with data, not after the current one; without
    /// data, the current fiscal year limited to the plan period. "Current" is today in Japan (<see cref="JapanTime"/>),
    /// whatever the server's time zone.
    /// </summary>
    public int DefaultYear(Plan plan, IReadOnlyList<int> yearsWithData)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return DefaultYear(plan.StartFiscalYear, plan.EndFiscalYear, yearsWithData);
    }

    /// <summary>The year a plan is shown for by default (<see cref="DefaultYear(Plan, IReadOnlyList{int})"/>), for a read plan.</summary>
    public int DefaultYear(PlanView plan, IReadOnlyList<int> yearsWithData)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return DefaultYear(plan.StartFiscalYear, plan.EndFiscalYear, yearsWithData);
    }

    private int DefaultYear(int startFiscalYear, int endFiscalYear, IReadOnlyList<int> yearsWithData)
    {
        ArgumentNullException.ThrowIfNull(yearsWithData);
        var current = clock.CurrentFiscalYearInJapan().Year;
        var withData = yearsWithData.Where(y => y <= current).ToList();
        return withData.Count > 0 ? withData[^1] : Math.Clamp(current, startFiscalYear, endFiscalYear);
    }

    /// <summary>Summary node id of a node or KPI id.</summary>
    public static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Label(NodeView n) => string.IsNullOrEmpty(n.Label) ? n.Title : $"{n.Label} {n.Title}";

    /// <summary>Position of every node in depth-first document order.</summary>
    public static Dictionary<int, int> TreeOrder(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return TreeOrder(plan.Nodes.Select(n => (n.Id, n.ParentId, n.SortOrder)));
    }

    /// <summary>Position of every node of a read plan in depth-first document order.</summary>
    public static Dictionary<int, int> TreeOrder(PlanView plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return TreeOrder(plan.Nodes.Select(n => (n.Id, n.ParentId, n.SortOrder)));
    }

    private static Dictionary<int, int> TreeOrder(IEnumerable<(int Id, int? ParentId, int SortOrder)> nodes)
    {
        var children = nodes.ToLookup(n => n.ParentId);
        var order = new Dictionary<int, int>();
        void Walk(int? parent)
        {
            foreach (var n in children[parent].OrderBy(n => n.SortOrder))
            {
                order[n.Id] = order.Count;
                Walk(n.Id);
            }
        }

        Walk(null);
        return order;
    }

    private static KpiEvaluation Evaluate(PlanView plan, GradingRules rules, KpiView kpi, FiscalYear year, GradeScale scale, GradeOverride? gradeOverride)
    {
        var definition = KpiMapping.ToDefinition(kpi, rules);
        var options = rules.ApplyTo();
        var observations = KpiMapping.ToObservations(kpi);
        var latest = LatestValues(kpi, year);
        Grade? overridden = gradeOverride is not null && scale.TryFindByCode(gradeOverride.GradeCode, out var g) ? g : null;
        if (definition.Series.Count == 0)
        {
            var result = AchievementCalculator.Evaluate(definition, observations, year, plan.DefaultAchievementMethod, options);
            return new KpiEvaluation
            {
                Kpi = kpi,
                Definition = definition,
                Achievement = result,
                Grade = new GradeDecision(scale.Grade(result), overridden, gradeOverride?.Reason),
                Forecast = ForecastCalculator.Forecast(definition, observations, year),
                Trend = TrendCalculator.Of(definition, result).Status,
                LatestValues = latest,
            };
        }

        var results = AchievementCalculator.EvaluateEachSeries(definition, observations, year, plan.DefaultAchievementMethod, options);
        var seriesGrade = scale.GradeSeries(definition.SeriesAggregation, results);
        var trends = results.Select(r => TrendCalculator.Of(definition, r)).ToList();
        return new KpiEvaluation
        {
            Kpi = kpi,
            Definition = definition,
            Achievement = results[0],
            SeriesResults = results,
            SeriesGrade = seriesGrade,
            Grade = new GradeDecision(seriesGrade.Grade, overridden, gradeOverride?.Reason),
            Forecast = ForecastCalculator.ForecastBySeriesRule(definition, observations, year),
            Trend = TrendCalculator.Combine(definition.SeriesAggregation, trends.Select(t => t.Status)),
            SeriesTrends = trends,
            LatestValues = latest,
        };
    }

    private static List<ValueView> LatestValues(KpiView kpi, FiscalYear year) => kpi.Values
        .Where(v => v.Period.FiscalYear <= year && (v.Amount.HasValue || v.NoValueReason is not null))
        .GroupBy(v => v.SeriesId)
        .Select(g => g.OrderByDescending(v => v.Period).ThenBy(v => v.Amount.HasValue ? 0 : 1).First())
        .OrderBy(v => kpi.Series.FirstOrDefault(s => s.Id == v.SeriesId)?.SortOrder ?? -1)
        .ToList();
}
