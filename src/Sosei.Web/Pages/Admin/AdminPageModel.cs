using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Common;
namespace Sosei.Web.Pages.Admin;

/// <summary>
/// Base of the editing pages (all under /Admin, which requires the CanEdit policy by convention): puts a service's
/// field errors next to the fields, the confirmation message in the flash, and the breadcrumbs in the layout.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>Who is signed in (recorded on changed values and grade decisions).</summary>
    protected string? UserName => User.Identity?.Name;

    /// <summary>Adds a result's errors to the model state under the form's prefix (the empty key stays form-wide).</summary>
    protected void AddErrors(EditResult result, string prefix = "Form")
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", message.In(CultureInfo.CurrentUICulture));
        }

        // A refused save may give the form the stored version (another person saved meanwhile, see Common/Versions.cs):
        // the hidden field must show the form's value, not the posted one, so saving again overwrites knowingly.
        foreach (var key in ModelState.Keys.Where(k => k == "Version" || k.EndsWith(".Version", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    /// <summary>Shows a result's message once on the next page.</summary>
    protected void Flash(EditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Message is not null)
        {
            TempData["Flash"] = result.Message.In(CultureInfo.CurrentUICulture);
        }
    }

    /// <summary>
    /// What a page does with a save's result: not found; on success the flash and <paramref name="succeeded"/> (a
    /// redirect); otherwise the errors, under <paramref name="prefix"/>, and <paramref name="redisplay"/> (the page again).
    /// </summary>
    protected async Task<IActionResult> AfterSaveAsync(EditResult result, Func<IActionResult> succeeded, Func<Task<IActionResult>> redisplay, string prefix = "Form")
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(succeeded);
        ArgumentNullException.ThrowIfNull(redisplay);
        if (result.IsNotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Flash(result);
            return succeeded();
        }

        AddErrors(result, prefix);
        return await redisplay();
    }

    /// <summary>The page with the view <paramref name="load"/> gives, set by <paramref name="show"/>; not found when it gives none.</summary>
    protected async Task<IActionResult> ShowPageAsync<TView>(Task<TView?> load, Action<TView> show)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(show);
        var view = await load;
        if (view is null)
        {
            return NotFound();
        }

        show(view);
        return Page();
    }

    /// <summary>Sets the breadcrumbs (after 計画一覧) and the page title.</summary>
    protected void Crumbs(string title, params (string Text, string? Href)[] items)
    {
        ViewData["Title"] = title;
        ViewData["Breadcrumbs"] = items.Append((title, (string?)null)).ToList();
    }
}
