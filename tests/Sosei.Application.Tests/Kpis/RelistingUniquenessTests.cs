using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sosei.Application.Common;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.Tests.Infrastructure;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;

namespace Sosei.Application.Tests.Kpis;

/// <summary>
/// An item is relisted (再掲) at most once under a node, on both engines: the database refuses a second row (two filtered
/// unique indexes, one for KPIs and one for projects), the relisting form saved twice at the same moment stores it once
/// and answers the other with a message, and a plan file that lists the same relisting twice is refused at its place.
/// </summary>
public class RelistingUniquenessTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task TheSameRelistingAddedTwiceAtOnce_IsStoredOnce_AndNeitherAnswerIsAnError(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);

        async Task<EditResult> AddAsync()
        {
            await using var context = db.NewContext();
            return await Relistings(context).AddAsync(Abashiri, RelistedItem.Project, "P001", new RelistingForm { NodeCode = "G1.1" });
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AddAsync()));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains("既に再掲されています", r.Errors[nameof(RelistingForm.NodeCode)].Japanese, StringComparison.Ordinal));
        await using var check = db.NewContext();
        Assert.Equal(1, await check.Relistings.CountAsync(r => r.Project!.Code == "P001" && r.Node!.Code == "G1.1" && r.Plan!.Code == Abashiri));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task TheDatabase_RefusesASecondRowOfTheSameRelisting(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();
        var first = await context.Relistings.AsNoTracking().FirstAsync(r => r.KpiId != null && r.Plan!.Code == Abashiri);

        context.Relistings.Add(new Relisting { PlanId = first.PlanId, NodeId = first.NodeId, KpiId = first.KpiId, SortOrder = 99 });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.True(UniqueSave.IsUniqueViolation(refused));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task APlanFile_ThatListsTheSameRelistingTwice_IsRefusedAtTheSecond(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        var doc = await PlanFileTesting.ExportAsync(db, Abashiri);

        var twice = doc with { Relistings = [.. doc.Relistings, doc.Relistings[0] with { Name = "二度目" }] };
        var result = await PlanFileTesting.ImportAsync(db, twice, clock: Clock);

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"relistings[{doc.Relistings.Count}].node", problem.Place.In(Message.JapaneseUi));
        Assert.Equal("同じ項目への同じ再掲が relistings[0] にもあります。", problem.Message.Japanese);

        await using (var check = db.NewContext())
        {
            Assert.Equal(doc.Relistings.Count, await check.Relistings.CountAsync(r => r.Plan!.Code == Abashiri));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migration_OnADatabaseHoldingADoubledRelisting_KeepsTheFirst(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        int firstId;
        await using (var context = db.NewContext())
        {
            // Back to the schema before the UniqueRelistings migration, where a double submit could store it twice.
            firstId = (await context.Relistings.AsNoTracking().OrderBy(r => r.Id).FirstAsync(r => r.KpiId != null && r.Plan!.Code == Abashiri)).Id;
            var applied = (await context.Database.GetAppliedMigrationsAsync()).ToList();
            await context.GetService<IMigrator>().MigrateAsync(applied[applied.FindIndex(m => m.EndsWith("_UniqueRelistings", StringComparison.Ordinal)) - 1]);
            await context.Database.ExecuteSqlAsync($"""
                INSERT INTO "Relistings" ("PlanId", "NodeId", "KpiId", "ProjectId", "DisplayName", "Content", "SortOrder")
                SELECT "PlanId", "NodeId", "KpiId", "ProjectId", "DisplayName", "Content", "SortOrder" + 1 FROM "Relistings" WHERE "Id" = {firstId}
                """);
        }

        IReadOnlyList<Message> repairs;
        await using (var context = db.NewContext())
        {
            repairs = await DatabaseSetup.MigrateAsync(context, db.Options);
        }

        // The start-up says what it removed (網走市: 合計特殊出生率 G3-N1 relisted under G3.1.3.2).
        var repair = Assert.Single(repairs);
        Assert.Equal($"計画 {Abashiri} の G3.1.3.2 にKPI G3-N1の再掲が 2 件重複していました。最初のものを残し、1 件を削除します。", repair.Japanese);
        Assert.Equal($"Plan {Abashiri}: KPI G3-N1 was relisted 2 times under G3.1.3.2; the first is kept and 1 removed.", repair.English);

        await using (var context = db.NewContext())
        {
            var first = await context.Relistings.AsNoTracking().SingleAsync(r => r.Id == firstId);
            Assert.Equal(1, await context.Relistings.CountAsync(r => r.NodeId == first.NodeId && r.KpiId == first.KpiId));
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Empty(await DatabaseSetup.MigrateAsync(context, db.Options));
        }
    }
}
