using Sosei.Application.Evaluation;
using Sosei.Domain.Periods;

namespace Sosei.Application.Kpis;

/// <summary>One row of a KPI's values table: the KPI itself, or one of its series (項目).</summary>
/// <param name="Series">The series (a read model); null for a KPI without series.</param>
/// <param name="BaselineText">基準値 as shown (<see cref="KpiFormat.Baseline"/>: the series' own, else the KPI's).</param>
/// <param name="TargetText">目標値 as shown (<see cref="KpiFormat.Target"/>: the series' own, else the KPI's).</param>
/// <param name="Values">The stored values by period; a period without an entry had no cell in the document.</param>
public sealed record KpiValueRow(SeriesView? Series, string? BaselineText, string? TargetText, IReadOnlyDictionary<Period, ValueView> Values)
{
    /// <summary>The value of a period, or null when none is stored.</summary>
    public ValueView? At(Period period) => Values.GetValueOrDefault(period);
}

/// <summary>
/// A KPI's values as the 進捗管理表 lays them out: one column per period (ascending), one row per series (or one row),
/// with the baseline and target as written. Values are kept as stored (original text, qualifiers): nothing is
/// recomputed here.
/// </summary>
/// <param name="Periods">Every period that has a value in some row, ascending.</param>
/// <param name="Rows">Rows in series order (one row for a KPI without series).</param>
public sealed record KpiValueTable(IReadOnlyList<Period> Periods, IReadOnlyList<KpiValueRow> Rows)
{
    /// <summary>Builds the table of a KPI as read (its series and values).</summary>
    public static KpiValueTable Build(KpiView kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var periods = kpi.Values.Select(v => v.Period).Distinct().Order().ToList();
        List<KpiValueRow> rows;
        if (kpi.Series.Count == 0)
        {
            rows = [new KpiValueRow(null, KpiFormat.Baseline(kpi)?.Text, KpiFormat.Target(kpi)?.Text, ByPeriod(kpi.Values.Where(v => v.SeriesId is null)))];
        }
        else
        {
            rows = kpi.Series.OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
                .Select(s => new KpiValueRow(
                    s,
                    KpiFormat.Baseline(kpi, s)?.Text,
                    KpiFormat.Target(kpi, s)?.Text,
                    ByPeriod(kpi.Values.Where(v => v.SeriesId == s.Id))))
                .ToList();
        }

        return new KpiValueTable(periods, rows);
    }

    private static Dictionary<Period, ValueView> ByPeriod(IEnumerable<ValueView> values) =>
        values.GroupBy(v => v.Period).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Id).Last());
}
