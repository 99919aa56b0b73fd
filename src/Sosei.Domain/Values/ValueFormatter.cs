using System.Globalization;

namespace Sosei.Domain.Values;

/// <summary>
/// The one way Sosei writes a number, as the plan documents do: <c>16,474人</c>, <c>141.5万人</c>, <c>2.4億円</c>,
/// <c>19.50%</c>, <c>△2.7</c>, and a change target as <c>1,400世帯増加</c>. Pages, reports (xlsx, PDF, CSV), charts
/// and the API all go through it (via <c>Sosei.Application.Kpis.KpiFormat</c> for KPI values).
/// </summary>
/// <remarks>
/// <para>The rules:</para>
/// <list type="bullet">
/// <item><b>Precision.</b> The amount is divided by the multiplier of the display unit (万人 → 10,000) and rounded half
/// away from zero (四捨五入) to the given number of decimals, counted in the display unit. Callers pass the decimals the
/// value was written with (<c>1.37</c> → 2, <c>10.0%</c> → 1, see <see cref="MeasuredValue.Decimals"/>), or the KPI's
/// declared decimals for a computed amount; trailing zeros are kept (<c>10.0%</c> stays <c>10.0%</c>).</item>
/// <item><b>Digits.</b> Invariant thousands separators, no full-width digits. Compound forms such as
/// <c>2億4,000万円</c> are not produced; the text reads back with <see cref="ValueParser"/> (to the rounding).</item>
/// <item><b>Sign.</b> A negative amount is written with <c>△</c> (<c>△2.7</c>), as Japanese public documents write it,
/// in text and in spreadsheet cells alike (<see cref="SpreadsheetFormat"/>); zero is never <c>△0</c>.</item>
/// <item><b>Increase and decrease targets</b> (a target stated as a change from the baseline) are written the way the
/// documents write them, the amount followed by the word: <c>1,400世帯増加</c>, <c>107人減少</c> (根室市創生総合戦略:
/// 「5年で延べ1,400世帯増加」) — never <c>+1,400世帯</c> (<see cref="Change"/>).</item>
/// <item><b>Unit.</b> The display unit is written after the number; a text the document wrote without its unit gets the
/// unit when it is known (<c>11億4千万</c> of a KPI in 円 → <c>11億4千万円</c>, <see cref="WithUnit"/>).</item>
/// </list>
/// </remarks>
public static class ValueFormatter
{
    /// <summary>The sign written before a negative amount (三角, as in <c>△3.3</c>).</summary>
    public const string NegativeSign = "△";

    /// <summary>Formats an amount.</summary>
    /// <param name="amount">The amount in the base unit (人, 円, % …).</param>
    /// <param name="unit">The base unit (or a written form of it: トン for t); may be empty.</param>
    /// <param name="displayUnit">The unit to show, possibly with a multiplier (万人, 億円, 千㎡); null or empty for <paramref name="unit"/>.</param>
    /// <param name="decimals">Decimals to show, 0–28, counted in the display unit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–28.</exception>
    /// <exception cref="ArgumentException">The display unit is not the unit with a multiplier.</exception>
    public static string Format(decimal amount, string unit, string? displayUnit, int decimals)
    {
        var (shown, display) = Shown(amount, unit, displayUnit, decimals);
        return Number(shown, decimals) + display;
    }

    /// <summary>
    /// Formats an amount like <see cref="Format(decimal, string, string?, int)"/>, but when the display unit does not fit
    /// the unit (a series in another unit, a hand-edited KPI) writes the exact amount in the base unit instead of failing.
    /// </summary>
    /// <param name="amount">The amount in the base unit.</param>
    /// <param name="unit">The base unit; may be empty.</param>
    /// <param name="displayUnit">The display unit; null or empty for <paramref name="unit"/>.</param>
    /// <param name="decimals">Decimals in the display unit; clamped to 0–10.</param>
    public static string FormatOrExact(decimal amount, string unit, string? displayUnit, int decimals)
    {
        ArgumentNullException.ThrowIfNull(unit);
        try
        {
            return Format(amount, unit, displayUnit, Math.Clamp(decimals, 0, 10));
        }
        catch (ArgumentException)
        {
            return Number(amount, Math.Min(ScaleOf(amount), 10)) + unit;
        }
    }

    /// <summary>
    /// A target stated as a change from the baseline, as the documents write it: <c>1,400世帯増加</c>, <c>107人減少</c>,
    /// <c>0人増減なし</c> for zero.
    /// </summary>
    /// <param name="change">The change in the base unit (positive for an increase).</param>
    /// <param name="unit">The base unit; may be empty.</param>
    /// <param name="displayUnit">The display unit; null or empty for <paramref name="unit"/>.</param>
    /// <param name="decimals">Decimals in the display unit.</param>
    public static string Change(decimal change, string unit, string? displayUnit, int decimals)
    {
        var text = FormatOrExact(Math.Abs(change), unit, displayUnit, decimals);
        return text + (change > 0 ? "増加" : change < 0 ? "減少" : "増減なし");
    }

    /// <summary>
    /// The English of <see cref="Change"/> for the English UI: <c>an increase of 1,400世帯</c>, <c>a decrease of
    /// 107人</c>, <c>no change (0人)</c>. The amount and its unit are written exactly as in the Japanese (the unit is the
    /// document's), only the word around it changes.
    /// </summary>
    /// <param name="change">The change in the base unit (positive for an increase).</param>
    /// <param name="unit">The base unit; may be empty.</param>
    /// <param name="displayUnit">The display unit; null or empty for <paramref name="unit"/>.</param>
    /// <param name="decimals">Decimals in the display unit.</param>
    public static string ChangeInEnglish(decimal change, string unit, string? displayUnit, int decimals)
    {
        var text = FormatOrExact(Math.Abs(change), unit, displayUnit, decimals);
        return change > 0 ? "an increase of " + text : change < 0 ? "a decrease of " + text : "no change (" + text + ")";
    }

