using System.Globalization;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Domain.Kpis;
using Sosei.Domain.Values;

namespace Sosei.Application.Kpis;

/// <summary>
/// A KPI number as shown: the text, and for spreadsheets the number in the display unit with its number format.
/// </summary>
/// <param name="Text">The text (<c>15,757人</c>, <c>11億4千万円</c>, <c>1,400世帯増加</c>, <c>全国平均</c>).</param>
/// <param name="Number">The number in the display unit (15757, 153.2 for 153万2千人); null when the text holds none.</param>
/// <param name="Decimals">The decimals the number is shown with.</param>
/// <param name="DisplayUnit">The unit written after the number (万人, 円); may be empty.</param>
/// <param name="EnglishText">The text in the English UI where it differs (a change target: <c>an increase of
/// 1,400世帯</c>); null when the text reads the same in both languages (numbers, units and the document's own words stay
/// as written).</param>
public sealed record ShownNumber(string Text, decimal? Number, int Decimals, string DisplayUnit, string? EnglishText = null)
{
    /// <summary>The text for a UI culture: <see cref="EnglishText"/> in an English culture when there is one, else <see cref="Text"/>.</summary>
    /// <param name="culture">The UI culture.</param>
    public string In(CultureInfo culture) =>
        EnglishText is not null && Message.IsEnglish(culture) ? EnglishText : Text;

    /// <summary>
    /// The spreadsheet number format writing <see cref="Number"/> as <see cref="Text"/> reads (see
    /// <see cref="ValueFormatter.SpreadsheetFormat"/>); a 参考値 in brackets, a provisional value after 未確定.
    /// </summary>
    /// <param name="reference">Whether the value is a 参考値.</param>
    /// <param name="provisional">Whether the value is provisional.</param>
    public string NumberFormat(bool reference = false, bool provisional = false) =>
        ValueFormatter.SpreadsheetFormat(Decimals, DisplayUnit, (provisional ? "未確定 " : "") + (reference ? "(" : ""), reference ? ")" : "");
}

