using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sosei.Application.DemoData;
using Sosei.Application.ImportJobs;
using Sosei.Application.Persistence;
using Sosei.Application.Setup;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests.ImportJobs;

/// <summary>Import jobs stored in the database: queued, claimed by exactly one worker, run, kept, cleaned up.</summary>
public class ImportJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task QueuedDryRun_IsPickedUpAndFinished_WithItsResultStored(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var clock = new FakeTimeProvider(Start);
        await using var services = Services(db, clock);
        var id = await EnqueueDemoAsync(services, ImportJobKind.DryRun);

        var ran = await services.GetRequiredService<ImportJobRunner>().RunNextAsync("worker-a");

        Assert.True(ran);
        var job = await FindAsync(services, id);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.True(job.Result!.Succeeded, string.Join("\n", job.Result.Problems));
        Assert.True(job.Result.DryRun);
        Assert.Equal("abashiri-sosei-2015", job.PlanCode);
        Assert.Equal(1, job.Progress);
        Assert.Equal(Start, job.Started);
        Assert.Equal(Start, job.Finished);
        Assert.False(await services.GetRequiredService<ImportJobRunner>().RunNextAsync("worker-a"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ConfirmedDryRun_ImportsTheSameFile(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var services = Services(db, new FakeTimeProvider(Start));
        var dryRun = await EnqueueDemoAsync(services, ImportJobKind.DryRun);
        var runner = services.GetRequiredService<ImportJobRunner>();
        await runner.RunNextAsync("worker-a");

        Guid? import;
        await using (var scope = services.CreateAsyncScope())
        {
            import = await scope.ServiceProvider.GetRequiredService<ImportJobService>().ConfirmAsync(dryRun, "admin");
        }

        Assert.NotNull(import);
        await runner.RunNextAsync("worker-a");
        var job = await FindAsync(services, import.Value);
        Assert.Equal(ImportJobKind.Import, job.Kind);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        await using var context = db.NewContext();
        Assert.True(await context.Plans.AnyAsync(p => p.Code == "abashiri-sosei-2015"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task TwoWorkers_RacingForOneJob_OnlyOneClaimsIt(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var nodeA = Services(db, new FakeTimeProvider(Start));
        await using var nodeB = Services(db, new FakeTimeProvider(Start));
        var id = await EnqueueDemoAsync(nodeA, ImportJobKind.DryRun);

        for (var round = 0; round < 5; round++)
        {
            var claims = await Task.WhenAll(
                Task.Run(() => nodeA.GetRequiredService<ImportJobRunner>().ClaimAsync("worker-a")),
                Task.Run(() => nodeB.GetRequiredService<ImportJobRunner>().ClaimAsync("worker-b")));

            Assert.Equal(round == 0 ? 1 : 0, claims.Count(c => c == id));
            Assert.DoesNotContain(claims, c => c is not null && c != id);
        }

        await using var context = db.NewContext();
        var worker = await context.ImportJobs.Where(j => j.Id == id).Select(j => j.Worker).SingleAsync();
        Assert.Contains(worker, new[] { "worker-a", "worker-b" });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task RunningJob_WhoseWorkerWentQuiet_IsFailedWithAMessageAfterTheTimeout(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var clock = new FakeTimeProvider(Start);
        await using var services = Services(db, clock);
        var id = await EnqueueDemoAsync(services, ImportJobKind.DryRun);
        var runner = services.GetRequiredService<ImportJobRunner>();
        await runner.ClaimAsync("dead-worker");

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await runner.FailAbandonedAsync());
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await runner.FailAbandonedAsync());

        var job = await FindAsync(services, id);
        Assert.Equal(ImportJobState.Failed, job.State);
        Assert.Equal(ImportJobRunner.AbandonedMessage, job.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task FinishedJobs_OlderThanTheRetention_AreRemoved(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var clock = new FakeTimeProvider(Start);
        await using var services = Services(db, clock);
        var old = await EnqueueDemoAsync(services, ImportJobKind.DryRun);
        var runner = services.GetRequiredService<ImportJobRunner>();
        await runner.RunNextAsync("worker-a");
        clock.Advance(TimeSpan.FromDays(6));
        var recent = await EnqueueDemoAsync(services, ImportJobKind.DryRun);
        await runner.RunNextAsync("worker-a");
        var queued = await EnqueueDemoAsync(services, ImportJobKind.DryRun);

        clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, await runner.RemoveOldAsync());

        await using var scope = services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<ImportJobService>();
        Assert.Null(await jobs.FindAsync(old));
        Assert.NotNull(await jobs.FindAsync(recent));
        Assert.NotNull(await jobs.FindAsync(queued));
    }

    [Fact]
    public void StoredResult_OfAnotherShape_IsReadAsUnreadable_NotAsACrash()
    {
        Assert.Null(ImportJobService.ReadResult("{\"Problems\": 42}"));
        Assert.Null(ImportJobService.ReadResult(null));
    }

    private static ServiceProvider Services(TestDatabase db, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSoseiDatabase(db.Options);
        services.AddSoseiApplication();
        return services.BuildServiceProvider();
    }

    private static async Task<Guid> EnqueueDemoAsync(ServiceProvider services, ImportJobKind kind)
    {
        await using var file = DemoDataLoader.Open("abashiri-kpi-2015.json");
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ImportJobService>().EnqueueAsync("abashiri-kpi-2015.json", bytes.ToArray(), kind, "admin");
    }

    private static async Task<ImportJobView> FindAsync(ServiceProvider services, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ImportJobService>().FindAsync(id))!;
    }
}
