using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

// 根室市: base TFR 1.53 (data/population/municipal_tfr_bayes_2008_2012.csv, 厚生労働省 人口動態保健所・市区町村別統計,
// ベイズ推定値 平成20～24年); CWR of the 2015 jump-off from the 平成30年推計 table.
public class ScenarioTests
{
    private static readonly MunicipalProjectionModel Nemuro = PopulationData.VisionModel(PopulationData.Nemuro);

    [Fact]
    public void FertilityConversionFactor_IsJumpOffChildWomanRatioOverBaseTfr()
    {
        Assert.Equal(1.53m, Nemuro.BaseTotalFertilityRate);
        Assert.Equal(Nemuro.JumpOff.ChildWomanRatio / 1.53m, Nemuro.FertilityConversionFactor);
        Assert.Equal(2015, Nemuro.JumpOff.Year);
    }

    [Fact]
    public void Simulation1_TfrRisesLinearlyFromTheBaseTo1Point8In2030And2Point07In2040ThenHolds()
    {
        var steps = Nemuro.Steps(PopulationScenario.Simulation1(FertilityPath.NationalVision));

        Assert.Equal([1.62m, 1.71m, 1.80m, 1.935m, 2.07m, 2.07m, 2.07m, 2.07m, 2.07m], steps.Select(s => s.TotalFertilityRate!.Value));
        Assert.All(steps, s => Assert.Equal(Nemuro.FertilityConversionFactor!.Value * s.TotalFertilityRate!.Value, s.ChildWomanRatio));
        // Migration and the sex ratio are those of パターン1.
        var pattern1 = Nemuro.Steps(PopulationScenario.Pattern1);
        Assert.Equal(pattern1.Select(s => s.CohortChangeRatios), steps.Select(s => s.CohortChangeRatios));
        Assert.Equal(pattern1.Select(s => s.MaleShareOfChildrenUnderFive), steps.Select(s => s.MaleShareOfChildrenUnderFive));
    }

    [Fact]
    public void FertilityPath_RateAt_InterpolatesAndHolds()
    {
        var path = FertilityPath.Of(new FertilityPathPoint(2030, 1.8m), new FertilityPathPoint(2040, 2.07m));

        Assert.Equal(1.5m, path.RateAt(2015, 2015, 1.5m));
        Assert.Equal(1.5m, path.RateAt(2010, 2015, 1.5m));
        Assert.Equal(1.6m, path.RateAt(2020, 2015, 1.5m));
        Assert.Equal(1.935m, path.RateAt(2035, 2015, 1.5m));
        Assert.Equal(2.07m, path.RateAt(2060, 2015, 1.5m));
    }

