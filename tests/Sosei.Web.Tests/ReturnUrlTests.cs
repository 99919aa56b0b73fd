using System.Net;
using Sosei.Web.Infrastructure;

namespace Sosei.Web.Tests;

/// <summary>
/// A return URL from the query string (language switch, sign-in) leads only to a page of this site: another site, a
/// protocol-relative or backslash URL, or a URL with control characters goes to the home page, and none of them is a
/// server error.
/// </summary>
public class ReturnUrlTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    public static TheoryData<string, string> LanguageSwitches => new()
    {
        { "/plans/abashiri-sosei-2015", "/plans/abashiri-sosei-2015" },
        { "/plans/abashiri-sosei-2015?year=2018", "/plans/abashiri-sosei-2015?year=2018" },
        { "/%5Cevil.com", "/" },
        { "//evil.com", "/" },
        { "https://evil.com/", "/" },
        { "/%09/evil.com", "/" },
        { "%2F%2Fevil.com", "/" },
        { "", "/" },
    };

    [Theory]
    [MemberData(nameof(LanguageSwitches))]
    public async Task LanguageSwitch_ReturnsOnlyToAPageOfThisSite(string returnUrl, string expected)
    {
        using var client = AdminSession.Client(factory);

        var response = await client.GetAsync(new Uri("/lang/en?returnUrl=" + returnUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/plans/abashiri-sosei-2015", true)]
    [InlineData("/", true)]
    [InlineData("~/admin", true)]
    [InlineData("/\\evil.com", false)]
    [InlineData("//evil.com", false)]
    [InlineData("~//evil.com", false)]
    [InlineData("https://evil.com", false)]
    [InlineData("/\t/evil.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsLocal_FollowsTheRuleOfLocalRedirect(string? url, bool local) =>
        Assert.Equal(local, ReturnUrls.IsLocal(url));
}
