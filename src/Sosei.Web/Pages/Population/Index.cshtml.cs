using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Population;

namespace Sosei.Web.Pages.Population;

/// <summary>/population: areas with population data.</summary>
public sealed class IndexModel(PopulationService service) : PageModel
{
    /// <summary>Areas.</summary>
    public IReadOnlyList<PopulationAreaSummary> Areas { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Areas = await service.ListAreasAsync(cancellationToken);
}
