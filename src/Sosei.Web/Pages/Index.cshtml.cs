using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Plans;

namespace Sosei.Web.Pages;

/// <summary>Home: organizations and their plans.</summary>
public sealed class IndexModel(PlanCatalog catalog) : PageModel
{
    /// <summary>Organizations with plans.</summary>
    public IReadOnlyList<OrganizationPlans> Organizations { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organizations = await catalog.ListAsync(cancellationToken);
}
