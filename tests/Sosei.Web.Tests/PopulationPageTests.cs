using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Sosei.Web.Tests;

/// <summary>/population and /population/{areaCode} with the demo data (国勢調査, 平成30年推計, 根室市創生総合戦略).</summary>
public partial class PopulationPageTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    [Fact]
    public async Task Population_ListsTheAreasWithData()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/population");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(html);
        var links = document.QuerySelectorAll("table.population-areas a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("/population/01223", "根室市"), links);
        Assert.Contains(("/population/01211", "網走市"), links);
        // census_1980_2015_by_sex_age5.csv: 01223 2015 T total.
        Assert.Contains("26,917", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/population\">人口</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Area_Nemuro_ShowsChartPyramidTableDecompositionTargetsAndSources()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/population/01223");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(html);
        var legend = document.QuerySelector("#population-chart svg.line-chart")!.TextContent;
        foreach (var series in new[] { "国勢調査", "住民基本台帳", "パターン1", "シミュレーション1", "シミュレーション2", "目標人口", "策定時の社人研推計" })
        {
            Assert.Contains(series, legend, StringComparison.Ordinal);
        }

        var pyramid = document.QuerySelector("#pyramid svg.pyramid-chart")!;
        Assert.Equal(("2015", "2060"), (pyramid.GetAttribute("data-bars"), pyramid.GetAttribute("data-outline")));
        Assert.Equal(19 * 2, pyramid.QuerySelectorAll("rect.bar").Length);

        var table = document.QuerySelector("table.age-groups-table")!;
        Assert.Contains("年少人口", table.TextContent, StringComparison.Ordinal);
        // 2060 長期目標 15,262 against パターン1 (平成30年推計) 8,360: 減少抑制 6,902.
        Assert.Equal("6,902", table.QuerySelector("tr.total td.suppression")!.TextContent.Trim());

        // The plan's own comparison as printed (seed 000 第2章 2.): 減少抑制目標人数 ▲653 … ▲3,708.
        var targets = document.QuerySelector("#targets")!.TextContent;
        Assert.Contains("▲653", targets, StringComparison.Ordinal);
        Assert.Contains("▲3,708", targets, StringComparison.Ordinal);
        Assert.Contains("影響度 2", document.QuerySelector("#decomposition")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("政府標準利用規約", document.QuerySelector("#sources")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Area_Unknown_Is404()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/population/99999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Area_BadFertilityPath_ShowsAJapaneseMessageNextToTheFieldAndUsesTheDefault()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/population/01223?tfry=2030&tfr=abc&tfry=2040&tfr=2.07");

        var document = new HtmlParser().ParseDocument(html);
        var error = document.QuerySelector(".tfr-path .field-error")!.TextContent;
        Assert.Contains("2030=abc", error, StringComparison.Ordinal);
        Assert.Contains("既定の目標", error, StringComparison.Ordinal);
        Assert.Equal("abc", document.QuerySelectorAll("input[name=tfr]")[0].GetAttribute("value"));
    }

    [Fact]
    public async Task Area_OtherScenarioAndYears_ChangeTheResults()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/population/01223?sim2=off&horizon=2045&bars=1980&outline=2045&base=2010&year=2040");

        var document = new HtmlParser().ParseDocument(html);
        var legend = document.QuerySelector("#population-chart svg")!.TextContent;
        Assert.DoesNotContain("シミュレーション2", legend, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("#decomposition"));
        var pyramid = document.QuerySelector("svg.pyramid-chart")!;
        Assert.Equal(("1980", "2045"), (pyramid.GetAttribute("data-bars"), pyramid.GetAttribute("data-outline")));
        Assert.Contains("シミュレーション1", document.QuerySelector("table.age-groups-table thead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Area_InEnglish_TranslatesTheInterface()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/population/01223?culture=en");

        Assert.Contains("Population pyramid", html, StringComparison.Ordinal);
        Assert.Contains("Decrease avoided", html, StringComparison.Ordinal);
    }


    [GeneratedRegex("T(?:\\.Format\\(|\\[)\"(?<key>[^\"]+)\"")]
    private static partial Regex UiKey();
}
