using Microsoft.EntityFrameworkCore;
using Sosei.Application.Kpis;
using Sosei.Application.Tests.Infrastructure;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;
namespace Sosei.Application.Tests.Kpis;

public class GradeOverrideEditorTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Override_IsStoredWithReasonWhoAndWhen_AndRemovable(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using (var context = db.NewContext())
        {
            var view = (await Grades(context).GetAsync(Abashiri, "G1-N1", 2018))!;
            // 15,757人 (H28) against 16,000人 → 98.5 %: 80%以上 (seed 001).
            Assert.Equal("80%以上", view.Evaluation.Grade.Computed.Code);
            Assert.Equal(["80%以上", "80%未満", "—"], view.Grades.Select(g => g.Code));
            Assert.Null(view.Override);

            var result = await Grades(context).SaveAsync(Abashiri, "G1-N1", 2018, new GradeOverrideForm { GradeCode = "80%未満", Reason = "調査時点が古いため" }, "admin");

            Assert.True(result.Succeeded, string.Join(" | ", result.Errors.Values));
        }

        await using (var context = db.NewContext())
        {
            var view = (await Grades(context).GetAsync(Abashiri, "G1-N1", 2018))!;
            Assert.Equal("80%以上", view.Evaluation.Grade.Computed.Code);
            Assert.Equal("80%未満", view.Evaluation.Grade.Final.Code);
            Assert.Equal("admin", view.Override!.DecidedBy);
            Assert.Equal(Clock.GetUtcNow(), view.Override.DecidedAt);
            Assert.Equal("調査時点が古いため", view.Override.Reason);

            Assert.True((await Grades(context).RemoveAsync(Abashiri, "G1-N1", 2018)).Succeeded);
        }

        await using (var context = db.NewContext())
        {
            // Only the demo's own (網走市's judgement of two other KPIs) are left.
            Assert.Equal(["G3.1.3.1-K1", "G4-N1"], await context.GradeOverrides.Join(context.Kpis, o => o.KpiId, k => k.Id, (o, k) => k.Code).OrderBy(c => c).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Override_WithoutReasonOrWithAnUnknownBand_IsRefused(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var before = await SnapshotAsync(db);
        await using (var context = db.NewContext())
        {
            var result = await Grades(context).SaveAsync(Abashiri, "G1-N1", 2018, new GradeOverrideForm { GradeCode = "A", Reason = "  " }, "admin");

            AssertError(result, nameof(GradeOverrideForm.GradeCode), "評価「A」はこの計画の評価基準にありません");
            AssertError(result, nameof(GradeOverrideForm.Reason), "理由を入力してください");
        }

        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task KpiOfAnotherPlanOrImpossibleYear_IsNotFound(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        await using var context = db.NewContext();

        Assert.Null(await Grades(context).GetAsync(Nemuro, "G1.1.1.1-K1", 2018));
        Assert.Null(await Grades(context).GetAsync(Abashiri, "G1-N1", 99999));
        Assert.True((await Grades(context).SaveAsync(Nemuro, "G1.1.1.1-K1", 2018, new GradeOverrideForm { GradeCode = "—", Reason = "x" }, "admin")).IsNotFound);
    }
}
