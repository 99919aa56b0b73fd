using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Councils;
using Sosei.Web.Infrastructure;

namespace Sosei.Web.Pages.Plans;

/// <summary>
/// The councils that review a plan (有識者会議 and 推進本部): kind, description, members (団体名・役職) and meetings
/// (開催日, 主な議論内容), oldest meeting first.
/// </summary>
public sealed class CouncilsModel(CouncilDirectory directory, IAuthorizationService authorization) : PageModel
{
    /// <summary>The plan and its councils.</summary>
    public PlanCouncils View { get; private set; } = null!;

    /// <summary>Tabs.</summary>
    public PlanNav Nav { get; private set; } = null!;

    /// <summary>Shows the councils; 404 for an unknown plan.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, CancellationToken cancellationToken)
    {
        var view = await directory.GetAsync(plan, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        var canEdit = (await authorization.AuthorizeAsync(User, Policies.CanEdit)).Succeeded;
        Nav = new PlanNav(view.Plan.Code, PlanTab.Councils, null, canEdit);
        return Page();
    }
}
