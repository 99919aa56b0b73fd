using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Security;
using Sosei.Web.Infrastructure;
using Sosei.Web.Localization;

namespace Sosei.Web.Pages.Account;

/// <summary>Sign in.</summary>
public sealed class LoginModel(AdminAccount accounts, UiText text) : PageModel
{
    /// <summary>User name.</summary>
    [BindProperty]
    [Required(ErrorMessage = "ユーザー名を入力してください。")]
    public string UserName { get; set; } = "";

    /// <summary>Password.</summary>
    [BindProperty]
    [Required(ErrorMessage = "パスワードを入力してください。")]
    public string Password { get; set; } = "";

    /// <summary>Where to go after signing in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the credentials and signs in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await accounts.SignInAsync(UserName, Password, cancellationToken);
        if (outcome.LockedUntil is { } locked)
        {
            var until = locked.ToOffset(TimeSpan.FromHours(9)).ToString("HH:mm", CultureInfo.InvariantCulture);
            ModelState.AddModelError(string.Empty, text.Format("ログインの失敗が続いたため、このアカウントは {0}（日本時間）までログインできません。", until));
            return Page();
        }

        if (outcome.User is not { } user || outcome.SessionId is not { } session)
        {
            ModelState.AddModelError(string.Empty, text["ユーザー名またはパスワードが正しくありません。"]);
            return Page();
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName), new Claim(ClaimTypes.Role, user.Role),
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(SignInClaims.Session, session), new Claim(SignInClaims.Stamp, user.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage("/Index");
    }
}