/// <summary>
/// The one home for turning a KPI's values, baseline, target, computed amounts and rates into text: the KPI page, the
/// plan and verification pages, the reports (xlsx, PDF, CSV), the charts and the JSON API call it, so a number reads
/// the same everywhere. The number rules are the domain's <see cref="ValueFormatter"/> (precision, △ for negatives,
/// units, 「1,400世帯増加」 for a change target); this class picks, for a KPI, the unit (<see cref="ShownUnit"/>) and the
/// decimals.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A value the document wrote is shown as written (trimmed), with the unit added when the document left it out
/// (<c>11億4千万</c> of a KPI in 円 → <c>11億4千万円</c>); its number keeps the decimals it was written with (<c>1.37</c>
/// → 2, <c>10.0%</c> → 1).</item>
/// <item>An amount Sosei holds without text (a baseline computed from the target phrase: 1.49 − 0.12 = 1.37) is
/// formatted in the display unit with the digits it has, at least the KPI's declared decimals (1.37 stays 1.37, never
/// 1); a computed trend or projection (<see cref="Amount"/>) with the KPI's decimals plus <c>extraDecimals</c>.</item>
/// <item>A change target without text is written as the documents write it: <c>1,400世帯増加</c> (never <c>+1,400世帯</c>).</item>
/// </list>
/// </remarks>
public static class KpiFormat
{
    /// <summary>A value of a KPI (or of one series).</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="series">The value's series; null for the KPI itself.</param>
    /// <param name="value">The value.</param>
    public static ShownNumber Value(KpiView kpi, SeriesView? series, ValueView value)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(value);
        var shown = ShownUnit.Of(kpi, series);
        return Written(value.OriginalText, value.Amount, shown, kpi.Decimals);
    }

    /// <summary>A value of a KPI, its series found by the value's series id.</summary>
    /// <param name="kpi">The KPI as read (with its series).</param>
    /// <param name="value">The value.</param>
    public static ShownNumber Value(KpiView kpi, ValueView value)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(value);
        return Value(kpi, value.SeriesId is { } id ? kpi.Series.FirstOrDefault(s => s.Id == id) : null, value);
    }

    /// <summary>The 基準値 of a KPI or of one series (the series' own, else the KPI's); null when there is none.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="series">The series; null for the KPI itself.</param>
    public static ShownNumber? Baseline(KpiView kpi, SeriesView? series = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var shown = ShownUnit.Of(kpi, series);
        var (text, amount) = series is not null && (series.BaselineText is not null || series.BaselineValue is not null)
            ? (series.BaselineText, series.BaselineValue)
            : (kpi.BaselineText, kpi.BaselineValue);
        if (text is not null)
        {
            return Written(text, amount, shown, kpi.Decimals);
        }

        return amount is { } a ? Computed(a, shown, kpi.Decimals) : null;
    }

    /// <summary>
    /// The 目標値 of a KPI or of one series (the series' own, else the KPI's): as written, the reference of a relative
    /// target (全国平均), or the amount — a change target as <c>1,400世帯増加</c>; null when there is none.
    /// </summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="series">The series; null for the KPI itself.</param>
    public static ShownNumber? Target(KpiView kpi, SeriesView? series = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var shown = ShownUnit.Of(kpi, series);
        var (text, amount) = series is not null && (series.TargetText is not null || series.TargetValue is not null)
            ? (series.TargetText, series.TargetValue)
            : (kpi.TargetText, kpi.TargetValue);
        if (text is not null)
        {
            return Written(text, kpi.TargetReference is null ? amount : null, shown, kpi.Decimals);
        }

        if (kpi.TargetReference is { } reference)
        {
            return new ShownNumber(reference, null, 0, "");
        }

        if (amount is not { } a)
        {
            return null;
        }

        if (kpi.TargetKind == TargetKind.Change)
        {
            // A change is written as the documents do; the spreadsheet number is the signed change.
            var (number, display) = Scaled(a, shown, kpi.Decimals);
            var decimals = Math.Clamp(Math.Max(kpi.Decimals, ValueFormatter.ScaleOf(number)), 0, 10);
            return new ShownNumber(
                ValueFormatter.Change(a, shown.Unit, shown.DisplayUnit, decimals), number, decimals, display,
                ValueFormatter.ChangeInEnglish(a, shown.Unit, shown.DisplayUnit, decimals));
        }

        return Computed(a, shown, kpi.Decimals);
    }

    /// <summary>
    /// An amount Sosei computed or holds without text (an interim target, the actual used, a trend, a projection), in
    /// the KPI's (or series') display unit with the KPI's decimals plus <paramref name="extraDecimals"/>.
    /// </summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="series">The series; null for the KPI itself.</param>
    /// <param name="amount">The amount in the base unit.</param>
    /// <param name="extraDecimals">Decimals added to the KPI's (1 for computed trends and projections).</param>
    public static string Amount(KpiView kpi, SeriesView? series, decimal amount, int extraDecimals = 0)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var shown = ShownUnit.Of(kpi, series);
        return ValueFormatter.FormatOrExact(amount, shown.Unit, shown.DisplayUnit, kpi.Decimals + extraDecimals);
    }

    /// <summary>An achievement rate (a ratio, 1 = 100 %) as a percentage with one decimal, rounded half away from zero: 94.7%, △12.0%.</summary>
    /// <param name="ratio">The ratio.</param>
    public static string Percent(decimal ratio) => ValueFormatter.Number(Math.Round(ratio * 100m, 1, MidpointRounding.AwayFromZero), 1) + "%";

    /// <summary>An exact amount with thousands separators and only the decimals it has (15757.00 → 15,757; 1.5 → 1.5).</summary>
    /// <param name="amount">The amount.</param>
    public static string Exact(decimal amount) => ValueFormatter.Number(amount, Math.Min(ValueFormatter.ScaleOf(amount), 12));

    /// <summary>Money in yen, exact, with thousands separators: 5,031,030円.</summary>
    /// <param name="amount">Yen.</param>
    public static string Yen(decimal amount) => Exact(amount) + "円";

    /// <summary>An interim target as shown: its text (unit added when left out), else the amount in the display unit.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="target">The interim target.</param>
    public static string Interim(KpiView kpi, InterimTargetView target)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(target);
        var series = target.SeriesId is { } id ? kpi.Series.FirstOrDefault(s => s.Id == id) : null;
        var shown = ShownUnit.Of(kpi, series);
        return target.Text is { } text ? ValueFormatter.WithUnit(text, shown.Unit) : Amount(kpi, series, target.Value);
    }

    private static ShownNumber Written(string text, decimal? amount, ShownUnit shown, int kpiDecimals)
    {
        var trimmed = ValueFormatter.WithUnit(text, shown.Unit);
        if (amount is not { } a || text.Contains('\n', StringComparison.Ordinal))
        {
            return new ShownNumber(trimmed, null, 0, "");
        }

        var (number, display) = Scaled(a, shown, kpiDecimals);
        return new ShownNumber(trimmed, number, DecimalsIn(text, display, number, kpiDecimals), display);
    }

    // A stored amount without text (a baseline read from the target phrase: 1.49 − 0.12 = 1.37) keeps the digits it
    // has, and shows at least the KPI's declared decimals.
    private static ShownNumber Computed(decimal amount, ShownUnit shown, int kpiDecimals)
    {
        var (number, display) = Scaled(amount, shown, kpiDecimals);
        var decimals = Math.Clamp(Math.Max(kpiDecimals, ValueFormatter.ScaleOf(number)), 0, 10);
        return new ShownNumber(ValueFormatter.FormatOrExact(amount, shown.Unit, shown.DisplayUnit, decimals), number, decimals, display);
    }

    // The decimals of a written value in the unit it is shown in: the digits written when the document used that unit
    // (1.37 → 2, 10.0% → 1), else as many as the number needs (1,532,000人 shown in 万人 → 153.2: 1); the KPI's for a
    // text that is not one number.
    private static int DecimalsIn(string text, string display, decimal number, int kpiDecimals)
    {
        if (!ValueParser.TryParse(text, out var parsed, out _) || parsed.Amount is null)
        {
            return kpiDecimals;
        }

        var written = Units.SplitMultiplier(parsed.DisplayUnit.Length > 0 ? parsed.DisplayUnit : display).Multiplier;
        return written == Units.SplitMultiplier(display).Multiplier ? parsed.Decimals : Math.Min(ValueFormatter.ScaleOf(number), 10);
    }

    // The number in the display unit (not rounded: the spreadsheet rounds it with its format); the base unit when the
    // display unit does not fit.
    private static (decimal Number, string Display) Scaled(decimal amount, ShownUnit shown, int decimals)
    {
        try
        {
            _ = ValueFormatter.Shown(amount, shown.Unit, shown.DisplayUnit, Math.Clamp(decimals, 0, 28));
            var (multiplier, _) = Units.SplitMultiplier(shown.Text);
            return (amount / (multiplier == 0 ? 1 : multiplier), shown.Text);
        }
        catch (ArgumentException)
        {
            return (amount, shown.Unit);
        }
    }
}
