namespace Sosei.Domain.Achievement;

/// <summary>Whether an achievement rate could be computed.</summary>
public enum AchievementStatus
{
    /// <summary>A rate was computed (<see cref="AchievementResult.Rate"/> is set).</summary>
    Computed = 0,

    /// <summary>No usable actual value up to the evaluated year (none yet, only blanks, or only excluded 参考値).</summary>
    NoData = 1,

    /// <summary>There are values but no rate can be given (no target, no baseline where one is needed, numbers too large …); see <see cref="AchievementResult.Reason"/>.</summary>
    NotComputable = 2,
}

/// <summary>
/// The exact rule that produced a rate. <see cref="AchievementResult.Method"/> says which plan-level method applied;
/// this says which formula within it, so that reports can explain special cases.
/// </summary>
public enum AchievementFormula
{
    /// <summary>No formula applied (no data, not computable).</summary>
    None = 0,

    /// <summary>actual ÷ target.</summary>
    Ratio = 1,

    /// <summary>target ÷ actual (lower is better).</summary>
    InverseRatio = 2,

    /// <summary>Sum of the yearly values in the target window up to the evaluated year ÷ target.</summary>
    CumulativeSum = 3,

    /// <summary>The latest running total (累計) ÷ target.</summary>
    RunningTotal = 4,

    /// <summary>(actual − baseline) ÷ (target − baseline).</summary>
    ProgressFromBaseline = 5,

    /// <summary>Change achieved ÷ target change (target kind <see cref="Kpis.TargetKind.Change"/>).</summary>
    ChangeFromBaseline = 6,

    /// <summary>Progress ÷ expected progress on the straight line from baseline to target.</summary>
    TimeProrated = 7,

    /// <summary>
    /// Met or not: 100 % when the actual is at or better than the target in the KPI's direction, 0 % otherwise.
    /// Used when a ratio or a progress is undefined (target 0 with no baseline, baseline equal to the target …).
    /// </summary>
    TargetMet = 8,

    /// <summary>A maintain target (維持): 100 % when at or better than the target, otherwise the ratio in the KPI's direction.</summary>
    Maintain = 9,

    /// <summary>
    /// (reference score + actual) ÷ (reference score + target): a difference from 全国平均 read as the ratio of the
    /// municipality's score to the one aimed at (<see cref="RelativeTargetReading.RatioToReference"/>).
    /// </summary>
    RatioToReference = 10,
}

/// <summary>The year at which <see cref="Kpis.AchievementMethod.TimeProrated"/> reads the straight line from baseline to target.</summary>
public enum ProrationPoint
{
    /// <summary>At the evaluated fiscal year (the default): a lagging statistic is compared with where the plan should be now.</summary>
    EvaluatedYear = 0,

    /// <summary>At the fiscal year of the actual used: a value known only every 5 years is compared with where the line was then.</summary>
    ActualPeriod = 1,
}
