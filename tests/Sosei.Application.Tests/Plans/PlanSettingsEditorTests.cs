using Microsoft.EntityFrameworkCore;
using Sosei.Application.Kpis;
using Sosei.Application.Plans;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Kpis;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Plans;

public class PlanSettingsEditorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Get_ShowsThePlanAsWritten(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();

        var view = await Settings(context).GetAsync(Abashiri);

        Assert.NotNull(view);
        // FY2019 is named by the era of its April: 平成31年度 = 令和元年度.
        Assert.Equal("平成27年度～令和元年度", view.Form.Period);
        Assert.Equal("TwoBand80", view.Form.ScalePreset);
        Assert.Equal(["基本目標", "基本方針", "基本的な方向性", "具体的な施策"], view.Form.Levels);
        Assert.Equal(4, view.NodeDepths);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_PresetMethodPeriodAndRevision_AreStored(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            // The demo's grade overrides (網走市's judgement of 平成30年度) use 80%以上, which the new scale drops: deleted first.
            foreach (var kpi in new[] { "G3.1.3.1-K1", "G4-N1" })
            {
                Assert.True((await Grades(context).RemoveAsync(Abashiri, kpi, 2018)).Succeeded);
            }

            var form = (await Settings(context).GetAsync(Abashiri))!.Form;
            form.Period = "H27～R1";
            form.ScalePreset = "Symbols";
            form.DefaultMethod = nameof(AchievementMethod.TimeProrated);
            form.Subtitle = "第1期";
            form.Revisions.Add(new RevisionForm { Date = "平成28年3月31日", Kind = nameof(RevisionKind.Revised), Note = "KPI追加" });

            var result = await Settings(context).SaveAsync(Abashiri, form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
        }

        await using (var context = db.NewContext())
        {
            var plan = await context.Plans.Include(p => p.GradeBands).Include(p => p.Revisions).SingleAsync(p => p.Code == Abashiri);
            Assert.Equal((2015, 2019), (plan.StartFiscalYear, plan.EndFiscalYear));
            Assert.Equal(AchievementMethod.TimeProrated, plan.DefaultAchievementMethod);
            Assert.Equal(["◎", "○", "△", "×", "—"], plan.GradeBands.OrderBy(b => b.SortOrder).Select(b => b.Code));
            Assert.True(plan.GradeBands.Single(b => b.Code == "—").IsNoData);
            var revision = plan.Revisions.Single(r => r.Kind == RevisionKind.Revised);
            Assert.Equal(new DateOnly(2016, 3, 31), revision.Date);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_CustomBands_AreValidatedByTheDomainScale(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await Settings(context).GetAsync(Abashiri))!.Form;
            form.ScalePreset = PlanSettingsEditor.CustomScale;
            form.Bands.Clear();
            form.Bands.Add(new GradeBandForm { Code = "A", MinPercent = "80%" });
            form.Bands.Add(new GradeBandForm { Code = "B", MinPercent = "９０" });
            form.Bands.Add(new GradeBandForm { Code = "C" });
            form.Bands.Add(new GradeBandForm { Code = "—", NoData = true });

            var notDescending = await Settings(context).SaveAsync(Abashiri, form);

            AssertError(notDescending, "Bands[1].MinPercent", "評価区分「B」の下限 90.0%", "降順");

            form.Bands[1].MinPercent = "50";
            form.Bands[1].Code = "A";
            var duplicate = await Settings(context).SaveAsync(Abashiri, form);

            AssertError(duplicate, "Bands[1].Code", "評価コード「A」が重複しています");

            form.Bands[1].Code = "B";
            form.Bands[3].NoData = false;
            var noNoData = await Settings(context).SaveAsync(Abashiri, form);

            AssertError(noNoData, nameof(PlanSettingsForm.Bands), "「データなし」の区分");

            form.Bands[3].NoData = true;
            form.Bands[0].MinPercent = "八十";
            var badPercent = await Settings(context).SaveAsync(Abashiri, form);

            AssertError(badPercent, "Bands[0].MinPercent", "下限「八十」は百分率の数値として読めません");
        }

        Assert.Equal(before, await SnapshotAsync(db));
        await using (var context = db.NewContext())
        {
            // The demo's grade overrides (網走市's judgement of 平成30年度) use 80%以上, which the new scale drops: deleted first.
            foreach (var kpi in new[] { "G3.1.3.1-K1", "G4-N1" })
            {
                Assert.True((await Grades(context).RemoveAsync(Abashiri, kpi, 2018)).Succeeded);
            }

            var form = (await Settings(context).GetAsync(Abashiri))!.Form;
            form.ScalePreset = PlanSettingsEditor.CustomScale;
            form.Bands.Clear();
            form.Bands.Add(new GradeBandForm { Code = "A", Label = "達成", MinPercent = "100" });
            form.Bands.Add(new GradeBandForm { Code = "B", Label = "概ね達成", MinPercent = "80" });
            form.Bands.Add(new GradeBandForm { Code = "C", Label = "未達成" });
            form.Bands.Add(new GradeBandForm { Code = "—", Label = "実績なし", NoData = true });
            form.Bands.Add(new GradeBandForm());

            var result = await Settings(context).SaveAsync(Abashiri, form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
            var view = (await Settings(context).GetAsync(Abashiri))!;
            Assert.Equal(PlanSettingsEditor.CustomScale, view.Form.ScalePreset);
            Assert.Equal(["100", "80", null, null], view.Form.Bands.Select(b => b.MinPercent));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_BadPeriodAndMissingLevels_AreRefusedAndNothingChanges(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await Settings(context).GetAsync(Abashiri))!.Form;
            form.Period = "平成ＸＸ年";
            form.Name = " ";
            form.Levels[3] = "";
            form.Revisions.Add(new RevisionForm { Date = "平成28年", Kind = nameof(RevisionKind.Revised) });

            var result = await Settings(context).SaveAsync(Abashiri, form);

            AssertError(result, nameof(PlanSettingsForm.Period), "対象期間: 「平成ＸＸ年」は期間");
            AssertError(result, nameof(PlanSettingsForm.Name), "計画名を入力してください");
            AssertError(result, "Levels[3]", "第4階層のノードがあるため");
            AssertError(result, "Revisions[0].Date", "年月日まで入力してください");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Save_ScaleDroppingABandUsedByAnOverride_IsRefused(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var ok = await Grades(context).SaveAsync(Abashiri, "G1-N1", 2018, new GradeOverrideForm { GradeCode = "80%以上", Reason = "経済センサスの時点差" }, "admin");
            Assert.True(ok.Succeeded);
        }

        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await Settings(context).GetAsync(Abashiri))!.Form;
            form.ScalePreset = "Abcd";

            var result = await Settings(context).SaveAsync(Abashiri, form);

            // The one made here and the demo's two (網走市's judgement of 病後児保育 and 全国学力).
            AssertError(result, nameof(PlanSettingsForm.ScalePreset), "評価の上書き3件", "G1-N1 平成30年度「80%以上」", "G3.1.3.1-K1 平成30年度「80%以上」", "G4-N1 平成30年度「80%以上」");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }
}
