using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>One year of a projection at a glance: the line of a 将来推計 table or a point of its chart.</summary>
/// <param name="Year">Year.</param>
/// <param name="Population">Total and the three age groups (unrounded).</param>
/// <param name="WomenAged20To39">20～39歳女性人口, the indicator the plans follow for young women.</param>
/// <param name="WomenOfChildbearingAge">Women 15–49.</param>
/// <param name="ChildWomanRatio">子ども女性比 (null where there are no women 15–49).</param>
/// <param name="TotalFertilityRate">The TFR assumed for the step ending this year, when the scenario set one.</param>
public sealed record ProjectionYear(
    int Year,
    ThreeAgeGroups Population,
    decimal WomenAged20To39,
    decimal WomenOfChildbearingAge,
    decimal? ChildWomanRatio,
    decimal? TotalFertilityRate);

/// <summary>
/// The result of a projection: one <see cref="PopulationTable"/> per year from the jump-off, every 5 years, with the
/// assumptions of each step. Counts are unrounded; round for display only.
/// </summary>
public sealed class PopulationProjection
{
    private readonly Dictionary<int, PopulationTable> _byYear;

    internal PopulationProjection(string scenario, IReadOnlyList<PopulationTable> tables, IReadOnlyList<ProjectionStep> steps)
    {
        Scenario = scenario;
        Tables = tables.ToArray();
        Steps = steps.ToArray();
        _byYear = Tables.ToDictionary(t => t.Year);
    }

    /// <summary>Name of the scenario (パターン1, シミュレーション1 …).</summary>
    public string Scenario { get; }

    /// <summary>Area code of the projected population.</summary>
    public string AreaCode => Tables[0].AreaCode;

    /// <summary>The population of every year, jump-off first.</summary>
    public IReadOnlyList<PopulationTable> Tables { get; }

    /// <summary>The assumptions of every step (one fewer than <see cref="Tables"/>).</summary>
    public IReadOnlyList<ProjectionStep> Steps { get; }

    /// <summary>Jump-off year (基準年).</summary>
    public int JumpOffYear => Tables[0].Year;

    /// <summary>Last projected year.</summary>
    public int LastYear => Tables[^1].Year;

    /// <summary>All years, jump-off first, every 5 years.</summary>
    public IEnumerable<int> Years => Tables.Select(t => t.Year);

    /// <summary>Whether the projection has a table for <paramref name="year"/>.</summary>
    public bool Covers(int year) => _byYear.ContainsKey(year);

    /// <summary>The population in <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The projection has no such year (it has the jump-off year and every 5 years to the last).</exception>
    public PopulationTable this[int year] => _byYear.TryGetValue(year, out var table)
        ? table
        : throw new ArgumentOutOfRangeException(
            nameof(year),
            year,
            string.Create(CultureInfo.InvariantCulture, $"The projection {Scenario} of {AreaCode} covers {JumpOffYear}–{LastYear} every 5 years, not {year}."));

    /// <summary>Total and three age groups in <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The projection has no such year.</exception>
    public ThreeAgeGroups ThreeAgeGroups(int year) => this[year].ThreeAgeGroups;

    /// <summary>One summary line per year (for tables and charts by three age groups).</summary>
    public IReadOnlyList<ProjectionYear> Summary() => Tables
        .Select((table, i) => new ProjectionYear(
            table.Year,
            table.ThreeAgeGroups,
            table.CountInAges(Sex.Female, 20, 39),
            table.WomenOfChildbearingAge,
            table.WomenOfChildbearingAge == 0 ? null : table.ChildWomanRatio,
            i == 0 ? null : Steps[i - 1].TotalFertilityRate))
        .ToArray();

    /// <summary>Every year's <see cref="PopulationTable.Rows"/>: year × sex (M, F, both) × age group, with totals.</summary>
    public IEnumerable<PopulationRow> Rows() => Tables.SelectMany(t => t.Rows());
}
