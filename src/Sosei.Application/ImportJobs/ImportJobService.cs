using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;

namespace Sosei.Application.ImportJobs;

/// <summary>What the job page shows of an import job (never its uploaded bytes).</summary>
/// <param name="Id">Job id.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Kind">Dry run or import.</param>
/// <param name="State">State.</param>
/// <param name="Progress">Progress, 0–1.</param>
/// <param name="Status">What it is doing.</param>
/// <param name="PlanCode">Plan code, when known.</param>
/// <param name="Result">The result, when it succeeded.</param>
/// <param name="Error">What went wrong, when it failed.</param>
/// <param name="User">Who started it.</param>
/// <param name="Created">When it was queued.</param>
/// <param name="Started">When it started.</param>
/// <param name="Finished">When it finished.</param>
public sealed record ImportJobView(
    Guid Id,
    string FileName,
    ImportJobKind Kind,
    ImportJobState State,
    double Progress,
    string? Status,
    string? PlanCode,
    ImportResult? Result,
    string? Error,
    string User,
    DateTimeOffset Created,
    DateTimeOffset? Started,
    DateTimeOffset? Finished)
{
    /// <summary>Whether this is a dry run.</summary>
    public bool DryRun => Kind == ImportJobKind.DryRun;

    /// <summary>Whether it has finished, one way or the other.</summary>
    public bool IsDone => State is ImportJobState.Succeeded or ImportJobState.Failed;
}

/// <summary>
/// Queues import jobs and reads them back for the job page; the workers (<see cref="ImportJobRunner"/>) run them.
/// </summary>
public sealed class ImportJobService(SoseiDbContext db, TimeProvider clock, ImportJobSignal signal)
{
    private const int MaxFileName = 260;

    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.General)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Queues an import or dry run of a file and wakes this node's worker; returns the job id.</summary>
    public async Task<Guid> EnqueueAsync(string fileName, byte[] content, ImportJobKind kind, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(user);

        // The file name's column holds 260 characters: a longer name keeps its start and its extension.
        if (fileName.Length > MaxFileName)
        {
            var extension = Path.GetExtension(fileName);
            extension = extension.Length > 16 ? "" : extension;
            fileName = string.Concat(fileName.AsSpan(0, MaxFileName - extension.Length - 1), "…", extension);
        }

        var job = new ImportJob
        {
            Id = Guid.NewGuid(),
            FileName = fileName,
            Content = content,
            Kind = kind,
            State = ImportJobState.Queued,
            Status = "待機中 / waiting",
            User = user,
            Created = clock.GetUtcNow(),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(job).State = EntityState.Detached;
        signal.Notify();
        return job.Id;
    }

    /// <summary>A job by id, or null when unknown (or removed after the retention period).</summary>
    public async Task<ImportJobView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.ImportJobs.AsNoTracking()
            .Where(j => j.Id == id)
            .Select(j => new { j.Id, j.FileName, j.Kind, j.State, j.Progress, j.Status, j.PlanCode, j.Result, j.Error, j.User, j.Created, j.Started, j.Finished })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var result = ReadResult(row.Result);
        var error = row.Error;
        if (row.State == ImportJobState.Succeeded && result is null)
        {
            error ??= "結果を読み込めませんでした（このバージョンより前の形式です）。もう一度ファイルを選んでください。 / The result could not be read (stored by an older version); please choose the file again.";
        }

        return new ImportJobView(
            row.Id, row.FileName, row.Kind, result is null && error is not null ? ImportJobState.Failed : row.State, row.Progress, row.Status, row.PlanCode,
            result, error, row.User, row.Created, row.Started, row.Finished);
    }

    /// <summary>
    /// Queues the real import of a dry run that succeeded without problems, with the same file; null when the job is
    /// unknown, not a dry run, or not a clean success.
    /// </summary>
    public async Task<Guid?> ConfirmAsync(Guid dryRunId, string user, CancellationToken cancellationToken = default)
    {
        var job = await FindAsync(dryRunId, cancellationToken);
        if (job is not { DryRun: true, State: ImportJobState.Succeeded, Result.Succeeded: true })
        {
            return null;
        }

        var content = await db.ImportJobs.Where(j => j.Id == dryRunId).Select(j => j.Content).SingleAsync(cancellationToken);
        return await EnqueueAsync(job.FileName, content, ImportJobKind.Import, user, cancellationToken);
    }

    /// <summary>The stored form of a result.</summary>
    internal static string WriteResult(ImportResult result) => JsonSerializer.Serialize(result, ResultJson);

    // A result stored by another version may not fit today's shape: then it is shown as unreadable, not as a crash.
    internal static ImportResult? ReadResult(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ImportResult>(json, ResultJson);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary>Wakes this node's import worker when a job is queued here (other nodes find it by polling).</summary>
public sealed class ImportJobSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>Wakes the worker, if it waits.</summary>
    public void Notify()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a signal or the timeout.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => signal.Dispose();
}
