using System.Globalization;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Domain.Achievement;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.Reports;

/// <summary>
/// What the report builders share (<see cref="VerificationReportBuilder"/>, <see cref="KpiProgressReportBuilder"/>,
/// <see cref="ProjectListReportBuilder"/>): the document frame, the plan tree, the fiscal-year columns and the cells of
/// values and amounts with their Excel number formats.
/// </summary>
internal static class ReportCells
{
    internal static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");

    internal static ReportDocument Document(PlanEvaluation e, ReportKind kind, IReadOnlyList<ReportTable> tables, IReadOnlyList<ReportChart>? charts = null, IReadOnlyList<string>? notes = null) => new()
    {
        Kind = kind,
        PlanCode = e.Plan.Code,
        PlanName = e.Plan.Name,
        OrganizationName = e.Plan.Organization?.Name ?? "",
        Title = $"{e.Plan.Name} {ReportNames.Title(kind)}",
        Subtitle = $"{e.Year.ToDisplay()} 時点 ・ 対象期間 {new FiscalYear(e.Plan.StartFiscalYear).ToJapanese()}～{new FiscalYear(e.Plan.EndFiscalYear).ToJapanese()}",
        FiscalYear = e.Year.Year,
        Tables = tables,
        Charts = charts ?? [],
        Notes = [.. notes ?? [], RulesNote(e.Rules)],
    };

    /// <summary>
    /// The grading rules the report was graded with, named in the words of the pages (<see cref="Common.Terms.Rules"/>),
    /// as the last note of every report: 「評価の規則: 評価に使う実績 その年度までの最新の実績値 / 評価区分の境界 … 」.
    /// </summary>
    internal static string RulesNote(GradingRules rules) =>
        "評価の規則: " + string.Join(" / ", Common.Terms.Rules(rules).Select(r => $"{r.Name.Japanese} {r.Rule.Japanese}"));

    internal static Func<NodeView, NodeView> GoalOf(PlanView plan)
    {
        var byId = plan.Nodes.ToDictionary(n => n.Id);
        return n =>
        {
            while (n.ParentId is { } p && byId.TryGetValue(p, out var parent))
            {
                n = parent;
            }

            return n;
        };
    }

    internal static string NodeLabel(NodeView n) => string.IsNullOrEmpty(n.Label) ? n.Title : $"{n.Label} {n.Title}";

    /// <summary>Fiscal years shown as columns: the plan period up to the reported year (and years with values in it).</summary>
    internal static List<int> Years(PlanEvaluation e)
    {
        var last = Math.Min(e.Year.Year, e.Plan.EndFiscalYear);
        var years = Enumerable.Range(e.Plan.StartFiscalYear, Math.Max(0, last - e.Plan.StartFiscalYear + 1)).ToList();
        return years.Count > 0 ? years : [e.Year.Year];
    }

    internal static ReportCell Count(int n) => new(n.ToString(CultureInfo.InvariantCulture), n, "0", "num");

    /// <summary>A value in the KPI's (or series') display unit: its text and number as <see cref="KpiFormat"/> shows them.</summary>
    internal static ReportCell ValueCell(ValueView v, KpiView kpi, SeriesView? series)
    {
        var shown = KpiFormat.Value(kpi, series, v);
        if (v.Amount is null || shown.Number is not { } number)
        {
            return new ReportCell(shown.Text, Class: "num muted");
        }

        var reference = v.Qualifiers.HasFlag(ValueQualifiers.Reference);
        var provisional = v.Qualifiers.HasFlag(ValueQualifiers.Provisional);
        return new ReportCell(
            shown.Text,
            number,
            shown.NumberFormat(reference, provisional),
            reference ? "num reference" : provisional ? "num provisional" : "num");
    }

    internal static (decimal Multiplier, string Display) Display(KpiView kpi, SeriesView? series)
    {
        var display = ShownUnit.Of(kpi, series).Text;
        var (multiplier, _) = Units.SplitMultiplier(display);
        return (multiplier == 0 ? 1 : multiplier, display);
    }

    internal static ReportCell ValueIn(KpiView kpi, SeriesView? series, int fiscalYear)
    {
        var v = kpi.Values.Where(x => x.SeriesId == series?.Id && x.Period.FiscalYear.Year == fiscalYear).OrderByDescending(x => x.Period).FirstOrDefault();
        return v is null ? ReportCell.Empty : ValueCell(v, kpi, series);
    }

    /// <summary>A baseline or target cell: the text (with <paramref name="text"/> around it) and the number of <paramref name="shown"/>.</summary>
    internal static ReportCell Amount(ShownNumber? shown, string text)
    {
        if (shown?.Number is not { } number || text.Contains('\n', StringComparison.Ordinal))
        {
            return new ReportCell(text);
        }

        return new ReportCell(text, number, shown.NumberFormat(), "num");
    }
}
