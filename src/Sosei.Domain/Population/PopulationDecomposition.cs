using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>
/// 影響度: how much a scenario raises the 2040 population over another, and its level on the Cabinet Office's
/// 5-level scale (「地方人口ビジョンの策定のための手引き」, 内閣府地方創生推進室 / まち・ひと・しごと創生本部).
/// </summary>
/// <param name="Year">Year compared (2040 in the 手引き).</param>
/// <param name="Percent">Scenario total / reference total × 100 (e.g. 104.2).</param>
/// <param name="Level">1 to 5.</param>
public sealed record ImpactAssessment(int Year, decimal Percent, int Level);

/// <summary>The 影響度 levels of the Cabinet Office's 人口推計ワークシート (lower bounds inclusive).</summary>
public static class ImpactLevels
{
    /// <summary>
    /// 自然増減の影響度 from シミュレーション1 / パターン1 in percent: 1 below 100 %, 2 from 100 % to below 105 %,
    /// 3 from 105 % to below 110 %, 4 from 110 % to below 115 %, 5 at 115 % and more.
    /// </summary>
    public static int Natural(decimal percent) => Level(percent, 5m);

    /// <summary>
    /// 社会増減の影響度 from シミュレーション2 / シミュレーション1 in percent: 1 below 100 %, 2 from 100 % to below 110 %,
    /// 3 from 110 % to below 120 %, 4 from 120 % to below 130 %, 5 at 130 % and more.
    /// </summary>
    public static int Social(decimal percent) => Level(percent, 10m);

    private static int Level(decimal percent, decimal step) =>
        percent < 100m ? 1
        : percent < 100m + step ? 2
        : percent < 100m + (2 * step) ? 3
        : percent < 100m + (3 * step) ? 4
        : 5;
}

/// <summary>
/// One year of the decomposition of シミュレーション2 − パターン1 into the effect of fertility (シミュレーション1 −
/// パターン1) and the effect of migration (シミュレーション2 − シミュレーション1), by the three age groups. The parts add
/// up to the total exactly (decimal counts of at most 10 decimal places: no rounding in the differences).
/// </summary>
/// <param name="Year">Year.</param>
/// <param name="Pattern1">パターン1.</param>
/// <param name="Simulation1">シミュレーション1 (fertility path).</param>
/// <param name="Simulation2">シミュレーション2 (fertility path and zero net migration).</param>
public sealed record DecompositionYear(int Year, ThreeAgeGroups Pattern1, ThreeAgeGroups Simulation1, ThreeAgeGroups Simulation2)
{
    /// <summary>Effect of fertility (自然増減): シミュレーション1 − パターン1.</summary>
    public ThreeAgeGroups FertilityEffect => Simulation1 - Pattern1;

    /// <summary>Effect of migration (社会増減): シミュレーション2 − シミュレーション1.</summary>
    public ThreeAgeGroups MigrationEffect => Simulation2 - Simulation1;

    /// <summary>Both together: シミュレーション2 − パターン1 = FertilityEffect + MigrationEffect.</summary>
    public ThreeAgeGroups TotalEffect => Simulation2 - Pattern1;
}

/// <summary>The decomposition of a scenario set, year by year, with the 影響度 of the Cabinet Office's worksheet.</summary>
public sealed class ScenarioDecomposition
{
    private readonly Dictionary<int, DecompositionYear> _byYear;

    internal ScenarioDecomposition(IReadOnlyList<DecompositionYear> years)
    {
        Years = years;
        _byYear = years.ToDictionary(y => y.Year);
    }

    /// <summary>Every common year, in order.</summary>
    public IReadOnlyList<DecompositionYear> Years { get; }

    /// <summary>The decomposition of <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not in all three projections.</exception>
    public DecompositionYear this[int year] => _byYear.TryGetValue(year, out var y)
        ? y
        : throw new ArgumentOutOfRangeException(
            nameof(year), year, string.Create(CultureInfo.InvariantCulture, $"The decomposition covers {Years[0].Year}–{Years[^1].Year} every 5 years, not {year}."));

    /// <summary>自然増減の影響度: シミュレーション1 / パターン1 total in <paramref name="year"/> (2040 in the 手引き).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not covered.</exception>
    /// <exception cref="InvalidOperationException">パターン1 is zero in that year.</exception>
    public ImpactAssessment NaturalChangeImpact(int year = 2040)
    {
        var y = this[year];
        var percent = Percent(y.Simulation1.Total, y.Pattern1.Total, year);
        return new ImpactAssessment(year, percent, ImpactLevels.Natural(percent));
    }

