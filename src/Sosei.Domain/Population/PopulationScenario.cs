using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>A point of a fertility path: the total fertility rate (合計特殊出生率) reached in a year.</summary>
/// <param name="Year">Year the rate is reached (e.g. 2030).</param>
/// <param name="TotalFertilityRate">Births per woman, above 0 and at most 10 (2.07 = 人口置換水準).</param>
public sealed record FertilityPathPoint(int Year, decimal TotalFertilityRate);

/// <summary>
/// A total fertility rate path for シミュレーション1: from the municipality's base rate at the jump-off year, the rate
/// moves linearly to each point in turn and is held after the last one. Before the first point it is interpolated
/// from the base rate; at and before the jump-off year it is the base rate.
/// </summary>
public sealed record FertilityPath
{
    private FertilityPath(IReadOnlyList<FertilityPathPoint> points) => Points = points;

    /// <summary>The points in year order (at least one).</summary>
    public IReadOnlyList<FertilityPathPoint> Points { get; }

    /// <summary>
    /// The national long-term vision (まち・ひと・しごと創生長期ビジョン): 1.8 by 2030 and 2.07 (人口置換水準) by 2040.
    /// </summary>
    public static FertilityPath NationalVision { get; } = Of(new FertilityPathPoint(2030, 1.8m), new FertilityPathPoint(2040, 2.07m));

    /// <summary>A path through <paramref name="points"/> (years strictly increasing).</summary>
    /// <exception cref="ArgumentException">No points, years not increasing, or a rate outside (0, 10].</exception>
    public static FertilityPath Of(params FertilityPathPoint[] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length == 0)
        {
            throw new ArgumentException("A fertility path needs at least one point (year → TFR).", nameof(points));
        }

        for (var i = 0; i < points.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(points[i], nameof(points));
            if (points[i].TotalFertilityRate is <= 0 or > 10)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Fertility path {points[i].Year}: TFR {points[i].TotalFertilityRate} is outside (0, 10]."), nameof(points));
            }

            if (i > 0 && points[i].Year <= points[i - 1].Year)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Fertility path years must increase: {points[i - 1].Year} is followed by {points[i].Year}."), nameof(points));
            }
        }

        return new FertilityPath(points.ToArray());
    }

    /// <summary>The rate in <paramref name="year"/> for a path starting at <paramref name="baseRate"/> in <paramref name="baseYear"/>.</summary>
    /// <exception cref="ArgumentException">A point lies at or before the base year.</exception>
    public decimal RateAt(int year, int baseYear, decimal baseRate)
    {
        if (Points[0].Year <= baseYear)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The fertility path starts at {Points[0].Year}, not after the jump-off year {baseYear}."), nameof(baseYear));
        }

        if (year <= baseYear)
        {
            return baseRate;
        }

        var (fromYear, fromRate) = (baseYear, baseRate);
        foreach (var point in Points)
        {
            if (year <= point.Year)
            {
                return fromRate + ((point.TotalFertilityRate - fromRate) * (year - fromYear) / (point.Year - fromYear));
            }

            (fromYear, fromRate) = (point.Year, point.TotalFertilityRate);
        }

        return fromRate;
    }
}

/// <summary>
/// A change to the assumptions of a scenario, applied to every 5-year step whose end year lies in
/// [<see cref="FirstYear"/>, <see cref="LastYear"/>] (a step 2015→2020 has end year 2020). Adjustments apply in
/// order, after the scenario's fertility path and zero-migration setting.
/// </summary>
/// <param name="FirstYear">First end year of the steps changed.</param>
/// <param name="LastYear">Last end year of the steps changed.</param>
public abstract record ScenarioAdjustment(int FirstYear, int LastYear)
{
    /// <summary>Whether the adjustment applies to the step ending in <paramref name="toYear"/>.</summary>
    public bool AppliesTo(int toYear) => toYear >= FirstYear && toYear <= LastYear;
}

/// <summary>
/// Multiplies the cohort change ratios of the cohorts aged <paramref name="FromAge"/>–<paramref name="ToAge"/> at the
/// start of the step (origin ages; null <paramref name="ToAge"/> = up to the open origin), of one sex or both (null).
/// E.g. factor 1.05 for 15–29: 5 % more young people stay or arrive.
/// </summary>
/// <param name="FirstYear">First end year of the steps changed.</param>
/// <param name="LastYear">Last end year of the steps changed.</param>
/// <param name="Sex">Sex, or null for both.</param>
/// <param name="FromAge">First origin age (a group start, e.g. 15).</param>
/// <param name="ToAge">Last origin age (a group end, e.g. 29), or null for all older groups.</param>
/// <param name="Factor">Multiplier, not negative.</param>
public sealed record ScaleCohortChangeRatios(int FirstYear, int LastYear, Sex? Sex, int FromAge, int? ToAge, decimal Factor)
    : ScenarioAdjustment(FirstYear, LastYear);

