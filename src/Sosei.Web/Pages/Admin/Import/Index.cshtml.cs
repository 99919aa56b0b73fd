using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.ImportJobs;
using Sosei.Application.Workbooks;
using Sosei.Web.Localization;

namespace Sosei.Web.Pages.Admin.Import;

/// <summary>Upload a workbook, CSV zip or plan file; the dry run comes first (administrators only: /Admin).</summary>
[RequestSizeLimit(MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1_000_000)]
public sealed class IndexModel(ImportJobService jobs, UiText text) : PageModel
{
    /// <summary>Largest file accepted.</summary>
    public const int MaxBytes = 20_000_000;

    /// <summary>The uploaded file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Starts the dry run and shows its page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["ファイルを選んでください。"]);
            return Page();
        }

        if (WorkbookImporter.KindOf(Upload.FileName) is null)
        {
            ModelState.AddModelError(nameof(Upload), text["取り込めるのは .xlsx、.zip、.csv、.json のファイルです。"]);
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), text["ファイルが大きすぎます（20MB まで）。"]);
            return Page();
        }

        using var memory = new MemoryStream();
        await Upload.CopyToAsync(memory, cancellationToken);
        var id = await jobs.EnqueueAsync(Path.GetFileName(Upload.FileName), memory.ToArray(), ImportJobKind.DryRun, User.Identity?.Name ?? "admin", cancellationToken);
        return RedirectToPage("Job", new { id = id.ToString("N") });
    }
}
