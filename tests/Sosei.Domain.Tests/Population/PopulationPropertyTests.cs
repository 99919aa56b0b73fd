using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

/// <summary>A jump-off population and random step assumptions (ratios 0–2, CWR 0–0.5, net migration ±100).</summary>
public sealed record ProjectionCase(PopulationTable JumpOff, IReadOnlyList<ProjectionStep> Steps)
{
    public override string ToString() =>
        $"{JumpOff.Total} persons, {Steps.Count} steps, CWR {string.Join("/", Steps.Select(s => s.ChildWomanRatio))}";
}

/// <summary>A fertility path and a scaling of the approximate survival ratios, for the 根室市 vision model.</summary>
public sealed record ScenarioCase(decimal Tfr2030, decimal Tfr2040, decimal SurvivalFactor)
{
    public override string ToString() => $"TFR {Tfr2030} (2030) → {Tfr2040} (2040), survival × {SurvivalFactor}";
}

/// <summary>FsCheck generators of population inputs.</summary>
public static class PopulationArbitraries
{
    private static Gen<decimal> Scaled(int max, decimal scale) => Gen.Choose(0, max).Select(i => i / scale);

    private static Gen<PopulationTable> TableGen(bool withUnknown) =>
        from male in Scaled(500_000, 100m).ArrayOf(19)
        from female in Scaled(500_000, 100m).ArrayOf(19)
        from unknownMale in withUnknown ? Scaled(5_000, 10m) : Gen.Constant(0m)
        from unknownFemale in withUnknown ? Scaled(5_000, 10m) : Gen.Constant(0m)
        select PopulationTable.Create("TEST", 2015, male, female, unknownMale, unknownFemale);

    public static Arbitrary<PopulationTable> Tables() => TableGen(withUnknown: true).ToArbitrary();

    public static Arbitrary<ProjectionCase> Cases()
    {
        Gen<ProjectionStep> Step(int fromYear) =>
            from male in Scaled(2_000, 1000m).ArrayOf(18)
            from female in Scaled(2_000, 1000m).ArrayOf(18)
            from cwr in Scaled(500, 1000m)
            from share in Scaled(1_000, 1000m)
            from migrants in Gen.Choose(-100, 100)
            from age in Gen.Elements(0, 20, 40, 85, 90)
            from sex in Gen.Elements(Sex.Male, Sex.Female)
            select new ProjectionStep
            {
                FromYear = fromYear,
                CohortChangeRatios = CohortChangeRatios.Create(male, female),
                ChildWomanRatio = cwr,
                MaleShareOfChildrenUnderFive = share,
                NetMigrationAdjustments = migrants == 0
                    ? []
                    : [new PopulationCount(sex, age == 90 ? AgeGroup.OpenFrom(90) : AgeGroup.Closed(age), migrants)],
            };

        var gen =
            from table in TableGen(withUnknown: false)
            from count in Gen.Choose(1, 6)
            from steps in Gen.CollectToArray(Enumerable.Range(0, count), i => Step(2015 + (5 * i)))
            select new ProjectionCase(table, steps);
        return gen.ToArbitrary();
    }

    public static Arbitrary<ScenarioCase> Scenarios() =>
        (from tfr2030 in Scaled(300, 100m)
         from tfr2040 in Scaled(300, 100m)
         from factor in Scaled(200, 1000m)
         select new ScenarioCase(1m + tfr2030, 1m + tfr2040, 0.9m + factor)).ToArbitrary();
}

[Properties(Arbitrary = [typeof(PopulationArbitraries)], MaxTest = 100)]
public class PopulationPropertyTests
{
    private static readonly MunicipalProjectionModel Nemuro = PopulationData.VisionModel(PopulationData.Nemuro);

    [Property]
    public bool Projection_NeverNegative_OrAClearErrorForTooLargeEmigration(ProjectionCase input)
    {
        try
        {
            var projection = CohortChangeProjection.Project(input.JumpOff, input.Steps, "random");
            return projection.Tables.All(t => Sexes.All.All(s => t.Counts(s).All(c => c >= 0)));
        }
        catch (InvalidOperationException error)
        {
            // Only a net migration adjustment can remove people; the error names the cell.
            return input.Steps.Any(s => s.NetMigrationAdjustments.Any(a => a.Count < 0))
                && error.Message.Contains("net migration adjustment", StringComparison.Ordinal);
        }
    }

