using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Projects;
using Sosei.Web.Infrastructure;

namespace Sosei.Web.Pages.Plans;

/// <summary>The projects of a plan with a filter (GET, bookmarkable): 区分, node with its subtree, department, partner, text.</summary>
public sealed class ProjectsModel(ProjectSearch search, IAuthorizationService authorization) : PageModel
{
    /// <summary>区分 (New, Expanded, Continued, Private, None).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    /// <summary>Node code: projects at that node or below.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Node { get; set; }

    /// <summary>Department name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    /// <summary>Partner organization code or name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Partner { get; set; }

    /// <summary>Free text.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    /// <summary>The result.</summary>
    public ProjectSearchResult Result { get; private set; } = null!;

    /// <summary>Tabs.</summary>
    public PlanNav Nav { get; private set; } = null!;

    /// <summary>The message for a field, or null.</summary>
    public string? ErrorFor(string field) => Result.Errors.FirstOrDefault(e => e.Field == field)?.Message.In(CultureInfo.CurrentUICulture);

    /// <summary>Searches; 404 for an unknown plan.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, CancellationToken cancellationToken)
    {
        var result = await search.SearchAsync(plan, new ProjectFilter(Category, Node, Department, Partner, Text), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        var canEdit = (await authorization.AuthorizeAsync(User, Policies.CanEdit)).Succeeded;
        Nav = new PlanNav(result.Plan.Code, PlanTab.Projects, null, canEdit);
        return Page();
    }
}
