using System.Net;
using System.Text.Json;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>The read-only JSON API: /api/plans, /api/plans/{plan}/kpis, /api/plans/{plan}/verification (docs/api.md).</summary>
[Collection(PlanPagesGroup.Name)]
public class PlanApiTests(SoseiWebFactory factory)
{
    private const string Abashiri = PlanPagesGroup.Abashiri;

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Plans_ListsOrganizationsWithTheirPlans()
    {
        var json = await GetJsonAsync("/api/plans");

        var orgs = json.GetProperty("organizations").EnumerateArray().ToList();
        Assert.Equal(["01211", "01223"], orgs.Select(o => o.GetProperty("code").GetString()));
        var nemuro = orgs[1].GetProperty("plans")[0];
        Assert.Equal("nemuro-sosei-2015", nemuro.GetProperty("code").GetString());
        Assert.Equal("根室市創生総合戦略", nemuro.GetProperty("name").GetString());
        Assert.Equal(50, nemuro.GetProperty("kpiCount").GetInt32());
        Assert.Equal(100, nemuro.GetProperty("projectCount").GetInt32());
        Assert.Equal("municipality", orgs[1].GetProperty("kind").GetString());
        var links = nemuro.GetProperty("links");
        Assert.Equal("/api/plans/nemuro-sosei-2015/kpis", links.GetProperty("kpis").GetString());
        Assert.Equal("/api/plans/nemuro-sosei-2015/verification", links.GetProperty("verification").GetString());
        Assert.Equal("/api/plans/nemuro-sosei-2015/councils", links.GetProperty("councils").GetString());
    }

    [Fact]
    public async Task Links_InTheAnswers_LeadToThePagesAndEndpointsTheyName()
    {
        var plan = (await GetJsonAsync("/api/plans")).GetProperty("organizations")[0].GetProperty("plans")[0];
        var links = plan.GetProperty("links");
        var client = factory.CreateClient();
        Assert.Equal($"/plans/{Abashiri}", links.GetProperty("page").GetString());
        foreach (var name in new[] { "page", "kpis", "verification", "councils" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(links.GetProperty(name).GetString()!, UriKind.Relative))).StatusCode);
        }

        var kpi = (await GetJsonAsync(links.GetProperty("kpis").GetString()!)).GetProperty("kpis")[0];
        var url = kpi.GetProperty("url").GetString()!;
        Assert.Equal($"/plans/{Abashiri}/kpis/{kpi.GetProperty("code").GetString()}", url);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Kpis_SayHowEachKpisYearsAreCounted()
    {
        var kpis = (await GetJsonAsync($"/api/plans/{Abashiri}/kpis?year=2018")).GetProperty("kpis").EnumerateArray().ToList();

        var tfr = kpis.Single(k => k.GetProperty("code").GetString() == "G3-N1");
        Assert.Equal("calendarYear", tfr.GetProperty("periodKind").GetString());
        Assert.Equal("CY2018", tfr.GetProperty("latestValues")[0].GetProperty("period").GetString());
        Assert.Equal("fiscalYear", kpis.Single(k => k.GetProperty("code").GetString() == "G1-N1").GetProperty("periodKind").GetString());
    }

    [Fact]
    public async Task Kpis_GiveEachKpiWithLatestValuesRateAndGrade()
    {
        var json = await GetJsonAsync($"/api/plans/{Abashiri}/kpis?year=2018");

        Assert.Equal(2018, json.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("平成30年度 (2018)", json.GetProperty("fiscalYearDisplay").GetString());
        var kpis = json.GetProperty("kpis").EnumerateArray().ToList();
        Assert.Equal(64, kpis.Count);
        var employees = kpis.Single(k => k.GetProperty("code").GetString() == "G1-N1");
        Assert.Equal("市内事業所の従業員数", employees.GetProperty("name").GetString());
        Assert.Equal("goal", employees.GetProperty("level").GetString());
        Assert.Equal("人", employees.GetProperty("unit").GetString());
        Assert.Equal(16474m, employees.GetProperty("baseline").GetProperty("value").GetDecimal());
        Assert.Equal("FY2014", employees.GetProperty("baseline").GetProperty("period").GetString());
        Assert.Equal("16,000人", employees.GetProperty("target").GetProperty("text").GetString());
        var latest = employees.GetProperty("latestValues")[0];
        Assert.Equal("15,757人", latest.GetProperty("text").GetString());
        Assert.Equal(15757m, latest.GetProperty("amount").GetDecimal());
        Assert.Equal("FY2016", latest.GetProperty("period").GetString());
        Assert.Equal("平成28年度 (2016)", latest.GetProperty("periodDisplay").GetString());
        Assert.Equal(98.5m, employees.GetProperty("ratePercent").GetDecimal());
        Assert.Equal("ratioToTarget", employees.GetProperty("achievement").GetProperty("method").GetString());
        Assert.Equal("80%以上", employees.GetProperty("grade").GetProperty("code").GetString());

        var area = kpis.Single(k => k.GetProperty("code").GetString() == "G5.3.1.1-K1");
        var provisional = area.GetProperty("latestValues")[0];
        Assert.Equal("未確定 (313千㎡)", provisional.GetProperty("text").GetString());
        Assert.True(provisional.GetProperty("provisional").GetBoolean());

        var food = kpis.Single(k => k.GetProperty("code").GetString() == "G1.1.1.1-K1");
        Assert.Equal(["G3.3.1.1"], food.GetProperty("relistedAt").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task Verification_GivesTheSummaryWithKpiCodesBehindEachCount()
    {
        var json = await GetJsonAsync($"/api/plans/{Abashiri}/verification?year=2018");

        Assert.Equal(["80%以上", "80%未満", "—"], json.GetProperty("grades").EnumerateArray().Select(g => g.GetProperty("code").GetString()));
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal("G1", rows[0].GetProperty("node").GetString());
        Assert.Equal("基本目標1", rows[0].GetProperty("label").GetString());
        var totals = json.GetProperty("totals").GetProperty("all");
        Assert.Equal(64, totals.GetProperty("total").GetInt32());
        var byGrade = totals.GetProperty("byGrade").EnumerateArray().ToList();
        Assert.Equal(64, byGrade.Sum(g => g.GetProperty("count").GetInt32()));
        Assert.All(byGrade, g => Assert.Equal(g.GetProperty("count").GetInt32(), g.GetProperty("kpis").GetArrayLength()));
        Assert.Contains("G1-N1", rows[0].GetProperty("goal").GetProperty("byGrade")[0].GetProperty("kpis").EnumerateArray().Select(x => x.GetString()));
    }

    [Theory]
    [InlineData("/api/plans/no-such-plan/kpis", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/no-such-plan/verification", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/no-such-plan/councils", HttpStatusCode.NotFound)]
    [InlineData("/api/plans/abashiri-sosei-2015/kpis?year=H30", HttpStatusCode.BadRequest)]
    public async Task Api_BadRequests_GetAProblemInJson(string url, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.Contains(status == HttpStatusCode.NotFound ? "Not Found" : "Bad Request", json.GetProperty("title").GetString(), StringComparison.Ordinal);
        var detail = json.GetProperty("detail").GetString()!;
        Assert.Contains(status == HttpStatusCode.NotFound ? "計画「no-such-plan」はありません。" : "年度「H30」", detail, StringComparison.Ordinal);
        Assert.Contains(status == HttpStatusCode.NotFound ? "There is no plan" : "Gregorian year", detail, StringComparison.Ordinal);
    }
}
