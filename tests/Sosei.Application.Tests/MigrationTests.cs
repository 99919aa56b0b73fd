using Microsoft.EntityFrameworkCore;
using Sosei.Application.Persistence;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migrations_AppliedToEmptyDatabase_LeaveNoPendingModelChanges(DbKind kind)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(kind);
        await using var context = db.NewContext();

        await DatabaseSetup.MigrateAsync(context, db.Options);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges(), $"The {kind} migrations are behind the model: run scripts/add-migration.sh <Name>.");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migrations_RunTwice_AreIdempotent(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();

        await DatabaseSetup.MigrateAsync(context, db.Options);

        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync());
    }
}