    /// <summary>社会増減の影響度: シミュレーション2 / シミュレーション1 total in <paramref name="year"/> (2040 in the 手引き).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not covered.</exception>
    /// <exception cref="InvalidOperationException">シミュレーション1 is zero in that year.</exception>
    public ImpactAssessment SocialChangeImpact(int year = 2040)
    {
        var y = this[year];
        var percent = Percent(y.Simulation2.Total, y.Simulation1.Total, year);
        return new ImpactAssessment(year, percent, ImpactLevels.Social(percent));
    }

    private static decimal Percent(decimal scenario, decimal reference, int year) =>
        reference == 0
            ? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The reference population of {year} is zero: no 影響度."))
            : scenario / reference * 100m;
}

/// <summary>A named part of a published decomposition, e.g. 自然減少抑制 916; a null value is to be derived.</summary>
/// <param name="Name">Name as published.</param>
/// <param name="Value">Persons, or null to derive it as the rest of the difference.</param>
public sealed record DecompositionComponent(string Name, decimal? Value);

/// <summary>
/// A published decomposition checked: target − baseline against the sum of the parts (根室市 2060:
/// 15,262 − 11,554 = 3,708 = 916 + 2,792).
/// </summary>
/// <param name="Target">The plan's target (根室市推計).</param>
/// <param name="Baseline">The projection it is compared with (社人研推計).</param>
/// <param name="Components">Every part, with derived values filled in.</param>
/// <param name="DerivedComponent">Name of the part derived as the rest, or null when all were given.</param>
public sealed record PublishedDecomposition(
    decimal Target,
    decimal Baseline,
    IReadOnlyList<DecompositionComponent> Components,
    string? DerivedComponent)
{
    /// <summary>Target − baseline (減少抑制 in total).</summary>
    public decimal Difference => Target - Baseline;

    /// <summary>Difference − sum of the parts; 0 when the figures are consistent.</summary>
    public decimal Residual => Difference - Components.Sum(c => c.Value ?? 0m);

    /// <summary>Whether the parts add up to the difference exactly.</summary>
    public bool IsConsistent => Residual == 0;
}

/// <summary>Decompositions of a population target into the effects of fertility and migration.</summary>
public static class PopulationDecomposition
{
    /// <summary>
    /// Decomposes the difference between three projections of the same area: パターン1, シミュレーション1 and
    /// シミュレーション2, for every year the three have in common.
    /// </summary>
    /// <exception cref="ArgumentException">The projections are of different areas or share no year.</exception>
    public static ScenarioDecomposition OfScenarios(
        PopulationProjection pattern1, PopulationProjection simulation1, PopulationProjection simulation2)
    {
        ArgumentNullException.ThrowIfNull(pattern1);
        ArgumentNullException.ThrowIfNull(simulation1);
        ArgumentNullException.ThrowIfNull(simulation2);
        if (pattern1.AreaCode != simulation1.AreaCode || pattern1.AreaCode != simulation2.AreaCode)
        {
            throw new ArgumentException(
                $"The projections to decompose are of different areas: {pattern1.AreaCode}, {simulation1.AreaCode}, {simulation2.AreaCode}.",
                nameof(simulation1));
        }

        var years = pattern1.Years.Where(y => simulation1.Covers(y) && simulation2.Covers(y))
            .Select(y => new DecompositionYear(y, pattern1.ThreeAgeGroups(y), simulation1.ThreeAgeGroups(y), simulation2.ThreeAgeGroups(y)))
            .ToArray();
        return years.Length > 0
            ? new ScenarioDecomposition(years)
            : throw new ArgumentException("The projections to decompose have no year in common.", nameof(simulation1));
    }

    /// <summary>
    /// Checks a published decomposition, or derives its one missing part: <paramref name="target"/> −
    /// <paramref name="baseline"/> = Σ components. With every value given, <see cref="PublishedDecomposition.Residual"/>
    /// tells whether the figures agree; with one null value, that part is derived as the rest.
    /// </summary>
    /// <exception cref="ArgumentException">No components, or more than one to derive.</exception>
    public static PublishedDecomposition Decompose(decimal target, decimal baseline, params DecompositionComponent[] components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Length == 0)
        {
            throw new ArgumentException("A decomposition needs at least one component (e.g. fertility, migration).", nameof(components));
        }

        var missing = components.Where(c => c.Value is null).ToList();
        if (missing.Count > 1)
        {
            throw new ArgumentException(
                $"Only one component can be derived; {string.Join(", ", missing.Select(c => c.Name))} have no value.", nameof(components));
        }

        if (missing.Count == 0)
        {
            return new PublishedDecomposition(target, baseline, components.ToArray(), DerivedComponent: null);
        }

        var rest = target - baseline - components.Sum(c => c.Value ?? 0m);
        var filled = components.Select(c => c.Value is null ? c with { Value = rest } : c).ToArray();
        return new PublishedDecomposition(target, baseline, filled, missing[0].Name);
    }
}
