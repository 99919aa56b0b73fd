namespace Sosei.Domain.Achievement;

/// <summary>How many KPIs reached the published threshold (達成率 80%以上) and how many did not.</summary>
/// <param name="Reached">KPIs at or above the threshold (inclusive, as in 「80%以上」).</param>
/// <param name="Below">KPIs below it (「80%未満」). A computed count includes the KPIs without a rate here: the
/// published table has no no-data column, every KPI is either one or the other.</param>
public sealed record JudgementCounts(int Reached, int Below)
{
    /// <summary>No KPIs.</summary>
    public static JudgementCounts Zero { get; } = new(0, 0);

    /// <summary>「合計」: reached + below.</summary>
    public int Total => Reached + Below;

    /// <summary>Adds two counts.</summary>
    public static JudgementCounts operator +(JudgementCounts left, JudgementCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Reached + right.Reached, left.Below + right.Below);
    }

    /// <summary>Adds two counts (for languages without operators).</summary>
    public static JudgementCounts Add(JudgementCounts left, JudgementCounts right) => left + right;

    /// <summary>The figure of one line of the table.</summary>
    public int Of(JudgementLine line) => line switch
    {
        JudgementLine.Reached => Reached,
        JudgementLine.Below => Below,
        JudgementLine.Total => Total,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "unknown line"),
    };
}

/// <summary>A line of the published table: 80%以上 / 80%未満 / 合計.</summary>
public enum JudgementLine
{
    /// <summary>「80%以上」: at or above the threshold.</summary>
    Reached = 0,

    /// <summary>「80%未満」: below it.</summary>
    Below = 1,

    /// <summary>「合計」.</summary>
    Total = 2,
}

/// <summary>A column of the published table: 全KPI / 基本目標 / 各施策のKPI (and 事業のKPI where a plan has them).</summary>
public enum JudgementColumn
{
    /// <summary>「全KPI」: every KPI of the 基本目標.</summary>
    All = 0,

    /// <summary>「基本目標」: the goal-level KPIs (数値目標).</summary>
    Goal = 1,

    /// <summary>「各施策のKPI」.</summary>
    Measure = 2,

    /// <summary>KPIs of projects.</summary>
    Project = 3,
}

/// <summary>The table a municipality published for one 基本目標: per KPI level, reached and below.</summary>
/// <param name="GoalNodeId">The 基本目標's node id (as in <see cref="SummaryNode.Id"/>).</param>
/// <param name="Goal">「基本目標」 column.</param>
/// <param name="Measure">「各施策のKPI」 column.</param>
/// <param name="Project">KPIs of projects (zero when the table has no such column).</param>
public sealed record PublishedTallyRow(string GoalNodeId, JudgementCounts Goal, JudgementCounts Measure, JudgementCounts Project)
{
    /// <summary>「全KPI」: goal + measure + project.</summary>
    public JudgementCounts All => Goal + Measure + Project;

    /// <summary>The counts of one column.</summary>
    public JudgementCounts Of(JudgementColumn column) => Column(this, column);

    internal static JudgementCounts Column(PublishedTallyRow row, JudgementColumn column) => column switch
    {
        JudgementColumn.All => row.All,
        JudgementColumn.Goal => row.Goal,
        JudgementColumn.Measure => row.Measure,
        JudgementColumn.Project => row.Project,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "unknown column"),
    };
}

/// <summary>One figure of the table, as published and as Sosei computes it.</summary>
/// <param name="Column">全KPI / 基本目標 / 各施策のKPI.</param>
/// <param name="Line">80%以上 / 80%未満 / 合計.</param>
/// <param name="Published">The municipality's figure.</param>
/// <param name="Computed">Sosei's figure from the final grades.</param>
public sealed record ReconciledFigure(JudgementColumn Column, JudgementLine Line, int Published, int Computed)
{
    /// <summary>Whether the two differ.</summary>
    public bool Differs => Published != Computed;
}

