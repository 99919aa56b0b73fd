using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sosei.Web.Pages.Admin.Import;

/// <summary>
/// The progress and result of an import: while it runs the page reloads itself every second (Refresh header, no
/// JavaScript); a successful dry run offers the button that imports the same file for real.
/// </summary>
public sealed class JobModel(ImportJobs jobs) : PageModel
{
    /// <summary>The job; null when unknown.</summary>
    public ImportJob? Job { get; private set; }

    /// <summary>Shows the job.</summary>
    public IActionResult OnGet(Guid id)
    {
        Job = jobs.Find(id);
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
    public IActionResult OnPostConfirm(Guid id)
    {
        var job = jobs.Find(id);
        if (job is null || !job.DryRun || job.Result is not { Succeeded: true })
        {
            return NotFound();
        }

        var run = jobs.Start(job.FileName, job.Content, dryRun: false, User.Identity?.Name ?? job.User);
        return Redirect($"/admin/import/{run.Id:N}");
    }
}
