using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sosei.Application.Persistence;

namespace Sosei.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL without a server (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SoseiDbContext>
{
    /// <inheritdoc />
    public SoseiDbContext CreateDbContext(string[] args)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=sosei_design" };
        var builder = new DbContextOptionsBuilder<SoseiDbContext>();
        DatabaseSetup.Configure(builder, options);
        return new SoseiDbContext(builder.Options);
    }
}
