using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Kpis;
using Sosei.Application.PlanFiles;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Application.Tests.Infrastructure;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Plans;

/// <summary>
/// Deleting a KPI or a project takes everything that belongs to it and nothing else. 網走市 (seed 001): 合計特殊出生率
/// (G3-N1) has 4 values and a 再掲 at G3.1.3.2; the CCRC grant project (P001) has one grant and serves 人口の維持 (G5-N2)
/// and 高齢者の社会参加の割合 (G5.1.2.3-K1).
/// </summary>
public class ItemDeleterTests
{
    private const string BirthRate = "G3-N1";

    private static ItemDeleter Deleter(Persistence.SoseiDbContext c) => new(c);

    private static async Task<PlanDocument> ExportAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        return (await new PlanFileExporter(context).ExportAsync(Abashiri))!;
    }

    private static string Json(PlanDocument d) => JsonSerializer.Serialize(d, PlanDocumentJson.Options);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task DeleteKpi_RemovesItsValuesSeriesTargetsOverridesRelistingsAndProjectLinks_AndNothingElse(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        int kpiId;
        await using (var context = db.NewContext())
        {
            // A grade set by hand and a project naming the KPI, so every kind of dependent row exists.
            var kpi = await context.Kpis.SingleAsync(k => k.Code == BirthRate && k.Plan!.Code == Abashiri);
            kpiId = kpi.Id;
            context.GradeOverrides.Add(new GradeOverride { KpiId = kpi.Id, FiscalYear = 2018, GradeCode = "80%以上", Reason = "参考値で判断", DecidedAt = Clock.GetUtcNow() });
            var p002 = await context.Projects.SingleAsync(p => p.Code == "P002" && p.PlanId == kpi.PlanId);
            context.Add(new ProjectKpi { ProjectId = p002.Id, KpiId = kpi.Id, SortOrder = 0 });
            context.KpiInterimTargets.Add(new KpiInterimTarget { KpiId = kpi.Id, Period = "CY2017", Value = 1.6m, Text = "1.60" });
            await context.SaveChangesAsync();
        }

        var otherOverrides = 0;
        await using (var context = db.NewContext())
        {
            var other = await context.Kpis.SingleAsync(k => k.Code == "G1-N1" && k.Plan!.Code == Abashiri);
            context.GradeOverrides.Add(new GradeOverride { KpiId = other.Id, FiscalYear = 2018, GradeCode = "80%未満", Reason = "他のKPI", DecidedAt = Clock.GetUtcNow() });
            await context.SaveChangesAsync();
            otherOverrides = await context.GradeOverrides.CountAsync(g => g.KpiId != kpiId);
        }

        var before = await ExportAsync(db);
        await using (var context = db.NewContext())
        {
            var impact = await Deleter(context).KpiAsync(Abashiri, BirthRate);

            Assert.NotNull(impact);
            Assert.Equal("合計特殊出生率", impact.KpiName);
            Assert.Equal("G3", impact.HomeNodeCode);
            Assert.Equal((4, 0, 1, 1), (impact.Values, impact.Series, impact.InterimTargets, impact.GradeOverrides));
            var relistedAt = await context.PlanNodes.SingleAsync(n => n.Code == "G3.1.3.2" && context.Plans.Any(p => p.Id == n.PlanId && p.Code == Abashiri));
            Assert.EndsWith(relistedAt.Title, Assert.Single(impact.Relistings), StringComparison.Ordinal);
            Assert.Equal(["新たな「まちづくり会社」による地域商社機能の強化と中心市街地の活性化を促す総合支援体制の構築事業（P002）"], impact.Projects);
        }

        await using (var context = db.NewContext())
        {
            var result = await Deleter(context).DeleteKpiAsync(Abashiri, BirthRate);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
            Assert.Equal("G3", result.Code);
            Assert.Equal("KPI「合計特殊出生率」を削除しました（実績値4件、年度別目標1件、評価の変更1件、再掲1件、事業との関連付け1件も削除）。", result.Message!.Japanese);
        }

        await using (var context = db.NewContext())
        {
            Assert.False(await context.Kpis.AnyAsync(k => k.Id == kpiId));
            Assert.False(await context.KpiValues.AnyAsync(v => v.KpiId == kpiId));
            Assert.False(await context.KpiInterimTargets.AnyAsync(t => t.KpiId == kpiId));
            Assert.False(await context.GradeOverrides.AnyAsync(g => g.KpiId == kpiId));
            Assert.False(await context.Relistings.AnyAsync(r => r.KpiId == kpiId));
            Assert.False(await context.Set<ProjectKpi>().AnyAsync(x => x.KpiId == kpiId));
            Assert.False(await context.Set<KpiDepartment>().AnyAsync(x => x.KpiId == kpiId));
            Assert.Equal(otherOverrides, await context.GradeOverrides.CountAsync());
            Assert.True(await context.Departments.AnyAsync(d => d.Name == "健康推進課"));
        }

        // Everything else is as it was: the plan file without the KPI, its 再掲, its grade override and the project's link to it.
        Assert.Contains(before.GradeOverrides, o => o.Kpi == BirthRate);
        var expected = before with
        {
            Kpis = before.Kpis.Where(k => k.Code != BirthRate).ToList(),
            GradeOverrides = before.GradeOverrides.Where(o => o.Kpi != BirthRate).ToList(),
            Relistings = before.Relistings.Where(r => r.Kpi != BirthRate).ToList(),
            Projects = before.Projects.Select(p => p with { Kpis = p.Kpis.Where(k => k != BirthRate).ToList() }).ToList(),
        };
        Assert.Equal(Json(expected), Json(await ExportAsync(db)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task DeleteProject_RemovesItsBudgetGrantsPartnersKpiLinksAndRelistings_AndNothingElse(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        int projectId;
        await using (var context = db.NewContext())
        {
            var project = await context.Projects.SingleAsync(p => p.Code == "P005" && p.Plan!.Code == Abashiri);
            projectId = project.Id;
            context.BudgetLines.Add(new BudgetLine { ProjectId = project.Id, FiscalYear = 2018, Kind = BudgetKind.Settlement, Amount = 5_031_030m, OriginalText = "5,031,030" });
            await context.SaveChangesAsync();
            var add = await Relistings(context).AddAsync(Abashiri, RelistedItem.Project, "P005", new RelistingForm { NodeCode = "G1.1" });
            Assert.True(add.Succeeded, string.Join(" | ", add.Errors.Values));
        }

        var organizations = 0;
        await using (var context = db.NewContext())
        {
            organizations = await context.Organizations.CountAsync();
        }

        var before = await ExportAsync(db);
        await using (var context = db.NewContext())
        {
            var impact = (await Deleter(context).ProjectAsync(Abashiri, "P005"))!;

            Assert.Equal((1, 1, 2, 0, 1), (impact.BudgetLines, impact.Grants, impact.Partners.Count, impact.Kpis.Count, impact.Relistings.Count));
            Assert.Equal(["北見市", "大空町"], impact.Partners);

            var result = await Deleter(context).DeleteProjectAsync(Abashiri, "P005");

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
            Assert.StartsWith("事業「オホーツク地域サイクリングブランド化推進強化事業」を削除しました（予算・決算1件、交付金1件、事業主体・連携先2件、再掲1件も削除）", result.Message!.Japanese, StringComparison.Ordinal);
        }

        await using (var context = db.NewContext())
        {
            Assert.False(await context.Projects.AnyAsync(p => p.Id == projectId));
            Assert.False(await context.BudgetLines.AnyAsync(b => b.ProjectId == projectId));
            Assert.False(await context.Grants.AnyAsync(g => g.ProjectId == projectId));
            Assert.False(await context.Set<ProjectPartner>().AnyAsync(x => x.ProjectId == projectId));
            Assert.False(await context.Relistings.AnyAsync(r => r.ProjectId == projectId));
            Assert.Equal(organizations, await context.Organizations.CountAsync());
        }

        var expected = before with
        {
            Projects = before.Projects.Where(p => p.Code != "P005").ToList(),
            Relistings = before.Relistings.Where(r => r.Project != "P005").ToList(),
        };
        var after = await ExportAsync(db);

        // The export lists the organizations the plan refers to: 北見市 was a partner of P005 only, so it stays in the
        // database but is no longer referred to (大空町 is still a partner of P003 and P004).
        Assert.Equal(Json(expected with { Organizations = before.Organizations.Where(o => o.Code != "01208").ToList() }), Json(after));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task DeleteKpiWithProjectLinks_KeepsTheProjects(DbKind kind)
    {
        // 人口の維持 (G5-N2) is served by P001; the project stays and serves the other KPI only.
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            Assert.True((await Deleter(context).DeleteKpiAsync(Abashiri, "G5-N2")).Succeeded);
        }

        await using (var context = db.NewContext())
        {
            var p001 = await context.Projects.Include(p => p.Kpis).ThenInclude(x => x.Kpi).SingleAsync(p => p.Code == "P001" && p.Plan!.Code == Abashiri);
            Assert.Equal(["G5.1.2.3-K1"], p001.Kpis.Select(x => x.Kpi!.Code));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ItemOfAnotherPlanOrUnknown_IsNotFound(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        var before = await SnapshotAsync(db);
        await using var context = db.NewContext();

        // G1.A.1-K1 and P010 are 根室市's.
        Assert.Null(await Deleter(context).KpiAsync(Abashiri, "G1.A.1-K1"));
        Assert.True((await Deleter(context).DeleteKpiAsync(Abashiri, "G1.A.1-K1")).IsNotFound);
        Assert.True((await Deleter(context).DeleteProjectAsync(Abashiri, "P010")).IsNotFound);
        Assert.True((await Deleter(context).DeleteKpiAsync("no-such-plan", BirthRate)).IsNotFound);
        Assert.Null(await Deleter(context).ProjectAsync(Abashiri, "P999"));
        Assert.Equal(before, await SnapshotAsync(db));
    }
}
