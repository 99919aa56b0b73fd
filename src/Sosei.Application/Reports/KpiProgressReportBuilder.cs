using Microsoft.EntityFrameworkCore;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Domain.Periods;
using static Sosei.Application.Reports.ReportCells;

namespace Sosei.Application.Reports;

/// <summary>
/// Builds the KPI進捗管理表 from the plan evaluation (<see cref="PlanEvaluator"/>): the KPIs in tree order with the
/// values of each fiscal year, as the documents write them.
/// </summary>
public static class KpiProgressReportBuilder
{
    /// <summary>Builds the KPI進捗管理表 of an evaluation.</summary>
    public static ReportDocument Build(PlanEvaluation e)
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
        List<NodeView> PathOf(int nodeId)
        {
            var path = new List<NodeView>();
            for (NodeView? n = byId[nodeId]; n is not null; n = n.ParentId is { } p ? byId[p] : null)
            {
                path.Insert(0, n);
            }

            return path;
        }

        // Rows in tree order: each node's KPIs, then the KPIs shown again there (再掲).
        var order = PlanEvaluator.TreeOrder(plan);
        var entries = e.Kpis.Select(k => (Node: k.Kpi.HomeNodeId, Kpi: k, Relisting: (PlanRelistingView?)null))
            .Concat(e.Relistings.Where(r => r.KpiId is not null && e.Find(r.KpiId.Value) is not null).Select(r => (Node: r.NodeId, Kpi: e.Find(r.KpiId!.Value)!, Relisting: (PlanRelistingView?)r)))
            .OrderBy(x => order.GetValueOrDefault(x.Node, int.MaxValue)).ThenBy(x => x.Relisting is null ? 0 : 1).ThenBy(x => x.Relisting?.SortOrder ?? x.Kpi.Kpi.SortOrder)
            .ToList();

        var rows = new List<ReportRow>();
        List<NodeView> previous = [];
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
                cells.Add(Lines(series.Select(s => s.BaselineText is null ? "" : KpiFormat.Baseline(kpi, s)?.Text ?? "")));
                cells.AddRange(years.Select(y => Lines(series.Select(s => kpi.Values.Where(v => v.SeriesId == s.Id && v.Period.FiscalYear.Year == y).OrderByDescending(v => v.Period).FirstOrDefault() is { } v ? KpiFormat.Value(kpi, s, v).Text : ""))));
                cells.Add(Lines(series.Select(s => s.TargetText is null ? kpi.TargetReference ?? "" : KpiFormat.Target(kpi, s)?.Text ?? "")));
            }

            cells.Add(kpi.SurveyTiming ?? "");
            cells.Add(kpi.PublicationTiming ?? "");
            cells.Add(kpi.Source ?? "");
            cells.Add(string.Join("\n", kpi.Departments.OrderBy(d => d.SortOrder).Select(d => d.Name)));
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

    private static ReportCell Baseline(KpiView kpi, string? commonPeriod)
    {
        var shown = KpiFormat.Baseline(kpi);
        var text = shown?.Text ?? "";
        var period = PeriodCodec.ParseRangeOrNull(kpi.BaselinePeriod)?.ToShort();
        if (text.Length > 0 && period is not null && period != commonPeriod && !text.Contains('(', StringComparison.Ordinal))
        {
            text = $"({period}) {text}";
        }

        return Amount(shown, text);
    }

    private static ReportCell TargetShort(KpiView kpi, string? commonPeriod)
    {
        var shown = KpiFormat.Target(kpi);
        var text = shown?.Text ?? "";
        var period = PeriodCodec.ParseRangeOrNull(kpi.TargetPeriod)?.ToShort();
        if (text.Length > 0 && period is not null && period != commonPeriod)
        {
            text += $"({period})";
        }

        return Amount(shown, text);
    }
}
