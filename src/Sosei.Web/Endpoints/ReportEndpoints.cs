using System.Globalization;
using Sosei.Application.PlanFiles;
using Sosei.Application.Reports;
using Sosei.Application.Workbooks;

namespace Sosei.Web.Endpoints;

/// <summary>
/// File downloads: reports (/plans/{plan}/reports/{kind}.{format}?year=), the plan itself
/// (/plans/{plan}/export.{json|xlsx|zip}) and the blank workbook template (/templates/plan-template.xlsx). Reading is
/// open, like the pages; PDFs are queued (503 with Retry-After when the queue is full) and limited per anonymous
/// client (429, <see cref="Infrastructure.PdfRateLimit"/>). Errors are problem details (<see cref="ApiProblems"/>).
/// </summary>
public static class ReportEndpoints
{
    /// <summary>Endpoint name of a report file (route values <c>plan</c>, <c>kind</c>, <c>format</c>, <c>year</c>).</summary>
    public const string Report = "report";

    /// <summary>Endpoint name of a plan file (route values <c>plan</c>, <c>format</c>: json, xlsx, zip).</summary>
    public const string Export = "plan-export";

    /// <summary>Endpoint name of the blank workbook template.</summary>
    public const string Template = "plan-template";

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps the download endpoints.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/plans/{plan}/reports/{kind}.{format}", async (string plan, string kind, string format, int? year, ReportService reports, CancellationToken ct) =>
        {
            if (!ReportNames.TryParseKind(kind, out var k) || !ReportNames.TryParseFormat(format, out var f) || !ReportNames.FormatsOf(k).Contains(f))
            {
                return ApiProblems.NotFound($"レポート「{kind}.{format}」はありません（docs/reports.md の種類と形式）。 / There is no report “{kind}.{format}” (see the kinds and formats in docs/reports.md).");
            }

            try
            {
                var file = await reports.RenderAsync(plan, k, f, year, ct);
                return file is null ? ApiProblems.UnknownPlan(plan) : Results.File(file.Content, file.ContentType, file.FileName);
            }
            catch (ArgumentException e)
            {
                return ApiProblems.BadRequest(e.Message);
            }
            catch (ReportUnavailableException e)
            {
                return ApiProblems.Unavailable(e.Message);
            }
            catch (PdfQueueFullException e)
            {
                return ApiProblems.Busy(e.Problem.In(CultureInfo.CurrentUICulture), e.RetryAfter);
            }
        }).WithName(Report).RequireRateLimiting(Infrastructure.PdfRateLimit.Policy);

        app.MapGet("/plans/{plan}/export.{format}", async (string plan, string format, PlanFileExporter exporter, CancellationToken ct) =>
        {
            var document = await exporter.ExportAsync(plan, ct);
            if (document is null)
            {
                return ApiProblems.UnknownPlan(plan);
            }

            return format switch
            {
                "json" => Results.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, PlanDocumentJson.Options), "application/json; charset=utf-8", plan + ".json"),
                "xlsx" => Results.File(WorkbookWriter.ToXlsx(document), Xlsx, plan + ".xlsx"),
                "zip" => Results.File(WorkbookWriter.ToCsvZip(document), "application/zip", plan + "-csv.zip"),
                _ => ApiProblems.NotFound($"形式「{format}」では書き出せません（json、xlsx、zip）。 / The plan cannot be exported as “{format}” (json, xlsx or zip)."),
            };
        }).WithName(Export);

        app.MapGet("/templates/" + WorkbookExporter.TemplateFileName, () => Results.File(WorkbookExporter.Template(), Xlsx, WorkbookExporter.TemplateFileName)).WithName(Template);
        return app;
    }
}
