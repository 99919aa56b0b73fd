using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Charts;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.Reports;

/// <summary>
/// Builds the report models from the plan evaluation (<see cref="PlanEvaluator"/>): the 効果検証 report, the KPI
/// 進捗管理表 and the 事業一覧. Every number comes from the evaluator, so reports, pages and CLI agree. Values are shown
/// as the documents write them (original texts); the Excel form carries the numbers with number formats.
/// </summary>
public sealed class ReportBuilder(PlanEvaluator evaluator, SoseiDbContext db)
{
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");
    private static readonly string[] Palette = ["#1f5fa8", "#c2410c", "#1b7f3b", "#7c3aed", "#9a6700", "#0e7490"];

    /// <summary>Builds a report; null when there is no such plan.</summary>
    public async Task<ReportDocument?> BuildAsync(string planCode, ReportKind kind, int? fiscalYear = null, CancellationToken cancellationToken = default)
    {
        var evaluation = await evaluator.EvaluateAsync(planCode, fiscalYear, cancellationToken);
        if (evaluation is null)
        {
            return null;
        }

        return kind switch
        {
            ReportKind.Verification => Verification(evaluation),
            ReportKind.KpiTable => KpiTable(evaluation),
            _ => await ProjectsAsync(evaluation, cancellationToken),
        };
    }

    /// <summary>The evaluation itself (for the JSON form).</summary>
    public Task<PlanEvaluation?> EvaluateAsync(string planCode, int? fiscalYear = null, CancellationToken cancellationToken = default) =>
        evaluator.EvaluateAsync(planCode, fiscalYear, cancellationToken);

