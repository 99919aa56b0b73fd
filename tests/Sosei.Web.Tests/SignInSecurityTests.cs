using System.Net;
using AngleSharp.Html.Parser;

namespace Sosei.Web.Tests;

/// <summary>
/// Sign-in as an attacker and a careless user try it: the header's logout button signs out (it carries the token), a
/// copy of the cookie saved before logout or before a password change no longer signs in, wrong passwords lock the
/// account, and one address cannot try sign-ins without limit.
/// </summary>
public class SignInSecurityTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private static async Task<string> SignInCookieAsync(SoseiWebFactory host, string password = SoseiWebFactory.AdminPassword)
    {
        using var client = AdminSession.Client(host);
        var form = await AdminSession.FormAsync(client, "/account/login", "main form");
        form["UserName"] = SoseiWebFactory.AdminUserName;
        form["Password"] = password;
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sosei.auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpStatusCode> AdminWithCookieAsync(SoseiWebFactory host, string cookie)
    {
        using var client = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task TheHeadersLogoutButton_SignsOut_AndASavedCopyOfTheCookieNoLongerWorks()
    {
        var saved = await SignInCookieAsync(factory);
        Assert.Equal(HttpStatusCode.OK, await AdminWithCookieAsync(factory, saved));

        // The same browser session: the layout's logout form, posted as the browser posts it.
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.Add("Cookie", saved);
        var pageResponse = await client.SendAsync(page);
        var html = await pageResponse.Content.ReadAsStringAsync();
        var logout = new HtmlParser().ParseDocument(html).QuerySelector("header form.inline-form, form.inline-form")
            ?? throw new InvalidOperationException("no logout form in the header");
        Assert.Equal("/account/logout", logout.GetAttribute("action"));
        var token = logout.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the logout form carries no anti-forgery token");
        var csrf = pageResponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sosei.csrf=", StringComparison.Ordinal));

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token! }),
        };
        post.Headers.Add("Cookie", saved + "; " + csrf[..csrf.IndexOf(';', StringComparison.Ordinal)]);
        var signedOut = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await AdminWithCookieAsync(factory, saved));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword_WithTheTimeItOpensAgain()
    {
        using var host = new SoseiWebFactory();
        using var client = AdminSession.Client(host);
        for (var i = 0; i < 5; i++)
        {
            var form = await AdminSession.FormAsync(client, "/account/login", "main form");
            form["UserName"] = SoseiWebFactory.AdminUserName;
            form["Password"] = "wrong-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var wrong = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await AdminSession.FormAsync(client, "/account/login", "main form");
        right["UserName"] = SoseiWebFactory.AdminUserName;
        right["Password"] = SoseiWebFactory.AdminPassword;
        var refused = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(right));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ログインの失敗が続いたため、このアカウントは", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACookieIssuedBeforeThePasswordChanged_NoLongerSignsIn()
    {
        var folder = SoseiWebFactory.NewDataDirectory();
        try
        {
            string cookie;
            using (var first = SoseiWebFactory.OnDataDirectory(folder))
            {
                cookie = await SignInCookieAsync(first);
            }

            // Restarted with the same password, the cookie still works (the keys and the session survive a restart).
            using (var same = SoseiWebFactory.OnDataDirectory(folder))
            {
                Assert.Equal(HttpStatusCode.OK, await AdminWithCookieAsync(same, cookie));
            }

            // The operator sets a new password: every earlier sign-in ends.
            using var changed = SoseiWebFactory.OnDataDirectory(folder);
            using var reconfigured = changed.WithWebHostBuilder(b => b.UseSetting("Sosei:AdminPassword", "another-Password-2"));
            using var client = reconfigured.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
            request.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(request)).StatusCode);
        }
        finally
        {
            SoseiWebFactory.DeleteDataDirectory(folder);
        }
    }

    [Fact]
    public async Task OneAddress_PastTheSignInLimit_Gets429_WithAMessageAndRetryAfter()
    {
        using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Sosei:SignIn:PerAddressPerMinute", "3"));
        using var client = limited.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);
        }

        var refused = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("ログインの試行が多すぎます", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Other pages are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }
}
