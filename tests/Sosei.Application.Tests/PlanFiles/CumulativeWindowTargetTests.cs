using Microsoft.EntityFrameworkCore;
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
        var (db, doc) = await PlanFileTesting.DemoWithExportAsync(kind, Plan);
        await using var _ = db;

        var code = doc.Kpis[0].Code;
        var changed = doc with
        {
            Kpis = [doc.Kpis[0] with { Target = "(H27~H31累計):10,000人", TargetPeriod = null, TargetKind = null, Phrase = null }, .. doc.Kpis.Skip(1)],
        };
        var result = await PlanFileTesting.ImportAsync(db, changed);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));

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
