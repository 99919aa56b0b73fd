using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sosei.Web.Tests;

/// <summary>
/// The editing pages (/admin) need an administrator: anonymous GETs go to the login page, anonymous POSTs are
/// rejected, a POST without the anti-forgery token is a 400, and an item of another plan in the URL is a 404.
/// </summary>
public class EditingSecurityTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string Abashiri = "/admin/plans/abashiri-sosei-2015";

    public static TheoryData<string> Pages => new()
    {
        "/admin",
        Abashiri + "/settings",
        Abashiri + "/nodes",
        Abashiri + "/nodes/new?parent=G1",
        Abashiri + "/nodes/G1/edit",
        Abashiri + "/kpis/new?node=G1",
        Abashiri + "/kpis/G1-N1/edit",
        Abashiri + "/kpis/G1-N1/values",
        Abashiri + "/kpis/G1-N1/grade?year=2018",
        Abashiri + "/projects/new?node=G1",
        Abashiri + "/projects/P001/edit",
        Abashiri + "/kpis/G1-N1/delete",
        Abashiri + "/projects/P001/delete",
        Abashiri + "/population-targets",
    };

    public static TheoryData<string> Posts => new()
    {
        Abashiri + "/settings",
        Abashiri + "/settings?handler=Preview",
        Abashiri + "/nodes?handler=Move",
        Abashiri + "/nodes?handler=Delete",
        Abashiri + "/nodes/new?parent=G1",
        Abashiri + "/nodes/G1/edit",
        Abashiri + "/kpis/new",
        Abashiri + "/kpis/new?handler=Preview",
        Abashiri + "/kpis/G1-N1/edit",
        Abashiri + "/kpis/G1-N1/edit?handler=AddRelisting",
        Abashiri + "/kpis/G1-N1/edit?handler=RemoveRelisting",
        Abashiri + "/kpis/G1-N1/values",
        Abashiri + "/kpis/G1-N1/grade?year=2018",
        Abashiri + "/kpis/G1-N1/grade?handler=Remove&year=2018",
        Abashiri + "/projects/new",
        Abashiri + "/projects/P001/edit",
        Abashiri + "/projects/P001/edit?handler=AddRelisting",
        Abashiri + "/projects/P001/edit?handler=RemoveRelisting",
        Abashiri + "/kpis/G1-N1/delete",
        Abashiri + "/projects/P001/delete",
        Abashiri + "/population-targets",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AdminPage_Anonymous_RedirectsToLogin(string url)
    {
        var client = Client();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task AdminPost_Anonymous_IsRejected(string url)
    {
        var client = Client();

        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["node"] = "G1.2",
            ["direction"] = "up",
            ["id"] = "1",
            ["Form.Name"] = "書き換え",
            ["Form.Rows[0].Key"] = "FY2015",
            ["Form.Rows[0].Cells[0].Text"] = "99,999人",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AdminPost_Anonymous_ChangesNothing()
    {
        var anonymous = Client();
        await anonymous.PostAsync(Abashiri + "/kpis/G1-N1/values", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Rows[0].Key"] = "FY2015",
            ["Form.Rows[0].Cells[0].Text"] = "99,999人",
        }));

        var admin = await SignedInAsync();
        var html = await admin.GetStringAsync(Abashiri + "/kpis/G1-N1/values");

        Assert.DoesNotContain("99,999人", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPost_SignedInWithoutAntiforgeryToken_Is400()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsync(Abashiri + "/kpis/G1-N1/values", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Rows[0].Key"] = "FY2015",
            ["Form.Rows[0].Cells[0].Text"] = "99,999人",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/plans/nemuro-sosei-2015/kpis/G1.1.1.1-K1/edit")]
    [InlineData("/admin/plans/nemuro-sosei-2015/kpis/G1.1.1.1-K1/values")]
    [InlineData("/admin/plans/nemuro-sosei-2015/kpis/G1.1.1.1-K1/grade")]
    [InlineData("/admin/plans/abashiri-sosei-2015/projects/P010/edit")]
    [InlineData("/admin/plans/nemuro-sosei-2015/kpis/G1.1.1.1-K1/delete")]
    [InlineData("/admin/plans/abashiri-sosei-2015/projects/P010/delete")]
    [InlineData("/admin/plans/abashiri-sosei-2015/nodes/G1.A.1/edit")]
    [InlineData("/admin/plans/no-such-plan/settings")]
    [InlineData("/admin/plans/no-such-plan/population-targets")]
    public async Task ItemOfAnotherPlan_Is404(string url)
    {
        var client = await SignedInAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostToAKpiOfAnotherPlan_WithAValidToken_Is404()
    {
        var client = await SignedInAsync();
        var form = await AdminSession.FormAsync(client, Abashiri + "/kpis/G1-N1/values", "form.values-form");

        var response = await client.PostAsync("/admin/plans/nemuro-sosei-2015/kpis/G1.1.1.1-K1/values", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Values_SignedIn_BadCellIsExplained_GoodCellIsSavedAndShownAsUnderstood()
    {
        var client = await SignedInAsync();
        var url = Abashiri + "/kpis/G1-N1/values";
        var form = await AdminSession.FormAsync(client, url, "form.values-form");
        var row = form.Single(kv => kv.Value == "FY2018").Key.Replace(".Key", "", StringComparison.Ordinal);
        form[row + ".Cells[0].Text"] = "2億x円";

        var refused = await client.PostAsync(url, new FormUrlEncodedContent(form));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var error = Parse(html).QuerySelector($"[data-valmsg-for='{row}.Cells[0].Text']");
        Assert.NotNull(error);
        Assert.Contains("平成30年度の実績値: 「2億x円」は数値として読めません", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("value=\"2億x円\"", html, StringComparison.Ordinal);

        form = await AdminSession.FormAsync(client, url, "form.values-form");
        Assert.Equal("", form[row + ".Cells[0].Text"]);
        form[row + ".Cells[0].Text"] = "141万5千人";
        var saved = await client.PostAsync(url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.GetStringAsync(url);
        Assert.Contains("1,415,000人", after, StringComparison.Ordinal);
        Assert.Contains("実績値を保存しました", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_ShowsTheAdminItemOnlyToAdministrators()
    {
        var anonymous = await Client().GetStringAsync("/");
        Assert.DoesNotContain("href=\"/admin\"", anonymous, StringComparison.Ordinal);

        var admin = await (await SignedInAsync()).GetStringAsync("/");
        Assert.Contains("href=\"/admin\"", admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminIndex_LinksToEveryPlansSettingsAndStructure()
    {
        var html = await (await SignedInAsync()).GetStringAsync("/admin");

        foreach (var plan in new[] { "abashiri-sosei-2015", "nemuro-sosei-2015" })
        {
            Assert.Contains($"href=\"/admin/plans/{plan}/settings\"", html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/admin/plans/{plan}/nodes\"", html, StringComparison.Ordinal);
        }
    }

    private HttpClient Client() => AdminSession.Client(factory);

    private Task<HttpClient> SignedInAsync() => AdminSession.SignedInAsync(factory);

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
