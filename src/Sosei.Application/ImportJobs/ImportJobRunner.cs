using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sosei.Application.Common;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;
using Sosei.Application.Workbooks;

namespace Sosei.Application.ImportJobs;

/// <summary>
/// Runs queued import jobs: claims one with a conditional UPDATE (only one worker's update finds it still queued, on
/// any node), runs the import, stores the result. Also fails jobs whose worker died and removes old finished jobs.
/// The web app's background worker calls it in a loop; see docs/adr/0009-import-jobs-in-the-database.md.
/// </summary>
public sealed partial class ImportJobRunner(IServiceScopeFactory scopes, TimeProvider clock, ImportJobOptions options, ILogger<ImportJobRunner> logger)
{
    /// <summary>The message of a job whose worker stopped while running it.</summary>
    public const string AbandonedMessage = "取り込みを処理していたサーバーが停止したため中断しました。もう一度ファイルを選んでください。 / The server running this import stopped; please choose the file again.";

    /// <summary>Claims the oldest queued job and runs it; false when there was none.</summary>
    public async Task<bool> RunNextAsync(string worker, CancellationToken cancellationToken = default)
    {
        var id = await ClaimAsync(worker, cancellationToken);
        if (id is null)
        {
            return false;
        }

        await RunAsync(id.Value, worker, cancellationToken);
        return true;
    }

