using Microsoft.Extensions.Time.Testing;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests;

/// <summary>
/// The read side used by the plan pages (tree, values table, project search) on both engines, over the demo data
/// (data/demo: 根室市創生総合戦略 from seed 000, 網走市 KPI 進捗管理表 from seed 001).
/// </summary>
public class ReadSideTests
{
    private static FakeTimeProvider Clock => DemoDatabase.Clock;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task PlanTree_PlacesEveryKpiAndProjectOnceAtHome_AndTheRelistingsWhereTheDocumentRepeatsThem(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();
        var evaluation = (await new PlanEvaluator(context, Clock).EvaluateAsync("nemuro-sosei-2015"))!;

        var tree = PlanTree.Build(evaluation);
        var all = tree.SelectMany(g => g.SelfAndDescendants()).ToList();

        Assert.Equal(["基本目標-1", "基本目標-2", "基本目標-3"], tree.Select(g => g.Node.Label));
        Assert.Equal(27, all.Count);
        Assert.Equal(50, all.SelectMany(n => n.Kpis).Count(k => !k.IsRelisted));
        Assert.Equal(100, all.SelectMany(n => n.Projects).Count(p => !p.IsRelisted));
        Assert.Equal(11, all.SelectMany(n => n.Projects).Count(p => p.IsRelisted));
        var women = all.Single(n => n.Node.Code == "G3").GoalKpis.Single(k => k.IsRelisted);
        Assert.Equal("G2-N1", women.Kpi.Code);
        Assert.Equal("G2", women.HomeNode.Code);
        Assert.Equal("20～39歳女性人口", women.Name);
        Assert.Equal(["施策", "具体的な施策"], all.Where(n => n.Node.Depth > 0).Select(n => n.LevelName).Distinct());
        Assert.Equal(["G1", "G1.A", "G1.A.1"], PlanTree.PathTo(evaluation.Plan, all.Single(n => n.Node.Code == "G1.A.1").Node.Id).Select(n => n.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ValueTable_KeepsTheOriginalTextsByPeriodAndSeries(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();
        var evaluation = (await new PlanEvaluator(context, Clock).EvaluateAsync("abashiri-sosei-2015", 2018))!;

        var area = KpiValueTable.Build(evaluation.Kpis.Single(k => k.Kpi.Code == "G5.3.1.1-K1").Kpi);
        Assert.Equal([2015, 2016, 2017, 2018], area.Periods.Select(p => p.Year));
        Assert.Equal("未確定 (313千㎡)", area.Rows.Single().At(area.Periods[^1])!.OriginalText);
        Assert.Equal(("319千㎡", "303千㎡"), (area.Rows[0].BaselineText, area.Rows[0].TargetText));

        var disabled = KpiValueTable.Build(evaluation.Kpis.Single(k => k.Kpi.Code == "G4.1.2.4-K1").Kpi);
        Assert.Equal(["人数", "事業所数"], disabled.Rows.Select(r => r.Series!.Name));
        Assert.Equal("—", disabled.Rows[0].At(disabled.Periods[0])!.OriginalText);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ProjectSearch_CombinesCategoryNodePartnerAndText(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();
        var search = new ProjectSearch(context);

        var all = (await search.SearchAsync("nemuro-sosei-2015", new ProjectFilter()))!;
        Assert.Equal(100, all.TotalCount);
        Assert.Equal(100, all.Rows.Count);
        Assert.Contains(all.Partners, p => p.Value == "partner:jfc" && p.Name == "日本政策金融公庫");

        var privateOnes = (await search.SearchAsync("nemuro-sosei-2015", new ProjectFilter(Category: "Private")))!;
        Assert.Equal(18, privateOnes.Rows.Count);
        Assert.All(privateOnes.Rows, r => Assert.Equal(ProjectCategory.Private, r.Project.Category));

        var combined = (await search.SearchAsync("nemuro-sosei-2015", new ProjectFilter("民間等", "G2.A.3", null, "partner:jfc", null)))!;
        Assert.Equal(["P049"], combined.Rows.Select(r => r.Project.Code));

        var text = (await search.SearchAsync("nemuro-sosei-2015", new ProjectFilter(Text: "ｕｉｊ")))!;
        Assert.Contains(text.Rows, r => r.Project.Code == "P043");

        // 幼稚園教諭等修学資金貸付事業 (home G1.A.3) is relisted at G1.A.4 and G2.B.1: it is found under G2.B.
        var relisted = (await search.SearchAsync("nemuro-sosei-2015", new ProjectFilter(Node: "G2.B")))!;
        var p025 = relisted.Rows.Single(r => r.Project.Code == "P025");
        Assert.True(p025.OnlyRelistedUnderNode);
        Assert.Equal(["G1.A.4", "G2.B.1"], p025.Relistings.Select(r => r.Node.Code));

        var bad = (await search.SearchAsync("nemuro-sosei-2015", new ProjectFilter(Category: "Bogus", Node: "ZZZ")))!;
        Assert.Empty(bad.Rows);
        Assert.Equal(["category", "node"], bad.Errors.Select(e => e.Field));
        Assert.Contains("「ZZZ」", bad.Errors[1].Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("\"ZZZ\"", bad.Errors[1].Message.English, StringComparison.Ordinal);

        Assert.Null(await search.SearchAsync("no-such-plan", new ProjectFilter()));
    }
}
