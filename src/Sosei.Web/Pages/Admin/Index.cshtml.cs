using Sosei.Application.Plans;
using Sosei.Web.Localization;

namespace Sosei.Web.Pages.Admin;

/// <summary>Administration home: every plan with links to its settings and structure.</summary>
public sealed class IndexModel(PlanCatalog catalog, UiText text) : AdminPageModel
{
    /// <summary>Organizations with plans.</summary>
    public IReadOnlyList<OrganizationPlans> Organizations { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Crumbs(text["管理"]);
        Organizations = await catalog.ListAsync(cancellationToken);
    }
}
