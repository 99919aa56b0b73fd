using Sosei.Application.Common;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;

namespace Sosei.Web.Pages.Admin;

/// <summary>
/// The choices of the editing forms with their words, in the order the forms offer them. The words come from the one
/// word table (<see cref="Terms"/>), so a form says what the pages and reports say; pages show them with
/// <c>@T[label]</c>.
/// </summary>
public static class EditLabels
{
    /// <summary>KPI levels.</summary>
    public static IReadOnlyList<(string Value, Message Label)> Levels { get; } = Of<KpiLevel>(Terms.Level);

    /// <summary>Directions.</summary>
    public static IReadOnlyList<(string Value, Message Label)> Directions { get; } = Of<KpiDirection>(Terms.Direction);

    /// <summary>Target kinds.</summary>
    public static IReadOnlyList<(string Value, Message Label)> TargetKinds { get; } = Of<TargetKind>(Terms.TargetKind);

    /// <summary>Achievement methods.</summary>
    public static IReadOnlyList<(string Value, Message Label)> Methods { get; } = Of<AchievementMethod>(Terms.Method);

    /// <summary>How series are graded together.</summary>
    public static IReadOnlyList<(string Value, Message Label)> Aggregations { get; } = Of<SeriesAggregation>(Terms.Aggregation);

    /// <summary>Which actual counts.</summary>
    public static IReadOnlyList<(string Value, Message Label)> Actuals { get; } = Of<ActualSelection>(Terms.Actuals);

    /// <summary>以上 / 超.</summary>
    public static IReadOnlyList<(string Value, Message Label)> Thresholds { get; } = Of<ThresholdComparison>(Terms.Thresholds);

    /// <summary>How 全国平均 targets are judged.</summary>
    public static IReadOnlyList<(string Value, Message Label)> RelativeTargets { get; } = Of<RelativeTargetReading>(Terms.RelativeTargets);

    /// <summary>Kinds of year.</summary>
    public static IReadOnlyList<(string Value, Message Label)> YearKinds { get; } =
        Terms.YearKinds.Select(k => (k.ToString(), Terms.YearKind(k))).ToList();

    /// <summary>Project categories.</summary>
    public static IReadOnlyList<(string Value, Message Label)> Categories { get; } = Of<ProjectCategory>(Terms.Category);

    /// <summary>Partner roles.</summary>
    public static IReadOnlyList<(string Value, Message Label)> Roles { get; } = Of<PartnerRole>(Terms.Role);

    /// <summary>Budget kinds.</summary>
    public static IReadOnlyList<(string Value, Message Label)> BudgetKinds { get; } = Of<BudgetKind>(Terms.Budget);

    /// <summary>Revision kinds.</summary>
    public static IReadOnlyList<(string Value, Message Label)> RevisionKinds { get; } = Of<RevisionKind>(Terms.Revision);

    /// <summary>The label of a value in a list; a value not in the list is shown as it is (in both languages).</summary>
    public static Message Of(IReadOnlyList<(string Value, Message Label)> list, string? value)
    {
        ArgumentNullException.ThrowIfNull(list);
        var found = list.FirstOrDefault(x => x.Value == value).Label;
        return found ?? (string.IsNullOrWhiteSpace(value) ? new Message("—", "—") : new Message(value, value));
    }

    private static List<(string Value, Message Label)> Of<T>(Func<T, Message> word)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (v.ToString(), word(v))).ToList();
}
