using System.Globalization;
using Sosei.Application.Plans;
using Sosei.Application.Reports;
using Sosei.Web.Localization;

namespace Sosei.Web.Pages.Admin;

/// <summary>Administration home: every plan with links to its settings and structure, and the PDF printer's figures.</summary>
public sealed class IndexModel(PlanCatalog catalog, PdfPrinter printer, UiText text) : AdminPageModel
{
    /// <summary>Organizations with plans.</summary>
    public IReadOnlyList<OrganizationPlans> Organizations { get; private set; } = [];

    /// <summary>The PDF printer's queue, cache and counts now.</summary>
    public PdfStatistics Pdf { get; private set; } = null!;

    /// <summary>A duration in seconds with two decimals (invariant), or — when there is none yet.</summary>
    public static string Seconds(TimeSpan? duration) =>
        duration is { } d ? d.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Crumbs(text["管理"]);
        Organizations = await catalog.ListAsync(cancellationToken);
        Pdf = printer.Statistics();
    }
}
