using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Tests.PlanFiles;

/// <summary>
/// A target written with its window, as other municipalities' tables write it (「(H27~H31累計):10,000人」,
/// 「（H27～H31累計）10,000人」), is a total over that window: the KPI imports as a cumulative target over FY2015–FY2019,
/// kept as written, without a phrase or a targetKind saying so.
/// </summary>
public class CumulativeWindowTargetTests
{
    private const string Plan = "abashiri-sosei-2015";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ATargetWithItsWindow_ImportsAsACumulativeTargetOverThatWindow(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        PlanDocument doc;
        await using (var context = db.NewContext())
        {
            doc = (await new PlanFileExporter(context).ExportAsync(Plan))!;
        }

        var code = doc.Kpis[0].Code;
        var changed = doc with
        {
            Kpis = [doc.Kpis[0] with { Target = "(H27~H31累計):10,000人", TargetPeriod = null, TargetKind = null, Phrase = null }, .. doc.Kpis.Skip(1)],
        };
        await using (var context = db.NewContext())
        {
            var json = JsonSerializer.Serialize(changed, PlanDocumentJson.Options);
            var result = await new PlanFileImporter(context, DemoDatabase.Clock).ImportJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), new ImportOptions());
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }

        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.SingleAsync(k => k.Code == code && k.Plan!.Code == Plan);
            Assert.Equal(TargetKind.Cumulative, kpi.TargetKind);
            Assert.Equal(10_000m, kpi.TargetValue);
            Assert.Equal("(H27~H31累計):10,000人", kpi.TargetText);
            Assert.Equal("FY2015..FY2019", kpi.TargetPeriod);
        }
    }
}
