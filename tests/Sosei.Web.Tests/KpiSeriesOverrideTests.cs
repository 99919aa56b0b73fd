using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sosei.Web.Tests;

/// <summary>The KPI form's sub-item rule: blank follows the plan's rule (named in the first option), a rule chosen is the KPI's own.</summary>
public class KpiSeriesOverrideTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string Url = "/admin/plans/abashiri-sosei-2015/kpis/G1.1.2.1-K1/edit";

    [Fact]
    public async Task KpiForm_SubItemRule_DefaultsToThePlans_AndAChosenRuleIsSavedAsTheKpisOwn()
    {
        var client = await AdminSession.SignedInAsync(factory);
        var html = new HtmlParser().ParseDocument(await client.GetStringAsync(Url));
        var select = (IHtmlSelectElement)html.QuerySelector("select[name='Form.SeriesAggregation']")!;

        Assert.Equal("", select.Value);
        Assert.Equal("（計画の既定: いずれかの系列（最も高い系列の達成率で評価））", select.Options[0].Text.Trim());

        var form = await AdminSession.FormAsync(client, Url, "form.form");
        form["Form.SeriesAggregation"] = "Mean";
        var saved = await client.PostAsync(Url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Mean", (await AdminSession.FormAsync(client, Url, "form.form"))["Form.SeriesAggregation"]);
    }
}