/// <summary>One 基本目標 (or the totals) side by side: published and computed.</summary>
/// <param name="GoalNodeId">The goal node; null for the totals.</param>
/// <param name="Label">The goal's label, or 「合計」.</param>
/// <param name="Published">The published counts; null when the municipality published no table for this goal.</param>
/// <param name="Computed">Sosei's counts.</param>
/// <param name="NoDataKpiIds">KPIs without a rate, counted as below in <see cref="Computed"/>.</param>
public sealed record ReconciledRow(
    string? GoalNodeId, string Label, PublishedTallyRow? Published, PublishedTallyRow Computed, IReadOnlyList<string> NoDataKpiIds)
{
    /// <summary>Whether this is the totals row.</summary>
    public bool IsTotal => GoalNodeId is null;

    /// <summary>Every figure of the document's layout (全KPI / 基本目標 / 各施策のKPI × 80%以上 / 80%未満 / 合計); empty without a published table.</summary>
    public IReadOnlyList<ReconciledFigure> Figures(bool withProject = false) => Published is null
        ? []
        : Columns(withProject).SelectMany(c => Lines.Select(l => new ReconciledFigure(c, l, Published.Of(c).Of(l), Computed.Of(c).Of(l)))).ToList();

    /// <summary>The figure of one cell; null without a published table.</summary>
    public ReconciledFigure? Figure(JudgementColumn column, JudgementLine line) =>
        Published is null ? null : new ReconciledFigure(column, line, Published.Of(column).Of(line), Computed.Of(column).Of(line));

    /// <summary>Whether every figure agrees.</summary>
    public bool Agrees => Figures(withProject: true).All(f => !f.Differs);

    /// <summary>The lines of the document's layout, in order.</summary>
    public static IReadOnlyList<JudgementLine> Lines { get; } = [JudgementLine.Reached, JudgementLine.Below, JudgementLine.Total];

    /// <summary>The columns of the document's layout, in order (事業のKPI only when asked for).</summary>
    public static IReadOnlyList<JudgementColumn> Columns(bool withProject) => withProject
        ? [JudgementColumn.All, JudgementColumn.Goal, JudgementColumn.Measure, JudgementColumn.Project]
        : [JudgementColumn.All, JudgementColumn.Goal, JudgementColumn.Measure];
}

/// <summary>A KPI whose published grade differs from the one Sosei computes.</summary>
/// <param name="KpiId">The KPI.</param>
/// <param name="PublishedCode">The published grade code (on the plan's scale).</param>
/// <param name="ComputedCode">Sosei's final grade code.</param>
public sealed record GradeDifference(string KpiId, string PublishedCode, string ComputedCode);

/// <summary>A published grade of one KPI.</summary>
/// <param name="KpiId">The KPI.</param>
/// <param name="GradeCode">The grade the municipality published, as a code of the plan's scale.</param>
public sealed record PublishedKpiGrade(string KpiId, string GradeCode);

