using Sosei.Domain.Periods;

namespace Sosei.Application.Common;

/// <summary>
/// The one "today in Japan" every default-year decision uses (plan pages, verification, reports, API, population
/// pages): the injected <see cref="TimeProvider"/>'s instant in Asia/Tokyo, whatever the server's own time zone is.
/// </summary>
/// <remarks>
/// Japan has kept +09:00 without daylight saving since 1951, so where the time-zone database is missing (a slim
/// container) a fixed +09:00 zone gives the same dates.
/// </remarks>
public static class JapanTime
{
    /// <summary>Asia/Tokyo, or a fixed +09:00 zone when the time-zone database does not have it.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The current instant as a Japanese clock shows it (offset +09:00).</summary>
    public static DateTimeOffset NowInJapan(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);
    }

    /// <summary>Today's date in Japan.</summary>
    public static DateOnly TodayInJapan(this TimeProvider clock) => DateOnly.FromDateTime(clock.NowInJapan().DateTime);

    /// <summary>The fiscal year today in Japan belongs to (from 1 April, 00:00 JST).</summary>
    public static FiscalYear CurrentFiscalYearInJapan(this TimeProvider clock) => FiscalYear.Containing(clock.TodayInJapan());

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "Japan Standard Time", "Japan Standard Time");
        }
    }
}
