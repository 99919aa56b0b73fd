using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>
/// A national projection (日本の将来推計人口, e.g. 平成29年推計 出生中位・死亡中位) as population tables every 5 years.
/// The municipal method takes two things from it: the national child-woman ratio path, which municipal ratios follow
/// at a constant relative level, and the 0–4 sex ratio. Its cohort change ratios also approximate survival ratios
/// (<see cref="SurvivalApproximation"/>).
/// </summary>
public sealed class NationalProjection
{
    private readonly Dictionary<int, PopulationTable> _byYear;

    private NationalProjection(string edition, PopulationTable[] tables)
    {
        Edition = edition;
        Tables = tables;
        _byYear = tables.ToDictionary(t => t.Year);
    }

    /// <summary>Edition label, e.g. 「日本の将来推計人口（平成29年推計）」出生中位・死亡中位.</summary>
    public string Edition { get; }

    /// <summary>The national population of every year, in order.</summary>
    public IReadOnlyList<PopulationTable> Tables { get; }

    /// <summary>First year.</summary>
    public int FirstYear => Tables[0].Year;

    /// <summary>Last year (the horizon a municipal projection can be extended to).</summary>
    public int LastYear => Tables[^1].Year;

    /// <summary>Whether the projection has <paramref name="year"/>.</summary>
    public bool Covers(int year) => _byYear.ContainsKey(year);

    /// <summary>The national population in <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not covered.</exception>
    public PopulationTable this[int year] => _byYear.TryGetValue(year, out var table)
        ? table
        : throw new ArgumentOutOfRangeException(
            nameof(year),
            year,
            string.Create(CultureInfo.InvariantCulture, $"The national projection {Edition} covers {FirstYear}–{LastYear} every 5 years, not {year}."));

    /// <summary>National 子ども女性比 in <paramref name="year"/> (0–4 both sexes / women 15–49).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not covered.</exception>
    public decimal ChildWomanRatio(int year) => this[year].ChildWomanRatio;

    /// <summary>Boys' share of national children 0–4 in <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not covered.</exception>
    public decimal MaleShareOfChildrenUnderFive(int year) => this[year].MaleShareOfChildrenUnderFive;

    /// <summary>
    /// Creates a national projection from tables every 5 years (any order; all with the same age scheme, no unknown
    /// ages). Tables with finer old ages (90–94, 95–99, 100+) are folded to 90+ by
    /// <see cref="PopulationTable.FromCounts"/> before they get here.
    /// </summary>
    /// <exception cref="ArgumentException">No tables, a repeated or missing year, different age schemes or unknown ages.</exception>
    public static NationalProjection Create(string edition, IEnumerable<PopulationTable> tables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(edition);
        ArgumentNullException.ThrowIfNull(tables);
        var ordered = tables.OrderBy(t => t.Year).ToArray();
        if (ordered.Length < 2)
        {
            throw new ArgumentException($"The national projection {edition} needs at least two years.", nameof(tables));
        }

        for (var i = 0; i < ordered.Length; i++)
        {
            var table = ordered[i];
            if (table.HasUnknownAge || table.OpenAgeStart != ordered[0].OpenAgeStart)
            {
                throw new ArgumentException(
                    $"The national projection {edition}: {table} has unknown ages or another open age group than {ordered[0].OpenAgeStart}+.",
                    nameof(tables));
            }

            if (i > 0 && table.Year != ordered[i - 1].Year + AgeGroup.Width)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The national projection {edition} must have a table every 5 years: {ordered[i - 1].Year} is followed by {table.Year}."),
                    nameof(tables));
            }
        }

        return new NationalProjection(edition.Trim(), ordered);
    }

    /// <summary>
    /// The national cohort change ratios of every period, keyed by the period's first year, as an
    /// <b>approximation of survival ratios</b> (生残率). The national projection assumes small international net
    /// migration (mostly ages 15–34), so its cohort change ratios are survival ratios up to that migration; use them
    /// only where no survival ratios of the area are available (シミュレーション2, zero net migration). The open origin
    /// is handled exactly as for municipalities: 85–89 and 90+ together give 90+ (the shipped national table is
    /// finer, 90–94 … 100+, and is folded to 90+ first, so nothing is approximated there).
    /// </summary>
    public IReadOnlyDictionary<int, CohortChangeRatios> SurvivalApproximation()
    {
        var ratios = new Dictionary<int, CohortChangeRatios>();
        for (var i = 0; i + 1 < Tables.Count; i++)
        {
            ratios[Tables[i].Year] = CohortChangeRatios.Between(Tables[i], Tables[i + 1]);
        }

        return ratios;
    }
}
