using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;
using Sosei.Application.Plans;
using Sosei.Application.Tests.Infrastructure;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Plans;

/// <summary>
/// The population targets form. 根室市創生総合戦略 (seed 000) has 13 targets: 短期 2020 総人口 26,043人 against the
/// 社人研 (平成25年3月推計) 25,390人 (653人 減少抑制) … 長期 2060 20～39歳女性人口 1,203人. 網走市 (seed 001) has none in
/// the excerpt; its verification names the 人口ビジョン target 「2040年に32,900人」.
/// </summary>
public class PopulationTargetEditorTests
{
    private static PopulationTargetEditor Editor(SoseiDbContext c) => new(c);

    private static async Task<string> TargetsJsonAsync(TestDatabase db, string plan)
    {
        await using var context = db.NewContext();
        return JsonSerializer.Serialize((await new PlanFileExporter(context).ExportAsync(plan))!.PopulationTargets, PlanDocumentJson.Options);
    }

    private static PopulationTargetRowForm Row(string? term, string? year, string? indicator, string? target, string? projection = null, string? edition = null, string? note = null) =>
        new() { Term = term, Year = year, Indicator = indicator, Target = target, Projection = projection, ProjectionEdition = edition, Note = note };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Get_ShowsTheTargetsAsTheDocumentWritesThem_WithTheDecreaseAvoided(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        await using var context = db.NewContext();

        var view = await Editor(context).GetAsync(Nemuro);

        Assert.NotNull(view);
        Assert.Equal("01223", view.AreaCode);
        Assert.Equal(13, view.Form.Rows.Count);
        var first = view.Form.Rows[0];
        Assert.Equal(("短期", "2020", "総人口", "26,043人", "25,390人"), (first.Term, first.Year, first.Indicator, first.Target, first.Projection));
        Assert.Equal("国立社会保障・人口問題研究所 日本の地域別将来推計人口（平成25年3月推計）", first.ProjectionEdition);
        Assert.Equal(653m, view.Suppression[first.Id!.Value]);
        Assert.Equal("20～39歳女性人口", view.Form.Rows[^1].Indicator);
        Assert.Empty((await Editor(context).GetAsync(Abashiri))!.Form.Rows);
        Assert.Null(await Editor(context).GetAsync("no-such-plan"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_NewRowsAsWritten_StoresWhatTheImporterWould(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var form = (await Editor(context).GetAsync(Abashiri))!.Form;
            form.Rows.Add(Row("長期", "2040年", "総人口", "３万２千９百人", note: "人口ビジョン: 2040年に32,900人を維持"));
            form.Rows.Add(Row(" 中期 ", "令和7年", "20～39歳女性の人口", "3,100", "2,950人", "社人研 平成30年推計"));
            form.Rows.Add(Row("長期", "2040", "転入超過数", "100人"));
            form.Rows.Add(Row(null, null, null, null));

            var result = await Editor(context).SaveAsync(Abashiri, form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Select(e => e.Key + ": " + e.Value)));
            Assert.Equal("目標人口を保存しました（追加 3件、変更 0件、削除 0件）。", result.Message!.Japanese);
        }

        await using (var context = db.NewContext())
        {
            var targets = await context.PopulationTargets.Where(t => t.Plan!.Code == Abashiri).OrderBy(t => t.SortOrder).ToListAsync();
            Assert.Equal(
                [("長期", 2040, "Total", 32_900m, (decimal?)null), ("中期", 2025, "Women20To39", 3_100m, 2_950m), ("長期", 2040, "転入超過数", 100m, null)],
                targets.Select(t => (t.Term, t.Year, t.Indicator, t.Target, t.Projection)));
            Assert.Equal("社人研 平成30年推計", targets[1].ProjectionEdition);
            Assert.Equal("人口ビジョン: 2040年に32,900人を維持", targets[0].Note);
        }

        // The export writes them like the 根室市 file does.
        Assert.Contains("\"target\": \"32900人\"", await TargetsJsonAsync(db, Abashiri), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_BadRows_AreExplainedNextToTheirFields_AndNothingIsSaved(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        var before = await TargetsJsonAsync(db, Nemuro);
        await using (var context = db.NewContext())
        {
            var form = (await Editor(context).GetAsync(Nemuro))!.Form;
            form.Rows[0].Target = "26,100人";                                     // fine, but nothing may be saved
            form.Rows.Add(Row("短期", "2020", "総人口", "2万x人"));                   // 13: not a number
            form.Rows.Add(Row("短期", "令和2年度", "総人口", "30%"));                 // 14: a fiscal year, a percentage
            form.Rows.Add(Row("", "2030", "", "(26,000人)", "△5人"));               // 15: blanks, a reference value, a negative number
            form.Rows.Add(Row("長期", "平成72年", "Women20To39", "1,300人"));          // 16: same term, year and indicator as row 13 (index 12)

            var result = await Editor(context).SaveAsync(Nemuro, form);

            AssertError(result, "Rows[13].Target", "目標人口", "「2万x人」");
            AssertError(result, "Rows[14].Year", "目標年「令和2年度」", "年で入力してください");
            AssertError(result, "Rows[14].Target", "目標人口「30%」", "人数（人）を入力してください");
            AssertError(result, "Rows[15].Term", "区分");
            AssertError(result, "Rows[15].Indicator", "指標");
            AssertError(result, "Rows[15].Target", "参考値");
            AssertError(result, "Rows[15].Projection", "0以上");
            AssertError(result, "Rows[16].Indicator", "13行目と区分・目標年・指標が同じです");
            Assert.DoesNotContain(result.Errors.Keys, k => k.StartsWith("Rows[0]", StringComparison.Ordinal));
        }

        Assert.Equal(before, await TargetsJsonAsync(db, Nemuro));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_ChangesAndDeletesStoredRows(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        int removedId;
        await using (var context = db.NewContext())
        {
            var form = (await Editor(context).GetAsync(Nemuro))!.Form;
            form.Rows[0].Target = "26,100人";
            form.Rows[1].Remove = true;
            removedId = form.Rows[1].Id!.Value;

            var result = await Editor(context).SaveAsync(Nemuro, form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
            Assert.Equal("目標人口を保存しました（追加 0件、変更 1件、削除 1件）。", result.Message!.Japanese);
        }

        await using (var context = db.NewContext())
        {
            var targets = await context.PopulationTargets.Where(t => t.Plan!.Code == Nemuro).OrderBy(t => t.SortOrder).ToListAsync();
            Assert.Equal(12, targets.Count);
            Assert.Equal(26_100m, targets[0].Target);
            Assert.Equal(653m + 57m, targets[0].Suppression);
            Assert.DoesNotContain(targets, t => t.Id == removedId);
            Assert.Equal(Enumerable.Range(0, 12), targets.Select(t => t.SortOrder));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_Untouched_ChangesNothing(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        var before = await TargetsJsonAsync(db, Nemuro);
        await using (var context = db.NewContext())
        {
            var form = (await Editor(context).GetAsync(Nemuro))!.Form;
            form.Rows.Add(Row(null, "", null, "  "));

            var result = await Editor(context).SaveAsync(Nemuro, form);

            Assert.Equal("変更はありませんでした。", result.Message!.Japanese);
        }

        Assert.Equal(before, await TargetsJsonAsync(db, Nemuro));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_ARowOfAnotherPlan_IsRefused_AndAnUnknownPlanIsNotFound(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        await using var context = db.NewContext();
        var nemuroRow = (await Editor(context).GetAsync(Nemuro))!.Form.Rows[0];
        var form = new PopulationTargetsForm();
        form.Rows.Add(nemuroRow);
        nemuroRow.Remove = true;

        var result = await Editor(context).SaveAsync(Abashiri, form);

        AssertError(result, "Rows[0].Term", "この行は既にありません");
        Assert.Equal(13, await context.PopulationTargets.CountAsync(t => t.Plan!.Code == Nemuro));
        Assert.True((await Editor(context).SaveAsync("no-such-plan", new PopulationTargetsForm())).IsNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_FromAFormOpenedBeforeAnotherSave_IsRefusedWithTheStoredRow_AndASecondSaveOverwrites(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        PopulationTargetsForm first, second;
        await using (var context = db.NewContext())
        {
            first = (await Editor(context).GetAsync(Nemuro))!.Form;
            second = (await Editor(context).GetAsync(Nemuro))!.Form;
        }

        first.Rows[0].Target = "26,100人";
        await using (var context = db.NewContext())
        {
            Assert.True((await Editor(context).SaveAsync(Nemuro, first)).Succeeded);
        }

        // The second person, on the form opened before, writes another figure in the same row and deletes another row
        // that nobody changed: refused as a whole, with the other person's figure quoted.
        second.Rows[0].Target = "26,200人";
        second.Rows[2].Remove = true;
        await using (var context = db.NewContext())
        {
            var refused = await Editor(context).SaveAsync(Nemuro, second);
            Assert.False(refused.Succeeded);
            var message = Assert.Single(refused.Errors).Value;
            Assert.Contains("1行目の目標（短期 2020年 総人口）は、このページを開いた後にほかの人が保存しました", message.Japanese, StringComparison.Ordinal);
            Assert.Contains("目標「26,100人」", message.Japanese, StringComparison.Ordinal);
        }

        await using (var context = db.NewContext())
        {
            Assert.Equal(13, await context.PopulationTargets.CountAsync(t => t.Plan!.Code == Nemuro));
            Assert.Equal(26_100m, (await context.PopulationTargets.Where(t => t.Plan!.Code == Nemuro).OrderBy(t => t.SortOrder).FirstAsync()).Target);

            // The form took the stored version of the row: saving again overwrites knowingly.
            Assert.True((await Editor(context).SaveAsync(Nemuro, second)).Succeeded);
        }

        await using (var context = db.NewContext())
        {
            var targets = await context.PopulationTargets.Where(t => t.Plan!.Code == Nemuro).OrderBy(t => t.SortOrder).ToListAsync();
            Assert.Equal((12, 26_200m), (targets.Count, targets[0].Target));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Delete_FromAFormOpenedBeforeTheRowWasChanged_IsRefused(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        PopulationTargetsForm stale;
        await using (var context = db.NewContext())
        {
            stale = (await Editor(context).GetAsync(Nemuro))!.Form;
            var fresh = (await Editor(context).GetAsync(Nemuro))!.Form;
            fresh.Rows[0].Note = "見直し中";
            Assert.True((await Editor(context).SaveAsync(Nemuro, fresh)).Succeeded);
        }

        stale.Rows[0].Remove = true;
        await using (var context = db.NewContext())
        {
            var refused = await Editor(context).SaveAsync(Nemuro, stale);
            Assert.Contains("備考「見直し中」", Assert.Single(refused.Errors).Value.Japanese, StringComparison.Ordinal);
            Assert.Equal(13, await context.PopulationTargets.CountAsync(t => t.Plan!.Code == Nemuro));
        }
    }
}
