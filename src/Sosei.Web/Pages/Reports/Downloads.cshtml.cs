using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Reports;
using Sosei.Web.Endpoints;

namespace Sosei.Web.Pages.Reports;

/// <summary>Every download of a plan: the plan file (JSON, Excel, CSV), the blank template, each report in each format.</summary>
public sealed class DownloadsModel(DownloadCatalog catalog, LinkGenerator links) : PageModel
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
        Link(ReportEndpoints.Report, new { plan = Plan.Code, kind = ReportNames.Of(kind), format = ReportNames.Of(format), year = Year });

    /// <summary>URL of the plan file in a format (json, xlsx, zip).</summary>
    public string ExportUrl(string format) => Link(ReportEndpoints.Export, new { plan = Plan.Code, format });

    /// <summary>URL of the blank workbook template.</summary>
    public string TemplateUrl => Link(ReportEndpoints.Template, null);

    private string Link(string endpoint, object? values) =>
        links.GetPathByName(HttpContext, endpoint, values) ?? throw new InvalidOperationException($"no endpoint {endpoint}");
}