    private static ReportDocument Document(PlanEvaluation e, ReportKind kind, IReadOnlyList<ReportTable> tables, IReadOnlyList<ReportChart>? charts = null, IReadOnlyList<string>? notes = null) => new()
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
        Notes = notes ?? [],
    };

    // ---------- 効果検証 ----------

    private static ReportDocument Verification(PlanEvaluation e)
    {
        var grades = e.Scale.Grades;
        var hasProjectKpis = e.Summary.Totals.Project.Total > 0;
        var groups = new List<(string Name, Func<SummaryRow, SummaryCounts> Counts)>
        {
            ("全KPI", r => r.All),
            ("基本目標（数値目標）", r => r.Goal),
            ("各施策のKPI", r => r.Measure),
        };
        if (hasProjectKpis)
        {
            groups.Add(("事業のKPI", r => r.Project));
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
            new("見通し", Width: 9),
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
                LevelWord(kpi.Level),
                kpi.Name,
                Baseline(kpi),
            };
            var hasSeries = kpi.Series.Count > 0;
            cells.AddRange(years.Select(y => hasSeries ? ReportCell.Empty : ValueIn(kpi, null, y)));
            cells.Add(Target(kpi));
            cells.Add(hasSeries ? ReportCell.Empty : Used(kpi, null, k.Achievement));
            cells.Add(Rate(k.Rate, k.IsProvisional));
            cells.Add(GradeCell(k.Grade.Computed));
            cells.Add(GradeCell(k.Grade.Final));
            cells.Add(Forecast(k.Forecast.Status));
            cells.Add(Comment(k, e.Year));
            kpiRows.Add(new ReportRow(cells));

            for (var i = 0; i < kpi.Series.Count && i < k.SeriesResults.Count; i++)
            {
                var s = kpi.Series.OrderBy(x => x.SortOrder).ElementAt(i);
                var r = k.SeriesResults[i];
                var sub = new List<ReportCell> { "", "", "", "・" + s.Name, s.BaselineText ?? "" };
                sub.AddRange(years.Select(y => ValueIn(kpi, s, y)));
                sub.Add(s.TargetText ?? kpi.TargetReference ?? "");
                sub.Add(Used(kpi, s, r));
                sub.Add(Rate(r.Rate, r.IsProvisional));
                sub.AddRange(["", "", "", r.Status == AchievementStatus.Computed ? "" : r.Reason ?? ""]);
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
            Note = "達成度は評価年度までの最新の実績によります（年度はその値の期間）。( ) は参考値、未確定 は確定前の値です。",
        };
        return Document(e, ReportKind.Verification, [summary, detail], charts, Notes(e));
    }

    private static IReadOnlyList<string> Notes(PlanEvaluation e) =>
    [
        $"評価区分: {string.Join(" / ", e.Scale.Bands.Select(b => b.MinRate is { } m ? $"{b.Label}（{AchievementResult.RoundPercent(m).ToString("0.#", CultureInfo.InvariantCulture)}%以上）" : b.Label))} / {e.Scale.NoDataBand.Label}（データなし）",
        $"達成度の計算方法（計画の既定）: {MethodWord(e.Plan.DefaultAchievementMethod)}。減少が望ましい指標は 目標 ÷ 実績 で計算します。",
        "見通し: 実績の傾向から目標年度に目標に届くか（見込みあり / 要注意 / 困難 / 判定不可）。",
    ];

    private static string MethodWord(AchievementMethod method) => method switch
    {
        AchievementMethod.ProgressFromBaseline => "基準値からの進捗（(実績−基準値)÷(目標−基準値)）",
        AchievementMethod.TimeProrated => "期間按分（基準値から目標への直線に対する進捗）",
        _ => "目標比（実績 ÷ 目標）",
    };

    private static Func<PlanNode, PlanNode> GoalOf(Plan plan)
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

    private static string NodeLabel(PlanNode n) => string.IsNullOrEmpty(n.Label) ? n.Title : $"{n.Label} {n.Title}";

    private static string LevelWord(Domain.Kpis.KpiLevel level) => level switch
    {
        Domain.Kpis.KpiLevel.Goal => "数値目標",
        Domain.Kpis.KpiLevel.Project => "事業KPI",
        _ => "KPI",
    };

    /// <summary>Fiscal years shown as columns: the plan period up to the reported year (and years with values in it).</summary>
    private static List<int> Years(PlanEvaluation e)
    {
        var last = Math.Min(e.Year.Year, e.Plan.EndFiscalYear);
        var years = Enumerable.Range(e.Plan.StartFiscalYear, Math.Max(0, last - e.Plan.StartFiscalYear + 1)).ToList();
        return years.Count > 0 ? years : [e.Year.Year];
    }

    private static ReportCell Count(int n) => new(n.ToString(CultureInfo.InvariantCulture), n, "0", "num");

    private static ReportCell GradeCell(Grade grade) => new(grade.Label, Class: grade.IsNoData ? "grade grade-none" : $"grade grade-{grade.Rank}");

    private static ReportCell Rate(decimal? rate, bool provisional)
    {
        if (rate is not { } r)
        {
            return new ReportCell("—", Class: "num muted");
        }

        var text = AchievementResult.RoundPercent(r).ToString("N1", Ja) + "%" + (provisional ? " 未確定" : "");
        return new ReportCell(text, decimal.Round(r, 6, MidpointRounding.AwayFromZero), provisional ? "0.0%\" 未確定\"" : "0.0%", "num");
    }

    private static string Forecast(ForecastStatus status) => status switch
    {
        ForecastStatus.OnTrack => "見込みあり",
        ForecastStatus.AtRisk => "要注意",
        ForecastStatus.OffTrack => "困難",
        _ => "判定不可",
    };

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

        return string.Join("\n", parts.Distinct(StringComparer.Ordinal));
    }

    /// <summary>A value in the KPI's (or series') display unit: the original text, and the number for Excel.</summary>
    internal static ReportCell ValueCell(KpiValue v, Kpi kpi, KpiSeries? series)
    {
        if (v.Amount is not { } amount)
        {
            return new ReportCell(v.OriginalText, Class: "num muted");
        }

        var (multiplier, display) = Display(kpi, series);
        var reference = v.Qualifiers.HasFlag(ValueQualifiers.Reference);
        var provisional = v.Qualifiers.HasFlag(ValueQualifiers.Provisional);
        return new ReportCell(
            v.OriginalText,
            amount / multiplier,
            NumberFormat(kpi.Decimals, display, reference, provisional),
            reference ? "num reference" : provisional ? "num provisional" : "num");
    }

    private static (decimal Multiplier, string Display) Display(Kpi kpi, KpiSeries? series)
    {
        var display = ShownUnit.Of(kpi, series).Text;
        var (multiplier, _) = Units.SplitMultiplier(display);
        return (multiplier == 0 ? 1 : multiplier, display);
    }

    /// <summary>Excel number format with thousands separators, the KPI's decimals and its unit.</summary>
    internal static string NumberFormat(int decimals, string unit, bool reference = false, bool provisional = false)
    {
        var core = decimals > 0 ? "#,##0." + new string('0', Math.Min(decimals, 10)) : "#,##0";
        var suffix = unit.Length > 0 ? "\"" + unit.Replace("\"", "", StringComparison.Ordinal) + "\"" : "";
        var format = core + suffix;
        if (reference)
        {
            format = "\"(\"" + format + "\")\"";
        }

        if (provisional)
        {
            format = "\"未確定 \"" + format;
        }

        return format;
    }

    private static ReportCell ValueIn(Kpi kpi, KpiSeries? series, int fiscalYear)
    {
        var v = kpi.Values.Where(x => x.SeriesId == series?.Id && x.Period.FiscalYear.Year == fiscalYear).OrderByDescending(x => x.Period).FirstOrDefault();
        return v is null ? ReportCell.Empty : ValueCell(v, kpi, series);
    }

    private static ReportCell Used(Kpi kpi, KpiSeries? series, AchievementResult r)
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
        return cell with { Text = $"{v.OriginalText}（{period.ToShort()}）" };
    }

    private static ReportCell Baseline(Kpi kpi)
    {
        var period = PeriodCodec.ParseRangeOrNull(kpi.BaselinePeriod);
        var text = kpi.BaselineText ?? (kpi.BaselineValue is { } b ? ValueFormatter.Format(b, kpi.Unit, kpi.DisplayUnit, kpi.Decimals) : "");
        if (text.Length > 0 && period is not null && !text.Contains('(', StringComparison.Ordinal))
        {
            text += $"（{period.ToShort()}）";
        }

        return Amount(kpi, kpi.BaselineValue, text);
    }

    private static ReportCell Target(Kpi kpi)
    {
        var period = PeriodCodec.ParseRangeOrNull(kpi.TargetPeriod);
        var text = kpi.TargetText ?? kpi.TargetReference ?? (kpi.TargetValue is { } t ? ValueFormatter.Format(t, kpi.Unit, kpi.DisplayUnit, kpi.Decimals) : "");
        if (kpi.TargetPhrase is { Length: > 0 } phrase && kpi.TargetText is null)
        {
            text = text.Length > 0 ? $"{text}\n{phrase}" : phrase;
        }

        if (text.Length > 0 && period is not null)
        {
            text += $"（{period.ToShort()}）";
        }

        return kpi.TargetReference is null ? Amount(kpi, kpi.TargetValue, text) : new ReportCell(text);
    }

    private static ReportCell Amount(Kpi kpi, decimal? amount, string text)
    {
        if (amount is not { } a || text.Contains('\n', StringComparison.Ordinal))
        {
            return new ReportCell(text);
        }

        var (multiplier, display) = Display(kpi, null);
        return new ReportCell(text, a / multiplier, NumberFormat(kpi.Decimals, display), "num");
    }

    private static ReportChart? Chart(Kpi kpi, KpiEvaluation k)
    {
        if (!kpi.Values.Any(v => v.Amount.HasValue))
        {
            return null;
        }

        var series = new List<ChartSeries>();
        var seriesList = kpi.Series.OrderBy(s => s.SortOrder).ToList();
        var lines = seriesList.Count == 0 ? [(Series: (KpiSeries?)null, Name: "実績")] : seriesList.Select(s => (Series: (KpiSeries?)s, s.Name)).ToList();
        var targetPeriod = PeriodCodec.ParseRangeOrNull(kpi.TargetPeriod);
        var baselinePeriod = PeriodCodec.ParseRangeOrNull(kpi.BaselinePeriod);
        var (_, display) = Display(kpi, null);
        for (var i = 0; i < lines.Count; i++)
        {
            var (s, name) = lines[i];
            var (multiplier, _) = Display(kpi, s);
            var color = Palette[i % Palette.Length];
            var points = kpi.Values.Where(v => v.SeriesId == s?.Id && v.Amount.HasValue)
                .Select(v => new ChartPoint(X(v.Period), v.Amount!.Value / multiplier, v.Qualifiers.HasFlag(ValueQualifiers.Reference) || v.Qualifiers.HasFlag(ValueQualifiers.Provisional), $"{v.Period.ToShort()}: {v.OriginalText}"))
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
        var caption = k.Rate is { } rate ? $"達成度 {AchievementResult.RoundPercent(rate).ToString("N1", Ja)}% ・ 評価 {k.Grade.Final.Label}" : $"評価 {k.Grade.Final.Label}";
        return new ReportChart(kpi.Name, caption, svg);

        static decimal X(Period p) => p.Kind == PeriodKind.FiscalYear ? p.Year : p.FiscalYear.Year;
    }

    // ---------- KPI 進捗管理表 ----------

    private static ReportDocument KpiTable(PlanEvaluation e)
    {
        var plan = e.Plan;
        var levels = plan.Levels.OrderBy(l => l.Depth).Select(l => l.Name).ToList();
        var depth = plan.Nodes.Count == 0 ? 0 : plan.Nodes.Max(n => n.Depth) + 1;
        while (levels.Count < depth)
        {
            levels.Add($"階層{levels.Count + 1}");
        }

        var years = Years(e);
        // The period most KPIs share goes into the header (基準値(H26)); the others are written in their cells.
        var commonBaseline = MostCommon(e.Kpis.Select(k => k.Kpi.BaselinePeriod));
        var commonTarget = MostCommon(e.Kpis.Select(k => k.Kpi.TargetPeriod));

        var columns = levels.Select(l => new ReportColumn(l, Width: 16)).ToList();
        columns.Add(new ReportColumn("項目", Width: 28));
        columns.Add(new ReportColumn(commonBaseline is null ? "基準値" : $"基準値({commonBaseline})", Numeric: true, Width: 13));
        columns.AddRange(years.Select(y => new ReportColumn(new FiscalYear(y).ToDisplay(), Numeric: true, Width: 13)));
        columns.Add(new ReportColumn(commonTarget is null ? "目標値" : $"目標値({commonTarget})", Numeric: true, Width: 13));
        columns.Add(new ReportColumn("基準日 (調査日)", Width: 12));
        columns.Add(new ReportColumn("結果公表日 (確認時期)", Width: 12));
        columns.Add(new ReportColumn("確認方法", Width: 26));
        columns.Add(new ReportColumn("担当課", Width: 12));

        var byId = plan.Nodes.ToDictionary(n => n.Id);
        List<PlanNode> PathOf(int nodeId)
        {
            var path = new List<PlanNode>();
            for (PlanNode? n = byId[nodeId]; n is not null; n = n.ParentId is { } p ? byId[p] : null)
            {
                path.Insert(0, n);
            }

            return path;
        }

        // Rows in tree order: each node's KPIs, then the KPIs shown again there (再掲).
        var order = PlanEvaluator.TreeOrder(plan);
        var entries = e.Kpis.Select(k => (Node: k.Kpi.HomeNodeId, Kpi: k, Relisting: (Relisting?)null))
            .Concat(e.Relistings.Where(r => r.KpiId is not null && e.Find(r.KpiId.Value) is not null).Select(r => (Node: r.NodeId, Kpi: e.Find(r.KpiId!.Value)!, Relisting: (Relisting?)r)))
            .OrderBy(x => order.GetValueOrDefault(x.Node, int.MaxValue)).ThenBy(x => x.Relisting is null ? 0 : 1).ThenBy(x => x.Relisting?.SortOrder ?? x.Kpi.Kpi.SortOrder)
            .ToList();

        var rows = new List<ReportRow>();
        List<PlanNode> previous = [];
        foreach (var (nodeId, k, relisting) in entries)
        {
            var kpi = k.Kpi;
            var path = PathOf(nodeId);
            var cells = new List<ReportCell>();
            for (var d = 0; d < levels.Count; d++)
            {
                // Like the merged cells of the document: a level is written where it changes.
                var same = d < path.Count && d < previous.Count && path[d].Id == previous[d].Id;
                cells.Add(d < path.Count && !same ? NodeLabel(path[d]) : "");
            }

            previous = path;
            if (relisting is not null)
            {
                cells.Add(relisting.DisplayName ?? kpi.Name + "(再掲)");
                cells.AddRange(Enumerable.Repeat(ReportCell.Empty, columns.Count - cells.Count));
                rows.Add(new ReportRow(cells, IsSub: true));
                continue;
            }

            var series = kpi.Series.OrderBy(s => s.SortOrder).ToList();
            if (series.Count == 0)
            {
                cells.Add(kpi.Name);
                cells.Add(Baseline(kpi, commonBaseline));
                cells.AddRange(years.Select(y => ValueIn(kpi, null, y)));
                cells.Add(TargetShort(kpi, commonTarget));
            }
            else
            {
                // Sub-items in one cell, one per line, as the document writes them.
                cells.Add(kpi.Name + "\n" + string.Join("\n", series.Select(s => "・" + s.Name)));
                cells.Add(Lines(series.Select(s => s.BaselineText ?? "")));
                cells.AddRange(years.Select(y => Lines(series.Select(s => kpi.Values.Where(v => v.SeriesId == s.Id && v.Period.FiscalYear.Year == y).OrderByDescending(v => v.Period).FirstOrDefault()?.OriginalText ?? ""))));
                cells.Add(Lines(series.Select(s => s.TargetText ?? kpi.TargetReference ?? "")));
            }

            cells.Add(kpi.SurveyTiming ?? "");
            cells.Add(kpi.PublicationTiming ?? "");
            cells.Add(kpi.Source ?? "");
            cells.Add(string.Join("\n", kpi.Departments.OrderBy(d => d.SortOrder).Select(d => d.Department?.Name ?? "")));
            rows.Add(new ReportRow(cells));
        }

        var table = new ReportTable
        {
            Title = $"KPI進捗管理表（{e.Year.ToDisplay()}まで）",
            SheetName = "KPI進捗管理表",
            Columns = columns,
            Rows = rows,
            FrozenColumns = levels.Count + 1,
            Note = "値は計画・報告の記載のまま。( ) は参考値、未確定 は確定前の値、— は値なし。",
        };
        return Document(e, ReportKind.KpiTable, [table]);
    }

    private static string? MostCommon(IEnumerable<string?> periods) =>
        periods.OfType<string>().GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => PeriodCodec.ParseRange(g.Key).ToShort()).FirstOrDefault();

    private static ReportCell Lines(IEnumerable<string> lines)
    {
        var list = lines.ToList();
        return list.All(l => l.Length == 0) ? ReportCell.Empty : new ReportCell(string.Join("\n", list), Class: "num");
    }

    private static ReportCell Baseline(Kpi kpi, string? commonPeriod)
    {
        var text = kpi.BaselineText ?? (kpi.BaselineValue is { } b ? ValueFormatter.Format(b, kpi.Unit, kpi.DisplayUnit, kpi.Decimals) : "");
        var period = PeriodCodec.ParseRangeOrNull(kpi.BaselinePeriod)?.ToShort();
        if (text.Length > 0 && period is not null && period != commonPeriod && !text.Contains('(', StringComparison.Ordinal))
        {
            text = $"({period}) {text}";
        }

        return Amount(kpi, kpi.BaselineValue, text);
    }

    private static ReportCell TargetShort(Kpi kpi, string? commonPeriod)
    {
        var text = kpi.TargetText ?? kpi.TargetReference ?? (kpi.TargetValue is { } t ? ValueFormatter.Format(t, kpi.Unit, kpi.DisplayUnit, kpi.Decimals) : "");
        var period = PeriodCodec.ParseRangeOrNull(kpi.TargetPeriod)?.ToShort();
        if (text.Length > 0 && period is not null && period != commonPeriod)
        {
            text += $"({period})";
        }

        return kpi.TargetReference is null ? Amount(kpi, kpi.TargetValue, text) : new ReportCell(text);
    }

    // ---------- 事業一覧 ----------

    private async Task<ReportDocument> ProjectsAsync(PlanEvaluation e, CancellationToken cancellationToken)
    {
        var orgIds = e.Projects.SelectMany(p => p.BudgetLines.Select(b => b.OrganizationId)).OfType<int>().Distinct().ToList();
        var orgNames = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var kpiCodes = e.Kpis.ToDictionary(k => k.Kpi.Id, k => k.Kpi);
        var goalOf = GoalOf(e.Plan);
        var byId = e.Plan.Nodes.ToDictionary(n => n.Id);

        // One column per fiscal year and kind of amount that occurs (予算額, 決算額, 見込額).
        var amountColumns = e.Projects.SelectMany(p => p.BudgetLines).Select(b => (b.FiscalYear, b.Kind)).Distinct()
            .OrderBy(x => x.FiscalYear).ThenBy(x => x.Kind).ToList();
        var grantYears = e.Projects.SelectMany(p => p.Grants).Select(g => g.FiscalYear).Distinct().OrderBy(y => y ?? int.MaxValue).ToList();

        var columns = new List<ReportColumn>
        {
            new("No.", Numeric: true, Width: 5),
            new(e.LevelName(0) is { Length: > 0 } l ? l : "基本目標", Width: 12),
            new("掲載場所", Width: 24),
            new("事業名", Width: 30),
            new("区分", Width: 7),
            new("内容", Width: 40),
            new("担当課・実施主体", Width: 18),
            new("関連KPI", Width: 24),
        };
        columns.AddRange(amountColumns.Select(a => new ReportColumn($"{new FiscalYear(a.FiscalYear).ToShort()} {KindWord(a.Kind)}（円）", Numeric: true, Width: 15)));
        columns.AddRange(grantYears.Select(y => new ReportColumn(y is { } fy ? $"{new FiscalYear(fy).ToShort()} 交付金（円）" : "交付金（円）", Numeric: true, Width: 15)));
        columns.Add(new ReportColumn("交付金の種類", Width: 20));

        var rows = new List<ReportRow>();
        var totals = new decimal[amountColumns.Count + grantYears.Count];
        var number = 0;
        foreach (var p in e.Projects)
        {
            var home = byId[p.HomeNodeId];
            var runner = new List<string>();
            if (p.Department is not null)
            {
                runner.Add(p.Department.Name);
            }

            runner.AddRange(p.Partners.OrderBy(x => x.SortOrder).Select(x => (x.Organization?.Name ?? x.Name ?? "") + (x.Role switch { PartnerRole.Lead => "（担当市町）", PartnerRole.Partner => "（連携）", _ => "" })));
            var goal = goalOf(home);
            var cells = new List<ReportCell>
            {
                Count(++number),
                string.IsNullOrEmpty(goal.Label) ? goal.Title : goal.Label,
                home.ParentId is null ? "" : NodeLabel(home),
                p.Name,
                CategoryWord(p.Category),
                p.Content ?? "",
                string.Join("\n", runner),
                string.Join("\n", p.Kpis.OrderBy(x => x.SortOrder).Select(x => kpiCodes.TryGetValue(x.KpiId, out var k) ? k.Name : "")),
            };
            for (var i = 0; i < amountColumns.Count; i++)
            {
                var (fy, kind) = amountColumns[i];
                var lines = p.BudgetLines.Where(b => b.FiscalYear == fy && b.Kind == kind).ToList();
                var sum = lines.Where(b => b.Amount.HasValue).Sum(b => b.Amount!.Value);
                totals[i] += sum;
                cells.Add(lines.Count == 0 ? ReportCell.Empty : lines.All(b => b.Amount is null)
                    ? new ReportCell(string.Join("\n", lines.Select(b => b.OriginalText ?? "-")), Class: "num muted")
                    : new ReportCell(
                        lines.Count == 1 ? Yen(sum) : string.Join("\n", lines.Select(b => $"{(b.OrganizationId is { } o ? orgNames.GetValueOrDefault(o) : "")} {(b.Amount is { } a ? Yen(a) : b.OriginalText)}")),
                        sum,
                        "#,##0",
                        "num"));
            }

            for (var i = 0; i < grantYears.Count; i++)
            {
                var grants = p.Grants.Where(g => g.FiscalYear == grantYears[i] && g.Amount.HasValue).ToList();
                var sum = grants.Sum(g => g.Amount!.Value);
                totals[amountColumns.Count + i] += sum;
                cells.Add(grants.Count == 0 ? ReportCell.Empty : new ReportCell(Yen(sum), sum, "#,##0", "num"));
            }

            cells.Add(string.Join("\n", p.Grants.Select(g => g.Program).Distinct(StringComparer.Ordinal)));
            rows.Add(new ReportRow(cells));
        }

        if (totals.Length > 0)
        {
            var total = new List<ReportCell> { "", "合計" };
            total.AddRange(Enumerable.Repeat(ReportCell.Empty, 6));
            total.AddRange(totals.Select(t => new ReportCell(Yen(t), t, "#,##0", "num")));
            total.Add("");
            rows.Add(new ReportRow(total, IsTotal: true));
        }

        var table = new ReportTable
        {
            Title = $"事業一覧（{e.Projects.Count}事業）",
            SheetName = "事業一覧",
            Columns = columns,
            Rows = rows,
            FrozenColumns = 4,
            Note = amountColumns.Count + grantYears.Count == 0 ? "この計画には予算・決算・交付金額の登録がありません。" : "金額は円。「-」は未定（0 ではありません）。",
        };
        return Document(e, ReportKind.Projects, [table]);
    }

    private static string Yen(decimal amount) => amount.ToString("N0", Ja);

    private static string KindWord(BudgetKind kind) => kind switch
    {
        BudgetKind.Settlement => "決算額",
        BudgetKind.Estimate => "見込額",
        _ => "予算額",
    };

    private static string CategoryWord(ProjectCategory category) => category switch
    {
        ProjectCategory.New => "新規",
        ProjectCategory.Expanded => "拡充",
        ProjectCategory.Continued => "継続",
        ProjectCategory.Private => "民間等",
        _ => "",
    };
}
