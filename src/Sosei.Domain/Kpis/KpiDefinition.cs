using Sosei.Domain.Periods;

namespace Sosei.Domain.Kpis;

/// <summary>基準値: the starting value and the year or period it refers to (H26, or H20-24 for a 5-year mean).</summary>
/// <param name="Value">Value in the KPI's base unit; null when the document gives none.</param>
/// <param name="Period">When it was measured; null when not stated.</param>
public sealed record Baseline(decimal? Value, PeriodRange? Period);

/// <summary>目標値: the value to reach and when.</summary>
/// <param name="Value">
/// Target in the KPI's base unit. For <see cref="TargetKind.Change"/> it is the change to achieve (+1,400);
/// for <see cref="TargetKind.Relative"/> the difference from the reference (0 = equal to 全国平均).
/// </param>
/// <param name="Period">The target year, or for a cumulative target the accumulation window (R3~R7).</param>
/// <param name="Reference">The reference of a relative target, e.g. 全国平均; null otherwise.</param>
public sealed record KpiTarget(decimal Value, PeriodRange? Period, string? Reference = null);

/// <summary>年度別目標: an interim target for one year.</summary>
public sealed record InterimTarget(Period Period, decimal Value);

/// <summary>
/// A sub-item of a KPI (項目: 男女, 小学生/中学生, ホタテ/サケ …) with its own baseline and target.
/// A series without its own baseline or target uses the KPI's.
/// </summary>
public sealed record KpiSeriesDefinition(
    string Code,
    string Name,
    Baseline? Baseline = null,
    KpiTarget? Target = null,
    IReadOnlyList<InterimTarget>? InterimTargets = null,
    string? Unit = null);

/// <summary>
/// What a KPI measures and what it aims for: the measurable part of a KPI, without its place in a plan tree,
/// its source or its department (those are kept by the application).
/// </summary>
public sealed record KpiDefinition
{
    /// <summary>指標名.</summary>
    public required string Name { get; init; }

    /// <summary>Goal, measure or project level.</summary>
    public KpiLevel Level { get; init; } = KpiLevel.Measure;

    /// <summary>Base unit of values and targets (人, %, 円 …); empty for a pure number (合計特殊出生率).</summary>
    public string Unit { get; init; } = "";

    /// <summary>Unit shown to users (万人, 億円); defaults to <see cref="Unit"/>.</summary>
    public string? DisplayUnit { get; init; }

    /// <summary>Decimals shown for values (19.50% → 2).</summary>
    public int Decimals { get; init; }

    /// <summary>Which way is better.</summary>
    public KpiDirection Direction { get; init; }

    /// <summary>How the target is stated.</summary>
    public TargetKind TargetKind { get; init; }

    /// <summary>基準値; null when the plan gives none.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>目標値; null when the plan gives none.</summary>
    public KpiTarget? Target { get; init; }

    /// <summary>Interim (年度別) targets, by period.</summary>
    public IReadOnlyList<InterimTarget> InterimTargets { get; init; } = [];

    /// <summary>Sub-items; empty for a KPI measured as one number.</summary>
    public IReadOnlyList<KpiSeriesDefinition> Series { get; init; } = [];

    /// <summary>How sub-items are graded together.</summary>
    public SeriesAggregation SeriesAggregation { get; init; } = SeriesAggregation.All;

    /// <summary>This KPI's achievement method, overriding the plan's default; null to use the plan's.</summary>
    public AchievementMethod? MethodOverride { get; init; }

    /// <summary>The target as the document words it ("5年で30.0%とし22.3ポイント向上"); null when not from a phrase.</summary>
    public string? TargetPhrase { get; init; }
}
