using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Reports;

namespace Sosei.Web.Pages.Reports;

/// <summary>Every download of a plan: the plan file (JSON, Excel, CSV), the blank template, each report in each format.</summary>
public sealed class DownloadsModel(DownloadCatalog catalog) : PageModel
{
    /// <summary>The plan.</summary>
    public PlanDownloads Plan { get; private set; } = null!;

    /// <summary>The fiscal year of the reports.</summary>
    public int Year { get; private set; }

    /// <summary>Shows the list.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, int? year, CancellationToken cancellationToken)
    {
        var found = await catalog.FindAsync(plan, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Plan = found;
        Year = year is { } y && found.Years.Contains(y) ? y : found.DefaultYear;
        return Page();
    }

    /// <summary>URL of a report file.</summary>
    public string ReportUrl(ReportKind kind, ReportFormat format) =>
        $"/plans/{Uri.EscapeDataString(Plan.Code)}/reports/{ReportNames.Of(kind)}.{ReportNames.Of(format)}?year={Year}";
}
