using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Evaluation;
using Sosei.Application.Plans;
using Sosei.Domain.Periods;
using Sosei.Web.Infrastructure;

namespace Sosei.Web.Pages.Plans;

/// <summary>The plan page: header, year, and the tree with KPIs and projects at each node.</summary>
public sealed class PlanModel(PlanEvaluator evaluator, IAuthorizationService authorization) : PageModel
{
    /// <summary>The evaluated plan.</summary>
    public PlanEvaluation Evaluation { get; private set; } = null!;

    /// <summary>The top-level nodes with their subtrees.</summary>
    public IReadOnlyList<PlanTreeNode> Tree { get; private set; } = [];

    /// <summary>Tabs.</summary>
    public PlanNav Nav { get; private set; } = null!;

    /// <summary>Whether the user may edit.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Plan code.</summary>
    public string Code => Evaluation.Plan.Code;

    /// <summary>The year shown.</summary>
    public int Year => Evaluation.Year.Year;

    /// <summary>Loads and evaluates the plan (one evaluator call).</summary>
    public async Task<IActionResult> OnGetAsync(string plan, int? year, CancellationToken cancellationToken)
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
        Tree = PlanTree.Build(evaluation);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.CanEdit)).Succeeded;
        Nav = new PlanNav(evaluation.Plan.Code, PlanTab.Tree, year, CanEdit);
        return Page();
    }
}
