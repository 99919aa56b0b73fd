using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Sosei.Web.Tests;

/// <summary>
/// Razor Pages own routing (docs/architecture.md): links, forms and redirects name the page, so the layout's logout
/// form carries its anti-forgery token and signs out, and no view writes an internal path by hand.
/// </summary>
public partial class PageLinksTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    [Fact]
    public async Task LayoutLogoutForm_SignsOutAsABrowserPostsIt()
    {
        using var client = await AdminSession.SignedInAsync(factory);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var form = new HtmlParser().ParseDocument(home).QuerySelector(".header-tools form[method=post]")
            ?? throw new InvalidOperationException("no logout form in the layout");
        var action = form.GetAttribute("action") ?? "";
        Assert.Equal("/account/logout", action);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the layout's logout form has no anti-forgery token");

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token! });
        var response = await client.PostAsync(new Uri(action, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/account/login", admin.Headers.Location?.PathAndQuery ?? admin.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_WriteNoInternalPathByHand()
    {
        var pages = RepositoryRoot.Combine("src", "Sosei.Web", "Pages");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("@page", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match m in HandWrittenPath().Matches(lines[i]))
                {
                    found.Add($"{Path.GetRelativePath(pages, file)}:{i + 1}: {m.Value}");
                }
            }
        }

        Assert.True(found.Count == 0, "write asp-page / asp-route-*, Url.Page or a named endpoint instead of:\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheScan_CatchesTheWaysAPathIsWrittenByHand()
    {
        string[] written =
        [
            "<a href=\"/plans/x\">", "<form method=\"post\" action=\"/account/logout\">", "<a href='/admin'>",
            "(plan.Name, \"/plans/\" + code)", "$\"/admin/plans/{code}/settings\"", "<a href=\"/lang/en?returnUrl=x\">",
        ];
        Assert.All(written, w => Assert.Matches(HandWrittenPath(), w));
        Assert.DoesNotMatch(HandWrittenPath(), "<link href=\"~/css/site.css\" /> <a asp-page=\"/Plans/Plan\" asp-route-plan=\"x\"> Url.Page(\"/Population/Index\")");
    }

    // An attribute that starts with a path, or a string literal that starts with one of the app's own (lower-case) segments;
    // page names are capitalized ("/Plans/Plan"), so they do not match.
    [GeneratedRegex("""(?i:\b(?:href|action|src|formaction)\s*=\s*["']/)|(?:\$?"/(?:plans|admin|account|population|api|lang|templates|reports|error)\b)""")]
    private static partial Regex HandWrittenPath();
}
