namespace Sosei.Application.Reports;

/// <summary>Limits of PDF printing (configuration section <c>Sosei:Pdf</c>); docs/reports.md, README "安全と上限".</summary>
public sealed class PdfOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Sosei:Pdf";

    /// <summary>PDFs printed at the same time (each is a Chromium page; the browser is shared).</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>PDFs that may wait for a free printer; one more is answered 503 with Retry-After.</summary>
    public int MaxQueued { get; set; } = 20;

    /// <summary>Printed PDFs kept in memory (an entry is dropped when the least used has to make room, or after <see cref="CacheFor"/> unused); 0 turns the cache off.</summary>
    public int CacheEntries { get; set; } = 50;

    /// <summary>How long a cached PDF nobody asks for is kept.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>PDF requests per minute from one client address that is not signed in (signed-in staff are not limited).</summary>
    public int AnonymousPerMinute { get; set; } = 10;

    /// <summary>The Retry-After a client gets when the queue is full.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}
