using System.Globalization;

namespace Sosei.Domain.Periods;

/// <summary>
/// A span of periods of one kind, both ends included: H20-24 (calendar years 2008–2012), H27～R1 (FY2015–FY2019),
/// R3~R7. A single period is a range whose ends are equal.
/// </summary>
public sealed record PeriodRange
{
    /// <summary>Creates a range.</summary>
    /// <exception cref="ArgumentException">The ends are of different kinds, or <paramref name="last"/> is before <paramref name="first"/>.</exception>
    public PeriodRange(Period first, Period last)
    {
        if (first.Kind != last.Kind)
        {
            throw new ArgumentException($"Both ends of a range must be of one kind ({first.Kind}, {last.Kind}).", nameof(last));
        }

        if (last < first)
        {
            throw new ArgumentException($"The range ends ({last}) before it starts ({first}).", nameof(last));
        }

        First = first;
        Last = last;
    }

    /// <summary>First period.</summary>
    public Period First { get; }

    /// <summary>Last period.</summary>
    public Period Last { get; }

    /// <summary>Kind of both ends.</summary>
    public PeriodKind Kind => First.Kind;

    /// <summary>Whether the range is one period.</summary>
    public bool IsSingle => First == Last;

    /// <summary>A range of one period.</summary>
    public static PeriodRange Of(Period period) => new(period, period);

    /// <summary>Fiscal years <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static PeriodRange FiscalYears(int first, int last) => new(Period.OfFiscalYear(first), Period.OfFiscalYear(last));

    /// <summary>Number of years covered, for year ranges.</summary>
    public int YearCount => Last.Year - First.Year + 1;

    /// <summary>Whether a period lies within the range (by dates).</summary>
    public bool Contains(Period period) => period.Start >= First.Start && period.End <= Last.End;

    /// <summary>令和3年度～令和7年度 or 令和6年度.</summary>
    public string ToJapanese() => IsSingle ? First.ToJapanese() : $"{First.ToJapanese()}～{Last.ToJapanese()}";

    /// <summary>令和3年度 (2021) ～ 令和7年度 (2025).</summary>
    public string ToDisplay() => IsSingle ? First.ToDisplay() : $"{First.ToDisplay()} ～ {Last.ToDisplay()}";

    /// <summary>R3～R7.</summary>
    public string ToShort() => IsSingle ? First.ToShort() : $"{First.ToShort()}～{Last.ToShort()}";

    /// <summary>FY2021..FY2025 or FY2024.</summary>
    public string ToInvariant() =>
        IsSingle ? First.ToInvariant() : string.Create(CultureInfo.InvariantCulture, $"{First.ToInvariant()}..{Last.ToInvariant()}");

    /// <inheritdoc />
    public override string ToString() => ToInvariant();
}
