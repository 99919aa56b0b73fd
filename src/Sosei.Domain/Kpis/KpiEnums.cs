namespace Sosei.Domain.Kpis;

/// <summary>Where a KPI sits in a plan.</summary>
public enum KpiLevel
{
    /// <summary>数値目標: an outcome target of a 基本目標.</summary>
    Goal = 0,

    /// <summary>重要業績評価指標 (KPI) of a measure (施策).</summary>
    Measure = 1,

    /// <summary>An indicator of a project (事業), e.g. a grant project's KPI.</summary>
    Project = 2,
}

/// <summary>Which way is better.</summary>
public enum KpiDirection
{
    /// <summary>Higher is better.</summary>
    Increase = 0,

    /// <summary>Lower is better (待機児童数, 季節労働者数, 人口減少率).</summary>
    Decrease = 1,

    /// <summary>Staying at the target is the aim (産科医療機関数 2施設 → 2施設, 365日).</summary>
    Maintain = 2,
}

/// <summary>How the target is stated (docs/domain.md#achievement).</summary>
public enum TargetKind
{
    /// <summary>The value in the target year: "5年で1.49とし0.12ポイント向上", "2,789万人(R1)".</summary>
    Level = 0,

    /// <summary>The sum of yearly values over the period: "5年で男女200人", "累計20件(R3~R7)".</summary>
    Cumulative = 1,

    /// <summary>The change from the baseline: "5年で延べ1,400世帯増加", "5年で25人増加".</summary>
    Change = 2,

    /// <summary>The same level every year: "年間延べ46,000人".</summary>
    Annual = 3,

    /// <summary>Keep at or better than a value: "ゼロ名維持", "365日".</summary>
    Maintain = 4,

    /// <summary>Versus a reference such as 全国平均: values are differences from the reference.</summary>
    Relative = 5,
}

/// <summary>How an achievement rate is computed. A plan chooses a default; a KPI may override it.</summary>
public enum AchievementMethod
{
    /// <summary>進捗率: actual ÷ target (target ÷ actual when lower is better; sum to date ÷ target when cumulative).</summary>
    RatioToTarget = 0,

    /// <summary>(actual − baseline) ÷ (target − baseline); can be negative or above 100 %.</summary>
    ProgressFromBaseline = 1,

    /// <summary>Progress from baseline compared with the straight line from baseline to target at the evaluated year.</summary>
    TimeProrated = 2,
}

/// <summary>How a KPI with several series (男女, 小学生/中学生 …) is graded.</summary>
public enum SeriesAggregation
{
    /// <summary>The grade of the worst series: every series must reach a grade.</summary>
    All = 0,

    /// <summary>The grade of the best series.</summary>
    Any = 1,

    /// <summary>The grade of the mean achievement rate of the series that have one.</summary>
    Mean = 2,
}
