using System.Globalization;
using Sosei.Application.Charts;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;
using static Sosei.Application.Reports.ReportCells;

namespace Sosei.Application.Reports;

/// <summary>
/// Builds the 効果検証 report from the plan evaluation (<see cref="PlanEvaluator"/>): the evaluation counted per
/// 基本目標, and each KPI with its values, achievement, grades, forecast and chart.
/// </summary>
public static class VerificationReportBuilder
{
    private static readonly string[] Palette = ["#1f5fa8", "#c2410c", "#1b7f3b", "#7c3aed", "#9a6700", "#0e7490"];

    /// <summary>Builds the 効果検証 report of an evaluation.</summary>
    public static ReportDocument Build(PlanEvaluation e)
    {
        var grades = e.Scale.Grades;
        var hasProjectKpis = e.Summary.Totals.Project.Total > 0;
        var groups = new List<(string Name, Func<SummaryRow, SummaryCounts> Counts)>
        {
            (Terms.KpiCategory(null).Japanese, r => r.All),
            (Terms.KpiCategory(KpiLevel.Goal).Japanese, r => r.Goal),
            (Terms.KpiCategory(KpiLevel.Measure).Japanese, r => r.Measure),
        };
        if (hasProjectKpis)
        {
            groups.Add((Terms.KpiCategory(KpiLevel.Project).Japanese, r => r.Project));
        }

        var goalLevel = e.LevelName(0) is { Length: > 0 } l ? l : "基本目標";
        var columns = new List<ReportColumn> { new(goalLevel, Width: 46) };
        foreach (var _ in groups)
        {
            columns.AddRange(grades.Select(g => new ReportColumn(g.Label, Numeric: true, Width: 10)));
            columns.Add(new ReportColumn("計", Numeric: true, Width: 7));
        }

        var rows = e.Summary.Rows.Append(e.Summary.Totals).Select(r =>
        {
            var cells = new List<ReportCell> { r.IsTotal ? "合計" : r.Label };
            foreach (var (_, counts) in groups)
            {
                var c = counts(r);
                cells.AddRange(grades.Select(g => Count(c.Count(g.Code))));
                cells.Add(Count(c.Total));
            }

            return new ReportRow(cells, IsTotal: r.IsTotal);
        }).ToList();
        var summary = new ReportTable
        {
            Title = $"{goalLevel}別の評価（{e.Year.ToDisplay()}）",
            SheetName = "評価の集計",
            Columns = columns,
            Rows = rows,
            Groups = [new HeaderGroup("", 1), .. groups.Select(g => new HeaderGroup(g.Name, grades.Count + 1))],
            Note = "KPI は本来の掲載場所（再掲でない場所）で1回だけ数えます。評価は最終評価（変更があればその評価）です。",
        };

        var years = Years(e);
        var kpiColumns = new List<ReportColumn>
        {
            new(goalLevel, Width: 12),
            new("掲載場所", Width: 22),
            new("区分", Width: 9),
            new("指標名", Width: 30),
            new("基準値", Numeric: true, Width: 14),
        };
        kpiColumns.AddRange(years.Select(y => new ReportColumn(new FiscalYear(y).ToDisplay(), Numeric: true, Width: 13)));
        kpiColumns.AddRange(
        [
            new("目標値", Numeric: true, Width: 14),
            new("評価に用いた実績", Numeric: true, Width: 16),
            new("達成度", Numeric: true, Width: 9),
            new("評価（計算）", Width: 11),
            new("評価（最終）", Width: 11),
            new(Terms.TrendHeading.Japanese, Width: 8),
            new(Terms.ForecastHeading.Japanese, Width: 9),
            new("コメント", Width: 36),
        ]);

        var kpiRows = new List<ReportRow>();
        var charts = new List<ReportChart>();
        var goalOf = GoalOf(e.Plan);
        foreach (var k in e.Kpis)
        {
            var kpi = k.Kpi;
            var home = e.Plan.Nodes.First(n => n.Id == kpi.HomeNodeId);
            var goal = goalOf(home);
            var cells = new List<ReportCell>
            {
                string.IsNullOrEmpty(goal.Label) ? goal.Title : goal.Label,
                home.ParentId is null ? "" : NodeLabel(home),
                Terms.Level(kpi.Level).Japanese,
                kpi.Name,
                Baseline(kpi),
            };
            var hasSeries = kpi.Series.Count > 0;
            cells.AddRange(years.Select(y => hasSeries ? ReportCell.Empty : ValueIn(kpi, null, y)));
            cells.Add(Target(kpi));
            cells.Add(hasSeries ? ReportCell.Empty : Used(kpi, null, k.Achievement));
            cells.Add(Rate(k.Rate, k.IsProvisional));
            cells.Add(GradeCell(k.Grade.Computed, e.Scale));
            cells.Add(GradeCell(k.Grade.Final, e.Scale));
            cells.Add(TrendCell(k.Trend));
            cells.Add(new ReportCell(Terms.Forecast(k.Forecast.Status).Japanese, Class: "grade " + StatusColors.ForecastClass(k.Forecast.Status)));
            cells.Add(Comment(k, e.Year));
            kpiRows.Add(new ReportRow(cells));

            for (var i = 0; i < kpi.Series.Count && i < k.SeriesResults.Count; i++)
            {
                var s = kpi.Series.OrderBy(x => x.SortOrder).ElementAt(i);
                var r = k.SeriesResults[i];
                var sub = new List<ReportCell> { "", "", "", "・" + s.Name, s.BaselineText is null ? "" : KpiFormat.Baseline(kpi, s)?.Text ?? "" };
                sub.AddRange(years.Select(y => ValueIn(kpi, s, y)));
                sub.Add(s.TargetText is null ? kpi.TargetReference ?? "" : KpiFormat.Target(kpi, s)?.Text ?? "");
                sub.Add(Used(kpi, s, r));
                sub.Add(Rate(r.Rate, r.IsProvisional));
                sub.AddRange(["", "", i < k.SeriesTrends.Count ? TrendCell(k.SeriesTrends[i].Status) : "", "", r.Status == AchievementStatus.Computed ? "" : r.Reason ?? ""]);
                kpiRows.Add(new ReportRow(sub, IsSub: true));
            }

            if (Chart(kpi, k) is { } chart)
            {
                charts.Add(chart);
            }
        }

        var detail = new ReportTable
        {
            Title = $"KPIごとの達成状況（{e.Year.ToDisplay()}）",
            SheetName = "KPI一覧",
            Columns = kpiColumns,
            Rows = kpiRows,
            FrozenColumns = 4,
            Note = $"達成度は{Terms.Actuals(e.Rules.Actuals).Japanese}によります（年度はその値の期間）。( ) は参考値、未確定 は確定前の値です。",
        };
        return Document(e, ReportKind.Verification, [summary, detail], charts, Notes(e));
    }

