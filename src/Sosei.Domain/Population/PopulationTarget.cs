namespace Sosei.Domain.Population;

/// <summary>Term of a population target in a 人口ビジョン / 総合戦略.</summary>
public enum TargetTerm
{
    /// <summary>短期 (the 5-year strategy, e.g. 2020).</summary>
    ShortTerm = 0,

    /// <summary>中期 (the 10-year comprehensive plan, e.g. 2025).</summary>
    MediumTerm = 1,

    /// <summary>長期 (the vision, e.g. 2060).</summary>
    LongTerm = 2,
}

/// <summary>Japanese names of <see cref="TargetTerm"/>.</summary>
public static class TargetTerms
{
    /// <summary>短期 / 中期 / 長期.</summary>
    public static string ToJapanese(this TargetTerm term) => term switch
    {
        TargetTerm.ShortTerm => "短期",
        TargetTerm.MediumTerm => "中期",
        TargetTerm.LongTerm => "長期",
        _ => throw new ArgumentOutOfRangeException(nameof(term), term, "Unknown target term."),
    };
}

/// <summary>
/// A population target of a plan (目標人口): the total and the three age groups to secure in a year, e.g. 根室市 短期
/// 2020: 26,043 / 2,678 / 14,704 / 8,661 (総人口 / 年少 / 生産年齢 / 老年).
/// </summary>
/// <param name="Year">Target year.</param>
/// <param name="Figures">Target figures as published (the groups need not add up to the total: 端数).</param>
/// <param name="Term">短期 / 中期 / 長期, if the plan says.</param>
public sealed record PopulationTarget(int Year, ThreeAgeGroups Figures, TargetTerm? Term = null)
{
    /// <summary>Compares the target with a projection's figures for the same year (published or computed).</summary>
    public TargetComparison CompareWith(ThreeAgeGroups projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return new TargetComparison(this, projection);
    }

    /// <summary>Compares the target with <paramref name="projection"/> in the target year (unrounded figures).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The projection does not cover the target year.</exception>
    public TargetComparison CompareWith(PopulationProjection projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        return new TargetComparison(this, projection.ThreeAgeGroups(Year));
    }
}

/// <summary>
/// A target against a projection: 減少抑制 (decrease avoided) = target − projection, per age group. Positive when the
/// target keeps more people than the projection. Plans print this positive difference with ▲ in front
/// (根室市: 減少抑制目標人数 ▲653 for 26,043 − 25,390); ▲ there marks an avoided decrease, not a negative number, so a
/// display should label the figure (減少抑制) rather than rely on the sign mark.
/// </summary>
/// <param name="Target">The target.</param>
/// <param name="Projection">The projection's figures (社人研推計).</param>
public sealed record TargetComparison(PopulationTarget Target, ThreeAgeGroups Projection)
{
    /// <summary>減少抑制: target − projection, per figure (exact in decimal).</summary>
    public ThreeAgeGroups Suppression => Target.Figures - Projection;
}
