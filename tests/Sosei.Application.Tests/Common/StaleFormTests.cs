using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Periods;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;

namespace Sosei.Application.Tests.Common;

/// <summary>
/// Two people edit the same thing (optimistic concurrency, Common/Versions.cs): the one who saves second, from a form
/// opened before the first save, is refused with the other person's values quoted, keeps what they typed, and may
/// then save again knowingly. Nothing the first person saved is lost silently.
/// </summary>
public class StaleFormTests
{
    // 網走市 従業者数 (G1-N1, no series).
    private const string Employees = "G1-N1";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AnOlderValuesForm_DoesNotDeleteAValueSavedSince_AndSaysWhoSavedIt(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        ValuesForm first, second;
        await using (var context = db.NewContext())
        {
            first = (await Values(context).GetAsync(Abashiri, Employees))!.Form;
            second = (await Values(context).GetAsync(Abashiri, Employees))!.Form;
        }

        // The first person adds 令和2年度 and saves.
        first.Rows[^1].Period = "R2";
        first.Rows[^1].Cells[0].Text = "16,000人";
        await using (var context = db.NewContext())
        {
            Assert.True((await Values(context).SaveAsync(Abashiri, Employees, first, "tanaka")).Succeeded);
        }

        // The second person, on the grid opened before, changes the latest actual and adds 令和2年度 with another value.
        second.Rows[^1].Period = "R2";
        second.Rows[^1].Cells[0].Text = "15,000人";
        await using (var context = db.NewContext())
        {
            var refused = await Values(context).SaveAsync(Abashiri, Employees, second, "suzuki");
            Assert.False(refused.Succeeded);
            var message = Assert.Single(refused.Errors).Value;
            Assert.Contains("ほかの人（tanaka、", message.Japanese, StringComparison.Ordinal);
            Assert.Contains("「16,000人」にしました", message.Japanese, StringComparison.Ordinal);
            Assert.Contains("someone else (tanaka,", message.English, StringComparison.Ordinal);
        }

        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri);
            Assert.Equal("16,000人", kpi.Values.Single(v => v.Period == Period.OfFiscalYear(2020)).OriginalText);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AnOlderValuesForm_ThatLeavesACellBlank_DoesNotDeleteTheValueAnotherPersonEnteredThere(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri);
            kpi.Values.RemoveAll(v => v.Period == Period.OfFiscalYear(2019));
            await context.SaveChangesAsync();
        }

        ValuesForm stale;
        await using (var context = db.NewContext())
        {
            stale = (await Values(context).GetAsync(Abashiri, Employees))!.Form;
            var fresh = (await Values(context).GetAsync(Abashiri, Employees))!.Form;
            var row = fresh.Rows.Single(r => r.Key == PeriodCodec.Format(Period.OfFiscalYear(2019)));
            row.Cells[0].Text = "15,500人";
            Assert.True((await Values(context).SaveAsync(Abashiri, Employees, fresh, "tanaka")).Succeeded);
        }

        await using (var context = db.NewContext())
        {
            var refused = await Values(context).SaveAsync(Abashiri, Employees, stale, "suzuki");
            Assert.Contains("「15,500人」にしました", Assert.Single(refused.Errors).Value.Japanese, StringComparison.Ordinal);

            // Saved again from the refused form (which now holds the stored version), the blank deletes knowingly.
            var again = await Values(context).SaveAsync(Abashiri, Employees, stale, "suzuki");
            Assert.True(again.Succeeded, string.Join("; ", again.Errors.Values.Select(m => m.Japanese)));
        }

        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri);
            Assert.DoesNotContain(kpi.Values, v => v.Period == Period.OfFiscalYear(2019));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AnOlderKpiForm_DoesNotRevertARename_AndNamesTheStoredName(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        KpiForm first, second;
        await using (var context = db.NewContext())
        {
            first = (await KpiEditor(context).GetAsync(Abashiri, Employees))!.Form;
            second = (await KpiEditor(context).GetAsync(Abashiri, Employees))!.Form;
        }

        first.Name = "市内事業所の従業者数";
        await using (var context = db.NewContext())
        {
            Assert.True((await KpiEditor(context).SaveAsync(Abashiri, Employees, first)).Succeeded);
        }

        second.Note = "二人目の備考";
        await using (var context = db.NewContext())
        {
            var refused = await KpiEditor(context).SaveAsync(Abashiri, Employees, second);
            var message = Assert.Single(refused.Errors).Value;
            Assert.Contains("このページを開いた後にほかの人が保存しました", message.Japanese, StringComparison.Ordinal);
            Assert.Contains("指標名「市内事業所の従業者数」", message.Japanese, StringComparison.Ordinal);
            Assert.Equal("二人目の備考", second.Note);
        }

        await using (var context = db.NewContext())
        {
            Assert.Equal("市内事業所の従業者数", (await context.Kpis.SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri)).Name);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AnOlderProjectForm_DoesNotRevertARename(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        string code;
        await using (var context = db.NewContext())
        {
            code = await context.Projects.Where(p => p.Plan!.Code == Abashiri).OrderBy(p => p.Id).Select(p => p.Code).FirstAsync();
        }

        Sosei.Application.Projects.ProjectForm first, second;
        await using (var context = db.NewContext())
        {
            first = (await ProjectEditor(context).GetAsync(Abashiri, code))!.Form;
            second = (await ProjectEditor(context).GetAsync(Abashiri, code))!.Form;
        }

        first.Name = "改名した事業";
        await using (var context = db.NewContext())
        {
            var saved = await ProjectEditor(context).SaveAsync(Abashiri, code, first);
            Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values.Select(m => m.Japanese)));
        }

        await using (var context = db.NewContext())
        {
            var refused = await ProjectEditor(context).SaveAsync(Abashiri, code, second);
            Assert.Contains("事業名「改名した事業」", Assert.Single(refused.Errors).Value.Japanese, StringComparison.Ordinal);
        }

        await using (var context = db.NewContext())
        {
            Assert.Equal("改名した事業", (await context.Projects.SingleAsync(p => p.Code == code && p.Plan!.Code == Abashiri)).Name);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task TwoSavesOfTheSameKpi_ThatBothPassTheCheck_TheDatabaseRefusesTheSecond(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var one = db.NewContext();
        await using var two = db.NewContext();
        var a = await one.Kpis.SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri);
        var b = await two.Kpis.SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri);

        Assert.True(Versions.Claim(one, a, a.Version));
        Assert.True(Versions.Claim(two, b, b.Version));
        a.Name = "一人目";
        b.Name = "二人目";

        Assert.Equal(SaveOutcome.Saved, await UniqueSave.SaveAsync(one));
        Assert.Equal(SaveOutcome.Conflict, await UniqueSave.SaveAsync(two));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AnOlderGradePage_DoesNotReplaceAnOverrideSavedSince_AndASecondSaveOverwritesKnowingly(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        GradeOverrideForm first, second;
        await using (var context = db.NewContext())
        {
            first = (await Grades(context).GetAsync(Abashiri, Employees, 2018))!.Form;
            second = (await Grades(context).GetAsync(Abashiri, Employees, 2018))!.Form;
        }

        Assert.Null(first.Version);
        first.GradeCode = "80%未満";
        first.Reason = "調査時点が古いため";
        await using (var context = db.NewContext())
        {
            Assert.True((await Grades(context).SaveAsync(Abashiri, Employees, 2018, first, "tanaka")).Succeeded);
        }

        // The second person opened the page when there was no override.
        second.GradeCode = "80%以上";
        second.Reason = "有識者会議の意見により";
        await using (var context = db.NewContext())
        {
            var refused = await Grades(context).SaveAsync(Abashiri, Employees, 2018, second, "suzuki");
            Assert.False(refused.Succeeded);
            var message = Assert.Single(refused.Errors).Value;
            Assert.Contains("ほかの人が保存しました", message.Japanese, StringComparison.Ordinal);
            Assert.Contains("評価「80%未満」", message.Japanese, StringComparison.Ordinal);
            Assert.Contains("理由「調査時点が古いため」", message.Japanese, StringComparison.Ordinal);
            Assert.NotNull(second.Version);
        }

        await using (var context = db.NewContext())
        {
            Assert.Equal(("80%未満", "tanaka"), await StoredOverrideAsync(context));

            // Saving again (the form now holds the stored version) overwrites knowingly.
            Assert.True((await Grades(context).SaveAsync(Abashiri, Employees, 2018, second, "suzuki")).Succeeded);
        }

        await using (var context = db.NewContext())
        {
            Assert.Equal(("80%以上", "suzuki"), await StoredOverrideAsync(context));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AnOlderGradePage_DoesNotRemoveAnOverrideChangedSince(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        int opened;
        await using (var context = db.NewContext())
        {
            Assert.True((await Grades(context).SaveAsync(Abashiri, Employees, 2018, new GradeOverrideForm { GradeCode = "80%未満", Reason = "一回目" }, "tanaka")).Succeeded);
            opened = (await Grades(context).GetAsync(Abashiri, Employees, 2018))!.Override!.Version;
        }

        await using (var context = db.NewContext())
        {
            var form = (await Grades(context).GetAsync(Abashiri, Employees, 2018))!.Form;
            form.Reason = "二回目（理由を直した）";
            Assert.True((await Grades(context).SaveAsync(Abashiri, Employees, 2018, form, "tanaka")).Succeeded);
        }

        await using (var context = db.NewContext())
        {
            var refused = await Grades(context).RemoveAsync(Abashiri, Employees, 2018, opened);
            Assert.Contains("理由「二回目（理由を直した）」", Assert.Single(refused.Errors).Value.Japanese, StringComparison.Ordinal);
        }

        await using (var context = db.NewContext())
        {
            Assert.Equal(("80%未満", "tanaka"), await StoredOverrideAsync(context));
        }
    }

    private static async Task<(string Grade, string? By)> StoredOverrideAsync(SoseiDbContext context)
    {
        var stored = await context.GradeOverrides.SingleAsync(o => o.FiscalYear == 2018 && o.Kpi!.Code == Employees && o.Kpi.Plan!.Code == Abashiri);
        return (stored.GradeCode, stored.DecidedBy);
    }
}
