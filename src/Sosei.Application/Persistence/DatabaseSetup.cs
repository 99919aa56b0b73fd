using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Common;
using Sosei.Application.Kpis;

namespace Sosei.Application.Persistence;

/// <summary>Registers and prepares the database for the web app, the CLI and tests.</summary>
public static class DatabaseSetup
{
    /// <summary>Migration assembly for SQLite.</summary>
    public const string SqliteMigrationsAssembly = "Sosei.Migrations.Sqlite";

    /// <summary>Migration assembly for PostgreSQL.</summary>
    public const string PostgresMigrationsAssembly = "Sosei.Migrations.Postgres";

    /// <summary>Reads <see cref="DatabaseOptions"/> from configuration (section Sosei:Database, SOSEI_DATA_DIR).</summary>
    public static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.Section).Bind(options);
        options.DataDirectory ??= configuration["Sosei:DataDirectory"] ?? configuration["SOSEI_DATA_DIR"];
        return options;
    }

    /// <summary>
    /// Configures a DbContext builder for the chosen provider and its migration assembly. A list in a query
    /// (<c>ids.Contains(x.Id)</c>) is sent as one array parameter (SQLite <c>json_each</c>, PostgreSQL <c>= ANY</c>), not one
    /// parameter per element (EF Core 10's default), so a query's parameter count never grows with the plan: SQLite
    /// refuses more than 32,766 variables, PostgreSQL 65,535.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(options.ResolvedConnectionString, o => o
                .MigrationsAssembly(SqliteMigrationsAssembly)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            _ => builder.UseNpgsql(options.ResolvedConnectionString, o => o
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
        };
    }

    /// <summary>Adds <see cref="SoseiDbContext"/> with the given options.</summary>
    public static IServiceCollection AddSoseiDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddDbContext<SoseiDbContext>(b => Configure(b, options));
        return services;
    }

    /// <summary>
    /// Creates the data folder (SQLite) and applies pending migrations. Safe to call at every start. Returns what a
    /// migration repaired in data an older version stored (for the start-up log and the CLI); usually empty.
    /// </summary>
    public static async Task<IReadOnlyList<Message>> MigrateAsync(SoseiDbContext db, DatabaseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var csb = new SqliteConnectionStringBuilder(options.ResolvedConnectionString);
            var folder = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        IReadOnlyList<Message> repairs = [.. await KpiValueDuplicates.FindAsync(db, cancellationToken), .. await RelistingDuplicates.FindAsync(db, cancellationToken)];
        await db.Database.MigrateAsync(cancellationToken);
        return repairs;
    }

    /// <summary>
    /// Whether an existing database has yet to apply the migration named <paramref name="migration"/> (false for a new
    /// database, which gets every migration and has nothing to repair). The repairs a migration makes are listed
    /// before it runs (<see cref="Kpis.KpiValueDuplicates"/>, <see cref="Kpis.RelistingDuplicates"/>).
    /// </summary>
    internal static async Task<bool> IsPendingOnExistingDatabaseAsync(SoseiDbContext db, string migration, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return applied.Count > 0 && !applied.Any(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
    }
}
