using Sosei.Domain.Kpis;

namespace Sosei.Domain.Achievement;

/// <summary>
/// Which way a KPI moved since its baseline, beside the plan's grade (as Open SDG's progress status: a value that moved
/// away from the target is a deterioration even when its achievement rate is high).
/// </summary>
public enum TrendStatus
{
    /// <summary>改善: the actual moved toward the target since the baseline.</summary>
    Improving = 0,

    /// <summary>横ばい: no change, the two values being equal at the precision they are written with.</summary>
    Stable = 1,

    /// <summary>悪化: the actual moved away from the target since the baseline.</summary>
    Deteriorating = 2,

    /// <summary>判定不能: no baseline value or no actual.</summary>
    Undetermined = 3,
}

/// <summary>The trend of a KPI or of one of its series: the status and the two values compared.</summary>
/// <param name="Status">Improving, stable, deteriorating or undetermined.</param>
/// <param name="Baseline">The baseline value compared, in the KPI's base unit; null when none.</param>
/// <param name="Latest">The actual compared (for a cumulative target, the latest yearly amount); null when none.</param>
/// <param name="SeriesCode">The series; null for the KPI as a whole.</param>
public sealed record KpiTrend(TrendStatus Status, decimal? Baseline, decimal? Latest, string? SeriesCode = null)
{
    /// <summary>A trend that cannot be told.</summary>
    public static KpiTrend Undetermined { get; } = new(TrendStatus.Undetermined, null, null);
}

/// <summary>
/// Tells the trend of a KPI (docs/domain.md#trend-status): the actual used by its achievement compared with its
/// baseline in the KPI's direction. Pure.
/// </summary>
/// <remarks>
/// <para><b>Direction.</b> Increase: a higher actual is 改善; decrease: a lower one. Keep level (維持) reads as "at
/// least" like the achievement: the shortfall below the target, max(0, target − value), shrinking is 改善, growing is
/// 悪化, unchanged (both at or above the target) 横ばい; without a target a keep-level KPI reads as increase.</para>
/// <para><b>Precision.</b> Both values are rounded to the finer of the KPI's declared decimals and the digits the values
/// are written with, so 1.37 and 1.370 are 横ばい and 22.71 → 22.91 is a change.</para>
/// <para><b>Cumulative targets</b> compare the latest yearly amount (not the sum) with the baseline year's amount.</para>
/// <para><b>Series</b> combine by the KPI's sub-item rule, as grades do: all → the worst trend, any → the best, mean →
/// the sign of the mean of +1 (改善), 0 (横ばい), −1 (悪化). Undetermined series are left out; none left → 判定不能.</para>
/// </remarks>
public static class TrendCalculator
{
    /// <summary>The trend of one achievement result (the KPI's, or one series').</summary>
    /// <param name="kpi">The KPI (direction, decimals, target kind, series targets).</param>
    /// <param name="result">Its achievement for the evaluated year.</param>
    public static KpiTrend Of(KpiDefinition kpi, AchievementResult result)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(result);
        var series = result.SeriesCode is { } code ? kpi.Series.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal)) : null;
        var baseline = result.Baseline ?? (series?.Baseline ?? kpi.Baseline)?.Value;
        var latest = kpi.TargetKind == TargetKind.Cumulative && result.Formula == AchievementFormula.CumulativeSum && result.ObservationsUsed.Count > 0
            ? result.ObservationsUsed[^1].Amount
            : result.Actual;
        if (kpi.TargetKind == TargetKind.Cumulative && result.Formula == AchievementFormula.RunningTotal)
        {
            latest = null;
        }

        var target = kpi.TargetKind == TargetKind.Change ? null : (series?.Target ?? kpi.Target)?.Value;
        var status = Compare(kpi.Direction, baseline, latest, kpi.Decimals, target);
        return new KpiTrend(status, baseline, latest, result.SeriesCode);
    }

    /// <summary>Compares an actual with the baseline in a direction.</summary>
    /// <param name="direction">Which way is better.</param>
    /// <param name="baseline">The baseline value; null gives <see cref="TrendStatus.Undetermined"/>.</param>
    /// <param name="latest">The actual; null gives <see cref="TrendStatus.Undetermined"/>.</param>
    /// <param name="decimals">The KPI's declared decimals: the comparison is never coarser than these.</param>
    /// <param name="target">The kept level for <see cref="KpiDirection.Maintain"/>; ignored otherwise.</param>
    public static TrendStatus Compare(KpiDirection direction, decimal? baseline, decimal? latest, int decimals = 0, decimal? target = null)
    {
        if (baseline is not { } b || latest is not { } a)
        {
            return TrendStatus.Undetermined;
        }

        var places = Math.Clamp(Math.Max(decimals, Math.Min(Scale(b), Scale(a))), 0, 28);
        b = Math.Round(b, places, MidpointRounding.AwayFromZero);
        a = Math.Round(a, places, MidpointRounding.AwayFromZero);
        int better;
        if (direction == KpiDirection.Maintain && target is { } t)
        {
            var t2 = Math.Round(t, places, MidpointRounding.AwayFromZero);
            var before = Math.Max(0m, t2 - b);
            var after = Math.Max(0m, t2 - a);
            better = before.CompareTo(after);
        }
        else
        {
            better = direction == KpiDirection.Decrease ? b.CompareTo(a) : a.CompareTo(b);
        }

        return better switch
        {
            > 0 => TrendStatus.Improving,
            < 0 => TrendStatus.Deteriorating,
            _ => TrendStatus.Stable,
        };
    }

    /// <summary>The trend of a KPI with series, by its sub-item rule (see the remarks of <see cref="TrendCalculator"/>).</summary>
    /// <param name="rule">The KPI's sub-item rule.</param>
    /// <param name="statuses">The series' trends.</param>
    public static TrendStatus Combine(SeriesAggregation rule, IEnumerable<TrendStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var known = statuses.Where(s => s != TrendStatus.Undetermined).Select(Score).ToList();
        if (known.Count == 0)
        {
            return TrendStatus.Undetermined;
        }

        var score = rule switch
        {
            SeriesAggregation.Any => known.Max(),
            SeriesAggregation.Mean => Math.Sign(known.Sum()),
            _ => known.Min(),
        };
        return score switch
        {
            > 0 => TrendStatus.Improving,
            < 0 => TrendStatus.Deteriorating,
            _ => TrendStatus.Stable,
        };
    }

    private static int Score(TrendStatus status) => status switch
    {
        TrendStatus.Improving => 1,
        TrendStatus.Deteriorating => -1,
        _ => 0,
    };

    private static int Scale(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;
}
