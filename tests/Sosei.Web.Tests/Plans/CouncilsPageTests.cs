using System.Net;
using System.Text.Json;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>
/// The councils page (/plans/{plan}/councils) and its JSON twin. 網走市選択する未来会議: 15 members (団体名・役職 as of
/// H31.4.1) and 7 meetings H27.6.12 – H30.11.9 (seed 001); 根室市創生有識者会議 (外部組織) and 根室市人口問題・少子化対策
/// 推進本部 (内部組織) with their descriptions and no member list (seed 000).
/// </summary>
[Collection(PlanPagesGroup.Name)]
public class CouncilsPageTests(SoseiWebFactory factory)
{
    private const string Abashiri = PlanPagesGroup.Abashiri;
    private const string Nemuro = PlanPagesGroup.Nemuro;

    [Fact]
    public async Task Abashiri_ShowsTheMembersByOrganizationAndTitle_AndTheMeetingsOldestFirstInEraYears()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/councils");

        Assert.Equal("会議", doc.QuerySelector(".plan-tabs a[aria-current=page]")!.Squash());
        var council = doc.QuerySelector("section.council")!;
        Assert.Contains("網走市選択する未来会議", council.QuerySelector("h2")!.Squash(), StringComparison.Ordinal);
        Assert.Equal("外部組織", council.QuerySelector("h2 .council-kind")!.Squash());
        Assert.Contains("産学官金労の連携", council.QuerySelector(".council-description")!.Squash(), StringComparison.Ordinal);

        var members = council.QuerySelectorAll("table.council-members tbody tr").ToList();
        Assert.Equal(15, members.Count);
        static string[] Cells(AngleSharp.Dom.IElement row) => row.Children.Select(c => c.Squash()).ToArray();
        Assert.Equal(["1", "オホーツク網走農業協同組合", "組合長"], Cells(members[0]));
        Assert.Equal(["13", "東京農業大学農友会総務部", "—"], Cells(members[12]));
        Assert.Contains("15名", council.Squash(), StringComparison.Ordinal);

        var meetings = council.QuerySelectorAll("table.council-meetings tbody tr").ToList();
        Assert.Equal(7, meetings.Count);
        Assert.Equal(["平成27年6月12日 (2015)", "総合戦略策定、基本目標の考え方について"], Cells(meetings[0]));
        Assert.Equal(["平成30年11月9日 (2018)", "KPI達成状況について"], Cells(meetings[^1]));
    }

    [Fact]
    public async Task Nemuro_ShowsBothCouncilsWithKindAndDescription_AndSaysThereIsNoMemberList()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/councils");

        var councils = doc.QuerySelectorAll("section.council").ToList();
        Assert.Equal(2, councils.Count);
        Assert.Equal("根室市創生有識者会議 外部組織", councils[0].QuerySelector("h2")!.Squash());
        Assert.Equal("根室市人口問題・少子化対策推進本部 内部組織", councils[1].QuerySelector("h2")!.Squash());
        Assert.Contains("設置時期：平成27年5月設置", councils[0].QuerySelector(".council-description")!.Squash(), StringComparison.Ordinal);
        Assert.Equal(5, councils[0].QuerySelectorAll(".council-description p").Length);
        Assert.Contains("本部長：市長", councils[1].Squash(), StringComparison.Ordinal);
        Assert.All(councils, c => Assert.Equal(["委員名簿は登録されていません。", "開催の記録は登録されていません。"], c.QuerySelectorAll(".empty").Select(e => e.Squash())));
    }

    [Fact]
    public async Task PlanPage_HasTheCouncilsTabNextToVerification()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}");

        var tabs = doc.QuerySelectorAll(".plan-tabs > a").Select(a => a.Squash()).ToList();
        Assert.Equal(tabs.IndexOf("効果検証") + 1, tabs.IndexOf("会議"));
        Assert.Equal($"/plans/{Abashiri}/councils", doc.QuerySelectorAll(".plan-tabs > a").Single(a => a.Squash() == "会議").GetAttribute("href"));
    }

    [Fact]
    public async Task CouncilsPage_InEnglish_UsesTheEnglishTexts()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/councils?culture=en");

        Assert.Equal("Councils", doc.QuerySelector(".plan-tabs a[aria-current=page]")!.Squash());
        Assert.Equal("External body", doc.QuerySelector("h2 .council-kind")!.Squash());
        Assert.Equal(["Organization", "Title"], doc.QuerySelectorAll("table.council-members thead th").Skip(1).Select(t => t.Squash()));
        Assert.Equal("2015-06-12", doc.QuerySelector("table.council-meetings tbody th")!.Squash());
    }

    [Fact]
    public async Task CouncilsPage_UnknownPlan_Is404()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/plans/no-such-plan/councils", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Api_GivesTheCouncilsWithMembersAndMeetings()
    {
        var response = await factory.CreateClient().GetAsync(new Uri($"/api/plans/{Abashiri}/councils", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(Abashiri, json.GetProperty("plan").GetProperty("code").GetString());
        var council = json.GetProperty("councils").EnumerateArray().Single();
        Assert.Equal("sentaku-mirai-kaigi", council.GetProperty("code").GetString());
        Assert.Equal("external", council.GetProperty("kind").GetString());
        Assert.Equal(15, council.GetProperty("members").GetArrayLength());
        Assert.Equal("網走商工会議所", council.GetProperty("members")[3].GetProperty("organization").GetString());
        Assert.Equal("会頭", council.GetProperty("members")[3].GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, council.GetProperty("members")[12].GetProperty("title").ValueKind);
        var first = council.GetProperty("meetings")[0];
        Assert.Equal("2015-06-12", first.GetProperty("date").GetString());
        Assert.Equal("平成27年6月12日 (2015)", first.GetProperty("dateDisplay").GetString());
        Assert.Equal("総合戦略策定、基本目標の考え方について", first.GetProperty("topics").GetString());

        var nemuro = JsonDocument.Parse(await factory.CreateClient().GetStringAsync(new Uri($"/api/plans/{Nemuro}/councils", UriKind.Relative))).RootElement;
        Assert.Equal(["external", "internal"], nemuro.GetProperty("councils").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
    }
}
