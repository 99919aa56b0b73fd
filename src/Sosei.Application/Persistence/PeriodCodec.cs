using System.Globalization;
using Sosei.Domain.Periods;

namespace Sosei.Application.Persistence;

/// <summary>
/// The invariant, machine-readable form of periods used in the database, files and the API:
/// FY2024 (fiscal year), CY2024 (calendar year), 2024-03 (month), 2024-10-01 (day), and ranges "FY2015..FY2019".
/// </summary>
public static class PeriodCodec
{
    /// <summary>Builds a period from its stored parts.</summary>
    public static Period FromParts(PeriodKind kind, int year, int month, int day) => kind switch
    {
        PeriodKind.FiscalYear => Period.OfFiscalYear(year),
        PeriodKind.CalendarYear => Period.OfCalendarYear(year),
        PeriodKind.Month => Period.OfMonth(year, month),
        _ => Period.OfDate(new DateOnly(year, month, day)),
    };

    /// <summary>Formats a period (FY2024).</summary>
    public static string Format(Period period) => period.ToInvariant();

    /// <summary>Formats a range (FY2015..FY2019, or FY2024 for a single period).</summary>
    public static string Format(PeriodRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range.ToInvariant();
    }

    /// <summary>Parses the invariant form of a period.</summary>
    /// <exception cref="FormatException">The text is not in the invariant form.</exception>
    public static Period ParsePeriod(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Length == 6 && (s.StartsWith("FY", StringComparison.Ordinal) || s.StartsWith("CY", StringComparison.Ordinal))
            && int.TryParse(s.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return s[0] == 'F' ? Period.OfFiscalYear(year) : Period.OfCalendarYear(year);
        }

        if (s.Length == 7 && DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return Period.OfMonth(month.Year, month.Month);
        }

        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Period.OfDate(day);
        }

        throw new FormatException($"'{text}' is not a period in the invariant form (FY2024, CY2024, 2024-03, 2024-10-01).");
    }

    /// <summary>Parses the invariant form of a range.</summary>
    /// <exception cref="FormatException">The text is not in the invariant form.</exception>
    public static PeriodRange ParseRange(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = text.IndexOf("..", StringComparison.Ordinal);
        if (i < 0)
        {
            return PeriodRange.Of(ParsePeriod(text));
        }

        try
        {
            return new PeriodRange(ParsePeriod(text[..i]), ParsePeriod(text[(i + 2)..]));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{text}' is not a valid range: {e.Message}", e);
        }
    }

    /// <summary>Parses a stored range, or null for null.</summary>
    public static PeriodRange? ParseRangeOrNull(string? text) => text is null ? null : ParseRange(text);
}