    /// <summary>
    /// Formats a parsed value with its own display unit and decimals; a value without amount shows its
    /// <see cref="MeasuredValue.NoValueReason"/> (empty for a blank). Qualifiers are not shown: mark them separately.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string Format(MeasuredValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Amount is not { } amount)
        {
            return value.NoValueReason is null or NoValueReasons.Blank ? "" : value.NoValueReason;
        }

        return Format(amount, value.Unit, value.DisplayUnit, value.Decimals);
    }

    /// <summary>
    /// A text as the document wrote it, with the unit added when the document left it out and it is known:
    /// <c>11億4千万</c> in 円 → <c>11億4千万円</c>, <c>16,474</c> in 人 → <c>16,474人</c>. Text that already has a unit,
    /// holds no number, or does not end in the number (<c>(1.64)</c>, <c>未確定 (313千㎡)</c>, <c>15(H27)</c>) is returned
    /// trimmed and otherwise unchanged.
    /// </summary>
    /// <param name="text">The text as written.</param>
    /// <param name="unit">The base unit the value is in (人, 円); empty when it has none.</param>
    public static string WithUnit(string text, string unit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(unit);
        var trimmed = text.Trim();
        if (unit.Length == 0 || trimmed.Length == 0 || !EndsInNumber(trimmed)
            || !ValueParser.TryParse(trimmed, out var parsed, out _) || parsed.Amount is null || parsed.Unit.Length > 0)
        {
            return trimmed;
        }

        return trimmed + unit;
    }

    /// <summary>
    /// The decimals a text was written with, counted in its display unit (<c>1.37</c> → 2, <c>10.0%</c> → 1,
    /// <c>141万5千人</c> → 1); null when the text holds no number.
    /// </summary>
    /// <param name="text">The text as written.</param>
    public static int? WrittenDecimals(string? text) =>
        ValueParser.TryParse(text, out var parsed, out _) && parsed.Amount is not null ? parsed.Decimals : null;

    /// <summary>
    /// The spreadsheet (Excel) number format that writes a number as <see cref="Format(decimal, string, string?, int)"/>
    /// does: thousands separators, the decimals, the unit, and <c>△</c> for negatives: <c>#,##0.0"万人";"△"#,##0.0"万人"</c>.
    /// </summary>
    /// <param name="decimals">Decimals, 0–10 (clamped).</param>
    /// <param name="displayUnit">The unit written after the number; may be empty.</param>
    /// <param name="before">Literal text before the number (<c>未確定 </c>, <c>(</c> of a 参考値); may be empty.</param>
    /// <param name="after">Literal text after the unit (<c>)</c>); may be empty.</param>
    public static string SpreadsheetFormat(int decimals, string displayUnit, string before = "", string after = "")
    {
        ArgumentNullException.ThrowIfNull(displayUnit);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var d = Math.Clamp(decimals, 0, 10);
        var core = d > 0 ? "#,##0." + new string('0', d) : "#,##0";
        var suffix = Literal(displayUnit) + Literal(after);
        var prefix = Literal(before);
        return $"{prefix}{core}{suffix};{prefix}{Literal(NegativeSign)}{core}{suffix}";

        static string Literal(string text) => text.Length > 0 ? "\"" + text.Replace("\"", "", StringComparison.Ordinal) + "\"" : "";
    }

    /// <summary>The amount in the display unit, rounded to <paramref name="decimals"/>, and the display unit.</summary>
    /// <param name="amount">The amount in the base unit.</param>
    /// <param name="unit">The base unit; may be empty.</param>
    /// <param name="displayUnit">The display unit; null or empty for <paramref name="unit"/>.</param>
    /// <param name="decimals">Decimals to keep, 0–28.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–28.</exception>
    /// <exception cref="ArgumentException">The display unit is not the unit with a multiplier.</exception>
    public static (decimal Shown, string DisplayUnit) Shown(decimal amount, string unit, string? displayUnit, int decimals)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 28);
        var display = string.IsNullOrEmpty(displayUnit) ? unit : displayUnit;
        var (multiplier, written) = Units.SplitMultiplier(display);
        if (!Units.TryNormalize(written, out var displayBase, out _) || !Units.TryNormalize(unit, out var baseUnit, out _)
            || displayBase != baseUnit)
        {
            throw new ArgumentException(
                $"表示単位「{display}」は単位「{unit}」に倍数を付けたものではありません / display unit \"{display}\" is not \"{unit}\" with a multiplier",
                nameof(displayUnit));
        }

        return (decimal.Round(amount / multiplier, decimals, MidpointRounding.AwayFromZero), display);
    }

    /// <summary>A number with thousands separators, exactly <paramref name="decimals"/> decimals and △ for a negative.</summary>
    /// <param name="shown">The number (already in the display unit).</param>
    /// <param name="decimals">Decimals, 0–28.</param>
    public static string Number(decimal shown, int decimals)
    {
        var rounded = decimal.Round(shown, decimals, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(rounded).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return (rounded < 0 ? NegativeSign : "") + digits;
    }

    /// <summary>The decimals a decimal carries without its trailing zeros (15757.00 → 0, 1.50 → 1).</summary>
    /// <param name="amount">The amount.</param>
    public static int ScaleOf(decimal amount)
    {
        var normalized = amount / 1.0000000000000000000000000000m;
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }

    private static bool EndsInNumber(string text)
    {
        var last = text[^1];
        return char.IsAsciiDigit(last) || (last >= '０' && last <= '９') || last is '万' or '億' or '千' or '百' or '十' or '兆';
    }
}