    private static IReadOnlyList<string> Notes(PlanEvaluation e) =>
    [
        $"評価区分: {string.Join(" / ", e.Scale.Bands.Select(b => b.MinRate is { } m ? $"{b.Label}（{AchievementResult.RoundPercent(m).ToString("0.#", CultureInfo.InvariantCulture)}%{(e.Scale.Thresholds == ThresholdComparison.Exclusive ? "超" : "以上")}）" : b.Label))} / {e.Scale.NoDataBand.Label}（データなし）",
        $"達成度の計算方法（計画の既定）: {Terms.Method(e.Plan.DefaultAchievementMethod).Japanese}（{Terms.Formula(e.Plan.DefaultAchievementMethod).Japanese}）。減少が望ましい指標は 目標 ÷ 実績 で計算します。",
        $"推移: 基準値から目標の方向へ動いたか（{string.Join(" / ", Enum.GetValues<TrendStatus>().Select(s => Terms.Trend(s).Japanese))}）。達成度が高くても基準値より目標から遠ざかれば悪化です。",
        $"見通し: 実績の傾向から目標年度に目標に届くか（{string.Join(" / ", Enum.GetValues<ForecastStatus>().Select(s => Terms.Forecast(s).Japanese))}）。",
    ];

    private static ReportCell GradeCell(Grade grade, GradeScale scale) => new(grade.Label, Class: "grade " + StatusColors.GradeClass(grade, scale));

    private static ReportCell TrendCell(TrendStatus trend) => new(Terms.Trend(trend).Japanese, Class: "grade " + StatusColors.TrendClass(trend));

    private static ReportCell Rate(decimal? rate, bool provisional)
    {
        if (rate is not { } r)
        {
            return new ReportCell("—", Class: "num muted");
        }

        var text = KpiFormat.Percent(r) + (provisional ? " 未確定" : "");
        return new ReportCell(text, decimal.Round(r, 6, MidpointRounding.AwayFromZero), provisional ? "0.0%\" 未確定\";\"△\"0.0%\" 未確定\"" : "0.0%;\"△\"0.0%", "num");
    }

    private static string Comment(KpiEvaluation k, FiscalYear year)
    {
        var parts = new List<string>();
        if (k.Grade.IsOverridden && k.Grade.Reason is { Length: > 0 } reason)
        {
            parts.Add("評価変更の理由: " + reason);
        }

        parts.AddRange(k.Kpi.Values.Where(v => v.Comment is { Length: > 0 } && v.Period.FiscalYear == year).Select(v => v.Comment!));
        if (k.Achievement.Status != AchievementStatus.Computed && k.SeriesResults.Count == 0 && k.Achievement.Reason is { Length: > 0 } why)
        {
            parts.Add(why);
        }

        if (k.Forecast.Status != ForecastStatus.InsufficientData)
        {
            parts.Add("見通し: " + k.ForecastSentence.Japanese);
        }

        return string.Join("\n", parts.Distinct(StringComparer.Ordinal));
    }

