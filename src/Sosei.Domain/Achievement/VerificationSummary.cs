using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Domain.Achievement;

/// <summary>A node of the plan tree, as much of it as the verification summary needs.</summary>
/// <param name="Id">Unique id of the node.</param>
/// <param name="ParentId">The parent's id; null for a top-level node (a 基本目標, unless a root is given to <see cref="VerificationSummary.Build"/>).</param>
/// <param name="Label">Text shown in the summary, e.g. "基本目標1 若い世代を中心として…".</param>
/// <param name="Order">Position among its siblings; rows follow it (then the id).</param>
public sealed record SummaryNode(string Id, string? ParentId, string Label, int Order);

/// <summary>A KPI as the verification summary counts it: once, at its home node, with its final grade.</summary>
/// <param name="Id">Unique id of the KPI.</param>
/// <param name="HomeNodeId">The node the KPI belongs to. A 再掲 (relisted) KPI is counted here only.</param>
/// <param name="Level">Goal-level (数値目標), measure or project KPI.</param>
/// <param name="FinalGradeCode">The final grade code (<see cref="GradeDecision.Final"/>) on the summary's scale, "—" for no data.</param>
/// <param name="RelistedAtNodeIds">Nodes where the KPI is shown again (再掲); checked to exist, never counted.</param>
public sealed record SummaryKpi(
    string Id, string HomeNodeId, KpiLevel Level, string FinalGradeCode, IReadOnlyList<string>? RelistedAtNodeIds = null);

/// <summary>How many KPIs got one grade, and which.</summary>
/// <param name="Grade">The grade.</param>
/// <param name="KpiIds">The KPIs with that grade, in input order, so that a page can list them.</param>
public sealed record GradeCount(Grade Grade, IReadOnlyList<string> KpiIds)
{
    /// <summary>The grade's code.</summary>
    public string Code => Grade.Code;

    /// <summary>Number of KPIs.</summary>
    public int Count => KpiIds.Count;
}

/// <summary>Counts of KPIs per grade, in scale order (the no-data grade last).</summary>
/// <param name="ByGrade">One entry per grade of the scale, zero counts included.</param>
public sealed record SummaryCounts(IReadOnlyList<GradeCount> ByGrade)
{
    /// <summary>All KPIs counted, every grade including no data.</summary>
    public int Total => ByGrade.Sum(g => g.Count);

    /// <summary>The count of one grade code.</summary>
    /// <param name="code">A grade code of the scale.</param>
    /// <exception cref="ArgumentException">The scale has no such code.</exception>
    public int Count(string code) => Of(code).Count;

    /// <summary>The entry of one grade code.</summary>
    /// <param name="code">A grade code of the scale.</param>
    /// <exception cref="ArgumentException">The scale has no such code (quoted in the message).</exception>
    public GradeCount Of(string code) =>
        ByGrade.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.Ordinal))
        ?? throw new ArgumentException($"評価コード「{code}」は集計にありません。", nameof(code));
}

/// <summary>One row of the summary: a 基本目標, or the totals.</summary>
/// <param name="NodeId">The goal node; null for the totals row.</param>
/// <param name="Label">The goal's label, or "合計".</param>
/// <param name="Goal">Goal-level KPIs (数値目標 of the 基本目標: the "基本目標" column).</param>
/// <param name="Measure">Measure KPIs (the "各施策のKPI" column).</param>
/// <param name="Project">Project KPIs (e.g. grant projects' KPIs); zero in plans that have none.</param>
/// <param name="All">Every KPI of the row (the "全KPI" column): goal + measure + project.</param>
public sealed record SummaryRow(string? NodeId, string Label, SummaryCounts Goal, SummaryCounts Measure, SummaryCounts Project, SummaryCounts All)
{
    /// <summary>Whether this is the totals row.</summary>
    public bool IsTotal => NodeId is null;
}

/// <summary>
/// The verification (効果検証) summary of a plan for a fiscal year: per 基本目標, the number of goal-level KPIs and of
/// measure KPIs in each grade, and the totals — the table municipalities publish ("全KPI / 基本目標 / 各施策のKPI" ×
/// "80%以上 / 80%未満"). Each KPI counts once, under the 基本目標 above its home node; relistings (再掲) do not count.
/// </summary>
/// <param name="Year">The fiscal year verified.</param>
/// <param name="Scale">The grading scale of the counts.</param>
/// <param name="Rows">One row per 基本目標, in order (goals without KPIs included, with zeros).</param>
/// <param name="Totals">The totals row.</param>
public sealed record VerificationSummary(FiscalYear Year, GradeScale Scale, IReadOnlyList<SummaryRow> Rows, SummaryRow Totals)
{
    /// <summary>Builds the summary.</summary>
    /// <param name="year">The fiscal year verified (carried into the result).</param>
    /// <param name="scale">The plan's grading scale; every KPI's final grade code must belong to it.</param>
    /// <param name="nodes">The plan tree.</param>
    /// <param name="kpis">Each KPI once, with its home node and final grade.</param>
    /// <param name="rootId">
    /// When the tree has a single root above the 基本目標 (戦略理念), its id: the goals are then its children. Null: the
    /// goals are the nodes without a parent.
    /// </param>
    /// <exception cref="ArgumentException">
    /// A node id twice, an unknown parent or root, a cycle; a KPI id twice (a relisted KPI must be given once, at its
    /// home); an unknown home or relisting node; a home node not under a goal; an unknown grade code. The message
    /// quotes the offending ids.
    /// </exception>
    public static VerificationSummary Build(
        FiscalYear year, GradeScale scale, IEnumerable<SummaryNode> nodes, IEnumerable<SummaryKpi> kpis, string? rootId = null)
    {
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(kpis);

        var byId = new Dictionary<string, SummaryNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node is null)
            {
                throw new ArgumentException("The nodes contain a null entry.", nameof(nodes));
            }

