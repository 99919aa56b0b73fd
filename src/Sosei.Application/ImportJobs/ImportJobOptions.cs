namespace Sosei.Application.ImportJobs;

/// <summary>Settings of the import jobs (configuration section <c>Sosei:ImportJobs</c>).</summary>
public sealed class ImportJobOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Sosei:ImportJobs";

    /// <summary>How long finished jobs (and their uploaded files) are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A running job whose worker has not said it is alive for this long is failed (its process died).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an idle worker looks for queued jobs (a job queued on the same node wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running job's progress and heartbeat are saved.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);
}
