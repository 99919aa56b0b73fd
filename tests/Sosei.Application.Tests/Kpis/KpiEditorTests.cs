using Microsoft.EntityFrameworkCore;
using Sosei.Application.Kpis;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Kpis;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Kpis;

public class KpiEditorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task New_UnderAGoal_IsAGoalKpiWithAGeneratedCode(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();

        var view = await KpiEditor(context).NewAsync(Abashiri, "G1");

        Assert.NotNull(view);
        Assert.Equal("G1-N2", view.Form.Code);
        Assert.Equal(nameof(KpiLevel.Goal), view.Form.Level);
        Assert.Contains("商工労働課", view.DepartmentOptions);
        Assert.Null(await KpiEditor(context).NewAsync(Abashiri, "no-such-node"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Create_WithTextsAsWrittenAndANewDepartment_StoresWhatTheImporterWould(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var form = (await KpiEditor(context).NewAsync(Abashiri, "G1.1"))!.Form;
            form.Name = "新規創業者数";
            form.Baseline = "12件";
            form.BaselinePeriod = "平成26年度";
            form.Target = "累計20件";
            form.TargetPeriod = "H27～H31";
            form.TargetKind = nameof(TargetKind.Cumulative);
            form.Departments.Add("商工労働課");
            form.NewDepartment = "創業支援室";
            form.InterimTargets.Add(new PeriodValueForm { Period = "H29", Value = "12件" });
            form.InterimTargets.Add(new PeriodValueForm());

            var result = await KpiEditor(context).SaveAsync(Abashiri, null, form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
            Assert.Equal("G1.1-K1", result.Code);
        }

        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.Include(k => k.Departments).ThenInclude(d => d.Department).Include(k => k.InterimTargets).Include(k => k.HomeNode)
                .SingleAsync(k => k.Code == "G1.1-K1");
            Assert.Equal("G1.1", kpi.HomeNode!.Code);
            Assert.Equal("件", kpi.Unit);
            Assert.Equal(12m, kpi.BaselineValue);
            Assert.Equal("FY2014", kpi.BaselinePeriod);
            Assert.Equal(20m, kpi.TargetValue);
            Assert.Equal("FY2015..FY2019", kpi.TargetPeriod);
            Assert.Equal(TargetKind.Cumulative, kpi.TargetKind);
            Assert.Equal(["商工労働課", "創業支援室"], kpi.Departments.OrderBy(d => d.SortOrder).Select(d => d.Department!.Name));
            Assert.Equal(12m, Assert.Single(kpi.InterimTargets).Value);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Edit_Renames_AndKeepsValues(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var view = (await KpiEditor(context).GetAsync(Abashiri, "G1-N1"))!;
            Assert.Equal("16,474人", view.Form.Baseline);
            Assert.Equal("平成26年度", view.Form.BaselinePeriod);
            Assert.Equal(["商工労働課"], view.Form.Departments);
            view.Form.Name = "市内事業所の従業者数";
            view.Form.Target = "16,500人";

            var result = await KpiEditor(context).SaveAsync(Abashiri, "G1-N1", view.Form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
        }

        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Code == "G1-N1" && k.Plan!.Code == Abashiri);
            Assert.Equal("市内事業所の従業者数", kpi.Name);
            Assert.Equal(16_500m, kpi.TargetValue);
            Assert.Equal("FY2019", kpi.TargetPeriod);
            Assert.Equal(15_757m, Assert.Single(kpi.Values).Amount);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Edit_TargetInAnotherUnit_IsRefusedAndNothingChanges(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await KpiEditor(context).GetAsync(Abashiri, "G1-N1"))!.Form;
            form.Target = "12%";

            var result = await KpiEditor(context).SaveAsync(Abashiri, "G1-N1", form);

            AssertError(result, nameof(KpiForm.Target), "目標値「12%」", "単位が指標の単位（人）と違います");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Edit_BadTextsAndDuplicateCode_AreRefusedFieldByField(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await KpiEditor(context).GetAsync(Abashiri, "G1-N1"))!.Form;
            form.Code = "G1.1.1.1-K1";
            form.Baseline = "2億x人";
            form.BaselinePeriod = "平成ＸＸ年";
            form.Unit = "人口密度の単位";
            form.Decimals = "二";

            var result = await KpiEditor(context).SaveAsync(Abashiri, "G1-N1", form);

            AssertError(result, nameof(KpiForm.Code), "KPIコード「G1.1.1.1-K1」は、この計画の別のKPIで使われています");
            AssertError(result, nameof(KpiForm.Baseline), "基準値: 「2億x人」は数値として読めません");
            AssertError(result, nameof(KpiForm.BaselinePeriod), "基準年: 「平成ＸＸ年」は");
            AssertError(result, nameof(KpiForm.Unit), "単位「人口密度の単位」は使えません");
            AssertError(result, nameof(KpiForm.Decimals), "「二」は整数");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Edit_RemovingASeriesWithValues_IsRefused_AddingAndRenamingWorks(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var form = (await KpiEditor(context).GetAsync(Abashiri, "G1.1.2.1-K1"))!.Form;
            form.Series[1].Remove = true;

            var refused = await KpiEditor(context).SaveAsync(Abashiri, "G1.1.2.1-K1", form);

            AssertError(refused, "Series[1].Name", "項目「サケ製品」には実績値が4件あるため削除できません");
        }

        Assert.Equal(before, await SnapshotAsync(db));
        await using (var context = db.NewContext())
        {
            var form = (await KpiEditor(context).GetAsync(Abashiri, "G1.1.2.1-K1"))!.Form;
            form.Series[0].Name = "ホタテ製品（冷凍）";
            form.Series.Add(new SeriesForm { Name = "イクラ製品", Target = "2社" });

            var result = await KpiEditor(context).SaveAsync(Abashiri, "G1.1.2.1-K1", form);

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
        }

        await using (var context = db.NewContext())
        {
            var kpi = await context.Kpis.Include(k => k.Series).Include(k => k.Values).SingleAsync(k => k.Code == "G1.1.2.1-K1");
            Assert.Equal(["ホタテ製品（冷凍）", "サケ製品", "イクラ製品"], kpi.Series.OrderBy(s => s.SortOrder).Select(s => s.Name));
            Assert.Equal("S3", kpi.Series.Single(s => s.Name == "イクラ製品").Code);
            Assert.Equal(8, kpi.Values.Count);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Preview_ReadsTheTargetPhraseInThePlanPeriod(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();
        var form = new KpiForm { Name = "道外からの移住者数", Phrase = "5年で男女200人", Level = nameof(KpiLevel.Measure) };

        var preview = await KpiEditor(context).PreviewPhraseAsync(Abashiri, form);

        Assert.NotNull(preview?.Definition);
        Assert.Equal(200m, preview.Definition.Target!.Value);
        Assert.Equal(TargetKind.Cumulative, preview.Definition.TargetKind);
        Assert.Equal(2019, preview.Definition.Target.Period!.Last.Year);

        form.Phrase = "いい感じに増やす";
        var bad = await KpiEditor(context).PreviewPhraseAsync(Abashiri, form);
        Assert.Null(bad!.Definition);
        Assert.StartsWith("目標の文言: 「いい感じに増やす」は目標の書き方として読めません", bad.Error!.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task KpiOfAnotherPlan_IsNotFound(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        await using var context = db.NewContext();

        Assert.Null(await KpiEditor(context).GetAsync(Nemuro, "G1.1.1.1-K1"));
        Assert.True((await KpiEditor(context).SaveAsync(Nemuro, "G1.1.1.1-K1", new KpiForm())).IsNotFound);
    }
}
