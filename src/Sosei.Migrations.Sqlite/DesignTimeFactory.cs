using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sosei.Application.Persistence;

namespace Sosei.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SoseiDbContext>
{
    /// <inheritdoc />
    public SoseiDbContext CreateDbContext(string[] args)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" };
        var builder = new DbContextOptionsBuilder<SoseiDbContext>();
        DatabaseSetup.Configure(builder, options);
        return new SoseiDbContext(builder.Options);
    }
}
