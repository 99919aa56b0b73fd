using System.Net;
using AngleSharp.Html.Parser;

namespace Sosei.Web.Tests;

/// <summary>
/// /admin/plans/{plan}/population-targets: the population targets of a plan (根室市: 13 rows from seed 000) entered and
/// edited as the plan's table writes them. Own app: these tests change the demo data.
/// </summary>
public class PopulationTargetsPageTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string Url = "/admin/plans/nemuro-sosei-2015/population-targets";

    [Fact]
    public async Task Page_ListsTheStoredTargetsWithBlankRowsToAdd()
    {
        var client = await AdminSession.SignedInAsync(factory);

        var doc = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(Url, UriKind.Relative)));

        Assert.StartsWith("目標人口", doc.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        var rows = doc.QuerySelectorAll("table.targets-form tbody tr").ToList();
        Assert.Equal(13 + 3, rows.Count);
        Assert.Equal("26,043人", doc.QuerySelector("input[name='Form.Rows[0].Target']")!.GetAttribute("value"));
        Assert.Equal("総人口", doc.QuerySelector("input[name='Form.Rows[0].Indicator']")!.GetAttribute("value"));
        Assert.Contains("減少抑制 653人", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(["短期", "中期", "長期"], doc.QuerySelectorAll("datalist#terms option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Post_BadValueIsExplainedNextToItsField_ThenTheFixedRowIsSaved()
    {
        var client = await AdminSession.SignedInAsync(factory);
        var form = await AdminSession.FormAsync(client, Url, "main form.form");
        form["Form.Rows[13].Term"] = "長期";
        form["Form.Rows[13].Year"] = "2040年";
        form["Form.Rows[13].Indicator"] = "総人口";
        form["Form.Rows[13].Target"] = "2万x人";

        var refused = await client.PostAsync(new Uri(Url, UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var error = doc.QuerySelector("[data-valmsg-for='Form.Rows[13].Target']")!.TextContent;
        Assert.Contains("目標人口: 「2万x人」", error, StringComparison.Ordinal);
        Assert.Equal("2万x人", doc.QuerySelector("input[name='Form.Rows[13].Target']")!.GetAttribute("value"));

        form["Form.Rows[13].Target"] = "20,000人";
        var saved = await client.PostAsync(new Uri(Url, UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await client.GetStringAsync(new Uri(Url, UriKind.Relative));
        Assert.Contains("目標人口を保存しました（追加 1件、変更 0件、削除 0件）。", after, StringComparison.Ordinal);
        Assert.Contains("value=\"20,000人\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_FromTheStructurePage_ThePlanPage_AndThePopulationPage_ForAdministratorsOnly()
    {
        var admin = await AdminSession.SignedInAsync(factory);
        var anonymous = AdminSession.Client(factory);

        Assert.Contains($"href=\"{Url}\"", await admin.GetStringAsync(new Uri("/admin/plans/nemuro-sosei-2015/nodes", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($"href=\"{Url}\"", await admin.GetStringAsync(new Uri("/plans/nemuro-sosei-2015", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($"href=\"{Url}\"", await admin.GetStringAsync(new Uri("/population/01223", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(Url, await anonymous.GetStringAsync(new Uri("/population/01223", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(Url, await anonymous.GetStringAsync(new Uri("/plans/nemuro-sosei-2015", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400()
    {
        var client = await AdminSession.SignedInAsync(factory);

        var response = await client.PostAsync(new Uri(Url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Rows[0].Term"] = "短期",
            ["Form.Rows[0].Year"] = "2020",
            ["Form.Rows[0].Indicator"] = "総人口",
            ["Form.Rows[0].Target"] = "1人",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
