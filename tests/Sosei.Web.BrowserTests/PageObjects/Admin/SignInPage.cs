using Microsoft.Playwright;
using Sosei.Web.BrowserTests.Infrastructure;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>The login page (/account/login): user name, password, ログイン.</summary>
public sealed class SignInPage(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The user name field.</summary>
    public ILocator UserName => Page.GetByLabel("ユーザー名");

    /// <summary>The password field.</summary>
    public ILocator Password => Page.GetByLabel("パスワード");

    /// <summary>The ログイン button.</summary>
    public ILocator SignInButton => Page.GetByRole(AriaRole.Button, new() { Name = "ログイン" });

    /// <summary>The URL of the login page, with the page to return to after signing in.</summary>
    public static string Url(string? returnUrl = null) =>
        returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>Opens the login page.</summary>
    public async Task<SignInPage> OpenAsync(string? returnUrl = null)
    {
        await Page.GotoAsync(Url(returnUrl));
        return this;
    }

    /// <summary>Opens the login page, signs in as the administrator and waits until the app has left the login page.</summary>
    public async Task SignInAsync(string? returnUrl = null)
    {
        await OpenAsync(returnUrl);
        await UserName.FillAsync(Sosei.Testing.SoseiWebFactory.AdminUserName);
        await Password.FillAsync(BrowserApp.AdminPassword);
        await SignInButton.ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}
