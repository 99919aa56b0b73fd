namespace Sosei.Domain.Population;

/// <summary>
/// Figures by the three age groups (年齢3区分): 年少人口 0–14 (<see cref="Young"/>), 生産年齢人口 15–64
/// (<see cref="WorkingAge"/>), 老年人口 65+ (<see cref="Elderly"/>), with the total (総人口). In persons; may be
/// fractional (projections) and, for differences such as 減少抑制 or a decomposition, negative.
/// </summary>
/// <remarks>
/// <see cref="Total"/> is stored, not computed: a census total includes 年齢不詳, and published tables round each
/// figure separately, so the three groups need not add up to the total (the plans say 「年齢3区分人口と総人口は
/// 端数の関係で一致しない場合がある」). For a <see cref="PopulationTable"/> without unknown ages they add up exactly.
/// </remarks>
/// <param name="Total">総人口, including persons of unknown age.</param>
/// <param name="Young">年少人口, ages 0–14.</param>
/// <param name="WorkingAge">生産年齢人口, ages 15–64.</param>
/// <param name="Elderly">老年人口, ages 65 and over.</param>
public sealed record ThreeAgeGroups(decimal Total, decimal Young, decimal WorkingAge, decimal Elderly)
{
    /// <summary>Young + WorkingAge + Elderly: the population of known age.</summary>
    public decimal KnownAgeTotal => Young + WorkingAge + Elderly;

    /// <summary>
    /// 年少人口割合 in percent (0–100) of <see cref="KnownAgeTotal"/>, as 総務省 computes shares (年齢不詳を除く);
    /// null when the known-age total is zero. Unrounded: 12.2% in the plans is this value rounded to one decimal.
    /// </summary>
    public decimal? YoungShare => Share(Young);

    /// <summary>生産年齢人口割合 in percent of <see cref="KnownAgeTotal"/>; null when that is zero.</summary>
    public decimal? WorkingAgeShare => Share(WorkingAge);

    /// <summary>老年人口割合 (高齢化率) in percent of <see cref="KnownAgeTotal"/>; null when that is zero.</summary>
    public decimal? ElderlyShare => Share(Elderly);

    /// <summary>Component-wise difference <paramref name="left"/> − <paramref name="right"/> (exact in decimal).</summary>
    public static ThreeAgeGroups operator -(ThreeAgeGroups left, ThreeAgeGroups right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            left.Total - right.Total,
            left.Young - right.Young,
            left.WorkingAge - right.WorkingAge,
            left.Elderly - right.Elderly);
    }

    /// <summary>Component-wise sum (exact in decimal).</summary>
    public static ThreeAgeGroups operator +(ThreeAgeGroups left, ThreeAgeGroups right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            left.Total + right.Total,
            left.Young + right.Young,
            left.WorkingAge + right.WorkingAge,
            left.Elderly + right.Elderly);
    }

    /// <summary>Named alternative to the − operator.</summary>
    public static ThreeAgeGroups Subtract(ThreeAgeGroups left, ThreeAgeGroups right) => left - right;

    /// <summary>Named alternative to the + operator.</summary>
    public static ThreeAgeGroups Add(ThreeAgeGroups left, ThreeAgeGroups right) => left + right;

    /// <summary>
    /// Each figure rounded to whole persons (half away from zero) on its own, as the institute publishes its tables:
    /// the rounded groups may then differ from the rounded total by a person or two.
    /// </summary>
    public ThreeAgeGroups Rounded() => new(
        RoundPersons(Total), RoundPersons(Young), RoundPersons(WorkingAge), RoundPersons(Elderly));

    /// <summary>A number of persons rounded for display: whole persons, half away from zero.</summary>
    public static decimal RoundPersons(decimal persons) => Math.Round(persons, 0, MidpointRounding.AwayFromZero);

    private decimal? Share(decimal part)
    {
        var known = KnownAgeTotal;
        return known == 0 ? null : part / known * 100m;
    }
}
