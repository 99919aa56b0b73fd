using System.Globalization;

namespace Sosei.Domain.Periods;

/// <summary>
/// A Japanese era (元号) as used in plan documents: 昭和 (S), 平成 (H) and 令和 (R), plus 明治 (M) and 大正 (T) so that
/// every fiscal year from <see cref="FiscalYear.MinYear"/> (1900 = 明治33年度) can be named and read back.
/// Era years are counted from 1 (元年); a year is named by the era in force on the day in question,
/// and a fiscal year by the era in force on its first day (1 April): 平成31年度 = 令和元年度 = FY2019.
/// </summary>
/// <param name="Name">Full name, e.g. 令和.</param>
/// <param name="Letter">Initial used in tables, e.g. R.</param>
/// <param name="Start">First day of the era.</param>
public sealed record JapaneseEra(string Name, char Letter, DateOnly Start)
{
    /// <summary>明治: 1868-09-08 – 1912-07-29 (Gregorian dates as .NET's JapaneseCalendar counts them; 明治元年 = 1868).</summary>
    public static readonly JapaneseEra Meiji = new("明治", 'M', new DateOnly(1868, 9, 8));

    /// <summary>大正: 1912-07-30 – 1926-12-24.</summary>
    public static readonly JapaneseEra Taisho = new("大正", 'T', new DateOnly(1912, 7, 30));

    /// <summary>昭和: 1926-12-25 – 1989-01-07.</summary>
    public static readonly JapaneseEra Showa = new("昭和", 'S', new DateOnly(1926, 12, 25));

    /// <summary>平成: 1989-01-08 – 2019-04-30.</summary>
    public static readonly JapaneseEra Heisei = new("平成", 'H', new DateOnly(1989, 1, 8));

    /// <summary>令和: from 2019-05-01.</summary>
    public static readonly JapaneseEra Reiwa = new("令和", 'R', new DateOnly(2019, 5, 1));

    /// <summary>The eras Sosei understands, oldest first.</summary>
    public static IReadOnlyList<JapaneseEra> All { get; } = [Meiji, Taisho, Showa, Heisei, Reiwa];

    /// <summary>Gregorian year in which era year 1 (元年) falls.</summary>
    public int FirstGregorianYear => Start.Year;

    /// <summary>The Gregorian year of an era year, without checking that the era was in force
    /// (plans written before 2019 use 平成32年 = 2020 and 平成72年 = 2060).</summary>
    /// <param name="eraYear">Era year, 1 or more.</param>
    public int ToGregorianYear(int eraYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eraYear, 1);
        return FirstGregorianYear + eraYear - 1;
    }

    /// <summary>The era in force on a day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The day is before 明治.</exception>
    public static JapaneseEra On(DateOnly day)
    {
        for (var i = All.Count - 1; i >= 0; i--)
        {
            if (day >= All[i].Start)
            {
                return All[i];
            }
        }

        throw new ArgumentOutOfRangeException(nameof(day), day, "Sosei knows eras from 明治 (1868) on.");
    }

    /// <summary>Looks an era up by its full name (令和) or letter (R, r, Ｒ).</summary>
    public static JapaneseEra? Find(string nameOrLetter)
    {
        ArgumentNullException.ThrowIfNull(nameOrLetter);
        var s = nameOrLetter.Trim().Normalize(System.Text.NormalizationForm.FormKC);
        foreach (var era in All)
        {
            if (s == era.Name || (s.Length == 1 && char.ToUpperInvariant(s[0]) == era.Letter))
            {
                return era;
            }
        }

        return null;
    }

    /// <summary>Era year written the Japanese way: 1 is 元.</summary>
    public static string EraYearText(int eraYear) =>
        eraYear == 1 ? "元" : eraYear.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Name;
}
