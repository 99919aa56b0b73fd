using Sosei.Application.Population;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Population;

namespace Sosei.Application.Tests.Population;

/// <summary>
/// The 根室市 plan's population targets (seed 000 第2章 2., transcribed in data/demo/nemuro-sosei-2015.json) against
/// the projections: 減少抑制 = target − projection, as published and against the shipped 平成30年推計.
/// </summary>
[Collection(PopulationDataGroup.Name)]
public class PopulationTargetTests(LoadedPopulationDatabases databases)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Targets_Nemuro_PublishedSuppressionEqualsTargetMinusProjection(DbKind kind)
    {
        var db = await databases.GetAsync(kind);
        await using var context = db.NewContext();

        var vision = await new PopulationService(context, PopulationDemoTests.Clock).GetVisionAsync("01223");

        var plan = Assert.Single(vision!.Plans);
        Assert.Equal("nemuro-sosei-2015", plan.PlanCode);
        Assert.Equal([2020, 2025, 2060], plan.Years.Select(y => y.Year));
        // Seed 000 第2章 2.: 短期 2020 社人研 25,390 / 2,533 / 14,317 / 8,540; 根室市 26,043 / 2,678 / 14,704 / 8,661;
        // 減少抑制目標人数 ▲653 ▲145 ▲387 ▲121 (▲ marks the avoided decrease: target − projection > 0).
        var shortTerm = plan.Years[0];
        Assert.Equal("短期", shortTerm.Term);
        Assert.Equal(new ThreeAgeGroups(653m, 145m, 387m, 121m), shortTerm.PublishedSuppression);
        // 長期 2060: 15,262 − 11,554 = 3,708; 517 / 2,128 / 1,062.
        Assert.Equal(new ThreeAgeGroups(3_708m, 517m, 2_128m, 1_062m), plan.Years[2].PublishedSuppression);
        Assert.Equal(320m, plan.Years[2].WomenAged20To39 - plan.Years[2].WomenAged20To39Published);
        // Against パターン1 of the 平成30年推計.
        Assert.Equal(shortTerm.Target.Complete! - vision.Pattern1!.ThreeAgeGroups(2020), shortTerm.Pattern1Suppression);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Table_Nemuro_SuppressionIsTargetMinusProjectionInTheTargetYear(DbKind kind)
    {
        var db = await databases.GetAsync(kind);
        await using var context = db.NewContext();
        var service = new PopulationService(context, PopulationDemoTests.Clock);

        var vision = await service.GetVisionAsync("01223", new PopulationScenarioOptions { TargetYear = 2025, BaseYear = 2010 });

        var table = vision!.Table!;
        Assert.Equal((2010, 2025, true), (table.BaseYear, table.Year, table.OwnIsTarget));
        Assert.Equal(new ThreeAgeGroups(24_790m, 2_522m, 13_705m, 8_564m), table.Own);
        Assert.Equal(table.Own - vision.Pattern1!.ThreeAgeGroups(2025), table.Suppression);
        Assert.Equal(table.Own - table.Base, table.OwnChange);
        Assert.Contains("平成30年推計", table.ProjectionLabel, StringComparison.Ordinal);

        // Default: the long-term target year; a year without a target uses the municipality's scenario (シミュレーション2).
        Assert.Equal(2060, (await service.GetVisionAsync("01223"))!.Table!.Year);
        var scenario = (await service.GetVisionAsync("01223", new PopulationScenarioOptions { TargetYear = 2040 }))!.Table!;
        Assert.False(scenario.OwnIsTarget);
        Assert.Contains("シミュレーション2", scenario.OwnLabel, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Actuals_Nemuro_ComparedWithTargetsForEachYearWithAnActualOrAPassedTarget(DbKind kind)
    {
        var db = await databases.GetAsync(kind);
        await using var context = db.NewContext();

        var vision = await new PopulationService(context, PopulationDemoTests.Clock).GetVisionAsync("01223");

        // Plan from FY2015: actuals from 2010 (census 2010, register 2014, census 2015) and the targets of 2020 and
        // 2025, passed by 2026; 2060 is not yet due.
        Assert.Equal([2010, 2014, 2015, 2020, 2025], vision!.ActualComparison.Select(r => r.Year));
        var register = vision.ActualComparison[1];
        Assert.Equal((28_050m, "住民基本台帳"), (register.Actual, register.ActualSource));
        var census = vision.ActualComparison[2];
        Assert.Equal((26_917m, "国勢調査", 26_917m), (census.Actual, census.ActualSource, census.Pattern1));
        var shortTerm = vision.ActualComparison[3];
        Assert.Equal((26_043m, 25_390m, false), (shortTerm.Target, shortTerm.PublishedProjection, shortTerm.TargetInterpolated));
        Assert.Null(shortTerm.Actual);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Project_UnknownAreaOrEdition_FailsSayingWhatExists(DbKind kind)
    {
        var db = await databases.GetAsync(kind);
        await using var context = db.NewContext();
        var service = new PopulationService(context, PopulationDemoTests.Clock);

        var area = await Assert.ThrowsAsync<PopulationDataException>(() => service.ProjectAsync("99999", PopulationScenarioKind.Pattern1, new PopulationScenarioOptions()));
        Assert.Contains("99999", area.Message, StringComparison.Ordinal);
        Assert.Contains("01223 根室市", area.Message, StringComparison.Ordinal);

        var edition = await Assert.ThrowsAsync<PopulationDataException>(() => service.ProjectAsync("01223", PopulationScenarioKind.Pattern1, new PopulationScenarioOptions { Edition = "平成25年推計" }));
        Assert.Contains("平成30年推計", edition.Message, StringComparison.Ordinal);

        var run = await service.ProjectAsync("01223", PopulationScenarioKind.Simulation2, new PopulationScenarioOptions { Edition = "平成30年推計", Horizon = 2065 });
        Assert.Equal(2065, run.Projection.LastYear);
        Assert.Contains("近似", run.SurvivalSource, StringComparison.Ordinal);
    }
}
