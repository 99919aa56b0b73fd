using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>Reading is open; the settings and editing links (the /admin URL contract) appear only for administrators.</summary>
[Collection(PlanPagesGroup.Name)]
public class PlanAdminLinksTests(SoseiWebFactory factory)
{
    private const string Abashiri = PlanPagesGroup.Abashiri;

    private Task<HttpClient> SignedInAsync() => AdminSession.SignedInAsync(factory);

    [Fact]
    public async Task Anonymous_ReadsEverything_WithoutEditingLinks()
    {
        var client = factory.CreateClient();

        var plan = await Html.GetAsync(client, $"/plans/{Abashiri}");
        var kpi = await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/G1-N1");

        Assert.Empty(plan.QuerySelectorAll("a[href^='/admin/']"));
        Assert.Empty(kpi.QuerySelectorAll("a[href^='/admin/']"));
    }

    [Fact]
    public async Task Administrator_SeesSettingsAndEditingLinks()
    {
        var client = await SignedInAsync();

        var plan = await Html.GetAsync(client, $"/plans/{Abashiri}");
        var links = plan.QuerySelectorAll("a[href^='/admin/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/admin/plans/{Abashiri}/settings", links);
        Assert.Contains($"/admin/plans/{Abashiri}/nodes", links);
        Assert.Contains($"/admin/plans/{Abashiri}/population-targets", links);

        var kpi = await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/G1-N1?year=2018");
        var kpiLinks = kpi.QuerySelectorAll("a[href^='/admin/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/admin/plans/{Abashiri}/kpis/G1-N1/edit", kpiLinks);
        Assert.Contains($"/admin/plans/{Abashiri}/kpis/G1-N1/values", kpiLinks);
        Assert.Contains($"/admin/plans/{Abashiri}/kpis/G1-N1/grade?year=2018", kpiLinks);
    }
}