    /// <summary>
    /// Claims the oldest queued job for <paramref name="worker"/>: an UPDATE … WHERE State = 'Queued', so when two
    /// workers race for a job, the second finds it no longer queued and updates nothing.
    /// </summary>
    public async Task<Guid?> ClaimAsync(string worker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(worker);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();

        // Ordered here, not in SQL: SQLite cannot order by DateTimeOffset, and the queue is short.
        var queued = (await db.ImportJobs.Where(j => j.State == ImportJobState.Queued).Select(j => new { j.Id, j.Created }).ToListAsync(cancellationToken))
            .OrderBy(j => j.Created).Select(j => j.Id);
        foreach (var id in queued)
        {
            var now = clock.GetUtcNow();
            var claimed = await db.ImportJobs
                .Where(j => j.Id == id && j.State == ImportJobState.Queued)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, ImportJobState.Running)
                    .SetProperty(j => j.Worker, worker)
                    .SetProperty(j => j.Started, now)
                    .SetProperty(j => j.Heartbeat, now), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Fails running jobs whose worker has been quiet for longer than <see cref="ImportJobOptions.StaleAfter"/>.</summary>
    public async Task<int> FailAbandonedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
        var now = clock.GetUtcNow();
        var running = await db.ImportJobs.Where(j => j.State == ImportJobState.Running).Select(j => new { j.Id, j.Worker, j.Heartbeat, j.Started }).ToListAsync(cancellationToken);
        var failed = 0;
        foreach (var job in running.Where(j => now - (j.Heartbeat ?? j.Started ?? now) > options.StaleAfter))
        {
            failed += await db.ImportJobs
                .Where(j => j.Id == job.Id && j.State == ImportJobState.Running && j.Worker == job.Worker)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, ImportJobState.Failed)
                    .SetProperty(j => j.Error, AbandonedMessage)
                    .SetProperty(j => j.Finished, now), cancellationToken);
            Log.Abandoned(logger, job.Id, job.Worker);
        }

        return failed;
    }

    /// <summary>Removes jobs that finished longer than <see cref="ImportJobOptions.Retention"/> ago.</summary>
    public async Task<int> RemoveOldAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
        var now = clock.GetUtcNow();
        var finished = await db.ImportJobs
            .Where(j => j.State == ImportJobState.Succeeded || j.State == ImportJobState.Failed)
            .Select(j => new { j.Id, j.Finished, j.Created })
            .ToListAsync(cancellationToken);
        var old = finished.Where(j => now - (j.Finished ?? j.Created) > options.Retention).Select(j => j.Id).ToList();
        return old.Count == 0 ? 0 : await db.ImportJobs.Where(j => old.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    // The job boundary: whatever goes wrong must end the job with a message, or its page would wait forever.
    private async Task RunAsync(Guid id, string worker, CancellationToken cancellationToken)
    {
        var progress = new LiveProgress();
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(id, worker, progress, heartbeatStop.Token);
        string fileName = "";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SoseiDbContext>();
            var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.FileName, j.Content, j.Kind, j.User }).SingleAsync(cancellationToken);
            fileName = job.FileName;
            var importer = scope.ServiceProvider.GetRequiredService<WorkbookImporter>();
            var result = await importer.ImportAsync(
                new MemoryStream(job.Content), job.FileName, new ImportOptions { DryRun = job.Kind == ImportJobKind.DryRun, User = job.User, Progress = progress }, cancellationToken);
            await StopAsync(heartbeatStop, heartbeat);
            await FinishAsync(id, worker, ImportJobState.Succeeded, ImportJobService.WriteResult(result), result.PlanCode, null, progress.Status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The app is stopping: the import's transaction was rolled back, so the job goes back to the queue for
            // the next worker (this node after its restart, or another one).
            await StopAsync(heartbeatStop, heartbeat);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SoseiDbContext>().ImportJobs
                .Where(j => j.Id == id && j.Worker == worker && j.State == ImportJobState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Queued).SetProperty(j => j.Worker, (string?)null), CancellationToken.None);
        }
        catch (Exception e)
        {
            Log.Failed(logger, fileName, e);
            await StopAsync(heartbeatStop, heartbeat);
            await FinishAsync(id, worker, ImportJobState.Failed, null, null, e.Message, progress.Status);
        }
    }

    private async Task FinishAsync(Guid id, string worker, ImportJobState state, string? result, string? planCode, string? error, string? status)
    {
        var now = clock.GetUtcNow();

        // A refused file's plan code may be longer than the column (that is one of its problems), and an error message
        // may be long: neither may stop the job from finishing.
        planCode = planCode is { Length: <= FieldLimits.Code } ? planCode : null;
        error = error is { Length: > FieldLimits.LongText } ? string.Concat(error.AsSpan(0, FieldLimits.LongText - 1), "…") : error;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SoseiDbContext>().ImportJobs
            .Where(j => j.Id == id && j.Worker == worker)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(j => j.State, state)
                    .SetProperty(j => j.Result, result)
                    .SetProperty(j => j.PlanCode, planCode)
                    .SetProperty(j => j.Error, error)
                    .SetProperty(j => j.Status, status)
                    .SetProperty(j => j.Progress, state == ImportJobState.Succeeded ? 1 : 0)
                    .SetProperty(j => j.Finished, now),
                CancellationToken.None);
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task heartbeat)
    {
        await stop.CancelAsync();
        await heartbeat;
    }

    // Saves progress and says "alive" while the import runs, on its own connection. Best effort: on SQLite the
    // import's write transaction can hold the lock for a while; the job is only failed after StaleAfter.
    private async Task HeartbeatAsync(Guid id, string worker, LiveProgress progress, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.HeartbeatInterval, clock, stop);
                var now = clock.GetUtcNow();
                var (fraction, status) = progress.Latest;
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SoseiDbContext>().ImportJobs
                    .Where(j => j.Id == id && j.Worker == worker && j.State == ImportJobState.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, fraction).SetProperty(j => j.Status, status).SetProperty(j => j.Heartbeat, now), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                Log.HeartbeatFailed(logger, id, e);
            }
        }
    }

    private sealed class LiveProgress : IProgress<(double Fraction, string Status)>
    {
        private (double Fraction, string Status) latest = (0, "開始 / starting");
        private readonly Lock gate = new();

        public (double Fraction, string Status) Latest
        {
            get
            {
                lock (gate)
                {
                    return latest;
                }
            }
        }

        public string Status => Latest.Status;

        public void Report((double Fraction, string Status) value)
        {
            lock (gate)
            {
                latest = value;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Import of {File} failed")]
        public static partial void Failed(ILogger logger, string file, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {Id} was abandoned by worker {Worker}: failed")]
        public static partial void Abandoned(ILogger logger, Guid id, string? worker);

        [LoggerMessage(Level = LogLevel.Debug, Message = "Progress of import job {Id} not saved")]
        public static partial void HeartbeatFailed(ILogger logger, Guid id, Exception exception);
    }
}
