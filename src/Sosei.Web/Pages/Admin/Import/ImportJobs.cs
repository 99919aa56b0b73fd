using System.Collections.Concurrent;
using Sosei.Application.PlanFiles;
using Sosei.Application.Workbooks;

namespace Sosei.Web.Pages.Admin.Import;

/// <summary>One import (or dry run) running in the background, with its progress and result.</summary>
public sealed class ImportJob : IProgress<(double Fraction, string Status)>
{
    internal ImportJob(Guid id, string fileName, byte[] content, bool dryRun, string user, DateTimeOffset started)
    {
        Id = id;
        FileName = fileName;
        Content = content;
        DryRun = dryRun;
        User = user;
        Started = started;
    }

    /// <summary>Job id (random: also what makes the job's page hard to guess).</summary>
    public Guid Id { get; }

    /// <summary>The uploaded file's name.</summary>
    public string FileName { get; }

    /// <summary>The uploaded bytes (kept so a dry run can be confirmed without uploading again).</summary>
    internal byte[] Content { get; }

    /// <summary>Whether this is a dry run.</summary>
    public bool DryRun { get; }

    /// <summary>Who started it.</summary>
    public string User { get; }

    /// <summary>When it started.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>Progress, 0–1.</summary>
    public double Fraction { get; private set; }

    /// <summary>What it is doing.</summary>
    public string Status { get; private set; } = "待機中 / waiting";

    /// <summary>The result, when done.</summary>
    public ImportResult? Result { get; internal set; }

    /// <summary>An unexpected error, when it failed.</summary>
    public string? Error { get; internal set; }

    /// <summary>Whether it has finished.</summary>
    public bool IsDone => Result is not null || Error is not null;

    /// <inheritdoc />
    public void Report((double Fraction, string Status) value)
    {
        Fraction = value.Fraction;
        Status = value.Status;
    }
}

/// <summary>
/// Imports run in the background so a long import shows its progress on the page (the job page polls by reloading:
/// no JavaScript needed). Jobs live in memory for an hour; an import is one transaction, so a restart mid-way loses
/// nothing but the job page.
/// </summary>
public sealed partial class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();

    /// <summary>Starts an import or dry run of a file.</summary>
    public ImportJob Start(string fileName, byte[] content, bool dryRun, string user)
    {
        var now = clock.GetUtcNow();
        foreach (var old in jobs.Values.Where(j => now - j.Started > KeepFor))
        {
            jobs.TryRemove(old.Id, out _);
        }

        var job = new ImportJob(Guid.NewGuid(), fileName, content, dryRun, user, now);
        jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    /// <summary>A job by id, or null.</summary>
    public ImportJob? Find(Guid id) => jobs.GetValueOrDefault(id);

    // The job boundary: whatever goes wrong must end the job with a message, or its page would wait forever.
    private async Task RunAsync(ImportJob job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<WorkbookImporter>();
            job.Result = await importer.ImportAsync(new MemoryStream(job.Content), job.FileName, new ImportOptions { DryRun = job.DryRun, User = job.User, Progress = job });
        }
        catch (Exception e)
        {
            Log.Failed(logger, job.FileName, e);
            job.Error = e.Message;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Import of {File} failed")]
        public static partial void Failed(ILogger logger, string file, Exception exception);
    }
}
