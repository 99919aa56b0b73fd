using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.Charts;

/// <summary>Words used in KPI charts (legend and tooltips); Japanese by default, pass others for another language.</summary>
/// <param name="Actual">Legend of the actual values.</param>
/// <param name="Baseline">Legend of the baseline marker.</param>
/// <param name="Target">Legend of the target marker.</param>
/// <param name="TargetLine">Legend of the straight line from baseline to target.</param>
/// <param name="Interim">Legend of interim targets.</param>
/// <param name="Reference">Word marking a reference value (参考値) in a tooltip.</param>
/// <param name="Provisional">Word marking a provisional value (未確定) in a tooltip.</param>
/// <param name="Description">Accessible description; {0} is the KPI or series name.</param>
public sealed record KpiChartText(
    string Actual = "実績値",
    string Baseline = "基準値",
    string Target = "目標値",
    string TargetLine = "目標への直線",
    string Interim = "中間目標",
    string Reference = "参考値",
    string Provisional = "未確定",
    string Description = "{0}の実績値の推移と、基準値・目標値。白抜きの点は参考値または未確定値。");

/// <summary>
/// The chart of a KPI: actual values (solid line; 参考値 and 未確定 as hollow markers), the baseline (square), the
/// target (triangle) with a dashed straight line from baseline to target, and interim targets (diamonds). A KPI with
/// series gets one chart per series (small multiples), so units and scales never mix. Values are shown in the
/// KPI's display unit (万人, 億円).
/// </summary>
public static class KpiChart
{
    private const string ActualColor = "#1f5fa8";
    private const string TargetColor = "#c2410c";
    private const string BaselineColor = "#5b6475";
    private const string InterimColor = "#7c3aed";

    /// <summary>One chart per series (or one for a KPI without series); in each, the first series is the actual values.</summary>
    /// <param name="evaluation">The evaluated KPI (definition, series and values).</param>
    /// <param name="text">Legend words.</param>
    /// <param name="yearLabel">Label of a fiscal year on the x axis (e.g. "H27 (2015)").</param>
    /// <param name="valueLabel">Tooltip of a value: original text and period.</param>
    public static IReadOnlyList<(string? SeriesName, LineChartSpec Spec)> Build(
        KpiEvaluation evaluation, KpiChartText text, Func<int, string> yearLabel, Func<ValueView, string> valueLabel)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(yearLabel);
        ArgumentNullException.ThrowIfNull(valueLabel);
        var kpi = evaluation.Kpi;
        var def = evaluation.Definition;
        if (kpi.Series.Count == 0)
        {
            var texts = (KpiFormat.Baseline(kpi)?.Text, KpiFormat.Target(kpi)?.Text ?? kpi.TargetPhrase);
            return [(null, Spec(def.TargetKind, def.Baseline, def.Target, def.InterimTargets, kpi.Values, kpi.Unit, kpi.DisplayUnit, texts, kpi.Name, text, yearLabel, valueLabel))];
        }