/// <summary>Replaces the cohort change ratios of the origin ages <paramref name="FromAge"/>–<paramref name="ToAge"/> by <paramref name="Ratio"/>.</summary>
/// <param name="FirstYear">First end year of the steps changed.</param>
/// <param name="LastYear">Last end year of the steps changed.</param>
/// <param name="Sex">Sex, or null for both.</param>
/// <param name="FromAge">First origin age (a group start).</param>
/// <param name="ToAge">Last origin age (a group end), or null for all older groups.</param>
/// <param name="Ratio">The new ratio, 0 to <see cref="CohortChangeRatios.MaxRatio"/>.</param>
public sealed record SetCohortChangeRatios(int FirstYear, int LastYear, Sex? Sex, int FromAge, int? ToAge, decimal Ratio)
    : ScenarioAdjustment(FirstYear, LastYear);

/// <summary>Sets the municipal child-woman ratio of the steps (overrides the fertility path and the institute's path).</summary>
/// <param name="FirstYear">First end year of the steps changed.</param>
/// <param name="LastYear">Last end year of the steps changed.</param>
/// <param name="ChildWomanRatio">子ども女性比, 0 to <see cref="CohortChangeProjection.MaxChildWomanRatio"/>.</param>
public sealed record SetChildWomanRatio(int FirstYear, int LastYear, decimal ChildWomanRatio)
    : ScenarioAdjustment(FirstYear, LastYear);

/// <summary>
/// Sets the total fertility rate of the steps; it becomes a child-woman ratio through the municipality's base ratio
/// k = CWR(jump-off) / base TFR, as for a fertility path.
/// </summary>
/// <param name="FirstYear">First end year of the steps changed.</param>
/// <param name="LastYear">Last end year of the steps changed.</param>
/// <param name="TotalFertilityRate">合計特殊出生率, above 0 and at most 10.</param>
public sealed record SetTotalFertilityRate(int FirstYear, int LastYear, decimal TotalFertilityRate)
    : ScenarioAdjustment(FirstYear, LastYear);

/// <summary>
/// Adds <paramref name="PersonsPerStep"/> net migrants per 5-year step (negative: removes), spread evenly over the
/// selected sexes and age groups at the end of the step (ages <paramref name="FromAge"/>–<paramref name="ToAge"/>).
/// E.g. +50 persons per step in ages 20–39, both sexes: 6.25 persons in each of the 8 cells.
/// </summary>
/// <param name="FirstYear">First end year of the steps changed.</param>
/// <param name="LastYear">Last end year of the steps changed.</param>
/// <param name="Sex">Sex, or null for both (split evenly).</param>
/// <param name="FromAge">First age at the end of the step (a group start).</param>
/// <param name="ToAge">Last age (a group end), or null for all older groups.</param>
/// <param name="PersonsPerStep">Net migrants per 5-year step.</param>
public sealed record AddNetMigration(int FirstYear, int LastYear, Sex? Sex, int FromAge, int? ToAge, decimal PersonsPerStep)
    : ScenarioAdjustment(FirstYear, LastYear);

/// <summary>
/// A projection scenario of a municipal population vision, applied to a <see cref="MunicipalProjectionModel"/>:
/// <list type="bullet">
/// <item><see cref="Pattern1"/> (パターン1): the institute's projection, extended;</item>
/// <item><see cref="Simulation1"/> (シミュレーション1): パターン1 with the fertility path;</item>
/// <item><see cref="Simulation2"/> (シミュレーション2): シミュレーション1 with zero net migration;</item>
/// <item>any of these with <see cref="Adjustments"/> (user-defined what-ifs).</item>
/// </list>
/// </summary>
public sealed record PopulationScenario
{
    /// <summary>Name shown with the results.</summary>
    public required string Name { get; init; }

    /// <summary>Fertility path replacing the institute's child-woman ratios, or null to keep them.</summary>
    public FertilityPath? Fertility { get; init; }

    /// <summary>Whether net migration is zero: cohort change ratios are replaced by survival ratios, which the model must have.</summary>
    public bool ZeroNetMigration { get; init; }

    /// <summary>User-defined changes, applied in order after the settings above.</summary>
    public IReadOnlyList<ScenarioAdjustment> Adjustments { get; init; } = [];

    /// <summary>パターン1: the institute's projection (社人研推計準拠), extended by the model's convention.</summary>
    public static PopulationScenario Pattern1 { get; } = new() { Name = "パターン1" };

    /// <summary>シミュレーション1: パターン1 with the total fertility rate following <paramref name="path"/>.</summary>
    public static PopulationScenario Simulation1(FertilityPath path) => new() { Name = "シミュレーション1", Fertility = path };

    /// <summary>シミュレーション2: シミュレーション1 with zero net migration (needs survival ratios in the model).</summary>
    public static PopulationScenario Simulation2(FertilityPath path) =>
        new() { Name = "シミュレーション2", Fertility = path, ZeroNetMigration = true };
}
