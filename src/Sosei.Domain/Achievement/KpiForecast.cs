using Sosei.Domain.Periods;

namespace Sosei.Domain.Achievement;

/// <summary>Will the target be met by the target year, on the trend of the actuals?</summary>
public enum ForecastStatus
{
    /// <summary>順調: the observed trend reaches the target by the target year (or the target is met and stays met).</summary>
    OnTrack = 0,

    /// <summary>要注意: the trend falls short but improves at least at the at-risk share of the needed pace, or the target is met now but the trend would lose it.</summary>
    AtRisk = 1,

    /// <summary>遅れ: the trend improves at less than the at-risk share of the needed pace, or worsens; or the target year has passed unmet.</summary>
    OffTrack = 2,

    /// <summary>判定不可: no target or target year, or fewer than the two points a trend needs; see <see cref="KpiForecast.Reason"/>.</summary>
    InsufficientData = 3,
}

/// <summary>How the trend was measured.</summary>
public enum TrendMethod
{
    /// <summary>No trend (insufficient data).</summary>
    None = 0,

    /// <summary>Compound annual growth rate: (latest ÷ start)^(1/years) − 1; rates are ratios per year (0.05 = +5 %/年).</summary>
    CompoundGrowth = 1,

    /// <summary>Straight line: (latest − start) ÷ years; rates are in the KPI's unit per year. Used when a value or the target is 0 or negative.</summary>
    Linear = 2,

    /// <summary>For cumulative targets: the yearly pace so far (sum ÷ years elapsed in the window) against the pace still needed; rates in the KPI's unit per year.</summary>
    CumulativePace = 3,
}

/// <summary>Forecast choices. Immutable.</summary>
public sealed record ForecastOptions
{
    /// <summary>The defaults: at-risk share 0.5, trend from the baseline, reference values excluded.</summary>
    public static ForecastOptions Default { get; } = new();

    /// <summary>
    /// Share of the needed improvement per year that still counts as at risk rather than off track (0 &lt; x &lt; 1; default 0.5:
    /// improving at half the needed pace or more is at risk).
    /// </summary>
    public decimal AtRiskShare { get; init; } = 0.5m;

    /// <summary>Whether the trend starts at the baseline (when it has a value and a year before the latest actual) rather than at the first actual. Default true.</summary>
    public bool StartFromBaseline { get; init; } = true;

    /// <summary>Whether 参考値 may be used as actuals. Default false.</summary>
    public bool IncludeReferenceValues { get; init; }
}

/// <summary>
/// The forecast of one KPI (or series) with the numbers that explain it. Rates are per year: ratios for
/// <see cref="TrendMethod.CompoundGrowth"/> (0.047 = +4.7 %/年), amounts in the KPI's unit for the other methods.
/// </summary>
public sealed record KpiForecast
{
    /// <summary>On track, at risk, off track, or insufficient data.</summary>
    public required ForecastStatus Status { get; init; }

    /// <summary>Why the data is insufficient, in Japanese; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>How the trend was measured.</summary>
    public TrendMethod Trend { get; init; }

    /// <summary>The series forecast; null for the KPI as a whole.</summary>
    public string? SeriesCode { get; init; }

    /// <summary>Start of the trend: the baseline or the first actual (for a cumulative target, 0 at the window's start); null when there is none.</summary>
    public decimal? StartValue { get; init; }

    /// <summary>Fiscal year of <see cref="StartValue"/>.</summary>
    public FiscalYear? StartYear { get; init; }

    /// <summary>The latest actual up to the evaluated year (for a cumulative target, the sum so far).</summary>
    public decimal? LatestValue { get; init; }

    /// <summary>Period of the latest actual.</summary>
    public Period? LatestPeriod { get; init; }

    /// <summary>The level to reach: the target, or baseline + change for a change target; for a cumulative target, the total.</summary>
    public decimal? Target { get; init; }

    /// <summary>The target year (last year of the target period).</summary>
    public FiscalYear? TargetYear { get; init; }

    /// <summary>The observed rate per year from start to latest.</summary>
    public decimal? ObservedRate { get; init; }

    /// <summary>The rate per year needed from the latest actual to reach the target in the target year; null once the target year is reached.</summary>
    public decimal? RequiredRate { get; init; }

    /// <summary>The value at the target year if the observed trend continues; null once the target year is reached.</summary>
    public decimal? ProjectedValue { get; init; }

    /// <summary>
    /// The observed rate needed for <see cref="ForecastStatus.OnTrack"/>: the required rate (at or above it, or at or
    /// below it when lower is better).
    /// </summary>
    public decimal? OnTrackThreshold { get; init; }

    /// <summary>
    /// The observed rate needed for <see cref="ForecastStatus.AtRisk"/>: <see cref="ForecastOptions.AtRiskShare"/> × the
    /// required rate. Null when the target is met now (such a KPI is at risk at worst) or the target year is reached.
    /// </summary>
    public decimal? AtRiskThreshold { get; init; }

    /// <summary>Whether a provisional value went into the trend.</summary>
    public bool IsProvisional { get; init; }

    /// <summary>The reasoning with its numbers, in Japanese; empty for insufficient data.</summary>
    public string Explanation { get; init; } = "";
}