        return kpi.Series.OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s =>
            {
                var sd = def.Series.FirstOrDefault(x => x.Code == s.Code);
                var shown = ShownUnit.Of(kpi, s);
                var texts = (KpiFormat.Baseline(kpi, s)?.Text, KpiFormat.Target(kpi, s)?.Text);
                var spec = Spec(
                    def.TargetKind, sd?.Baseline ?? def.Baseline, sd?.Target ?? def.Target, sd?.InterimTargets ?? [],
                    kpi.Values.Where(v => v.SeriesId == s.Id), shown.Unit, shown.DisplayUnit, texts, $"{kpi.Name}（{s.Name}）", text, yearLabel, valueLabel);
                return ((string?)s.Name, spec);
            })
            .ToList();
    }

    private static LineChartSpec Spec(
        TargetKind kind,
        Baseline? baseline,
        KpiTarget? target,
        IReadOnlyList<InterimTarget> interim,
        IEnumerable<ValueView> values,
        string unit,
        string? displayUnit,
        (string? Baseline, string? Target) written,
        string title,
        KpiChartText text,
        Func<int, string> yearLabel,
        Func<ValueView, string> valueLabel)
    {
        var display = string.IsNullOrEmpty(displayUnit) ? unit : displayUnit;
        var (multiplier, _) = Units.SplitMultiplier(display);
        decimal Scale(decimal v) => multiplier == 0 ? v : v / multiplier;
        static decimal X(Period p) => p.FiscalYear.Year;

        var series = new List<ChartSeries>();
        var actuals = values.Where(v => v.Amount.HasValue || v.NoValueReason is not null)
            .OrderBy(v => v.Period)
            .Select(v => new ChartPoint(
                X(v.Period),
                v.Amount is { } a ? Scale(a) : null,
                Hollow: v.Qualifiers.HasFlag(ValueQualifiers.Reference) || v.Qualifiers.HasFlag(ValueQualifiers.Provisional),
                Tooltip: valueLabel(v)))
            .ToList();
        series.Add(new ChartSeries(text.Actual, actuals, SeriesStyle.Line, ActualColor));

        var baselineX = baseline?.Period?.Last.FiscalYear.Year;
        if (baseline?.Value is { } b && baselineX is { } bx)
        {
            series.Add(new ChartSeries(text.Baseline, [new ChartPoint(bx, Scale(b), Tooltip: $"{text.Baseline}: {written.Baseline ?? ValueFormatter.FormatOrExact(b, unit, displayUnit, ValueFormatter.ScaleOf(b))}")], SeriesStyle.Markers, BaselineColor, MarkerShape.Square));
        }

        if (target is not null && target.Period is { } tp)
        {
            // A change target is a change from the baseline; the chart shows the level it aims for.
            decimal? level = kind == TargetKind.Change
                ? baseline?.Value is { } bv ? bv + target.Value : null
                : target.Value;
            var tx = tp.Last.FiscalYear.Year;
            if (level is { } lv && kind != TargetKind.Cumulative)
            {
                if (kind == TargetKind.Annual)
                {
                    series.Add(new ChartSeries(text.TargetLine, [new ChartPoint(tp.First.FiscalYear.Year, Scale(lv)), new ChartPoint(tx, Scale(lv))], SeriesStyle.DashedLine, TargetColor));
                }
                else if (baseline?.Value is { } b0 && baselineX is { } x0 && x0 < tx)
                {
                    series.Add(new ChartSeries(text.TargetLine, [new ChartPoint(x0, Scale(b0)), new ChartPoint(tx, Scale(lv))], SeriesStyle.DashedLine, TargetColor));
                }

                series.Add(new ChartSeries(text.Target, [new ChartPoint(tx, Scale(lv), Tooltip: $"{text.Target}: {written.Target ?? target.Reference ?? ValueFormatter.FormatOrExact(lv, unit, displayUnit, ValueFormatter.ScaleOf(lv))}")], SeriesStyle.Markers, TargetColor, MarkerShape.Triangle));
            }
        }

        if (interim.Count > 0)
        {
            series.Add(new ChartSeries(text.Interim, interim.Select(i => new ChartPoint(X(i.Period), Scale(i.Value))).ToList(), SeriesStyle.Markers, InterimColor, MarkerShape.Diamond));
        }

        // Half a year of room at both ends so the first and last year labels are not cut off.
        var xs = series.SelectMany(s => s.Points).Select(p => p.X).ToList();
        if (xs.Count > 0)
        {
            series[0] = series[0] with { Points = [new ChartPoint(xs.Min() - 0.4m, null), .. series[0].Points, new ChartPoint(xs.Max() + 0.4m, null)] };
        }

        var ys = series.SelectMany(s => s.Points).Where(p => p.Y.HasValue).Select(p => p.Y!.Value).ToList();
        // Values that stay far from zero (健康寿命 78–79歳) read better on a fitted axis; counts and rates start at 0.
        var fromZero = ys.Count == 0 || ys.Min() <= 0 || ys.Min() < ys.Max() / 2;
        return new LineChartSpec
        {
            Title = title,
            Description = string.Format(System.Globalization.CultureInfo.InvariantCulture, text.Description, title),
            Series = series,
            XLabel = x => yearLabel((int)x),
            YLabel = LineChartSpec.AxisNumber,
            YUnit = display,
            YFromZero = fromZero,
        };
    }
}