    [Fact]
    public void FertilityPath_YearsNotIncreasing_IsRejectedNamingThem()
    {
        var error = Assert.Throws<ArgumentException>(() => FertilityPath.Of(new FertilityPathPoint(2040, 2.07m), new FertilityPathPoint(2030, 1.8m)));

        Assert.Contains("2040 is followed by 2030", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulation1_WithoutBaseTfr_SaysWhatIsMissing()
    {
        var model = PopulationData.Model(PopulationData.Nemuro);

        var error = Assert.Throws<InvalidOperationException>(() => model.Project(PopulationScenario.Simulation1(FertilityPath.NationalVision)));
        Assert.Contains("base TFR", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithBaseTotalFertilityRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulation2_WithoutSurvivalRatios_SaysSurvivalRatesAreNeeded()
    {
        var model = PopulationData.Model(PopulationData.Nemuro).WithBaseTotalFertilityRate(1.53m, "H20-24");

        var error = Assert.Throws<InvalidOperationException>(() => model.Project(PopulationScenario.Simulation2(FertilityPath.NationalVision)));
        Assert.Contains("zero net migration", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs survival ratios", error.Message, StringComparison.Ordinal);
        Assert.Contains("2015→2020", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulation2_UsesTheSurvivalRatiosOfEachPeriod()
    {
        var survival = PopulationData.National.SurvivalApproximation();

        var steps = Nemuro.Steps(PopulationScenario.Simulation2(FertilityPath.NationalVision));

        Assert.All(steps, s => Assert.Equal(survival[s.FromYear].Ratios(Sex.Male), s.CohortChangeRatios.Ratios(Sex.Male)));
        Assert.All(steps, s => Assert.Equal(survival[s.FromYear].Ratios(Sex.Female), s.CohortChangeRatios.Ratios(Sex.Female)));
        Assert.Equal(PopulationData.SurvivalApproximationLabel, Nemuro.SurvivalSource);
    }

    [Fact]
    public void ZeroMigration_WithSurvivalRatios_EqualsASurvivalOnlyProjection()
    {
        var survival = PopulationData.National.SurvivalApproximation();
        var scenario = PopulationScenario.Pattern1 with { Name = "移動ゼロ", ZeroNetMigration = true };

        var projection = Nemuro.Project(scenario);

        var survivalOnly = CohortChangeProjection.Project(
            Nemuro.JumpOff,
            Nemuro.Periods.Select(p => new ProjectionStep
            {
                FromYear = p.FromYear,
                CohortChangeRatios = survival[p.FromYear],
                ChildWomanRatio = Nemuro.ChildWomanRatio(p.ToYear),
                MaleShareOfChildrenUnderFive = p.MaleShareOfChildrenUnderFive,
            }).ToList(),
            "survival only");
        foreach (var year in projection.Years)
        {
            Assert.Equal(survivalOnly[year].Counts(Sex.Male), projection[year].Counts(Sex.Male));
            Assert.Equal(survivalOnly[year].Counts(Sex.Female), projection[year].Counts(Sex.Female));
        }
    }

    [Fact]
    public void NationalSurvivalApproximation_ExceedsOneOnlyForYoungAgesByAtMostThreePercent()
    {
        // National cohort change ratios approximate survival: the 平成29年推計 assumes international immigration of
        // young adults, so ratios from origins 0–29 reach up to 1.027 (女 15–19 → 20–24); older ones are below 1.
        foreach (var ratios in PopulationData.National.SurvivalApproximation().Values)
        {
            foreach (var sex in Sexes.All)
            {
                foreach (var origin in ratios.Origins)
                {
                    Assert.InRange(ratios[sex, origin], 0.3m, origin.Start < 30 ? 1.03m : 1m);
                }
            }
        }
    }

    [Fact]
    public void ScaleCohortChangeRatios_ChangesOnlyTheChosenSexAgesAndYears()
    {
        var scenario = PopulationScenario.Pattern1 with
        {
            Adjustments = [new ScaleCohortChangeRatios(2025, 2030, Sex.Female, 15, 29, 1.1m)],
        };

        var steps = Nemuro.Steps(scenario);
        var pattern1 = Nemuro.Steps(PopulationScenario.Pattern1);

        for (var i = 0; i < steps.Count; i++)
        {
            var changed = steps[i].ToYear is 2025 or 2030;
            foreach (var origin in steps[i].CohortChangeRatios.Origins)
            {
                var inRange = origin.Start is >= 15 and <= 25;
                var expected = pattern1[i].CohortChangeRatios[Sex.Female, origin] * (changed && inRange ? 1.1m : 1m);
                Assert.Equal(expected, steps[i].CohortChangeRatios[Sex.Female, origin]);
                Assert.Equal(pattern1[i].CohortChangeRatios[Sex.Male, origin], steps[i].CohortChangeRatios[Sex.Male, origin]);
            }
        }
    }

    [Fact]
    public void SetCohortChangeRatios_ReplacesTheRatiosOfOlderAges()
    {
        var scenario = PopulationScenario.Pattern1 with { Adjustments = [new SetCohortChangeRatios(2020, 2060, null, 80, null, 0.5m)] };

        var steps = Nemuro.Steps(scenario);

        Assert.All(steps, s => Assert.Equal(0.5m, s.CohortChangeRatios[Sex.Male, AgeGroup.Closed(80)]));
        Assert.All(steps, s => Assert.Equal(0.5m, s.CohortChangeRatios[Sex.Female, AgeGroup.OpenFrom(85)]));
    }

    [Fact]
    public void SetChildWomanRatioAndTfr_OverrideTheFertilityPath()
    {
        var scenario = PopulationScenario.Simulation1(FertilityPath.NationalVision) with
        {
            Adjustments = [new SetChildWomanRatio(2020, 2020, 0.25m), new SetTotalFertilityRate(2025, 2025, 1.4m)],
        };

        var steps = Nemuro.Steps(scenario);

        Assert.Equal(0.25m, steps[0].ChildWomanRatio);
        Assert.Null(steps[0].TotalFertilityRate);
        Assert.Equal(1.4m, steps[1].TotalFertilityRate);
        Assert.Equal(Nemuro.FertilityConversionFactor!.Value * 1.4m, steps[1].ChildWomanRatio);
    }

    [Fact]
    public void AddNetMigration_EightyPersonsInAgesTwentyToThirtyNine_AddsThemAndTheirChildren()
    {
        var scenario = PopulationScenario.Pattern1 with { Adjustments = [new AddNetMigration(2020, 2020, null, 20, 39, 80m)] };

        var projection = Nemuro.Project(scenario);
        var pattern1 = Nemuro.Project(PopulationScenario.Pattern1);

        // 10 persons in each of 8 cells (2 sexes × 4 groups); the 40 women raise the 0–4 by CWR × 40.
        Assert.All(projection.Steps[0].NetMigrationAdjustments, a => Assert.Equal(10m, a.Count));
        Assert.Equal(80m, projection[2020].CountInAges(null, 20, 39) - pattern1[2020].CountInAges(null, 20, 39));
        var children = projection[2020].ChildrenUnderFive - pattern1[2020].ChildrenUnderFive;
        Assert.InRange(children - (Nemuro.ChildWomanRatio(2020) * 40m), -1e-9m, 1e-9m);
        Assert.Empty(projection.Steps[1].NetMigrationAdjustments);
    }

    [Fact]
    public void AddNetMigration_RemovingMoreThanTheGroupHas_NamesTheCell()
    {
        var scenario = PopulationScenario.Pattern1 with { Adjustments = [new AddNetMigration(2020, 2020, Sex.Female, 90, null, -10_000m)] };

        var error = Assert.Throws<InvalidOperationException>(() => Nemuro.Project(scenario));
        Assert.Contains("2015→2020 女 90+", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adjustment_AgesOffGroupLimits_IsRejected()
    {
        var scenario = PopulationScenario.Pattern1 with { Adjustments = [new AddNetMigration(2020, 2020, null, 18, 39, 80m)] };

        var error = Assert.Throws<ArgumentException>(() => Nemuro.Project(scenario));
        Assert.Contains("ages 18–39", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projection_Summary_HasOneLinePerYearWithTheYoungWomenIndicator()
    {
        var projection = Nemuro.Project(PopulationScenario.Simulation1(FertilityPath.NationalVision));

        var summary = projection.Summary();

        Assert.Equal(10, summary.Count);
        Assert.Null(summary[0].TotalFertilityRate);
        Assert.Equal(1.62m, summary[1].TotalFertilityRate);
        Assert.Equal(projection[2060].CountInAges(Sex.Female, 20, 39), summary[^1].WomenAged20To39);
        Assert.Equal("シミュレーション1", projection.Scenario);
        Assert.Equal(10 * 3 * 20, projection.Rows().Count());
    }

    [Fact]
    public void Projection_YearNotCovered_SaysWhichYearsAre()
    {
        var projection = Nemuro.Project(PopulationScenario.Pattern1);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => projection[2022]);
        Assert.Contains("2015–2060", error.Message, StringComparison.Ordinal);
    }
}