    private static ReportCell Used(KpiView kpi, SeriesView? series, AchievementResult r)
    {
        if (r.ActualPeriod is not { } period)
        {
            return new ReportCell("—", Class: "num muted");
        }

        var v = kpi.Values.FirstOrDefault(x => x.SeriesId == series?.Id && x.Period == period);
        if (v is null)
        {
            return ReportCell.Empty;
        }

        var cell = ValueCell(v, kpi, series);
        return cell with { Text = $"{cell.Text}（{period.ToShort()}）" };
    }

    private static ReportCell Baseline(KpiView kpi)
    {
        var period = PeriodCodec.ParseRangeOrNull(kpi.BaselinePeriod);
        var shown = KpiFormat.Baseline(kpi);
        var text = shown?.Text ?? "";
        if (text.Length > 0 && period is not null && !text.Contains('(', StringComparison.Ordinal))
        {
            text += $"（{period.ToShort()}）";
        }

        return Amount(shown, text);
    }

    private static ReportCell Target(KpiView kpi)
    {
        var period = PeriodCodec.ParseRangeOrNull(kpi.TargetPeriod);
        var shown = KpiFormat.Target(kpi);
        var text = shown?.Text ?? "";
        if (kpi.TargetPhrase is { Length: > 0 } phrase && kpi.TargetText is null)
        {
            text = text.Length > 0 ? $"{text}\n{phrase}" : phrase;
        }

        if (text.Length > 0 && period is not null)
        {
            text += $"（{period.ToShort()}）";
        }

        return Amount(shown, text);
    }

    private static ReportChart? Chart(KpiView kpi, KpiEvaluation k)
    {
        if (!kpi.Values.Any(v => v.Amount.HasValue))
        {
            return null;
        }

        var series = new List<ChartSeries>();
        var seriesList = kpi.Series.OrderBy(s => s.SortOrder).ToList();
        var lines = seriesList.Count == 0 ? [(Series: (SeriesView?)null, Name: "実績")] : seriesList.Select(s => (Series: (SeriesView?)s, s.Name)).ToList();
        var targetPeriod = PeriodCodec.ParseRangeOrNull(kpi.TargetPeriod);
        var baselinePeriod = PeriodCodec.ParseRangeOrNull(kpi.BaselinePeriod);
        var (_, display) = Display(kpi, null);
        for (var i = 0; i < lines.Count; i++)
        {
            var (s, name) = lines[i];
            var (multiplier, _) = Display(kpi, s);
            var color = Palette[i % Palette.Length];
            var points = kpi.Values.Where(v => v.SeriesId == s?.Id && v.Amount.HasValue)
                .Select(v => new ChartPoint(X(v.Period), v.Amount!.Value / multiplier, v.Qualifiers.HasFlag(ValueQualifiers.Reference) || v.Qualifiers.HasFlag(ValueQualifiers.Provisional), $"{v.Period.ToShort()}: {KpiFormat.Value(kpi, s, v).Text}"))
                .ToList();
            series.Add(new ChartSeries(name, points, SeriesStyle.Line, color));
            var baseline = s?.BaselineValue ?? (s is null ? kpi.BaselineValue : null);
            var target = s?.TargetValue ?? (s is null ? kpi.TargetValue : null);
            var goal = new List<ChartPoint>();
            if (baseline is { } b && baselinePeriod is not null)
            {
                goal.Add(new ChartPoint(baselinePeriod.Last.FiscalYear.Year, b / multiplier, Tooltip: "基準値"));
            }

            if (target is { } t && targetPeriod is not null && kpi.TargetReference is null)
            {
                goal.Add(new ChartPoint(targetPeriod.Last.FiscalYear.Year, t / multiplier, Tooltip: "目標値"));
            }

            if (goal.Count > 0)
            {
                series.Add(new ChartSeries(seriesList.Count == 0 ? "基準値→目標値" : $"{name} 目標", goal, SeriesStyle.Dashed, color, MarkerShape.Diamond));
            }
        }

        var svg = LineChart.Render(new LineChartSpec
        {
            Title = kpi.Name,
            Description = $"{kpi.Name} の実績の推移",
            Series = series,
            XLabel = x => new FiscalYear((int)x).ToShort(),
            YUnit = display,
            YFromZero = false,
            Width = 520,
            Height = 250,
        });
        var caption = k.Rate is { } rate ? $"達成度 {KpiFormat.Percent(rate)} ・ 評価 {k.Grade.Final.Label}" : $"評価 {k.Grade.Final.Label}";
        return new ReportChart(kpi.Name, caption, svg);

        static decimal X(Period p) => p.Kind == PeriodKind.FiscalYear ? p.Year : p.FiscalYear.Year;
    }
}
