using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Web.Pages.Admin;

/// <summary>Japanese names of the choices of the editing forms (the English ones are in Localization/en/editing.json).</summary>
public static class EditLabels
{
    /// <summary>KPI levels.</summary>
    public static IReadOnlyList<(string Value, string Label)> Levels { get; } =
    [
        (nameof(KpiLevel.Goal), "数値目標（基本目標）"),
        (nameof(KpiLevel.Measure), "KPI（施策）"),
        (nameof(KpiLevel.Project), "事業のKPI"),
    ];

    /// <summary>Directions.</summary>
    public static IReadOnlyList<(string Value, string Label)> Directions { get; } =
    [
        (nameof(KpiDirection.Increase), "増加が望ましい"),
        (nameof(KpiDirection.Decrease), "減少が望ましい"),
        (nameof(KpiDirection.Maintain), "維持が望ましい"),
    ];

    /// <summary>Target kinds.</summary>
    public static IReadOnlyList<(string Value, string Label)> TargetKinds { get; } =
    [
        (nameof(TargetKind.Level), "目標年の水準"),
        (nameof(TargetKind.Cumulative), "期間の累計"),
        (nameof(TargetKind.Change), "基準値からの増減"),
        (nameof(TargetKind.Annual), "毎年の水準"),
        (nameof(TargetKind.Maintain), "維持"),
        (nameof(TargetKind.Relative), "全国平均などとの比較"),
    ];

    /// <summary>Achievement methods.</summary>
    public static IReadOnlyList<(string Value, string Label)> Methods { get; } =
    [
        (nameof(AchievementMethod.RatioToTarget), "目標値に対する比率"),
        (nameof(AchievementMethod.ProgressFromBaseline), "基準値からの進捗"),
        (nameof(AchievementMethod.TimeProrated), "期間按分"),
    ];

    /// <summary>How series are graded together.</summary>
    public static IReadOnlyList<(string Value, string Label)> Aggregations { get; } =
    [
        (nameof(SeriesAggregation.All), "すべての項目（最も低い評価）"),
        (nameof(SeriesAggregation.Any), "いずれかの項目（最も高い評価）"),
        (nameof(SeriesAggregation.Mean), "項目の達成度の平均"),
    ];

    /// <summary>Kinds of year.</summary>
    public static IReadOnlyList<(string Value, string Label)> YearKinds { get; } =
    [
        (nameof(PeriodKind.FiscalYear), "年度（4月～3月）"),
        (nameof(PeriodKind.CalendarYear), "暦年（1月～12月）"),
    ];

    /// <summary>Project categories.</summary>
    public static IReadOnlyList<(string Value, string Label)> Categories { get; } =
    [
        (nameof(ProjectCategory.None), "（区分なし）"),
        (nameof(ProjectCategory.New), "新規"),
        (nameof(ProjectCategory.Expanded), "拡充"),
        (nameof(ProjectCategory.Continued), "継続"),
        (nameof(ProjectCategory.Private), "民間等"),
    ];

    /// <summary>Partner roles.</summary>
    public static IReadOnlyList<(string Value, string Label)> Roles { get; } =
    [
        (nameof(PartnerRole.RunningBody), "事業主体"),
        (nameof(PartnerRole.Lead), "担当市町"),
        (nameof(PartnerRole.Partner), "連携先"),
    ];

    /// <summary>Budget kinds.</summary>
    public static IReadOnlyList<(string Value, string Label)> BudgetKinds { get; } =
    [
        (nameof(BudgetKind.Budget), "予算額"),
        (nameof(BudgetKind.Settlement), "決算額"),
        (nameof(BudgetKind.Estimate), "見込額"),
    ];

    /// <summary>Revision kinds.</summary>
    public static IReadOnlyList<(string Value, string Label)> RevisionKinds { get; } =
    [
        (nameof(RevisionKind.Adopted), "策定"),
        (nameof(RevisionKind.Revised), "改訂"),
    ];

    /// <summary>The label of a value in a list, or the value itself.</summary>
    public static string Of(IReadOnlyList<(string Value, string Label)> list, string? value)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.FirstOrDefault(x => x.Value == value).Label ?? value ?? "";
    }
}
