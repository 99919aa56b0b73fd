namespace Sosei.Domain.Achievement;

/// <summary>Choices a plan makes about how achievement is computed. Immutable; <see cref="Default"/> is what Sosei uses when none are given.</summary>
public sealed record AchievementOptions
{
    /// <summary>The defaults: reference values excluded, no fallback, no cap, proration at the evaluated year.</summary>
    public static AchievementOptions Default { get; } = new();

    /// <summary>Whether 参考値 (values written in brackets) may be used as actuals. Default false: they are shown, not used.</summary>
    public bool IncludeReferenceValues { get; init; }

    /// <summary>
    /// Whether a method that lacks what it needs (a baseline value or year for progress from baseline or time-prorated,
    /// a target year for time-prorated) falls back to <see cref="Kpis.AchievementMethod.RatioToTarget"/>. Default false:
    /// the result is <see cref="AchievementStatus.NotComputable"/> with the reason, so that a published grade never
    /// silently changes its meaning. A fallback is reported in <see cref="AchievementResult.Method"/> and the explanation.
    /// Change and relative targets never fall back: a ratio of a level to a change or to a difference is meaningless.
    /// </summary>
    public bool FallbackToRatioToTarget { get; init; }

    /// <summary>
    /// Upper limit of a rate (e.g. 1.5 = 150 %); null (default) for none. Rates above it are reported at the cap
    /// with <see cref="AchievementResult.IsCapped"/>. It is also the rate given when a lower-is-better KPI with a
    /// positive target reaches 0 or less (target ÷ actual would be infinite); without a cap that case is 100 %.
    /// </summary>
    public decimal? MaximumRate { get; init; }

    /// <summary>Where time-prorated achievement reads the expected progress. Default <see cref="ProrationPoint.EvaluatedYear"/>.</summary>
    public ProrationPoint ProrationPoint { get; init; } = ProrationPoint.EvaluatedYear;

    /// <summary>
    /// Which actual counts (<see cref="GradingRules.Actuals"/>). Default <see cref="ActualSelection.LatestUpToYear"/>; with
    /// <see cref="ActualSelection.ThatYearOnly"/> a KPI whose latest usable value is of an earlier fiscal year is
    /// <see cref="AchievementStatus.NoData"/> for the evaluated year (a cumulative target still sums its window, but
    /// needs a value of that year).
    /// </summary>
    public ActualSelection Actuals { get; init; } = ActualSelection.LatestUpToYear;

    /// <summary>How 全国平均 targets are judged (<see cref="GradingRules.RelativeTargets"/>). Default <see cref="RelativeTargetReading.ProgressFromBaseline"/>.</summary>
    public RelativeTargetReading RelativeTargets { get; init; } = RelativeTargetReading.ProgressFromBaseline;
}
