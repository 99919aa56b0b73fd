using Sosei.Domain.Kpis;

namespace Sosei.Domain.Achievement;

/// <summary>Which observed value counts as a KPI's actual for an evaluated fiscal year.</summary>
public enum ActualSelection
{
    /// <summary>The latest value up to the evaluated year, whatever its age (a 5-yearly census counts until a newer one exists). The default.</summary>
    LatestUpToYear = 0,

    /// <summary>Only a value of the evaluated fiscal year itself: a KPI whose latest value is older has no data for that year.</summary>
    ThatYearOnly = 1,
}

/// <summary>Whether a rate exactly at a band's threshold reaches the band.</summary>
public enum ThresholdComparison
{
    /// <summary>以上: a rate at the threshold reaches the band (80.0% is 「80%以上」). The default.</summary>
    Inclusive = 0,

    /// <summary>超: a rate must exceed the threshold (80.0% is not above 80%).</summary>
    Exclusive = 1,
}

/// <summary>How a target relative to a reference (全国平均との差, target kind <see cref="TargetKind.Relative"/>) is judged.</summary>
public enum RelativeTargetReading
{
    /// <summary>
    /// The share of the gap closed since the baseline: (actual − baseline) ÷ (target − baseline). The default; time-prorated
    /// plans prorate that progress.
    /// </summary>
    ProgressFromBaseline = 0,

    /// <summary>Reached or not: 100 % when the difference is at or better than the target (全国平均 reached), 0 % otherwise.</summary>
    ReachedOrNot = 1,

    /// <summary>
    /// The ratio of the municipality's score to the reference score: (reference + actual) ÷ (reference + target), the
    /// inverse when lower is better. Needs the reference value of the actual's period as data
    /// (<see cref="KpiObservation.ReferenceScore"/>); without it, or with a reference score of 0 or below, the KPI is not
    /// computable (判定不能) and the reason says so.
    /// </summary>
    RatioToReference = 2,
}

/// <summary>
/// Every rule of a plan that decides a KPI's grade, beside its grade scale and achievement method: which actual counts,
/// whether band thresholds are inclusive, how sub-items combine (with a per-KPI override) and how 全国平均 targets are
/// judged. Immutable; <see cref="Default"/> is Sosei's behaviour when a plan sets none.
/// </summary>
/// <remarks>
/// <see cref="AchievementCalculator"/> reads <see cref="Actuals"/> and <see cref="RelativeTargets"/> through
/// <see cref="AchievementOptions"/> (<see cref="ApplyTo"/>); <see cref="GradeScale"/> reads <see cref="Thresholds"/>
/// (<see cref="GradeScale.WithThresholds"/>); <see cref="GradeScale.GradeSeries"/> takes the rule of
/// <see cref="SeriesRule"/>.
/// </remarks>
public sealed record GradingRules
{
    /// <summary>Latest actual up to the year, inclusive thresholds, every sub-item (the worst), progress from baseline.</summary>
    public static GradingRules Default { get; } = new();

    /// <summary>Which actual counts. Default <see cref="ActualSelection.LatestUpToYear"/>.</summary>
    public ActualSelection Actuals { get; init; } = ActualSelection.LatestUpToYear;

    /// <summary>Whether a threshold is 以上 or 超. Default <see cref="ThresholdComparison.Inclusive"/>.</summary>
    public ThresholdComparison Thresholds { get; init; } = ThresholdComparison.Inclusive;

    /// <summary>How sub-items combine unless a KPI overrides it. Default <see cref="SeriesAggregation.All"/> (the worst sub-item).</summary>
    public SeriesAggregation SeriesAggregation { get; init; } = SeriesAggregation.All;

    /// <summary>How 全国平均 targets are judged. Default <see cref="RelativeTargetReading.ProgressFromBaseline"/>.</summary>
    public RelativeTargetReading RelativeTargets { get; init; } = RelativeTargetReading.ProgressFromBaseline;

    /// <summary>The sub-item rule of a KPI: its own override when it has one, else the plan's <see cref="SeriesAggregation"/>.</summary>
    /// <param name="kpiOverride">The KPI's override; null for the plan's rule.</param>
    public SeriesAggregation SeriesRule(SeriesAggregation? kpiOverride) => kpiOverride ?? SeriesAggregation;

    /// <summary>Achievement options carrying these rules' <see cref="Actuals"/> and <see cref="RelativeTargets"/>, the rest of <paramref name="options"/> kept.</summary>
    /// <param name="options">Other choices; null for <see cref="AchievementOptions.Default"/>.</param>
    public AchievementOptions ApplyTo(AchievementOptions? options = null) =>
        (options ?? AchievementOptions.Default) with { Actuals = Actuals, RelativeTargets = RelativeTargets };
}
