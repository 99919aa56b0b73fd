using System.Globalization;

namespace Sosei.Domain.Periods;

/// <summary>
/// A Japanese fiscal year (年度): 1 April of <see cref="Year"/> to 31 March of the next year.
/// It is named by the era in force on its first day, except FY2019: it began under 平成 (平成31年度) but is called
/// 令和元年度 in everything written after the era change, so Sosei displays 令和元年度 and accepts both when parsing.
/// </summary>
/// <remarks>
/// Like NodaTime's <c>LocalDate</c>, a fiscal year validates itself: the constructor refuses years outside
/// <see cref="MinYear"/>–<see cref="MaxYear"/>, so no caller repeats the range check. Years from outside (query
/// strings, command-line options) go through <see cref="TryCreate(int?, out FiscalYear?)"/>. <c>default(FiscalYear)</c> is year 0 and is not
/// a valid fiscal year; nothing in Sosei creates it.
/// </remarks>
/// <param name="Year">The Gregorian year in which the fiscal year starts (FY2024 = 令和6年度), <see cref="MinYear"/>–<see cref="MaxYear"/>.</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="Year"/> is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
public readonly record struct FiscalYear(int Year) : IComparable<FiscalYear>
{
    /// <summary>Smallest fiscal year Sosei accepts.</summary>
    public const int MinYear = 1900;

    /// <summary>Largest fiscal year Sosei accepts (population visions reach 2100).</summary>
    public const int MaxYear = 2200;

    /// <summary>The Gregorian year in which the fiscal year starts, <see cref="MinYear"/>–<see cref="MaxYear"/>.</summary>
    public int Year { get; } = Check(Year);

    /// <summary>Whether <paramref name="year"/> is a fiscal year Sosei accepts (<see cref="MinYear"/>–<see cref="MaxYear"/>).</summary>
    public static bool IsValid(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>The fiscal year starting in <paramref name="year"/>, or false when the year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</summary>
    public static bool TryCreate(int year, out FiscalYear fiscalYear)
    {
        fiscalYear = IsValid(year) ? new FiscalYear(year) : default;
        return IsValid(year);
    }

    /// <summary>
    /// Reads an optional year from outside (a query string, an option): null stays null (the default year), a valid
    /// year becomes its fiscal year; false for a year outside <see cref="MinYear"/>–<see cref="MaxYear"/>.
    /// </summary>
    public static bool TryCreate(int? year, out FiscalYear? fiscalYear)
    {
        fiscalYear = null;
        if (year is not { } y)
        {
            return true;
        }

        if (!TryCreate(y, out var fy))
        {
            return false;
        }

        fiscalYear = fy;
        return true;
    }

    /// <summary>First day (1 April).</summary>
    public DateOnly Start => new(Year, 4, 1);

    /// <summary>Last day (31 March of the next year).</summary>
    public DateOnly End => new(Year + 1, 3, 31);

    /// <summary>The fiscal year a day belongs to.</summary>
    public static FiscalYear Containing(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    /// <summary>The era used to name this fiscal year.</summary>
    public JapaneseEra Era => Year >= 2019 ? JapaneseEra.Reiwa : JapaneseEra.On(Start);

    /// <summary>The year within <see cref="Era"/> (1 = 元年).</summary>
    public int EraYear => Year - Era.FirstGregorianYear + 1;

    /// <summary>令和6年度.</summary>
    public string ToJapanese() => $"{Era.Name}{JapaneseEra.EraYearText(EraYear)}年度";

    /// <summary>令和6年度 (2024): the form used everywhere in the interface.</summary>
    public string ToDisplay() => string.Create(CultureInfo.InvariantCulture, $"{ToJapanese()} ({Year})");

    /// <summary>R6: the short form of tables.</summary>
    public string ToShort() => string.Create(CultureInfo.InvariantCulture, $"{Era.Letter}{EraYear}");

    /// <summary>FY2024: the English form.</summary>
    public string ToEnglish() => string.Create(CultureInfo.InvariantCulture, $"FY{Year}");

    /// <summary>The fiscal year <paramref name="years"/> later.</summary>
    public FiscalYear AddYears(int years) => new(Year + years);

    /// <inheritdoc />
    public int CompareTo(FiscalYear other) => Year.CompareTo(other.Year);

    /// <summary>Compares fiscal years.</summary>
    public static bool operator <(FiscalYear left, FiscalYear right) => left.Year < right.Year;

    /// <summary>Compares fiscal years.</summary>
    public static bool operator >(FiscalYear left, FiscalYear right) => left.Year > right.Year;

    /// <summary>Compares fiscal years.</summary>
    public static bool operator <=(FiscalYear left, FiscalYear right) => left.Year <= right.Year;

    /// <summary>Compares fiscal years.</summary>
    public static bool operator >=(FiscalYear left, FiscalYear right) => left.Year >= right.Year;

    /// <inheritdoc />
    public override string ToString() => ToEnglish();

    private static int Check(int year) => IsValid(year)
        ? year
        : throw new ArgumentOutOfRangeException(nameof(year), year,
            $"年度は{MinYear}～{MaxYear}年の範囲です / a fiscal year must be between {MinYear} and {MaxYear}");
}
