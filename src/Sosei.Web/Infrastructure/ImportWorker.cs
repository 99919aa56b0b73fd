using Sosei.Application.ImportJobs;

namespace Sosei.Web.Infrastructure;

/// <summary>
/// The background worker of this node: runs queued import jobs one at a time (woken at once when a job is queued
/// here, otherwise polling, so jobs queued on another node are found too), fails jobs abandoned by a dead worker and
/// removes old finished jobs. The claim is in the database, so several nodes can run a worker each.
/// </summary>
public sealed partial class ImportWorker(ImportJobRunner runner, ImportJobSignal signal, ImportJobOptions options, TimeProvider clock, ILogger<ImportWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaintenanceEvery = TimeSpan.FromMinutes(1);

    /// <summary>This worker's name in the jobs it claims: machine, process and a random part.</summary>
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextMaintenance = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextMaintenance)
                {
                    await runner.FailAbandonedAsync(stoppingToken);
                    await runner.RemoveOldAsync(stoppingToken);
                    nextMaintenance = clock.GetUtcNow() + MaintenanceEvery;
                }

                while (await runner.RunNextAsync(Name, stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be out of reach for a moment (or not migrated yet at the first start): try again later.
                Log.LoopFailed(logger, e);
            }

            try
            {
                await signal.WaitAsync(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Import worker: looking for jobs failed; trying again")]
        public static partial void LoopFailed(ILogger logger, Exception exception);
    }
}