            if (!byId.TryAdd(node.Id, node))
            {
                throw new ArgumentException($"ノードID「{node.Id}」が重複しています。", nameof(nodes));
            }
        }

        foreach (var node in byId.Values)
        {
            if (node.ParentId is { } p && !byId.ContainsKey(p))
            {
                throw new ArgumentException($"ノード「{node.Id}」の親ノード「{p}」がありません。", nameof(nodes));
            }
        }

        if (rootId is not null && !byId.ContainsKey(rootId))
        {
            throw new ArgumentException($"ルートノード「{rootId}」がありません。", nameof(rootId));
        }

        var goals = byId.Values
            .Where(n => rootId is null ? n.ParentId is null : string.Equals(n.ParentId, rootId, StringComparison.Ordinal))
            .OrderBy(n => n.Order)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        var goalIds = goals.Select(g => g.Id).ToHashSet(StringComparer.Ordinal);

        var perGoal = goals.ToDictionary(g => g.Id, _ => new Tally(scale), StringComparer.Ordinal);
        var totals = new Tally(scale);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kpi in kpis)
        {
            if (kpi is null)
            {
                throw new ArgumentException("The KPIs contain a null entry.", nameof(kpis));
            }

            if (!seen.Add(kpi.Id))
            {
                throw new ArgumentException(
                    $"KPI「{kpi.Id}」が2回以上あります: 再掲のKPIは所属ノードで1回だけ渡してください。", nameof(kpis));
            }

            if (!Enum.IsDefined(kpi.Level))
            {
                throw new ArgumentException($"KPI「{kpi.Id}」のレベル {kpi.Level} は不明です。", nameof(kpis));
            }

            if (!byId.ContainsKey(kpi.HomeNodeId))
            {
                throw new ArgumentException($"KPI「{kpi.Id}」の所属ノード「{kpi.HomeNodeId}」がありません。", nameof(kpis));
            }

            foreach (var relisting in kpi.RelistedAtNodeIds ?? [])
            {
                if (!byId.ContainsKey(relisting))
                {
                    throw new ArgumentException($"KPI「{kpi.Id}」の再掲先ノード「{relisting}」がありません。", nameof(kpis));
                }
            }

            if (!scale.TryFindByCode(kpi.FinalGradeCode ?? "", out var grade) || grade is null)
            {
                throw new ArgumentException(
                    $"KPI「{kpi.Id}」の評価「{kpi.FinalGradeCode}」は評価尺度「{scale.Name}」にありません (使えるコード: {string.Join(", ", scale.Grades.Select(g => g.Code))})。",
                    nameof(kpis));
            }

            var goalId = GoalOf(kpi, byId, goalIds, rootId);
            perGoal[goalId].Add(kpi, grade);
            totals.Add(kpi, grade);
        }

        var rows = goals.Select(g => perGoal[g.Id].ToRow(g.Id, g.Label)).ToList();
        return new VerificationSummary(year, scale, rows, totals.ToRow(null, "合計"));
    }

    private static string GoalOf(SummaryKpi kpi, Dictionary<string, SummaryNode> byId, HashSet<string> goalIds, string? rootId)
    {
        var current = byId[kpi.HomeNodeId];
        for (var steps = 0; steps <= byId.Count; steps++)
        {
            if (goalIds.Contains(current.Id))
            {
                return current.Id;
            }

            if (current.ParentId is null || string.Equals(current.Id, rootId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"KPI「{kpi.Id}」の所属ノード「{kpi.HomeNodeId}」が基本目標の下にありません。", nameof(kpi));
            }

            current = byId[current.ParentId];
        }

        throw new ArgumentException($"ノード「{kpi.HomeNodeId}」の親をたどると循環しています。", nameof(kpi));
    }

    /// <summary>Mutable counting while building; the result is immutable.</summary>
    private sealed class Tally(GradeScale scale)
    {
        private readonly Dictionary<KpiLevel, List<string>[]> byLevel = new()
        {
            [KpiLevel.Goal] = NewBuckets(scale),
            [KpiLevel.Measure] = NewBuckets(scale),
            [KpiLevel.Project] = NewBuckets(scale),
        };

        private readonly List<string>[] all = NewBuckets(scale);

        public void Add(SummaryKpi kpi, Grade grade)
        {
            byLevel[kpi.Level][grade.Rank].Add(kpi.Id);
            all[grade.Rank].Add(kpi.Id);
        }

        public SummaryRow ToRow(string? nodeId, string label) => new(
            nodeId,
            label,
            Counts(byLevel[KpiLevel.Goal]),
            Counts(byLevel[KpiLevel.Measure]),
            Counts(byLevel[KpiLevel.Project]),
            Counts(all));

        private SummaryCounts Counts(List<string>[] buckets) =>
            new(scale.Grades.Select(g => new GradeCount(g, buckets[g.Rank].ToList())).ToList());

        private static List<string>[] NewBuckets(GradeScale scale) => scale.Grades.Select(_ => new List<string>()).ToArray();
    }
}
