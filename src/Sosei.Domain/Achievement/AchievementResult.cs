using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Domain.Achievement;

/// <summary>
/// The achievement of one KPI (or one of its series) for an evaluated fiscal year: the rate, how it was obtained
/// and from which numbers, so that a report can show "869.3億円 ÷ 917.9億円 = 94.7%". Immutable. Built by
/// <see cref="AchievementCalculator"/>.
/// </summary>
public sealed record AchievementResult
{
    /// <summary>Computed, no data, or not computable.</summary>
    public required AchievementStatus Status { get; init; }

    /// <summary>
    /// The achievement rate as a ratio at full precision (0.947 = 94.7 %, 1.05 = 105 %). Null unless
    /// <see cref="Status"/> is <see cref="AchievementStatus.Computed"/>. It may be negative (progress from baseline
    /// when the value moved the wrong way) or above 1 (target exceeded), unless capped by
    /// <see cref="AchievementOptions.MaximumRate"/>. Round only for display: see <see cref="RatePercentRounded"/>.
    /// </summary>
    public decimal? Rate { get; init; }

    /// <summary>Why there is no rate (<see cref="AchievementStatus.NoData"/>, <see cref="AchievementStatus.NotComputable"/>), in Japanese; null when computed.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The method that applied: the KPI's override, else the plan's default; but <see cref="AchievementMethod.RatioToTarget"/>
    /// after a fallback (<see cref="AchievementOptions.FallbackToRatioToTarget"/>) or for a time-prorated lower-is-better
    /// cumulative target, and <see cref="AchievementMethod.ProgressFromBaseline"/> when a ratio is meaningless (relative
    /// targets, targets of 0 or below) or a time-prorated annual target. Maintain targets keep the requested method:
    /// their rule (<see cref="AchievementFormula.Maintain"/>) is the same for all.
    /// </summary>
    public required AchievementMethod Method { get; init; }

    /// <summary>The exact formula used; <see cref="AchievementFormula.None"/> when no rate was computed.</summary>
    public AchievementFormula Formula { get; init; }

    /// <summary>The series evaluated; null for the KPI as a whole.</summary>
    public string? SeriesCode { get; init; }

    /// <summary>
    /// The actual used, in the KPI's base unit: the latest value up to the evaluated year, or for a cumulative target
    /// summed from yearly values, the sum. Null when there is none.
    /// </summary>
    public decimal? Actual { get; init; }

    /// <summary>The period of the actual used (for a sum, the latest period summed); show it next to the value.</summary>
    public Period? ActualPeriod { get; init; }

    /// <summary>The observations that went into <see cref="Actual"/> (one, or the yearly values summed), oldest first.</summary>
    public IReadOnlyList<KpiObservation> ObservationsUsed { get; init; } = [];

    /// <summary>
    /// The target used: the KPI's (or series') target value, or for an annual target the yearly (interim) target
    /// of the actual's year. For a change target, the change. Null when the KPI has none.
    /// </summary>
    public decimal? Target { get; init; }

    /// <summary>The target year or accumulation window; null when not stated.</summary>
    public PeriodRange? TargetPeriod { get; init; }

    /// <summary>The baseline value used (or available); null when none.</summary>
    public decimal? Baseline { get; init; }

    /// <summary>The baseline year or period; null when not stated.</summary>
    public PeriodRange? BaselinePeriod { get; init; }

    /// <summary>For time-prorated achievement: the progress made (same scale as <see cref="Rate"/>, 1 = target reached); otherwise null.</summary>
    public decimal? ActualProgress { get; init; }

    /// <summary>For time-prorated achievement: the progress expected on the straight line (or interim target) at the proration year, 0 &lt; x ≤ 1; otherwise null.</summary>
    public decimal? ExpectedProgress { get; init; }

    /// <summary>Whether a provisional (未確定) value went into the result: show the rate as provisional.</summary>
    public bool IsProvisional { get; init; }

    /// <summary>Whether the rate was limited by <see cref="AchievementOptions.MaximumRate"/> or stands for an unbounded ratio.</summary>
    public bool IsCapped { get; init; }

    /// <summary>
    /// The formula with its numbers, in Japanese, for reports: "869.3億円 ÷ 917.9億円 = 94.7%". Numbers are written
    /// with the invariant culture and thousands separators, rates rounded like <see cref="RatePercentRounded"/>.
    /// Empty when there is no rate.
    /// </summary>
    public string Explanation { get; init; } = "";

    /// <summary>Whether <see cref="Rate"/> is set.</summary>
    public bool HasRate => Rate.HasValue;

    /// <summary>
    /// The rate in percent rounded half away from zero to one decimal (0.94705 → 94.7, 0.96625 → 96.6, −0.0005 → −0.1):
    /// the figure documents print as 進捗率. Null when there is no rate.
    /// </summary>
    public decimal? RatePercentRounded => Rate is { } rate ? RoundPercent(rate) : null;

    /// <summary>A rate as percent rounded half away from zero to 0.1 %.</summary>
    /// <param name="rate">A ratio (1 = 100 %). Values beyond ±7.9e26 % overflow: the calculator never returns such rates.</param>
    public static decimal RoundPercent(decimal rate) => Math.Round(rate * 100m, 1, MidpointRounding.AwayFromZero);
}
