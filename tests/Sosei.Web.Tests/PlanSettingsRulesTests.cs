using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Sosei.Web.Tests;

/// <summary>
/// The grading rules on the plan settings page: the form shows the plan's rules, 「プレビュー」 tallies a year before and
/// after the rules of the form without saving, 「保存」 saves them, and a value that is not a rule is refused on its field.
/// </summary>
public class PlanSettingsRulesTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string Url = "/admin/plans/abashiri-sosei-2015/settings";

    private const string FormSelector = "form.form";

    [Fact]
    public async Task Settings_ShowTheCitysRulesOfTheDemo()
    {
        var form = await AdminSession.FormAsync(await AdminSession.SignedInAsync(factory), Url, FormSelector);

        Assert.Equal("LatestUpToYear", form["Form.Actuals"]);
        Assert.Equal("Inclusive", form["Form.Thresholds"]);
        Assert.Equal("Any", form["Form.SeriesAggregation"]);
        Assert.Equal("ReachedOrNot", form["Form.RelativeTargets"]);
    }

    [Fact]
    public async Task Preview_TalliesTheYearBeforeAndAfterTheFormsRules_AndSavesNothing()
    {
        var client = await AdminSession.SignedInAsync(factory);
        var form = await AdminSession.FormAsync(client, Url, FormSelector);
        form["Form.SeriesAggregation"] = "All";
        form["Form.RelativeTargets"] = "ProgressFromBaseline";
        form["Form.PreviewYear"] = "H30";

        var response = await client.PostAsync(Url + "?handler=Preview", new FormUrlEncodedContent(form));
        var page = Parse(await response.Content.ReadAsStringAsync());

        // 平成30年度: the city's rules 41 / 23, Sosei's defaults 38 / 26 (HACCP, 全国体力, 橋梁・浸水 change side); the two
        // grade overrides of the year (病後児保育, 全国学力: the city's judgement) count 80%以上 under either rules.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2018", page.QuerySelector("[data-preview-year]")!.GetAttribute("data-preview-year"));
        Assert.Equal(["41", "38"], Cells(page, "80%以上"));
        Assert.Equal(["23", "26"], Cells(page, "80%未満"));
        Assert.Equal(["0", "0"], Cells(page, "—"));
        Assert.Contains("HACCP認定施設保有企業数: 80%以上 → 80%未満", page.QuerySelector(".preview")!.TextContent, StringComparison.Ordinal);

        // The form keeps what was posted; the plan keeps its rules.
        Assert.Equal("All", ((IHtmlSelectElement)page.QuerySelector("select[name='Form.SeriesAggregation']")!).Value);
        var stored = await AdminSession.FormAsync(client, Url, FormSelector);
        Assert.Equal(("Any", "ReachedOrNot"), (stored["Form.SeriesAggregation"], stored["Form.RelativeTargets"]));
    }

    [Fact]
    public async Task Preview_OfAYearThatIsNotOne_IsRefusedOnItsField()
    {
        var client = await AdminSession.SignedInAsync(factory);
        var form = await AdminSession.FormAsync(client, Url, FormSelector);
        form["Form.PreviewYear"] = "来年";

        var page = Parse(await (await client.PostAsync(Url + "?handler=Preview", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());

        Assert.Null(page.QuerySelector(".preview"));
        Assert.Contains("集計する年度「来年」: 年度で入力してください", page.QuerySelector("[data-valmsg-for='Form.PreviewYear']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_StoresTheRules_AndARuleThatIsNotOneIsRefusedOnItsField()
    {
        var client = await AdminSession.SignedInAsync(factory);
        var form = await AdminSession.FormAsync(client, Url, FormSelector);
        form["Form.Thresholds"] = "Sometimes";

        var refused = Parse(await (await client.PostAsync(Url, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());
        Assert.Contains("評価区分の境界", refused.QuerySelector("[data-valmsg-for='Form.Thresholds']")!.TextContent, StringComparison.Ordinal);

        form["Form.Thresholds"] = "Exclusive";
        form["Form.Actuals"] = "ThatYearOnly";
        var saved = await client.PostAsync(Url, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await AdminSession.FormAsync(client, Url, FormSelector);
        Assert.Equal(("Exclusive", "ThatYearOnly", "Any"), (stored["Form.Thresholds"], stored["Form.Actuals"], stored["Form.SeriesAggregation"]));

        // Put the city's rules back for the other tests of the class.
        stored["Form.Thresholds"] = "Inclusive";
        stored["Form.Actuals"] = "LatestUpToYear";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(Url, new FormUrlEncodedContent(stored))).StatusCode);
    }

    private static string[] Cells(IHtmlDocument page, string grade) =>
        page.QuerySelectorAll($"#preview-tally tr[data-grade='{grade}'] td").Select(td => td.TextContent.Trim()).ToArray();

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
