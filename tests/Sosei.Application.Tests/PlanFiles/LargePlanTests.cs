using System.Text;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Evaluation;
using Sosei.Application.PlanFiles;
using Sosei.Application.Reports;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests.PlanFiles;

/// <summary>
/// A plan far larger than any municipality's (網走市's 64 KPIs with 33,000 more) imports and is then evaluated,
/// reported and exported on both engines. EF Core 10 sends a list in a query as one parameter per element by default,
/// and SQLite refuses more than 32,766 variables: such a plan imported, and then every page, API call and report for it
/// failed. Sosei sends a list as one array parameter (<c>DatabaseSetup.Configure</c>), so no query's parameter count
/// grows with the plan.
/// </summary>
public class LargePlanTests
{
    private const string Plan = "abashiri-sosei-2015";

    private const int Extra = 33_000;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task APlanOfMoreThan32766Kpis_Imports_AndIsEvaluatedReportedAndExported(DbKind kind)
    {
        PlanDocument doc;
        await using (var demo = await DemoDatabase.PlansAsync(kind))
        {
            doc = await PlanFileTesting.ExportAsync(demo, Plan);
        }

        var template = doc.Kpis[0];
        var big = doc with
        {
            Kpis = [.. doc.Kpis, .. Enumerable.Range(1, Extra).Select(i => template with { Code = $"BIG-{i:D5}", Name = $"{template.Name} ({i})" })],
        };

        await using var db = await TestDatabase.CreateAsync(kind);
        var result = await PlanFileTesting.ImportAsync(db, big);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Take(5)));

        await using (var context = db.NewContext())
        {
            Assert.Equal(doc.Kpis.Count + Extra, await context.Kpis.CountAsync(k => k.Plan!.Code == Plan));

            // Every KPI is evaluated: the query of grade overrides and the values are loaded for all of them.
            var evaluation = (await new PlanEvaluator(context, DemoDatabase.Clock).EvaluateAsync(Plan, 2018))!;
            Assert.Equal(doc.Kpis.Count + Extra, evaluation.Kpis.Count);
            var clone = evaluation.Kpis.Single(k => k.Kpi.Code == $"BIG-{Extra:D5}");
            var original = evaluation.Kpis.Single(k => k.Kpi.Code == template.Code);
            Assert.Equal(original.Rate, clone.Rate);
            Assert.Equal(original.Grade.Final.Code, clone.Grade.Final.Code);

            // A list in a query with more elements than SQLite's variable limit.
            var ids = evaluation.Kpis.Select(k => k.Kpi.Id).ToList();
            Assert.Equal(ids.Count, await context.Kpis.CountAsync(k => ids.Contains(k.Id)));
        }

        await using (var context = db.NewContext())
        {
            // The printer is not started for a CSV.
            await using var printer = new PdfPrinter(new PdfOptions(), TimeProvider.System);
            var report = await new ReportService(new PlanEvaluator(context, DemoDatabase.Clock), new ProjectListReportBuilder(context), printer)
                .RenderAsync(Plan, ReportKind.KpiTable, ReportFormat.Csv, 2018);
            Assert.NotNull(report);
            Assert.Contains($"{template.Name} ({Extra})", Encoding.UTF8.GetString(report.Content), StringComparison.Ordinal);
        }

        Assert.Equal(doc.Kpis.Count + Extra, (await PlanFileTesting.ExportAsync(db, Plan)).Kpis.Count);
    }
}
