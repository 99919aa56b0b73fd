using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;
using Sosei.Domain.Achievement;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.Reports;

/// <summary>
/// Produces report files: the one entry point of the web downloads and <c>sosei report</c>. Kinds: verification
/// (効果検証), kpi-table (KPI進捗管理表), projects (事業一覧); formats: xlsx, pdf, json (verification only), csv, html.
/// Every number comes from the plan evaluation (<see cref="PlanEvaluator"/>), so reports, pages and CLI agree; one
/// builder per report (<see cref="VerificationReportBuilder"/>, <see cref="KpiProgressReportBuilder"/>,
/// <see cref="ProjectListReportBuilder"/>). PDFs are printed by the one <see cref="PdfPrinter"/> of the process
/// (queue, cache).
/// </summary>
public sealed class ReportService(PlanEvaluator evaluator, ProjectListReportBuilder projects, PdfPrinter printer)
{
    /// <summary>Renders a report; null when there is no such plan.</summary>
    /// <exception cref="ArgumentException">JSON asked for a kind other than verification, or the fiscal year is outside 1900–2200 (<see cref="ArgumentOutOfRangeException"/> from <see cref="FiscalYear"/>).</exception>
    /// <exception cref="ReportUnavailableException">PDF asked for and Chromium is missing.</exception>
    /// <exception cref="PdfQueueFullException">PDF asked for and the printing queue is full.</exception>
    public async Task<ReportFile?> RenderAsync(string planCode, ReportKind kind, ReportFormat format, int? fiscalYear = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planCode);
        if (format == ReportFormat.Json)
        {
            if (kind != ReportKind.Verification)
            {
                throw new ArgumentException("JSON は効果検証（verification）だけです。 / JSON is offered for the verification summary only.", nameof(format));
            }

            var evaluation = await evaluator.EvaluateAsync(planCode, fiscalYear, cancellationToken);
            return evaluation is null ? null : new ReportFile(VerificationJson.Render(evaluation), "application/json; charset=utf-8", FileName(evaluation.Plan.Code, kind, evaluation.Year.Year, format));
        }

        var report = await BuildAsync(planCode, kind, fiscalYear, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var name = FileName(report.PlanCode, kind, report.FiscalYear, format);
        return format switch
        {
            ReportFormat.Xlsx => new ReportFile(ReportXlsx.Render(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name),
            ReportFormat.Csv => new ReportFile(ReportCsv.Render(report), "text/csv; charset=utf-8", name),
            ReportFormat.Html => new ReportFile(System.Text.Encoding.UTF8.GetBytes(ReportHtml.Render(report)), "text/html; charset=utf-8", name),
            _ => new ReportFile(
                await printer.PrintAsync(ReportHtml.Render(report), report.PlanName, $"{ReportNames.Title(kind)} {new FiscalYear(report.FiscalYear).ToDisplay()}", cancellationToken),
                "application/pdf",
                name),
        };
    }

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
            ReportKind.Verification => VerificationReportBuilder.Build(evaluation),
            ReportKind.KpiTable => KpiProgressReportBuilder.Build(evaluation),
            _ => await projects.BuildAsync(evaluation, cancellationToken),
        };
    }

    /// <summary>File name of a report: abashiri-sosei-2015_効果検証_平成30年度.xlsx.</summary>
    public static string FileName(string planCode, ReportKind kind, int fiscalYear, ReportFormat format) =>
        $"{planCode}_{ReportNames.Title(kind)}_{new FiscalYear(fiscalYear).ToJapanese()}.{ReportNames.Of(format)}";
}

