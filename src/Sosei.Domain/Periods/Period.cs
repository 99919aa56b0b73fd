using System.Globalization;

namespace Sosei.Domain.Periods;

/// <summary>
/// The period a value refers to: a fiscal year, a calendar year, a month or a day.
/// Ordered by end date, then start date. Immutable.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    private Period(PeriodKind kind, int year, int month, int day)
    {
        Kind = kind;
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>What kind of period this is.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Gregorian year; for a fiscal year, the year in which it starts.</summary>
    public int Year { get; }

    /// <summary>Month 1–12 for <see cref="PeriodKind.Month"/> and <see cref="PeriodKind.Date"/>, otherwise 0.</summary>
    public int Month { get; }

    /// <summary>Day of month for <see cref="PeriodKind.Date"/>, otherwise 0.</summary>
    public int Day { get; }

    /// <summary>A fiscal year (年度).</summary>
    public static Period OfFiscalYear(int year) => new(PeriodKind.FiscalYear, CheckYear(year), 0, 0);

    /// <summary>A fiscal year (年度).</summary>
    public static Period Of(FiscalYear fiscalYear) => OfFiscalYear(fiscalYear.Year);

    /// <summary>A calendar year (年).</summary>
    public static Period OfCalendarYear(int year) => new(PeriodKind.CalendarYear, CheckYear(year), 0, 0);

    /// <summary>A month.</summary>
    public static Period OfMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new(PeriodKind.Month, CheckYear(year), month, 0);
    }

    /// <summary>A day.</summary>
    public static Period OfDate(DateOnly date) => new(PeriodKind.Date, CheckYear(date.Year), date.Month, date.Day);

    /// <summary>A year of the given kind (fiscal or calendar).</summary>
    public static Period OfYear(int year, PeriodKind kind) => kind switch
    {
        PeriodKind.FiscalYear => OfFiscalYear(year),
        PeriodKind.CalendarYear => OfCalendarYear(year),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A year is fiscal or calendar."),
    };

    /// <summary>First day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.FiscalYear => new DateOnly(Year, 4, 1),
        PeriodKind.CalendarYear => new DateOnly(Year, 1, 1),
        PeriodKind.Month => new DateOnly(Year, Month, 1),
        _ => new DateOnly(Year, Month, Day),
    };

    /// <summary>Last day of the period.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.FiscalYear => new DateOnly(Year + 1, 3, 31),
        PeriodKind.CalendarYear => new DateOnly(Year, 12, 31),
        PeriodKind.Month => new DateOnly(Year, Month, DateTime.DaysInMonth(Year, Month)),
        _ => new DateOnly(Year, Month, Day),
    };

    /// <summary>
    /// The fiscal year this period reports into: the one containing its last day. A calendar-year value for 2019
    /// counts for FY2019; a census taken on 2015-10-01 counts for FY2015.
    /// </summary>
    public FiscalYear FiscalYear => Kind == PeriodKind.FiscalYear ? new FiscalYear(Year) : FiscalYear.Containing(End);

    /// <summary>Japanese form: 令和6年度, 令和6年, 平成31年3月, 令和2年10月1日.</summary>
    public string ToJapanese()
    {
        switch (Kind)
        {
            case PeriodKind.FiscalYear:
                return new FiscalYear(Year).ToJapanese();
            case PeriodKind.CalendarYear:
                {
                    // A calendar year is named by the era of its end: 2019 is 令和元年.
                    var era = JapaneseEra.On(End);
                    return $"{era.Name}{JapaneseEra.EraYearText(Year - era.FirstGregorianYear + 1)}年";
                }

            default:
                {
                    var era = JapaneseEra.On(Kind == PeriodKind.Month ? End : Start);
                    var eraYear = JapaneseEra.EraYearText(Year - era.FirstGregorianYear + 1);
                    return Kind == PeriodKind.Month
                        ? string.Create(CultureInfo.InvariantCulture, $"{era.Name}{eraYear}年{Month}月")
                        : string.Create(CultureInfo.InvariantCulture, $"{era.Name}{eraYear}年{Month}月{Day}日");
                }
        }
    }

    /// <summary>Display form with the Gregorian year: 令和6年度 (2024), 令和2年10月1日 (2020).</summary>
    public string ToDisplay() => string.Create(CultureInfo.InvariantCulture, $"{ToJapanese()} ({Year})");

    /// <summary>Short form of tables: R6 for a fiscal or calendar year, R2.10 for a month, R2.10.1 for a day.</summary>
    public string ToShort()
    {
        var era = Kind == PeriodKind.FiscalYear ? new FiscalYear(Year).Era : JapaneseEra.On(Kind == PeriodKind.Date ? Start : End);
        var eraYear = Year - era.FirstGregorianYear + 1;
        return Kind switch
        {
            PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{era.Letter}{eraYear}.{Month}"),
            PeriodKind.Date => string.Create(CultureInfo.InvariantCulture, $"{era.Letter}{eraYear}.{Month}.{Day}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{era.Letter}{eraYear}"),
        };
    }

    /// <summary>Invariant, machine-readable form used in files and the API: FY2024, CY2024, 2024-03, 2024-10-01.</summary>
    public string ToInvariant() => Kind switch
    {
        PeriodKind.FiscalYear => string.Create(CultureInfo.InvariantCulture, $"FY{Year}"),
        PeriodKind.CalendarYear => string.Create(CultureInfo.InvariantCulture, $"CY{Year}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    /// <inheritdoc />
    public int CompareTo(Period other)
    {
        var c = End.CompareTo(other.End);
        return c != 0 ? c : Start.CompareTo(other.Start);
    }

    /// <summary>Compares by end date, then start date.</summary>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>Compares by end date, then start date.</summary>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>Compares by end date, then start date.</summary>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by end date, then start date.</summary>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => ToInvariant();

    private static int CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, Periods.FiscalYear.MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, Periods.FiscalYear.MaxYear);
        return year;
    }
}
