using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>
/// A grade set by hand (the secretariat or council) shows as the final grade with a 手動 marker, the computed grade and
/// the reason are kept in view, and the verification counts the final grade. Own app: the test adds an override.
/// </summary>
public class GradeOverrideDisplayTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private const string Abashiri = PlanPagesGroup.Abashiri;
    private const string Reason = "経済センサスの調査年のみの値のため、有識者会議で80%未満と判断";

    private async Task OverrideAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
        var kpi = await db.Kpis.SingleAsync(k => k.Code == "G1-N1" && k.Plan!.Code == Abashiri);
        if (!await db.GradeOverrides.AnyAsync(o => o.KpiId == kpi.Id))
        {
            db.GradeOverrides.Add(new GradeOverride { KpiId = kpi.Id, FiscalYear = 2018, GradeCode = "80%未満", Reason = Reason, DecidedBy = "admin" });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task OverriddenGrade_IsShownAsFinalWithAManualMarker_AndCounted()
    {
        await OverrideAsync();
        var client = factory.CreateClient();

        var plan = await Html.GetAsync(client, $"/plans/{Abashiri}?year=2018");
        var row = plan.QuerySelector("tbody[data-kpi='G1-N1']")!;
        Assert.Equal("80%未満", row.QuerySelector(".badge")!.Squash());
        var manual = row.QuerySelector(".tag.manual")!;
        Assert.Equal("手動", manual.Squash());
        Assert.Equal($"計算上の評価: 80%以上 / 理由: {Reason}", manual.GetAttribute("title"));

        var kpi = await Html.GetAsync(client, $"/plans/{Abashiri}/kpis/G1-N1?year=2018");
        var achievement = kpi.QuerySelector("[aria-labelledby=achievement-title]")!.Squash();
        Assert.Contains("計算上の評価: 80%以上 → 最終評価: 80%未満", achievement, StringComparison.Ordinal);
        Assert.Contains(Reason, achievement, StringComparison.Ordinal);

        // The override is for FY2018 only.
        var other = await Html.GetAsync(client, $"/plans/{Abashiri}?year=2017");
        Assert.Null(other.QuerySelector("tbody[data-kpi='G1-N1'] .tag.manual"));

        var verification = await Html.GetAsync(client, $"/plans/{Abashiri}/verification?year=2018&goal=G1&group=goal&grade=1");
        Assert.Equal(["G1-N1"], verification.QuerySelectorAll("#kpi-list tbody tr").Select(r => r.GetAttribute("data-kpi")));
    }
}
