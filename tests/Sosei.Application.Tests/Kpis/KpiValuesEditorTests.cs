using Microsoft.EntityFrameworkCore;
using Sosei.Application.Kpis;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Kpis;

/// <summary>Values entry of 網走市 市内事業所の従業員数 (G1-N1: 16,474人 (H26) → 16,000人 (H31), 15,757人 in H28, seed 001).</summary>
public class KpiValuesEditorTests
{
    private const string Employees = "G1-N1";

    private static int Row(ValuesGrid grid, int fiscalYear) =>
        grid.Rows.Select((r, i) => (r, i)).Single(x => x.r.Period == Period.OfFiscalYear(fiscalYear)).i;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Grid_HasStoredPeriodsPlanYearsAndARowToAddOne(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();

        var grid = await Values(context).GetAsync(Abashiri, Employees);

        Assert.NotNull(grid);
        Assert.Equal([2015, 2016, 2017, 2018, 2019], grid.Rows.Where(r => r.Period is not null).Select(r => r.Period!.Value.Year));
        Assert.Null(grid.Rows[^1].Period);
        Assert.Equal("15,757人", grid.Form.Rows[Row(grid, 2016)].Cells[0].Text);
        Assert.Equal("15,757人", grid.Rows[Row(grid, 2016)].Cells[0]!.Amount);
        Assert.Equal(PeriodKind.FiscalYear, grid.YearKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_ReadsTextsAsWritten_RecordsWhoAndWhen_ClearingDeletes(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var editor = Values(context);
            var grid = (await editor.GetAsync(Abashiri, Employees))!;
            var form = grid.Form;
            form.Rows[Row(grid, 2016)].Cells[0].Text = "";
            form.Rows[Row(grid, 2017)].Cells[0].Text = "１万５千８百人";
            form.Rows[Row(grid, 2017)].Cells[0].Comment = "推計";
            form.Rows[Row(grid, 2018)].Cells[0].Text = "—";
            form.Rows[Row(grid, 2019)].Cells[0].Text = "未確定 (15,900人)";
            form.Rows[^1].Period = "R2";
            form.Rows[^1].Cells[0].Text = "141万5千人";

            var result = await editor.SaveAsync(Abashiri, Employees, form, "admin");

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
            Assert.Contains("追加 4件", result.Message!.Japanese, StringComparison.Ordinal);
            Assert.Contains("削除 1件", result.Message!.Japanese, StringComparison.Ordinal);
        }

        await using (var context = db.NewContext())
        {
            var values = await context.KpiValues.Where(v => context.Kpis.Any(k => k.Id == v.KpiId && k.Code == Employees && k.Plan!.Code == Abashiri))
                .ToListAsync();
            Assert.DoesNotContain(values, v => v.PeriodYear == 2016);
            var fy2017 = values.Single(v => v.PeriodYear == 2017);
            Assert.Equal(15_800m, fy2017.Amount);
            Assert.Equal("１万５千８百人", fy2017.OriginalText);
            Assert.Equal("推計", fy2017.Comment);
            Assert.Equal("admin", fy2017.UpdatedBy);
            Assert.Equal(Clock.GetUtcNow(), fy2017.UpdatedAt);
            var dash = values.Single(v => v.PeriodYear == 2018);
            Assert.Null(dash.Amount);
            Assert.Equal(NoValueReasons.Dash, dash.NoValueReason);
            var provisional = values.Single(v => v.PeriodYear == 2019);
            Assert.Equal(15_900m, provisional.Amount);
            Assert.True(provisional.Qualifiers.HasFlag(ValueQualifiers.Provisional));
            var fy2020 = values.Single(v => v.PeriodYear == 2020);
            Assert.Equal(PeriodKind.FiscalYear, fy2020.PeriodKind);
            Assert.Equal(1_415_000m, fy2020.Amount);
        }

        await using (var context = db.NewContext())
        {
            var grid = (await Values(context).GetAsync(Abashiri, Employees))!;
            Assert.Equal("1,415,000人", grid.Rows[Row(grid, 2020)].Cells[0]!.Amount);
            Assert.Equal("15,800人", grid.Rows[Row(grid, 2017)].Cells[0]!.Amount);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_UnchangedCells_KeepTheirAuditFields(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var editor = Values(context);
            var grid = (await editor.GetAsync(Abashiri, Employees))!;

            var result = await editor.SaveAsync(Abashiri, Employees, grid.Form, "admin");

            Assert.True(result.Succeeded);
            Assert.Equal("変更はありませんでした。", result.Message!.Japanese);
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_BadValueText_IsRefusedNextToTheCell_AndNothingIsSaved(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var editor = Values(context);
            var grid = (await editor.GetAsync(Abashiri, Employees))!;
            var row = Row(grid, 2018);
            grid.Form.Rows[Row(grid, 2017)].Cells[0].Text = "15,800人";
            grid.Form.Rows[row].Cells[0].Text = "2億x円";

            var result = await editor.SaveAsync(Abashiri, Employees, grid.Form, "admin");

            AssertError(result, $"Rows[{row}].Cells[0].Text", "平成30年度の実績値", "「2億x円」は数値として読めません");
            Assert.DoesNotContain(" / ", result.Errors[$"Rows[{row}].Cells[0].Text"].Japanese, StringComparison.Ordinal);
            Assert.Single(result.Errors);
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_UnitOfAnotherKind_IsRefused(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var editor = Values(context);
            var grid = (await editor.GetAsync(Abashiri, Employees))!;
            var row = Row(grid, 2018);
            grid.Form.Rows[row].Cells[0].Text = "12%";

            var result = await editor.SaveAsync(Abashiri, Employees, grid.Form, "admin");

            AssertError(result, $"Rows[{row}].Cells[0].Text", "「12%」", "単位「%」が指標の単位（人）と違います");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_NewRowWithBadOrDuplicatePeriod_IsRefused(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var editor = Values(context);
            var grid = (await editor.GetAsync(Abashiri, Employees))!;
            var added = grid.Form.Rows.Count - 1;
            grid.Form.Rows[added].Period = "平成ＸＸ年";
            grid.Form.Rows[added].Cells[0].Text = "15,000人";

            var bad = await editor.SaveAsync(Abashiri, Employees, grid.Form, "admin");

            AssertError(bad, $"Rows[{added}].Period", "期間", "「平成ＸＸ年」は年度・年・年月・日付として読めません");

            grid.Form.Rows[added].Period = "2018年度";
            var duplicate = await editor.SaveAsync(Abashiri, Employees, grid.Form, "admin");

            AssertError(duplicate, $"Rows[{added}].Period", "平成30年度の行は既にあります");

            grid.Form.Rows[added].Period = "";
            var missing = await editor.SaveAsync(Abashiri, Employees, grid.Form, "admin");

            AssertError(missing, $"Rows[{added}].Period", "期間を入力してください");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_CommentWithoutValue_IsRefused(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();
        var editor = Values(context);
        var grid = (await editor.GetAsync(Abashiri, Employees))!;
        var row = Row(grid, 2018);
        grid.Form.Rows[row].Cells[0].Comment = "調査中";

        var result = await editor.SaveAsync(Abashiri, Employees, grid.Form, "admin");

        AssertError(result, $"Rows[{row}].Cells[0].Comment", "コメントだけは保存できません");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_KpiWithSeries_HasOneColumnPerSeries(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var editor = Values(context);
            var grid = (await editor.GetAsync(Abashiri, "G1.1.2.1-K1"))!;
            Assert.Equal(["ホタテ製品", "サケ製品"], grid.Columns.Select(c => c.Name));
            var row = Row(grid, 2019);
            grid.Form.Rows[row].Cells[0].Text = "5社";
            grid.Form.Rows[row].Cells[1].Text = "4社";

            var result = await editor.SaveAsync(Abashiri, "G1.1.2.1-K1", grid.Form, "admin");

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
        }

        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.Include(k => k.Series).Include(k => k.Values).SingleAsync(k => k.Code == "G1.1.2.1-K1");
            var salmon = kpi.Series.Single(s => s.Name == "サケ製品");
            Assert.Equal(4m, kpi.Values.Single(v => v.SeriesId == salmon.Id && v.PeriodYear == 2019).Amount);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task KpiOfAnotherPlan_IsNotFound(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        await using var context = db.NewContext();
        var editor = Values(context);

        Assert.Null(await editor.GetAsync(Nemuro, "G1.1.1.1-K1"));
        var result = await editor.SaveAsync(Nemuro, "G1.1.1.1-K1", new ValuesForm(), "admin");
        Assert.True(result.IsNotFound);
        Assert.Null(await editor.GetAsync("no-such-plan", Employees));
    }
}
