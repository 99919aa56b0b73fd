using System.Globalization;
using Sosei.Application.Common;

namespace Sosei.Application.Reports;

/// <summary>
/// The PDF printing queue of this process (its slots): at most <see cref="PdfOptions.MaxConcurrent"/> jobs hold a slot, at most
/// <see cref="PdfOptions.MaxQueued"/> wait for one, and one more is refused at once with
/// <see cref="PdfQueueFullException"/>. Counts what it does (running, waiting, waits, peak, refused) for the admin page
/// and the "Sosei.Pdf" meter.
/// </summary>
public sealed class PdfSlots : IDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly TimeProvider time;
    private readonly TimeSpan retryAfter;
    private int pending; // holding a slot or waiting for one
    private int running;
    private int peak;
    private long rejected;
    private long waits;
    private long waitTicksTotal;
    private long lastWaitTicks = -1;

    /// <summary>Creates the queue.</summary>
    public PdfSlots(PdfOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        MaxConcurrent = Math.Max(1, options.MaxConcurrent);
        MaxQueued = Math.Max(0, options.MaxQueued);
        retryAfter = options.RetryAfter > TimeSpan.Zero ? options.RetryAfter : TimeSpan.FromSeconds(10);
        slots = new SemaphoreSlim(MaxConcurrent, MaxConcurrent);
        this.time = time;
    }

    /// <summary>Jobs printed at the same time, at most.</summary>
    public int MaxConcurrent { get; }

    /// <summary>Jobs that may wait, at most.</summary>
    public int MaxQueued { get; }

    /// <summary>Jobs holding a slot now.</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>Jobs waiting for a slot now.</summary>
    public int Waiting => Math.Max(0, Volatile.Read(ref pending) - Running);

    /// <summary>The most jobs that ever held a slot at once.</summary>
    public int PeakRunning => Volatile.Read(ref peak);

    /// <summary>Jobs refused because the queue was full.</summary>
    public long Rejected => Interlocked.Read(ref rejected);

    /// <summary>How long the last job waited for its slot; null before the first.</summary>
    public TimeSpan? LastWait => Interlocked.Read(ref lastWaitTicks) is var t and >= 0 ? TimeSpan.FromTicks(t) : null;

    /// <summary>The mean wait for a slot; null before the first.</summary>
    public TimeSpan? MeanWait => Interlocked.Read(ref waits) is var n and > 0 ? TimeSpan.FromTicks(Interlocked.Read(ref waitTicksTotal) / n) : null;

    /// <summary>Waits for a slot; dispose the slot when the job is done.</summary>
    /// <exception cref="PdfQueueFullException">Every slot is taken and <see cref="MaxQueued"/> jobs already wait.</exception>
    public async Task<PdfSlot> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref pending) > MaxConcurrent + MaxQueued)
        {
            Interlocked.Decrement(ref pending);
            Interlocked.Increment(ref rejected);
            throw new PdfQueueFullException(Full(), retryAfter);
        }

        var started = time.GetTimestamp();
        try
        {
            await slots.WaitAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref pending);
            throw;
        }

        var waited = time.GetElapsedTime(started);
        Interlocked.Exchange(ref lastWaitTicks, waited.Ticks);
        Interlocked.Add(ref waitTicksTotal, waited.Ticks);
        Interlocked.Increment(ref waits);
        var now = Interlocked.Increment(ref running);
        for (var seen = Volatile.Read(ref peak); now > seen; seen = Volatile.Read(ref peak))
        {
            if (Interlocked.CompareExchange(ref peak, now, seen) == seen)
            {
                break;
            }
        }

        return new PdfSlot(this, waited);
    }

    /// <inheritdoc />
    public void Dispose() => slots.Dispose();

    internal void Exit()
    {
        Interlocked.Decrement(ref running);
        Interlocked.Decrement(ref pending);
        slots.Release();
    }

    private Message Full()
    {
        var seconds = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var concurrent = MaxConcurrent.ToString(CultureInfo.InvariantCulture);
        var queued = MaxQueued.ToString(CultureInfo.InvariantCulture);
        return new Message(
            $"PDF の作成が混み合っています（同時に作成できるのは {concurrent} 件、待てるのは {queued} 件までです）。{seconds} 秒ほどおいてからもう一度お試しください。Excel（xlsx）と CSV はすぐにダウンロードできます。",
            $"PDF printing is busy ({concurrent} at a time, {queued} waiting at most). Please try again in about {seconds} seconds. Excel (xlsx) and CSV downloads are available at once.");
    }
}

/// <summary>A slot of the <see cref="PdfSlots"/>, held while one PDF is printed.</summary>
public sealed class PdfSlot : IDisposable
{
    private PdfSlots? queue;

    internal PdfSlot(PdfSlots queue, TimeSpan waited)
    {
        this.queue = queue;
        Waited = waited;
    }

    /// <summary>How long the job waited for the slot.</summary>
    public TimeSpan Waited { get; }

    /// <summary>Gives the slot back (once).</summary>
    public void Dispose() => Interlocked.Exchange(ref queue, null)?.Exit();
}

/// <summary>Thrown when the PDF queue is full: the client should retry after <see cref="RetryAfter"/> (HTTP 503).</summary>
public sealed class PdfQueueFullException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PdfQueueFullException()
        : this(new Message("PDF の作成が混み合っています。", "PDF printing is busy."), TimeSpan.FromSeconds(10))
    {
    }

    /// <summary>Creates the exception with a message (Japanese half as <see cref="Exception.Message"/>).</summary>
    public PdfQueueFullException(string message)
        : this(new Message(message, message), TimeSpan.FromSeconds(10))
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public PdfQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = new Message(message, message);
    }

    /// <summary>Creates the exception for a full queue.</summary>
    public PdfQueueFullException(Message problem, TimeSpan retryAfter)
        : base((problem ?? throw new ArgumentNullException(nameof(problem))).Japanese)
    {
        Problem = problem;
        RetryAfter = retryAfter;
    }

    /// <summary>What to tell the user, in both languages.</summary>
    public Message Problem { get; }

    /// <summary>When to try again.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(10);
}
