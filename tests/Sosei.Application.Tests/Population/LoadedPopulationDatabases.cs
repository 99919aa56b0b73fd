using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests.Population;

/// <summary>
/// One database per engine with the population demo data and the demo plans, loaded on first use and shared by the
/// read-only population tests (loading takes a few seconds per engine). Tests that write make their own database.
/// Each engine loads on its own, so a missing PostgreSQL server fails only the PostgreSQL cases.
/// </summary>
public sealed class LoadedPopulationDatabases : IAsyncLifetime
{
    private readonly Dictionary<DbKind, Lazy<Task<TestDatabase>>> databases = new()
    {
        [DbKind.Sqlite] = new(() => DemoDatabase.PopulationAsync(DbKind.Sqlite, plans: true)),
        [DbKind.Postgres] = new(() => DemoDatabase.PopulationAsync(DbKind.Postgres, plans: true)),
    };

    /// <summary>The loaded database of an engine (read only: do not change it).</summary>
    public Task<TestDatabase> GetAsync(DbKind kind) => databases[kind].Value;

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var lazy in databases.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                await (await lazy.Value).DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // The engine never loaded (no server): nothing to drop.
            }
        }
    }
}

/// <summary>The read-only population test classes share <see cref="LoadedPopulationDatabases"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PopulationDataGroup : ICollectionFixture<LoadedPopulationDatabases>
{
    /// <summary>Collection name.</summary>
    public const string Name = "population-data";
}
