using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Security;
using Sosei.Web.Infrastructure;

namespace Sosei.Web.Pages.Account;

/// <summary>Sign out (POST only, with the anti-forgery token).</summary>
public sealed class LogoutModel(AdminAccount accounts) : PageModel
{
    /// <summary>Shows a confirmation button.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The session goes with the sign-out, so a saved copy of the cookie is refused from now on.
        if (User.FindFirst(SignInClaims.Session)?.Value is { } session)
        {
            await accounts.EndSessionAsync(session, cancellationToken);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Index");
    }
}