/// <summary>The machine-readable verification summary (<c>sosei-verification/1</c>, docs/reports.md).</summary>
public static class VerificationJson
{
    /// <summary>Format tag.</summary>
    public const string Format = "sosei-verification/1";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The JSON bytes (UTF-8, indented).</summary>
    public static byte[] Render(PlanEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var nodes = e.Plan.Nodes.ToDictionary(n => PlanEvaluator.Id(n.Id));
        var goalOf = new Func<int, string?>(nodeId =>
        {
            var byId = e.Plan.Nodes.ToDictionary(n => n.Id);
            var n = byId[nodeId];
            while (n.ParentId is { } p)
            {
                n = byId[p];
            }

            return n.Code;
        });

        object Counts(SummaryCounts c) => new
        {
            byGrade = c.ByGrade.Select(g => new { grade = g.Code, count = g.Count }).ToList(),
            total = c.Total,
        };

        object? Value(KpiView kpi, ValueView? v) => v is null ? null : new
        {
            period = v.Period.ToInvariant(),
            periodLabel = v.Period.ToJapanese(),
            value = N(v.Amount),
            unit = v.Unit,
            text = v.OriginalText,
            shown = Kpis.KpiFormat.Value(kpi, v).Text,
            reference = v.Qualifiers.HasFlag(ValueQualifiers.Reference),
            provisional = v.Qualifiers.HasFlag(ValueQualifiers.Provisional),
        };

        object Rate(AchievementResult r, KpiView kpi, SeriesView? s) => new
        {
            series = s?.Code,
            name = s?.Name,
            status = r.Status.ToString(),
            achievementPercent = N(r.RatePercentRounded),
            actual = Value(kpi, r.ActualPeriod is { } p ? kpi.Values.FirstOrDefault(v => v.SeriesId == s?.Id && v.Period == p) : null),
            reason = r.Status == AchievementStatus.Computed ? null : r.Reason,
        };

        var document = new
        {
            format = Format,
            plan = new
            {
                code = e.Plan.Code,
                name = e.Plan.Name,
                organization = e.Plan.Organization is { } o ? new { code = o.Code, name = o.Name } : null,
                period = PeriodRange.FiscalYears(e.Plan.StartFiscalYear, e.Plan.EndFiscalYear).ToInvariant(),
            },
            fiscalYear = e.Year.Year,
            fiscalYearLabel = e.Year.ToDisplay(),
            grades = e.Scale.Bands.Select((b, i) => new { code = b.Code, label = b.Label, minPercent = b.MinRate is { } m ? N(AchievementResult.RoundPercent(m)) : null, noData = false, rank = i })
                .Append(new { code = e.Scale.NoDataBand.Code, label = e.Scale.NoDataBand.Label, minPercent = (decimal?)null, noData = true, rank = e.Scale.Bands.Count })
                .ToList(),
            goals = e.Summary.Rows.Select(r => new
            {
                node = r.NodeId is { } id && nodes.TryGetValue(id, out var n) ? n.Code : null,
                label = r.Label,
                all = Counts(r.All),
                goal = Counts(r.Goal),
                measure = Counts(r.Measure),
                project = Counts(r.Project),
            }).ToList(),
            totals = new
            {
                all = Counts(e.Summary.Totals.All),
                goal = Counts(e.Summary.Totals.Goal),
                measure = Counts(e.Summary.Totals.Measure),
                project = Counts(e.Summary.Totals.Project),
            },
            kpis = e.Kpis.Select(k => new
            {
                code = k.Kpi.Code,
                name = k.Kpi.Name,
                level = k.Kpi.Level.ToString(),
                node = e.Plan.Nodes.First(n => n.Id == k.Kpi.HomeNodeId).Code,
                goalNode = goalOf(k.Kpi.HomeNodeId),
                unit = k.Kpi.Unit,
                direction = k.Kpi.Direction.ToString(),
                baseline = k.Kpi.BaselineValue is null && k.Kpi.BaselineText is null ? null : new
                {
                    value = N(k.Kpi.BaselineValue),
                    text = k.Kpi.BaselineText,
                    shown = Kpis.KpiFormat.Baseline(k.Kpi)?.Text,
                    period = PeriodCodec.ParseRangeOrNull(k.Kpi.BaselinePeriod)?.ToInvariant(),
                },
                target = k.Kpi.TargetValue is null && k.Kpi.TargetText is null ? null : new
                {
                    value = N(k.Kpi.TargetValue),
                    text = k.Kpi.TargetText ?? k.Kpi.TargetReference,
                    shown = Kpis.KpiFormat.Target(k.Kpi)?.Text,
                    period = PeriodCodec.ParseRangeOrNull(k.Kpi.TargetPeriod)?.ToInvariant(),
                    reference = k.Kpi.TargetReference,
                },
                achievementPercent = k.Rate is { } rate ? N(AchievementResult.RoundPercent(rate)) : null,
                provisional = k.IsProvisional,
                actual = k.SeriesResults.Count == 0 && k.Achievement.ActualPeriod is { } used ? Value(k.Kpi, k.Kpi.Values.FirstOrDefault(v => v.SeriesId is null && v.Period == used)) : null,
                series = k.SeriesResults.Count == 0 ? null : k.SeriesResults.Select((r, i) => Rate(r, k.Kpi, k.Kpi.Series.OrderBy(s => s.SortOrder).ElementAtOrDefault(i))).ToList(),
                computedGrade = k.Grade.Computed.Code,
                finalGrade = k.Grade.Final.Code,
                overrideReason = k.Grade.IsOverridden ? k.Grade.Reason : null,
                trend = k.Trend.ToString(),
                seriesTrends = k.SeriesTrends.Count == 0 ? null : k.SeriesTrends.Select(t => new { series = t.SeriesCode, trend = t.Status.ToString() }).ToList(),
                forecast = k.Forecast.Status.ToString(),
                forecastText = k.ForecastSentence.Japanese,
                relistedAt = e.Relistings.Where(r => r.KpiId == k.Kpi.Id).Select(r => e.Plan.Nodes.First(n => n.Id == r.NodeId).Code).ToList(),
            }).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }

    // Numbers without the storage's trailing zeros (SQLite keeps 16474.0, PostgreSQL 16474.00000000): same JSON on both.
    private static decimal? N(decimal? value) =>
        value is { } d ? decimal.Parse(d.ToString("G29", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
