using System.Globalization;
using Sosei.Domain.Periods;
using Sosei.Web.Localization;

namespace Sosei.Web.Infrastructure;

/// <summary>
/// Display formatting for pages, in the current UI language: era years with the Gregorian year in Japanese
/// (令和6年度 (2024)), fiscal years in English (FY2024 (R6)); numbers with thousands separators.
/// </summary>
public static class Format
{
    private static readonly CultureInfo Ja = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>令和6年度 (2024) / FY2024 (R6).</summary>
    public static string FiscalYear(int year)
    {
        var fy = new FiscalYear(year);
        return UiText.IsEnglish ? $"{fy.ToEnglish()} ({fy.ToShort()})" : fy.ToDisplay();
    }

    /// <summary>A period in the current language: 令和6年度 (2024), 令和2年10月1日 (2020) / FY2024 (R6), 2020-10-01.</summary>
    public static string Period(Period period) => UiText.IsEnglish
        ? period.Kind switch
        {
            PeriodKind.FiscalYear => $"{period.ToInvariant()} ({period.ToShort()})",
            PeriodKind.CalendarYear => string.Create(CultureInfo.InvariantCulture, $"{period.Year} ({period.ToShort()})"),
            _ => period.ToInvariant(),
        }
        : period.ToDisplay();

    /// <summary>A short period for table headers: R6 / FY2024.</summary>
    public static string PeriodShort(Period period) => UiText.IsEnglish
        ? period.Kind == PeriodKind.FiscalYear ? period.ToInvariant() : period.ToShort()
        : period.ToShort();

    /// <summary>平成27年度～平成31年度 (2015–2019) / FY2015–FY2019.</summary>
    public static string FiscalYearRange(int first, int last)
    {
        var a = new FiscalYear(first);
        var b = new FiscalYear(last);
        return UiText.IsEnglish
            ? string.Create(CultureInfo.InvariantCulture, $"FY{first}–FY{last}")
            : string.Create(CultureInfo.InvariantCulture, $"{a.ToJapanese()}～{b.ToJapanese()} ({first}–{last})");
    }

    /// <summary>A date: 平成27年10月30日 (2015) / 2015-10-30.</summary>
    public static string Date(DateOnly date) => UiText.IsEnglish
        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Domain.Periods.Period.OfDate(date).ToDisplay();

    /// <summary>A number with thousands separators and the given decimals.</summary>
    public static string Number(decimal value, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Ja);

    /// <summary>A ratio as a percentage with one decimal (0.947 → 94.7%), rounded half away from zero.</summary>
    public static string Percent(decimal ratio) => Application.Kpis.KpiFormat.Percent(ratio);
}
