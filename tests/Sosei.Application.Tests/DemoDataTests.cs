using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sosei.Application.DemoData;
using Sosei.Application.Evaluation;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Tests;

/// <summary>
/// The demo data (data/demo: 根室市創生総合戦略 from seed 000, 網走市 KPI 進捗管理表 from seed 001) loads on both engines
/// with the counts of the documents, survives an export/import round trip unchanged, and evaluates.
/// </summary>
public class DemoDataTests
{
    private static FakeTimeProvider Clock => DemoDatabase.Clock;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Demo_Loads_WithTheCountsOfTheDocuments(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var nemuro = await context.Plans.SingleAsync(p => p.Code == "nemuro-sosei-2015");
        Assert.Equal("根室市創生総合戦略", nemuro.Name);
        Assert.Equal((2015, 2019), (nemuro.StartFiscalYear, nemuro.EndFiscalYear));
        Assert.Equal(3, await context.PlanNodes.CountAsync(n => n.PlanId == nemuro.Id && n.ParentId == null));
        Assert.Equal(9, await context.Kpis.CountAsync(k => k.PlanId == nemuro.Id && k.Level == KpiLevel.Goal));
        Assert.Equal(41, await context.Kpis.CountAsync(k => k.PlanId == nemuro.Id && k.Level == KpiLevel.Measure));
        // 111 rows in the project tables, 11 of them （再掲）: 100 projects and 11 project relistings.
        Assert.Equal(100, await context.Projects.CountAsync(p => p.PlanId == nemuro.Id));
        Assert.Equal(11, await context.Relistings.CountAsync(r => r.PlanId == nemuro.Id && r.ProjectId != null));
        Assert.Equal(2, await context.PlanRevisions.CountAsync(r => r.PlanId == nemuro.Id));

        var abashiri = await context.Plans.SingleAsync(p => p.Code == "abashiri-sosei-2015");
        Assert.Equal(5, await context.PlanNodes.CountAsync(n => n.PlanId == abashiri.Id && n.ParentId == null));
        // The city's 効果検証 counts 64 KPIs (8 基本目標, 56 施策), one per row of its table, 再掲 rows not counted:
        // 18 / 7 / 7 / 12 / 20 per 基本目標, of which 1 / 1 / 1 / 2 / 3 are the 基本目標's own.
        Assert.Equal(64, await context.Kpis.CountAsync(k => k.PlanId == abashiri.Id));
        var perGoal = (await context.Kpis.Where(k => k.PlanId == abashiri.Id).Select(k => new { k.Code, k.Level }).ToListAsync())
            .GroupBy(k => k.Code[..2]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Count(), g.Count(k => k.Level == KpiLevel.Goal))).ToList();
        Assert.Equal([(18, 1), (7, 1), (7, 1), (12, 2), (20, 3)], perGoal);
        Assert.Equal(288, await context.KpiValues.CountAsync(v => context.Kpis.Any(k => k.Id == v.KpiId && k.PlanId == abashiri.Id)));
        Assert.Equal(6, await context.Projects.CountAsync(p => p.PlanId == abashiri.Id));
        Assert.Equal(8, await context.Relistings.CountAsync(r => r.PlanId == abashiri.Id && r.KpiId != null));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Demo_KeepsOriginalTextsAndQualifiers(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var visitors = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Name == "観光入込客数");
        Assert.Equal("141万5千人", visitors.BaselineText);
        Assert.Equal(1_415_000m, visitors.BaselineValue);
        var fy2015 = visitors.Values.Single(v => v.PeriodYear == 2015);
        Assert.Equal("153万2千人", fy2015.OriginalText);
        Assert.Equal(1_532_000m, fy2015.Amount);
        Assert.Equal("万人", fy2015.DisplayUnit);

        var area = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Name == "公共施設等の総面積の縮小");
        var provisional = area.Values.Single(v => v.PeriodYear == 2018);
        Assert.Equal("未確定 (313千㎡)", provisional.OriginalText);
        Assert.True(provisional.Qualifiers.HasFlag(Domain.Values.ValueQualifiers.Provisional));
        Assert.Equal(313_000m, provisional.Amount);

        var tfr = await context.Kpis.Include(k => k.Values).FirstAsync(k => k.Name == "合計特殊出生率" && k.PlanId == context.Plans.Single(p => p.Code == "abashiri-sosei-2015").Id);
        var reference = tfr.Values.Single(v => v.PeriodYear == 2015);
        Assert.Equal("(1.64)", reference.OriginalText);
        Assert.True(reference.Qualifiers.HasFlag(Domain.Values.ValueQualifiers.Reference));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Demo_ExportedAndImportedIntoAnEmptyDatabase_GivesTheSameFile(DbKind kind)
    {
        await using var source = await DemoDatabase.PlansAsync(kind);
        await using var target = await TestDatabase.CreateAsync(kind);
        foreach (var code in new[] { "nemuro-sosei-2015", "abashiri-sosei-2015" })
        {
            string first;
            await using (var context = source.NewContext())
            {
                var exported = (await new PlanFileExporter(context).ExportAsync(code))!;
                first = JsonSerializer.Serialize(exported, PlanDocumentJson.Options);
                if (code == "abashiri-sosei-2015")
                {
                    // The city's published 平成30年度 table travels with the plan: one judgement, five 基本目標.
                    var judgement = Assert.Single(exported.PublishedJudgements);
                    Assert.Equal(("平成30年度", 80m), (judgement.FiscalYear, judgement.ThresholdPercent));
                    Assert.Equal(
                        [("G1", 1, 0, 9, 8), ("G2", 1, 0, 3, 3), ("G3", 1, 0, 5, 1), ("G4", 2, 0, 4, 6), ("G5", 3, 0, 12, 5)],
                        judgement.Tallies.Select(t => (t.Node, t.Goal!.Reached, t.Goal.Below, t.Measure!.Reached, t.Measure.Below)));
                    Assert.All(judgement.Tallies, t => Assert.Null(t.Project));
                }
            }

            await using (var context = target.NewContext())
            {
                var result = await new PlanFileImporter(context, Clock).ImportJsonAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(first)));
                Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            }

            await using (var context = target.NewContext())
            {
                var second = JsonSerializer.Serialize(await new PlanFileExporter(context).ExportAsync(code), PlanDocumentJson.Options);
                Assert.Equal(first, second);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Demo_ReimportedUnchanged_ReportsNothingCreatedOrChanged(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var results = await new DemoDataLoader(new PlanFileImporter(context, Clock), context).LoadAsync();

        Assert.All(results, r =>
        {
            Assert.Equal(0, r.Counts.Sum(c => c.Created + c.Changed + c.Removed));
            Assert.Empty(r.Changes);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Demo_Abashiri_EvaluatesFiscal2018WithGradesForEveryKpi(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();

        var evaluation = await new PlanEvaluator(context, Clock).EvaluateAsync("abashiri-sosei-2015");

        Assert.NotNull(evaluation);
        Assert.Equal(2018, evaluation.Year.Year);
        Assert.Equal(64, evaluation.Kpis.Count);
        Assert.Equal(5, evaluation.Summary.Rows.Count);
        Assert.Equal(64, evaluation.Summary.Totals.All.Total);

        // 市内事業所の従業員数: 15,757人 (H28, 経済センサス) against 16,000人 → 98.5 %.
        var employees = evaluation.Kpis.Single(k => k.Kpi.Name == "市内事業所の従業員数");
        Assert.Equal(98.5m, employees.Achievement.RatePercentRounded);
        Assert.Equal(2016, employees.Achievement.ActualPeriod!.Value.Year);
    }
}
