using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sosei.Application.Persistence;

namespace Sosei.Application.Tests.Infrastructure;

/// <summary>The database engines every application test runs on.</summary>
public enum DbKind
{
    /// <summary>A fresh SQLite file in a temporary folder.</summary>
    Sqlite,

    /// <summary>A fresh database on the PostgreSQL server named by SOSEI_TEST_POSTGRES.</summary>
    Postgres,
}

/// <summary>
/// A fresh, migrated database for one test, removed afterwards. PostgreSQL tests need the environment variable
/// SOSEI_TEST_POSTGRES (a connection string to a server where the user may create databases); <c>./build.sh test</c>
/// installs and starts PostgreSQL and sets it. Without it, PostgreSQL tests fail with a message saying so: they are
/// never skipped silently.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFolder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(DbKind kind, DatabaseOptions options, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Kind = kind;
        Options = options;
        this.sqliteFolder = sqliteFolder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    /// <summary>Engine.</summary>
    public DbKind Kind { get; }

    /// <summary>Options pointing at this database.</summary>
    public DatabaseOptions Options { get; }

    /// <summary>Both engines, for [MemberData].</summary>
    public static TheoryData<DbKind> Kinds => new() { DbKind.Sqlite, DbKind.Postgres };

    /// <summary>Creates an empty database (not migrated).</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DbKind kind)
    {
        if (kind == DbKind.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "sosei-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = folder };
            return new TestDatabase(kind, options, folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("SOSEI_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                "SOSEI_TEST_POSTGRES is not set: the PostgreSQL tier needs a server. Run ./build.sh test, which installs and starts PostgreSQL on 127.0.0.1 and sets it.");
        }

        var name = "sosei_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(kind, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = csb.ConnectionString }, null, admin, name);
    }

    /// <summary>Creates a database with every migration applied.</summary>
    public static async Task<TestDatabase> CreateAsync(DbKind kind)
    {
        var db = await CreateEmptyAsync(kind);
        await using var context = db.NewContext();
        await DatabaseSetup.MigrateAsync(context, db.Options);
        return db;
    }

    /// <summary>A new context on this database.</summary>
    public SoseiDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<SoseiDbContext>();
        DatabaseSetup.Configure(builder, Options);
        return new SoseiDbContext(builder.Options);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }

        if (postgresAdmin is not null && postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(postgresAdmin);
            await conn.OpenAsync();

            // FORCE cannot end backends of other roles (an autovacuum worker, say); then wait and try again.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", conn);
                    await cmd.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    await Task.Delay(250);
                }
                catch (PostgresException) when (attempt >= 20)
                {
                    // A leftover test database is harmless; failing a passed test over it is not.
                    return;
                }
            }
        }
    }
}
