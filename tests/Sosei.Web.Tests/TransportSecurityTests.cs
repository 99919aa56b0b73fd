using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sosei.Web.Tests;

/// <summary>
/// Served over HTTPS (directly or behind a proxy that says so in X-Forwarded-Proto), Sosei sends HSTS and marks its
/// cookies Secure; over plain http (a town's PC on localhost) it does neither. Staff pages, and any page a signed-in
/// user sees, are not stored by the browser (no-store); public pages read anonymously may be. (HSTS is never sent to
/// localhost, so the HTTPS client uses another host name.)
/// </summary>
public class TransportSecurityTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private HttpClient Https() => factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://sosei.example.jp"), AllowAutoRedirect = false });

    [Fact]
    public async Task OverHttps_HstsIsSent_AndTheLanguageCookieIsSecure()
    {
        using var client = Https();

        var page = await client.GetAsync(new Uri("/plans/abashiri-sosei-2015", UriKind.Relative));
        var lang = await client.GetAsync(new Uri("/lang/en?returnUrl=/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Contains("secure", Assert.Single(lang.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OverPlainHttp_NoHsts_AndCookiesAreNotSecure()
    {
        using var client = AdminSession.Client(factory);

        var page = await client.GetAsync(new Uri("/plans/abashiri-sosei-2015", UriKind.Relative));
        var lang = await client.GetAsync(new Uri("/lang/en?returnUrl=/", UriKind.Relative));

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", Assert.Single(lang.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnHttpsLoginForm_SetsASecureAntiforgeryCookie()
    {
        using var client = Https();

        var login = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sosei.csrf=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    public async Task StaffPages_AreNotStored(string url)
    {
        using var client = AdminSession.Client(factory);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task APublicPage_IsNotStoredWhenASignedInUserSeesIt_ButMayBeWhenReadAnonymously()
    {
        using var anonymous = AdminSession.Client(factory);
        using var staff = await AdminSession.SignedInAsync(factory);
        var url = new Uri("/plans/abashiri-sosei-2015", UriKind.Relative);

        var forAnyone = await anonymous.GetAsync(url);
        var forStaff = await staff.GetAsync(url);

        Assert.NotEqual(true, forAnyone.Headers.CacheControl?.NoStore);
        Assert.True(forStaff.Headers.CacheControl?.NoStore);
    }
}
