using Microsoft.EntityFrameworkCore;
using Sosei.Application.Tests.Infrastructure;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;

namespace Sosei.Application.Tests.Plans;

/// <summary>
/// Opening a form and saving it untouched changes nothing, for every KPI, project, node and plan of both demo plans:
/// the forms show what is stored in a notation that reads back to the same data.
/// </summary>
public class RoundTripTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task EveryForm_SavedUnchanged_ChangesNothing(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind, withNemuro: true);
        var before = (await SnapshotAsync(db, Abashiri), await SnapshotAsync(db, Nemuro));
        foreach (var plan in new[] { Abashiri, Nemuro })
        {
            // One context and one open connection per plan (the test databases do not pool connections); the change
            // tracker is cleared after each item so every form is read from the database.
            await using var c = db.NewContext();
            await c.Database.OpenConnectionAsync();
            var kpis = await c.Kpis.Where(k => k.Plan!.Code == plan).Select(k => k.Code).ToListAsync();
            var projects = await c.Projects.Where(p => p.Plan!.Code == plan).Select(p => p.Code).ToListAsync();
            var nodes = await c.PlanNodes.Where(n => c.Plans.Any(p => p.Id == n.PlanId && p.Code == plan)).Select(n => n.Code).ToListAsync();
            foreach (var code in kpis)
            {
                var form = (await KpiEditor(c).GetAsync(plan, code))!.Form;
                var result = await KpiEditor(c).SaveAsync(plan, code, form);
                Assert.True(result.Succeeded, $"{plan} {code}: {string.Join(" | ", result.Errors.Select(e => e.Key + ": " + e.Value))}");
                c.ChangeTracker.Clear();
            }

            foreach (var code in projects)
            {
                var form = (await ProjectEditor(c).GetAsync(plan, code))!.Form;
                var result = await ProjectEditor(c).SaveAsync(plan, code, form);
                Assert.True(result.Succeeded, $"{plan} {code}: {string.Join(" | ", result.Errors.Select(e => e.Key + ": " + e.Value))}");
                c.ChangeTracker.Clear();
            }

            foreach (var code in nodes)
            {
                var form = (await Structure(c).GetNodeAsync(plan, code))!.Form;
                Assert.True((await Structure(c).UpdateNodeAsync(plan, code, form)).Succeeded, code);
                c.ChangeTracker.Clear();
            }

            var settings = (await Settings(c).GetAsync(plan))!.Form;
            var saved = await Settings(c).SaveAsync(plan, settings);
            Assert.True(saved.Succeeded, string.Join(" | ", saved.Errors.Values));
            c.ChangeTracker.Clear();

            foreach (var code in kpis)
            {
                var grid = (await Values(c).GetAsync(plan, code))!;
                Assert.Equal("変更はありませんでした。", (await Values(c).SaveAsync(plan, code, grid.Form, "admin")).Message!.Japanese);
                c.ChangeTracker.Clear();
            }
        }

        Assert.Equal(before.Item1, await SnapshotAsync(db, Abashiri));
        Assert.Equal(before.Item2, await SnapshotAsync(db, Nemuro));
    }
}
