using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.ImportJobs;

namespace Sosei.Web.Pages.Admin.Import;

/// <summary>
/// The progress and result of an import job, read from the database (so any node, and the same node after a
/// restart, shows it): while it runs the page reloads itself every second (Refresh header, no JavaScript); a
/// successful dry run offers the button that imports the same file for real.
/// </summary>
public sealed class JobModel(ImportJobService jobs) : PageModel
{
    /// <summary>The job; null when unknown.</summary>
    public ImportJobView? Job { get; private set; }

    /// <summary>Shows the job.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Job = await jobs.FindAsync(id, cancellationToken);
        if (Job is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (!Job.IsDone)
        {
            Response.Headers["Refresh"] = "1";
        }

        return Page();
    }

    /// <summary>Imports the file of a successful dry run.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await jobs.ConfirmAsync(id, User.Identity?.Name ?? "admin", cancellationToken);
        return run is null ? NotFound() : RedirectToPage("Job", new { id = run.Value.ToString("N") });
    }
}
