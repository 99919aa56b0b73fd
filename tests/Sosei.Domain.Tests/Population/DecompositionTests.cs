using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

public class DecompositionTests
{
    private static ScenarioDecomposition DecomposeNemuro()
    {
        var model = PopulationData.VisionModel(PopulationData.Nemuro);
        return PopulationDecomposition.OfScenarios(
            model.Project(PopulationScenario.Pattern1),
            model.Project(PopulationScenario.Simulation1(FertilityPath.NationalVision)),
            model.Project(PopulationScenario.Simulation2(FertilityPath.NationalVision)));
    }

    [Fact]
    public void OfScenarios_Nemuro_FertilityPlusMigrationEqualsTotalExactlyEveryYearAndAgeGroup()
    {
        var decomposition = DecomposeNemuro();

        Assert.Equal(10, decomposition.Years.Count);
        foreach (var year in decomposition.Years)
        {
            Assert.Equal(year.TotalEffect, year.FertilityEffect + year.MigrationEffect);
            Assert.Equal(year.Simulation2.Total - year.Pattern1.Total, year.FertilityEffect.Total + year.MigrationEffect.Total);
            Assert.Equal(year.TotalEffect.Total, year.TotalEffect.Young + year.TotalEffect.WorkingAge + year.TotalEffect.Elderly);
        }

        Assert.Equal(new ThreeAgeGroups(0m, 0m, 0m, 0m), decomposition[2015].TotalEffect);
    }

    [Fact]
    public void OfScenarios_Nemuro_EffectsArePositiveAndGrow()
    {
        // 根室市's base TFR (1.53) is below the path and it loses people by migration: both effects are gains.
        var decomposition = DecomposeNemuro();

        var effects = decomposition.Years.Skip(1).ToList();
        Assert.All(effects, y => Assert.True(y.FertilityEffect.Total > 0 && y.MigrationEffect.Total > 0));
        Assert.Equal(effects.OrderBy(y => y.TotalEffect.Total), effects);
    }

    [Fact]
    public void ImpactLevels_Nemuro2040_NaturalLevelTwoSocialLevelFive()
    {
        // Regression pins computed by this engine: Sim1/P1 = 102.2 %, Sim2/Sim1 = 143.6 % in 2040.
        var decomposition = DecomposeNemuro();

        var natural = decomposition.NaturalChangeImpact();
        var social = decomposition.SocialChangeImpact();

        Assert.Equal(2040, natural.Year);
        Assert.Equal(102.2m, Math.Round(natural.Percent, 1));
        Assert.Equal(2, natural.Level);
        Assert.Equal(143.6m, Math.Round(social.Percent, 1));
        Assert.Equal(5, social.Level);
    }

    [Theory]
    [InlineData(99.99, 1)]
    [InlineData(100, 2)]
    [InlineData(104.99, 2)]
    [InlineData(105, 3)]
    [InlineData(109.99, 3)]
    [InlineData(110, 4)]
    [InlineData(115, 5)]
    [InlineData(140, 5)]
    public void ImpactLevels_Natural_FivePercentSteps(double percent, int level) =>
        Assert.Equal(level, ImpactLevels.Natural((decimal)percent));

    [Theory]
    [InlineData(99.99, 1)]
    [InlineData(100, 2)]
    [InlineData(109.99, 2)]
    [InlineData(110, 3)]
    [InlineData(120, 4)]
    [InlineData(129.99, 4)]
    [InlineData(130, 5)]
    public void ImpactLevels_Social_TenPercentSteps(double percent, int level) =>
        Assert.Equal(level, ImpactLevels.Social((decimal)percent));

    [Fact]
    public void ImpactLevels_Betsukai_NaturalLevelOneBecauseItsFertilityIsAboveThePathAtFirst()
    {
        // 別海町's base TFR 1.86 is above 1.8: the path lowers fertility until 2030, and Sim1 < パターン1 in 2040.
        var model = PopulationData.VisionModel("01691");
        var decomposition = PopulationDecomposition.OfScenarios(
            model.Project(PopulationScenario.Pattern1),
            model.Project(PopulationScenario.Simulation1(FertilityPath.NationalVision)),
            model.Project(PopulationScenario.Simulation2(FertilityPath.NationalVision)));

        Assert.Equal(1, decomposition.NaturalChangeImpact().Level);
    }

    // Seed 000 (根室市創生総合戦略, 第2章): 「合計特殊出生率の向上による916人の減少抑制（自然減少抑制）に加え、転出超過対策による
    // 2,792人の減少抑制（社会減少抑制）… 3,708人の人口減少を抑制し、2060年における総人口15,262人の確保」; 社人研推計 11,554.
    [Fact]
    public void Decompose_Nemuro2060_ThreeThousandSevenHundredEightIsNineHundredSixteenPlusTwoThousandSevenHundredNinetyTwo()
    {
        var published = PopulationDecomposition.Decompose(
            15262m, 11554m, new DecompositionComponent("自然減少抑制", 916m), new DecompositionComponent("社会減少抑制", 2792m));

        Assert.Equal(3708m, published.Difference);
        Assert.Equal(0m, published.Residual);
        Assert.True(published.IsConsistent);
        Assert.Null(published.DerivedComponent);
    }

    [Fact]
    public void Decompose_Nemuro2060_DerivesTheMigrationPart()
    {
        var published = PopulationDecomposition.Decompose(
            15262m, 11554m, new DecompositionComponent("自然減少抑制", 916m), new DecompositionComponent("社会減少抑制", null));

        Assert.Equal("社会減少抑制", published.DerivedComponent);
        Assert.Equal(2792m, published.Components[1].Value);
        Assert.True(published.IsConsistent);
    }

    [Fact]
    public void Decompose_Nemuro2060ByAgeGroup_ShowsTheRoundingResidualOfOnePerson()
    {
        // 根室市-社人研 column: 年少 517, 生産 2,128, 老年 1,062 add up to 3,707, not 3,708 (「端数の関係で一致しない」).
        var published = PopulationDecomposition.Decompose(
            15262m,
            11554m,
            new DecompositionComponent("年少人口", 517m),
            new DecompositionComponent("生産年齢人口", 2128m),
            new DecompositionComponent("老年人口", 1062m));

        Assert.Equal(1m, published.Residual);
        Assert.False(published.IsConsistent);
    }

    [Fact]
    public void Decompose_TwoPartsToDerive_IsRejectedNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => PopulationDecomposition.Decompose(
            15262m, 11554m, new DecompositionComponent("自然", null), new DecompositionComponent("社会", null)));

        Assert.Contains("自然, 社会", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfScenarios_DifferentAreas_IsRejected()
    {
        var nemuro = PopulationData.Model(PopulationData.Nemuro).Project(PopulationScenario.Pattern1);
        var abashiri = PopulationData.Model("01211").Project(PopulationScenario.Pattern1);

        Assert.Throws<ArgumentException>(() => PopulationDecomposition.OfScenarios(nemuro, abashiri, nemuro));
    }
}
