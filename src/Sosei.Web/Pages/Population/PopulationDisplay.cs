using System.Globalization;
using Sosei.Domain.Periods;
using Sosei.Domain.Population;
using Sosei.Web.Infrastructure;

namespace Sosei.Web.Pages.Population;

/// <summary>
/// Display of population figures: whole persons with separators, ▲ for a decrease as the plans print it, shares and
/// points with one decimal, years as 平成27年 (2015). Figures are rounded here only (half away from zero).
/// </summary>
public static class PopulationDisplay
{
    /// <summary>Whole persons: 26,917.</summary>
    public static string Persons(decimal value) => Format.Number(ThreeAgeGroups.RoundPersons(value), 0);

    /// <summary>Whole persons, or — when missing.</summary>
    public static string Persons(decimal? value) => value is { } v ? Persons(v) : "—";

    /// <summary>A change in persons with ▲ for a decrease (▲2,652), as in 根室市創生総合戦略 第2章.</summary>
    public static string Change(decimal value)
    {
        var r = ThreeAgeGroups.RoundPersons(value);
        return r < 0 ? "▲" + Format.Number(-r, 0) : Format.Number(r, 0);
    }

    /// <summary>A change, or — when missing.</summary>
    public static string Change(decimal? value) => value is { } v ? Change(v) : "—";

    /// <summary>
    /// 減少抑制 as the plan's 目標人数 tables print it: ▲ before a positive number (a decrease avoided); a negative value
    /// (the target below the projection) gets a minus sign.
    /// </summary>
    public static string Suppression(decimal value)
    {
        var r = ThreeAgeGroups.RoundPersons(value);
        return r > 0 ? "▲" + Format.Number(r, 0) : r == 0 ? "0" : "−" + Format.Number(-r, 0);
    }

    /// <summary>A share in percent with one decimal: 12.2%.</summary>
    public static string Share(decimal? percent) =>
        percent is { } p ? Format.Number(Math.Round(p, 1, MidpointRounding.AwayFromZero), 1) + "%" : "—";

    /// <summary>A difference of shares in points with ▲ for negative: ▲4.3.</summary>
    public static string Points(decimal? points)
    {
        if (points is not { } p)
        {
            return "—";
        }

        var r = Math.Round(p, 1, MidpointRounding.AwayFromZero);
        return r < 0 ? "▲" + Format.Number(-r, 1) : Format.Number(r, 1);
    }

    /// <summary>A percentage such as 影響度: 102.2%.</summary>
    public static string Percent(decimal percent) => Format.Number(Math.Round(percent, 1, MidpointRounding.AwayFromZero), 1) + "%";

    /// <summary>平成27年 (2015) / 2015 (H27).</summary>
    public static string Year(int year) => Format.Period(Period.OfCalendarYear(year));

    /// <summary>The unrounded value for a title attribute.</summary>
    public static string Exact(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
