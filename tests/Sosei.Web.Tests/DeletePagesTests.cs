using System.Net;
using AngleSharp.Html.Parser;

namespace Sosei.Web.Tests;

/// <summary>
/// Deleting a KPI or a project from its edit page: a confirmation that says what goes with it, a POST with the
/// anti-forgery token, then the structure page with a message. Own app: these tests change the demo data.
/// </summary>
public class DeletePagesTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string Admin = "/admin/plans/abashiri-sosei-2015";

    [Fact]
    public async Task DeleteKpi_ConfirmationListsWhatGoes_PostDeletesAndReturnsToTheStructure()
    {
        var client = await AdminSession.SignedInAsync(factory);
        var edit = await client.GetStringAsync(new Uri(Admin + "/kpis/G3-N1/edit", UriKind.Relative));
        Assert.Contains($"href=\"{Admin}/kpis/G3-N1/delete\"", edit, StringComparison.Ordinal);

        // 合計特殊出生率 (網走市): 4 values and one 再掲.
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(Admin + "/kpis/G3-N1/delete", UriKind.Relative)));
        Assert.Equal("KPIの削除 合計特殊出生率", string.Join(' ', page.QuerySelector("h1")!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        var rows = page.QuerySelectorAll("table.deleted-items tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td.num")!.TextContent.Trim());
        Assert.Equal("4件", rows["実績値"]);
        Assert.Equal("1件", rows["再掲"]);
        Assert.Equal("0件", rows["事業との関連付け"]);

        var form = await AdminSession.FormAsync(client, Admin + "/kpis/G3-N1/delete", "form.form-actions");
        var response = await client.PostAsync(new Uri(Admin + "/kpis/G3-N1/delete", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Admin + "/nodes#node-G3", response.Headers.Location!.OriginalString);
        var structure = await client.GetStringAsync(new Uri(Admin + "/nodes", UriKind.Relative));
        Assert.Contains("KPI「合計特殊出生率」を削除しました（実績値4件、再掲1件も削除）。", structure, StringComparison.Ordinal);
        Assert.DoesNotContain("/kpis/G3-N1/edit", structure, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/plans/abashiri-sosei-2015/kpis/G3-N1", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task DeleteProject_ConfirmationListsWhatGoes_PostDeletesAndReturnsToTheStructure()
    {
        var client = await AdminSession.SignedInAsync(factory);

        // P001 (CCRC): one grant, serves 人口の維持 and 高齢者の社会参加の割合.
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(Admin + "/projects/P001/delete", UriKind.Relative)));
        var rows = page.QuerySelectorAll("table.deleted-items tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());
        Assert.Equal("1件", rows["交付金"][0]);
        Assert.Equal("2件", rows["KPIとの関連付け"][0]);
        Assert.Contains("人口の維持（G5-N2）", rows["KPIとの関連付け"][1], StringComparison.Ordinal);

        var form = await AdminSession.FormAsync(client, Admin + "/projects/P001/delete", "form.form-actions");
        var response = await client.PostAsync(new Uri(Admin + "/projects/P001/delete", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Admin + "/nodes#node-G5", response.Headers.Location!.OriginalString);
        Assert.Contains("を削除しました", await client.GetStringAsync(new Uri(Admin + "/nodes", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(Admin + "/projects/P001/edit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/plans/abashiri-sosei-2015/kpis/G5-N2", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(Admin + "/kpis/G1-N1/delete")]
    [InlineData(Admin + "/projects/P002/delete")]
    public async Task DeletePost_WithoutAntiforgeryToken_Is400_AndDeletesNothing(string url)
    {
        var client = await AdminSession.SignedInAsync(factory);

        var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task DeletePost_Anonymous_GoesToTheLoginAndDeletesNothing()
    {
        var anonymous = AdminSession.Client(factory);
        var response = await anonymous.PostAsync(new Uri(Admin + "/kpis/G1-N1/delete", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/plans/abashiri-sosei-2015/kpis/G1-N1", UriKind.Relative))).StatusCode);
    }
}
