using Microsoft.EntityFrameworkCore;
using Sosei.Application.Kpis;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Periods;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Kpis;

/// <summary>
/// The KPI form and the values grid use the KPI's stored kind of year. 網走市 合計特殊出生率 (G3-N1) is counted by
/// calendar year (人口動態統計); 市内事業所の従業員数 (G1-N1) by fiscal year (seed 001, data/demo/README.md).
/// </summary>
public class KpiYearKindEditingTests
{
    private const string BirthRate = "G3-N1";
    private const string Employees = "G1-N1";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ValuesGrid_OfACalendarYearKpi_ReadsH27AsCalendar2015(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var grid = (await Values(context).GetAsync(Abashiri, BirthRate))!;

            Assert.Equal(PeriodKind.CalendarYear, grid.YearKind);
            Assert.Equal(
                [Period.OfCalendarYear(2015), Period.OfCalendarYear(2016), Period.OfCalendarYear(2017), Period.OfCalendarYear(2018), Period.OfCalendarYear(2019)],
                grid.Rows.Where(r => r.Period is not null).Select(r => r.Period!.Value));

            // H27 is the row already listed (平成27年 = 2015), not a new fiscal year.
            grid.Form.Rows[^1].Period = "H27";
            grid.Form.Rows[^1].Cells[0].Text = "1.55";
            var refused = await Values(context).SaveAsync(Abashiri, BirthRate, grid.Form, "admin");
            AssertError(refused, $"Rows[{grid.Form.Rows.Count - 1}].Period", "平成27年の行は既にあります");
        }

        await using (var context = db.NewContext())
        {
            var grid = (await Values(context).GetAsync(Abashiri, BirthRate))!;
            grid.Form.Rows[^1].Period = "H26";
            grid.Form.Rows[^1].Cells[0].Text = "(1.58)";
            var saved = await Values(context).SaveAsync(Abashiri, BirthRate, grid.Form, "admin");
            Assert.True(saved.Succeeded, string.Join(" | ", saved.Errors.Values));
        }

        await using (var check = db.NewContext())
        {
            var added = await check.KpiValues.SingleAsync(v => v.OriginalText == "(1.58)");
            Assert.Equal(Period.OfCalendarYear(2014), added.Period);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task KpiForm_ShowsTheStoredKind_NotOneGuessedFromTheValues(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();

        Assert.Equal(nameof(PeriodKind.CalendarYear), (await KpiEditor(context).GetAsync(Abashiri, BirthRate))!.Form.PeriodKind);
        Assert.Equal(nameof(PeriodKind.FiscalYear), (await KpiEditor(context).GetAsync(Abashiri, Employees))!.Form.PeriodKind);
        Assert.Equal(nameof(PeriodKind.FiscalYear), (await KpiEditor(context).NewAsync(Abashiri, "G1"))!.Form.PeriodKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ChangingTheKind_StoresIt_AndTheStoredValuesFollow(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var form = (await KpiEditor(context).GetAsync(Abashiri, Employees))!.Form;
            form.PeriodKind = nameof(PeriodKind.CalendarYear);

            var result = await KpiEditor(context).SaveAsync(Abashiri, Employees, form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
            Assert.Contains("実績値1件の期間を暦年として読み替えました", result.Message!.Japanese, StringComparison.Ordinal);
        }

        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri);
            Assert.Equal(PeriodKind.CalendarYear, kpi.ValuePeriodKind);
            Assert.Equal(Period.OfCalendarYear(2016), Assert.Single(kpi.Values).Period);
            Assert.Equal("15,757人", kpi.Values[0].OriginalText);

            // The form's own periods are kept as written (平成26年度 stays a fiscal year).
            Assert.Equal("FY2014", kpi.BaselinePeriod);
            Assert.Equal(PeriodKind.CalendarYear, (await Values(context).GetAsync(Abashiri, Employees))!.YearKind);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ChangingTheKind_WhenValuesWouldFallOnTheSameYear_IsRefusedAndNothingChanges(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            // A fiscal-year value next to the calendar-year ones: 平成28年度 and 平成28年 would both become 平成28年度.
            var grid = (await Values(context).GetAsync(Abashiri, BirthRate))!;
            grid.Form.Rows[^1].Period = "平成28年度";
            grid.Form.Rows[^1].Cells[0].Text = "1.50";
            Assert.True((await Values(context).SaveAsync(Abashiri, BirthRate, grid.Form, "admin")).Succeeded);
        }

        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await KpiEditor(context).GetAsync(Abashiri, BirthRate))!.Form;
            form.PeriodKind = nameof(PeriodKind.FiscalYear);

            var result = await KpiEditor(context).SaveAsync(Abashiri, BirthRate, form);

            AssertError(result, nameof(KpiForm.PeriodKind), "期間が重なります", "平成28年", "平成28年度");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }
}