/// <summary>
/// The judgement a municipality published for a fiscal year (the 効果検証 table: per 基本目標 and KPI level, how many
/// KPIs reached the threshold) set beside the one Sosei computes from the same KPIs, figure by figure, and the KPIs
/// whose published grade differs from the computed one.
/// </summary>
/// <param name="ThresholdRate">The published threshold as a ratio (0.8 for 「80%以上」), inclusive.</param>
/// <param name="Rows">One row per 基本目標 of the summary, in its order.</param>
/// <param name="Totals">The totals: the sums of the published rows beside the computed totals.</param>
/// <param name="GradeDifferences">KPIs with a published grade that differs from the computed final grade, in input order.</param>
/// <param name="PublishedGradeCount">How many KPIs have a published grade.</param>
public sealed record PublishedReconciliation(
    decimal ThresholdRate,
    IReadOnlyList<ReconciledRow> Rows,
    ReconciledRow Totals,
    IReadOnlyList<GradeDifference> GradeDifferences,
    int PublishedGradeCount)
{
    /// <summary>Whether every published figure and grade agrees with the computation.</summary>
    public bool Agrees => Rows.All(r => r.Agrees) && Totals.Agrees && GradeDifferences.Count == 0;

    /// <summary>Builds the reconciliation.</summary>
    /// <param name="summary">Sosei's verification summary of the year (final grades, each KPI once at home).</param>
    /// <param name="thresholdRate">
    /// The published threshold as a ratio (0.8). A computed KPI counts as reached when its final grade's band has a
    /// lower threshold at or above it; every other KPI, the no-data ones included, counts as below.
    /// </param>
    /// <param name="tallies">The published table, one row per 基本目標 (goals without a row have no published figures).</param>
    /// <param name="grades">The published grades of single KPIs, with Sosei's final grade code of each.</param>
    /// <exception cref="ArgumentException">A tally names a node that is not a goal of the summary, or names one twice; a
    /// KPI twice in <paramref name="grades"/>; a threshold outside 0–10.</exception>
    public static PublishedReconciliation Build(
        VerificationSummary summary,
        decimal thresholdRate,
        IEnumerable<PublishedTallyRow> tallies,
        IEnumerable<(PublishedKpiGrade Published, string ComputedCode)> grades)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(grades);
        if (thresholdRate is < 0m or > 10m)
        {
            throw new ArgumentException($"閾値 {thresholdRate} は 0～10（0～1000%）の範囲にありません。", nameof(thresholdRate));
        }

        var published = new Dictionary<string, PublishedTallyRow>(StringComparer.Ordinal);
        foreach (var t in tallies)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(tallies));
            if (summary.Rows.All(r => r.NodeId != t.GoalNodeId))
            {
                throw new ArgumentException($"公表された集計のノード「{t.GoalNodeId}」は基本目標ではありません。", nameof(tallies));
            }

            if (!published.TryAdd(t.GoalNodeId, t))
            {
                throw new ArgumentException($"公表された集計に基本目標「{t.GoalNodeId}」が2回あります。", nameof(tallies));
            }
        }

        var rows = summary.Rows.Select(r => Row(r, published.GetValueOrDefault(r.NodeId!), summary.Scale, thresholdRate)).ToList();
        var publishedRows = rows.Where(r => r.Published is not null).Select(r => r.Published!).ToList();
        var totalsPublished = publishedRows.Count == 0 ? null : new PublishedTallyRow(
            "",
            publishedRows.Aggregate(JudgementCounts.Zero, (a, r) => a + r.Goal),
            publishedRows.Aggregate(JudgementCounts.Zero, (a, r) => a + r.Measure),
            publishedRows.Aggregate(JudgementCounts.Zero, (a, r) => a + r.Project));
        var totals = Row(summary.Totals, null, summary.Scale, thresholdRate) with { Published = totalsPublished };

        var differences = new List<GradeDifference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (p, computed) in grades)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(grades));
            if (!seen.Add(p.KpiId))
            {
                throw new ArgumentException($"公表された評価に KPI「{p.KpiId}」が2回あります。", nameof(grades));
            }

            if (!string.Equals(p.GradeCode, computed, StringComparison.Ordinal))
            {
                differences.Add(new GradeDifference(p.KpiId, p.GradeCode, computed));
            }
        }

        return new PublishedReconciliation(thresholdRate, rows, totals, differences, seen.Count);
    }

    /// <summary>Whether a grade counts as reaching the threshold: a band whose lower threshold is at or above it.</summary>
    public static bool Reaches(Grade grade, decimal thresholdRate)
    {
        ArgumentNullException.ThrowIfNull(grade);
        return !grade.IsNoData && grade.Band.MinRate is { } min && min >= thresholdRate;
    }

    private static ReconciledRow Row(SummaryRow row, PublishedTallyRow? published, GradeScale scale, decimal threshold)
    {
        JudgementCounts Counts(SummaryCounts counts)
        {
            var reached = counts.ByGrade.Where(g => Reaches(g.Grade, threshold)).Sum(g => g.Count);
            return new JudgementCounts(reached, counts.Total - reached);
        }

        var computed = new PublishedTallyRow(row.NodeId ?? "", Counts(row.Goal), Counts(row.Measure), Counts(row.Project));
        return new ReconciledRow(row.NodeId, row.Label, published, computed, row.All.Of(scale.NoData.Code).KpiIds);
    }
}
