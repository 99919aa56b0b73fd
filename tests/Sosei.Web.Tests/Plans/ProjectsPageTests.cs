using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Persistence;
using Sosei.Application.Projects;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>The projects page (/plans/{plan}/projects): filters by 区分, node with descendants, partner and text combine (AND).</summary>
[Collection(PlanPagesGroup.Name)]
public class ProjectsPageTests(SoseiWebFactory factory)
{
    private const string Abashiri = PlanPagesGroup.Abashiri;
    private const string Nemuro = PlanPagesGroup.Nemuro;

    private static List<string> Codes(AngleSharp.Dom.IDocument doc) =>
        doc.QuerySelectorAll("table.projects-table tbody tr").Select(r => r.GetAttribute("data-project")!).ToList();

    [Fact]
    public async Task Nemuro_AllProjects_AreListedInDocumentOrder()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/projects");

        var codes = Codes(doc);
        Assert.Equal(100, codes.Count);
        Assert.Equal("P001", codes[0]);
        Assert.Equal("全100件中 100件", doc.QuerySelector("#result-count")!.Squash());
    }

    [Fact]
    public async Task Nemuro_CategoryPrivate_GivesOnlyPrivateRows()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/projects?category=Private");

        var rows = doc.QuerySelectorAll("table.projects-table tbody tr").ToList();
        Assert.Equal(18, rows.Count);
        Assert.All(rows, r => Assert.Equal("Private", r.GetAttribute("data-category")));
        Assert.All(rows, r => Assert.Equal("民間等", r.QuerySelector(".tag")!.Squash()));
        Assert.Equal("全100件中 18件", doc.QuerySelector("#result-count")!.Squash());
        Assert.Equal("Private", doc.QuerySelector("select#category option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Nemuro_CategoryInJapanese_IsAcceptedToo()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/projects?category={Uri.EscapeDataString("民間等")}");

        Assert.Equal(18, Codes(doc).Count);
    }

    [Fact]
    public async Task Nemuro_NodeFilter_IncludesDescendantsAndProjectsRelistedThere()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/projects?node=G1");

        var expected = await ExpectedUnderAsync(Nemuro, "G1", category: null);
        Assert.Equal(expected, Codes(doc));
        // Every project of G1.A.1 (a 具体的な施策 two levels below) is there.
        var underA1 = await ExpectedUnderAsync(Nemuro, "G1.A.1", category: null);
        Assert.NotEmpty(underA1);
        Assert.All(underA1, c => Assert.Contains(c, Codes(doc)));
    }

    [Fact]
    public async Task Nemuro_FiltersCombine()
    {
        var client = factory.CreateClient();

        var doc = await Html.GetAsync(client, $"/plans/{Nemuro}/projects?category=New&node=G1.A");
        var expected = await ExpectedUnderAsync(Nemuro, "G1.A", ProjectCategory.New);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Codes(doc));
        Assert.All(doc.QuerySelectorAll("table.projects-table tbody tr"), r => Assert.Equal("New", r.GetAttribute("data-category")));

        // 日本政策金融公庫 runs three 民間等 projects; with the node G2.A.3 only one (創業支援ネットワーク構築事業) remains.
        var jfc = await Html.GetAsync(client, $"/plans/{Nemuro}/projects?category=Private&partner=partner:jfc");
        Assert.All(jfc.QuerySelectorAll("table.projects-table tbody tr"), r => Assert.Contains("日本政策金融公庫", r.Squash(), StringComparison.Ordinal));
        var jfcCodes = Codes(jfc);
        Assert.True(jfcCodes.Count >= 2, string.Join(",", jfcCodes));
        var narrowed = await Html.GetAsync(client, $"/plans/{Nemuro}/projects?category=Private&partner=partner:jfc&node=G2.A.3");
        Assert.Equal(["P049"], Codes(narrowed));
        Assert.Equal("全100件中 1件", narrowed.QuerySelector("#result-count")!.Squash());
    }

    [Fact]
    public async Task Nemuro_PartnerByName_AndFreeTextWithFullWidthLetters()
    {
        var client = factory.CreateClient();

        var byName = await Html.GetAsync(client, $"/plans/{Nemuro}/projects?partner={Uri.EscapeDataString("日本政策金融公庫")}");
        var byCode = await Html.GetAsync(client, $"/plans/{Nemuro}/projects?partner=partner:jfc");
        Assert.Equal(Codes(byCode), Codes(byName));

        // 「ＵＩＪ」 (full width) finds UIJターン創業者への利率低減事業.
        var text = await Html.GetAsync(client, $"/plans/{Nemuro}/projects?q={Uri.EscapeDataString("ＵＩＪ")}");
        Assert.Contains("P043", Codes(text));
        Assert.All(text.QuerySelectorAll("table.projects-table tbody tr"), r => Assert.Contains("UIJ", r.Squash(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Nemuro_RelistingsAreListedWithTheirNodes()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/projects");

        // P032 医師及び医療従事者修学資金貸付事業 is relisted twice (G2.A.2 and G2.B.1).
        var row = doc.QuerySelector("tr[data-project=P032]")!;
        Assert.Equal(2, row.QuerySelectorAll(".relisted-at li").Length);
        Assert.All(row.QuerySelectorAll(".relisted-at li"), li => Assert.Equal("再掲", li.QuerySelector(".tag.relisted")!.Squash()));
    }

    [Fact]
    public async Task Abashiri_GrantsAndPartnersAreShownWithAmountsInYen()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/projects");

        Assert.Equal(6, Codes(doc).Count);
        var ccrc = doc.QuerySelector("tr[data-project=P001]")!.Squash();
        Assert.Contains("地方創生推進交付金", ccrc, StringComparison.Ordinal);
        Assert.Contains("交付金額 2,858,000円", ccrc, StringComparison.Ordinal);
        Assert.Contains("人口の維持", ccrc, StringComparison.Ordinal);
        var cycling = doc.QuerySelector("tr[data-project=P005]")!.Squash();
        Assert.Contains("連携先: 北見市、大空町", cycling, StringComparison.Ordinal);
        Assert.Contains("交付金額 3,000,000円", cycling, StringComparison.Ordinal);

        var partner = await Html.GetAsync(factory.CreateClient(), $"/plans/{Abashiri}/projects?partner=01208");
        Assert.Equal(["P005"], Codes(partner));
    }

    [Fact]
    public async Task UnknownFilterValues_GiveAMessageNextToTheFieldAndNoRows()
    {
        var doc = await Html.GetAsync(factory.CreateClient(), $"/plans/{Nemuro}/projects?node=ZZZ&category=Bogus");

        Assert.Empty(Codes(doc));
        var errors = doc.QuerySelectorAll(".field-error").Select(e => e.Squash()).ToList();
        Assert.Contains(errors, e => e.Contains("「ZZZ」", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("「Bogus」", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProjectsPage_UnknownPlan_Is404()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/plans/no-such-plan/projects", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The projects at a node or below (home or relisted there), in document order, read from the database.</summary>
    private async Task<List<string>> ExpectedUnderAsync(string planCode, string nodeCode, ProjectCategory? category)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
        var plan = await db.Plans.Include(p => p.Nodes).SingleAsync(p => p.Code == planCode);
        var order = Sosei.Application.Evaluation.PlanEvaluator.TreeOrder(plan);
        var root = plan.Nodes.Single(n => n.Code == nodeCode);
        var under = plan.Nodes.Where(n => n.Code == nodeCode || n.Code.StartsWith(nodeCode + ".", StringComparison.Ordinal)).Select(n => n.Id).ToHashSet();
        Assert.Contains(root.Id, under);
        var relisted = await db.Relistings.Where(r => r.PlanId == plan.Id && r.ProjectId != null).ToListAsync();
        var projects = await db.Projects.Where(p => p.PlanId == plan.Id).ToListAsync();
        return projects
            .Where(p => category is null || p.Category == category)
            .Where(p => under.Contains(p.HomeNodeId) || relisted.Any(r => r.ProjectId == p.Id && under.Contains(r.NodeId)))
            .OrderBy(p => order[p.HomeNodeId]).ThenBy(p => p.SortOrder)
            .Select(p => p.Code)
            .ToList();
    }
}
