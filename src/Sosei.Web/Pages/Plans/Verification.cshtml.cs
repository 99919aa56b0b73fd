using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Web.Infrastructure;

namespace Sosei.Web.Pages.Plans;

/// <summary>A column group of the verification table.</summary>
/// <param name="Key">URL value (goal, measure, project, all).</param>
/// <param name="Title">Heading.</param>
/// <param name="Counts">Picks the group's counts from a row.</param>
public sealed record SummaryGroup(string Key, string Title, Func<SummaryRow, SummaryCounts> Counts);

/// <summary>
/// The verification (効果検証) summary: per 基本目標 the number of KPIs in each grade band, as municipalities publish
/// it, and below it the KPIs behind every count.
/// </summary>
public sealed class VerificationModel(PlanEvaluator evaluator, IAuthorizationService authorization, Localization.UiText text) : PageModel
{
    /// <summary>The evaluated plan.</summary>
    public PlanEvaluation Evaluation { get; private set; } = null!;

    /// <summary>Column groups shown (事業のKPI only when the plan has project KPIs).</summary>
    public IReadOnlyList<SummaryGroup> Groups { get; private set; } = [];

    /// <summary>The selected count's goal node id (summary id) or "total"; null when no count is selected.</summary>
    public string? SelectedGoal { get; private set; }

    /// <summary>The selected count's group key.</summary>
    public string? SelectedGroup { get; private set; }

    /// <summary>The selected count's grade rank.</summary>
    public int? SelectedGrade { get; private set; }

    /// <summary>The KPI ids of the selected count; null when none is selected.</summary>
    public IReadOnlySet<string>? SelectedKpiIds { get; private set; }

    /// <summary>A description of the selection (基本目標1 · 数値目標 · 80%以上).</summary>
    public string? SelectionText { get; private set; }

    /// <summary>Tabs.</summary>
    public PlanNav Nav { get; private set; } = null!;

    /// <summary>Plan code.</summary>
    public string Code => Evaluation.Plan.Code;

    /// <summary>The year shown.</summary>
    public int Year => Evaluation.Year.Year;

    /// <summary>The node of a summary row.</summary>
    public NodeView? NodeOf(SummaryRow row) =>
        row?.NodeId is { } id ? Evaluation.Plan.Nodes.FirstOrDefault(n => PlanEvaluator.Id(n.Id) == id) : null;

    /// <summary>The link to the KPIs behind one count.</summary>
    public string CountUrl(SummaryRow row, SummaryGroup group, Grade grade)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(grade);
        var goal = NodeOf(row)?.Code ?? "total";
        return Url.Page("/Plans/Verification", null, new { plan = Code, year = Year, goal, group = group.Key, grade = grade.Rank }, null, null, "kpi-list")!;
    }

    /// <summary>The link to a group's total of one row (every grade).</summary>
    public string TotalUrl(SummaryRow row, SummaryGroup group)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(group);
        var goal = NodeOf(row)?.Code ?? "total";
        return Url.Page("/Plans/Verification", null, new { plan = Code, year = Year, goal, group = group.Key }, null, null, "kpi-list")!;
    }

    /// <summary>Whether a cell is the selected one (grade null: the group's total).</summary>
    public bool IsSelected(SummaryRow row, SummaryGroup group, Grade? grade)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(group);
        return SelectedGoal is not null && SelectedGoal == (row.NodeId ?? "total") && SelectedGroup == group.Key && SelectedGrade == grade?.Rank;
    }

    /// <summary>Evaluates the plan (one evaluator call); 404 for an unknown plan.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, int? year, string? goal, string? group, int? grade, CancellationToken cancellationToken)
    {
        if (!FiscalYear.TryCreate(year, out _))
        {
            return NotFound();
        }

        var evaluation = await evaluator.EvaluateAsync(plan, year, cancellationToken);
        if (evaluation is null)
        {
            return NotFound();
        }

        Evaluation = evaluation;
        var summary = evaluation.Summary;
        var groups = new List<SummaryGroup>
        {
            new("goal", text[Terms.KpiCategory(KpiLevel.Goal)], r => r.Goal),
            new("measure", text[Terms.KpiCategory(KpiLevel.Measure)], r => r.Measure),
        };
        if (summary.Totals.Project.Total > 0)
        {
            groups.Add(new("project", text[Terms.KpiCategory(KpiLevel.Project)], r => r.Project));
        }

        groups.Add(new("all", text[Terms.KpiCategory(null)], r => r.All));
        Groups = groups;

        // A selected count: goal code (or "total"), column group and grade rank; anything unknown selects nothing.
        var row = goal == "total" ? summary.Totals
            : summary.Rows.FirstOrDefault(r => NodeOf(r)?.Code == goal);
        var g = groups.FirstOrDefault(x => x.Key == group);
        if (row is not null && g is not null)
        {
            var counts = g.Counts(row);
            var gc = grade is { } rank ? counts.ByGrade.FirstOrDefault(x => x.Grade.Rank == rank) : null;
            if (grade is null || gc is not null)
            {
                SelectedGoal = row.NodeId ?? "total";
                SelectedGroup = g.Key;
                SelectedGrade = gc?.Grade.Rank;
                SelectedKpiIds = (gc is null ? counts.ByGrade.SelectMany(x => x.KpiIds) : gc.KpiIds).ToHashSet(StringComparer.Ordinal);
                var node = NodeOf(row);
                var rowText = node is null ? text["合計"] : string.IsNullOrEmpty(node.Label) ? node.Title : node.Label;
                SelectionText = $"{rowText} · {g.Title} · {(gc is null ? text["計"] : gc.Grade.Code)}";
            }
        }

        var canEdit = (await authorization.AuthorizeAsync(User, Policies.CanEdit)).Succeeded;
        Nav = new PlanNav(evaluation.Plan.Code, PlanTab.Verification, year, canEdit);
        return Page();
    }
}
