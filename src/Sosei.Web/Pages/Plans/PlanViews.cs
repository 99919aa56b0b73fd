using Sosei.Application.Evaluation;
using Sosei.Application.Plans;
using Sosei.Domain.Achievement;

namespace Sosei.Web.Pages.Plans;

/// <summary>The fiscal-year selector (a GET form that works without script).</summary>
/// <param name="Years">Years offered, ascending.</param>
/// <param name="Selected">The year shown.</param>
/// <param name="YearsWithData">Years that hold actual values (others are marked 実績なし).</param>
/// <param name="Hidden">Other query values to keep (name, value).</param>
public sealed record YearFormModel(IReadOnlyList<int> Years, int Selected, IReadOnlyCollection<int> YearsWithData, IReadOnlyList<(string Name, string Value)>? Hidden = null);

/// <summary>A table of KPIs at one node of the plan page.</summary>
/// <param name="Kpis">The KPIs (home and relisted).</param>
/// <param name="Plan">The plan as read (its nodes), for links and node paths.</param>
/// <param name="Year">Year carried in links; null for the default.</param>
/// <param name="Scale">The plan's grade scale.</param>
/// <param name="Caption">Table caption (数値目標 / KPI).</param>
/// <param name="ShowResults">Whether to show the latest value, rate and grade columns (false for a plan without any actual value).</param>
/// <param name="CaptionHidden">Whether the caption is only for screen readers (the measure KPIs, shown at every node).</param>
public sealed record KpiTableModel(IReadOnlyList<PlanTreeKpi> Kpis, PlanView Plan, int? Year, GradeScale Scale, string Caption, bool ShowResults, bool CaptionHidden = false)
{
    /// <summary>Plan code.</summary>
    public string PlanCode => Plan.Code;
}

/// <summary>One node of the plan page, rendered recursively.</summary>
/// <param name="Node">The node with its subtree.</param>
/// <param name="Plan">The plan as read (its nodes), for links and node paths.</param>
/// <param name="Year">Year carried in links; null for the default.</param>
/// <param name="Scale">The plan's grade scale.</param>
/// <param name="ShowResults">Whether KPI tables show values, rates and grades.</param>
public sealed record PlanNodeModel(PlanTreeNode Node, PlanView Plan, int? Year, GradeScale Scale, bool ShowResults)
{
    /// <summary>Plan code.</summary>
    public string PlanCode => Plan.Code;

    /// <summary>Heading level: h2 for a 基本目標, down to h6.</summary>
    public int HeadingLevel => Math.Min(6, 2 + Node.Node.Depth);

    /// <summary>The same context for a child node.</summary>
    public PlanNodeModel For(PlanTreeNode child) => this with { Node = child };
}