    [Property]
    public bool Projection_AgeGroupSumsEqualTotals(ProjectionCase input)
    {
        var steps = input.Steps.Select(s => s with { NetMigrationAdjustments = [] }).ToList();
        var projection = CohortChangeProjection.Project(input.JumpOff, steps, "random");

        return projection.Tables.All(t =>
        {
            var groups = t.ThreeAgeGroups;
            var rows = t.Rows().ToList();
            return groups.Young + groups.WorkingAge + groups.Elderly == t.Total
                && t.TotalOf(Sex.Male) + t.TotalOf(Sex.Female) == t.Total
                && t.AgeGroups.Sum(t.TotalOf) == t.Total
                && rows.Where(r => r.Sex is null && r.AgeGroup is not null).Sum(r => r.Count) == rows.Single(r => r.Sex is null && r.AgeGroup is null).Count;
        });
    }

    [Property]
    public bool AllocateUnknownAge_PreservesTotalsExactly(PopulationTable table)
    {
        foreach (var sex in Sexes.All)
        {
            if (table.UnknownAge(sex) > 0 && table.Counts(sex).Sum() == 0)
            {
                return Throws(table.AllocateUnknownAge);
            }
        }

        var allocated = table.AllocateUnknownAge();
        return !allocated.HasUnknownAge
            && allocated.TotalOf(Sex.Male) == table.TotalOf(Sex.Male)
            && allocated.TotalOf(Sex.Female) == table.TotalOf(Sex.Female)
            && allocated.Total == table.Total
            && Sexes.All.All(s => allocated.Counts(s).Zip(table.Counts(s)).All(p => p.First >= p.Second));
    }

    [Property(MaxTest = 25)]
    public bool ZeroMigration_WithSurvivalRatios_EqualsSurvivalOnlyProjection(ScenarioCase input)
    {
        var survival = Survival(input.SurvivalFactor);
        var model = Nemuro.WithSurvivalRatios(survival, "random");
        var path = FertilityPath.Of(new FertilityPathPoint(2030, input.Tfr2030), new FertilityPathPoint(2040, input.Tfr2040));

        var zeroMigration = model.Project(PopulationScenario.Simulation2(path));

        var survivalOnly = CohortChangeProjection.Project(
            model.JumpOff,
            model.Periods.Select(p =>
            {
                var tfr = path.RateAt(p.ToYear, model.JumpOff.Year, model.BaseTotalFertilityRate!.Value);
                return new ProjectionStep
                {
                    FromYear = p.FromYear,
                    CohortChangeRatios = survival[p.FromYear],
                    ChildWomanRatio = model.FertilityConversionFactor!.Value * tfr,
                    MaleShareOfChildrenUnderFive = p.MaleShareOfChildrenUnderFive,
                };
            }).ToList(),
            "survival only");
        return zeroMigration.Tables.Zip(survivalOnly.Tables).All(p =>
            Sexes.All.All(s => p.First.Counts(s).SequenceEqual(p.Second.Counts(s))));
    }

    [Property(MaxTest = 25)]
    public bool Decomposition_FertilityPlusMigrationEqualsTotalExactly(ScenarioCase input)
    {
        var model = Nemuro.WithSurvivalRatios(Survival(input.SurvivalFactor), "random");
        var path = FertilityPath.Of(new FertilityPathPoint(2030, input.Tfr2030), new FertilityPathPoint(2040, input.Tfr2040));

        var decomposition = PopulationDecomposition.OfScenarios(
            model.Project(PopulationScenario.Pattern1),
            model.Project(PopulationScenario.Simulation1(path)),
            model.Project(PopulationScenario.Simulation2(path)));

        return decomposition.Years.All(y =>
            y.FertilityEffect + y.MigrationEffect == y.TotalEffect
            && y.TotalEffect == y.Simulation2 - y.Pattern1);
    }

    private static Dictionary<int, CohortChangeRatios> Survival(decimal factor) =>
        PopulationData.National.SurvivalApproximation()
            .ToDictionary(p => p.Key, p => p.Value.Select((_, _, r) => Math.Min(1m, r * factor)));

    private static bool Throws(Func<PopulationTable> action)
    {
        try
        {
            action();
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
