namespace Sosei.Application.ImportJobs;

/// <summary>What an import job does with its file.</summary>
public enum ImportJobKind
{
    /// <summary>Validate and report what would change; write nothing.</summary>
    DryRun = 0,

    /// <summary>Import for real (one transaction: all or nothing).</summary>
    Import = 1,
}

/// <summary>Where an import job is in its life.</summary>
public enum ImportJobState
{
    /// <summary>Waiting for a worker to claim it.</summary>
    Queued = 0,

    /// <summary>Claimed by a worker and running.</summary>
    Running = 1,

    /// <summary>Finished with a result (which may list problems: a refused file is still a finished job).</summary>
    Succeeded = 2,

    /// <summary>Ended by an unexpected error, or abandoned by a worker that stopped.</summary>
    Failed = 3,
}

/// <summary>
/// An import (or dry run) of an uploaded file, stored in the database so that any app node can run it and a restart
/// loses nothing; see docs/adr/0009-import-jobs-in-the-database.md.
/// </summary>
public sealed class ImportJob
{
    /// <summary>Job id (random: also what makes the job's page hard to guess).</summary>
    public Guid Id { get; set; }

    /// <summary>Plan code, once the import has read it from the file.</summary>
    public string? PlanCode { get; set; }

    /// <summary>The uploaded file's name (its extension tells the importer the file kind).</summary>
    public string FileName { get; set; } = "";

    /// <summary>Dry run or import.</summary>
    public ImportJobKind Kind { get; set; }

    /// <summary>The uploaded bytes (kept so a dry run can be confirmed without uploading again).</summary>
    public byte[] Content { get; set; } = [];

    /// <summary>State.</summary>
    public ImportJobState State { get; set; }

    /// <summary>Progress, 0–1.</summary>
    public double Progress { get; set; }

    /// <summary>What it is doing (short, Japanese / English).</summary>
    public string? Status { get; set; }

    /// <summary>The <see cref="PlanFiles.ImportResult"/> as JSON, when it succeeded.</summary>
    public string? Result { get; set; }

    /// <summary>What went wrong, when it failed.</summary>
    public string? Error { get; set; }

    /// <summary>Who started it.</summary>
    public string User { get; set; } = "";

    /// <summary>The worker (node) that claimed it.</summary>
    public string? Worker { get; set; }

    /// <summary>When it was queued.</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>When a worker claimed it.</summary>
    public DateTimeOffset? Started { get; set; }

    /// <summary>When the running worker last said it was alive; a running job whose worker went quiet is failed.</summary>
    public DateTimeOffset? Heartbeat { get; set; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? Finished { get; set; }
}
