using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Application.Tests.Workbooks;
using Sosei.Application.Workbooks;
using Sosei.Domain.Periods;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;

namespace Sosei.Application.Tests.Kpis;

/// <summary>
/// A KPI's kind of year (how bare years such as H27 are read) is stored with the KPI and travels through the plan file
/// and the workbook. 網走市 合計特殊出生率 (G3-N1, seed 001) is a calendar-year KPI: 人口動態統計 counts by calendar
/// year, baseline 「(H20-24) 1.51」 = 2008–2012, actuals 「(1.64)」 (H27) … 「1.51」 (H30); data/demo/README.md says why.
/// </summary>
public class KpiPeriodKindTests
{
    private const string BirthRate = "G3-N1";
    private const string Employees = "G1-N1";

    private static async Task<string> ExportJsonAsync(TestDatabase db, string plan)
    {
        await using var context = db.NewContext();
        return JsonSerializer.Serialize(await new PlanFileExporter(context).ExportAsync(plan), PlanDocumentJson.Options);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Import_StoresTheDeclaredKind_AndReadsTheKpisYearsWithIt(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();

        var tfr = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Code == BirthRate && k.Plan!.Code == Abashiri);
        var employees = await context.Kpis.SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri);

        Assert.Equal(PeriodKind.CalendarYear, tfr.ValuePeriodKind);
        Assert.Equal("CY2008..CY2012", tfr.BaselinePeriod);
        Assert.Equal([Period.OfCalendarYear(2015), Period.OfCalendarYear(2016), Period.OfCalendarYear(2017), Period.OfCalendarYear(2018)], tfr.Values.Select(v => v.Period).Order());
        Assert.Equal(PeriodKind.FiscalYear, employees.ValuePeriodKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Export_WritesTheKindOnlyForCalendarYearKpis_AndReimportingGivesTheSameFile(DbKind kind)
    {
        await using var source = await AbashiriAsync(kind);
        await using var target = await TestDatabase.CreateAsync(kind);
        var first = await ExportJsonAsync(source, Abashiri);

        PlanDocument document;
        await using (var context = source.NewContext())
        {
            document = (await new PlanFileExporter(context).ExportAsync(Abashiri))!;
        }

        var tfr = document.Kpis.Single(k => k.Code == BirthRate);
        Assert.Equal("CalendarYear", tfr.PeriodKind);
        Assert.Equal("平成20年～平成24年", tfr.BaselinePeriod);
        Assert.Equal(["平成27年", "平成28年", "平成29年", "平成30年"], tfr.Values.Select(v => v.Period));
        Assert.Null(document.Kpis.Single(k => k.Code == Employees).PeriodKind);

        await using (var context = target.NewContext())
        {
            var result = await new PlanFileImporter(context, Clock).ImportJsonAsync(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(document, PlanDocumentJson.Options)), new ImportOptions());
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }

        Assert.Equal(first, await ExportJsonAsync(target, Abashiri));
        await using (var context = target.NewContext())
        {
            Assert.Equal(PeriodKind.CalendarYear, (await context.Kpis.SingleAsync(k => k.Code == BirthRate)).ValuePeriodKind);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Workbook_HoldsTheKindIn年の扱い_AndTheValuesUnderCalendarYearColumns(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        PlanDocument document;
        await using (var context = db.NewContext())
        {
            document = (await new PlanFileExporter(context).ExportAsync(Abashiri))!;
        }

        var sheets = WorkbookSheets.Of(document);
        var kpis = sheets["KPI"];
        var row = kpis[sheets.RowOf("KPI", "KPIコード", BirthRate) - 1];
        Assert.Equal("年", row[kpis[0].IndexOf("年の扱い")]);
        Assert.Equal("(1.64)", row[kpis[0].IndexOf("平成27年")]);
        Assert.Equal("", row[kpis[0].IndexOf("平成27年度")]);

        // A sheet written by hand: bare years in the header, read for each row with its 年の扱い.
        kpis[0][kpis[0].IndexOf("平成30年")] = "H30";
        var employees = sheets.RowOf("KPI", "KPIコード", Employees);
        sheets.Set("KPI", employees, "H30", "15,900人");
        await using (var context = db.NewContext())
        {
            var result = await new WorkbookImporter(new PlanFileImporter(context, Clock)).ImportSheetsAsync(sheets.Tables(), new ImportOptions());
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }

        await using (var context = db.NewContext())
        {
            var tfr = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Code == BirthRate);
            Assert.Equal(PeriodKind.CalendarYear, tfr.ValuePeriodKind);
            Assert.Equal("1.51", tfr.Values.Single(v => v.Period == Period.OfCalendarYear(2018)).OriginalText);
            var added = await context.KpiValues.SingleAsync(v => v.OriginalText == "15,900人");
            Assert.Equal(Period.OfFiscalYear(2018), added.Period);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migration_GivesExistingKpisTheKindTheirStoredPeriodsShow(DbKind kind)
    {
        // Data stored before the column existed: roll the database back to the migration before it (the column and
        // its value go) and forward again; the migration reads the kind from the stored periods.
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        await using (var context = db.NewContext())
        {
            var migrator = context.GetService<IMigrator>();
            var applied = (await context.Database.GetAppliedMigrationsAsync()).ToList();
            var before = applied[applied.FindIndex(m => m.EndsWith("_AddKpiValuePeriodKind", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(before);
            await migrator.MigrateAsync();
        }

        await using (var context = db.NewContext())
        {
            var calendar = await context.Kpis.Where(k => k.ValuePeriodKind == PeriodKind.CalendarYear)
                .Select(k => k.Plan!.Code + " " + k.Code).ToListAsync();

            // Calendar-year values (網走市), or no values and a calendar-year baseline (根室市 「2015年」「2014年」).
            Assert.Equal(
                [
                    "abashiri-sosei-2015 G1.1.3-K1", "abashiri-sosei-2015 G1.1.3-K2", "abashiri-sosei-2015 G3-N1",
                    "abashiri-sosei-2015 G5-N1", "abashiri-sosei-2015 G5.1.2.2-K1",
                    "nemuro-sosei-2015 G2-N1", "nemuro-sosei-2015 G2-N3",
                ],
                calendar.Order(StringComparer.Ordinal));
        }
    }
}
