using Microsoft.Extensions.Time.Testing;
using Sosei.Application.DemoData;
using Sosei.Application.PlanFiles;
using Sosei.Application.Population;

namespace Sosei.Application.Tests.Infrastructure;

/// <summary>
/// Fresh, migrated databases with the demo data loaded the way the web app loads it at its first start: the demo plans
/// (data/demo: 根室市創生総合戦略 from seed 000, 網走市 KPI 進捗管理表 from seed 001) and the population demo
/// (data/population). One database per call: a test may change it. For the 網走市 plan alone see
/// <see cref="EditingDatabase.AbashiriAsync"/>.
/// </summary>
internal static class DemoDatabase
{
    /// <summary>The clock the demo is imported with (and the tests evaluate with); never advanced.</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A database with both demo plans.</summary>
    public static async Task<TestDatabase> PlansAsync(DbKind kind)
    {
        var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        await new DemoDataLoader(new PlanFileImporter(context, Clock), context).LoadAsync();
        return db;
    }

    /// <summary>A database with the population demo data and, when asked, the demo plans.</summary>
    public static async Task<TestDatabase> PopulationAsync(DbKind kind, bool plans = false)
    {
        var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        await new PopulationDemoLoader(new PopulationCsvImporter(context, Clock), context).LoadAsync();
        if (plans)
        {
            await new DemoDataLoader(new PlanFileImporter(context, Clock), context).LoadAsync();
        }

        return db;
    }
}
