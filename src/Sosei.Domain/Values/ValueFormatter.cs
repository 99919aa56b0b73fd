using System.Globalization;

namespace Sosei.Domain.Values;

/// <summary>
/// Shows amounts the Japanese way, as the documents do: <c>16,474人</c>, <c>141.5万人</c>, <c>2.4億円</c>, <c>19.50%</c>.
/// </summary>
/// <remarks>
/// One convention, kept simple: the amount is divided by the multiplier of the display unit (万人 → 10,000), rounded
/// half away from zero (四捨五入) to the given number of decimals, and written with invariant thousands separators
/// and the display unit. Compound forms such as <c>2億4,000万円</c> are not produced. Negative amounts are written
/// with <c>-</c> (not △), zero never as <c>-0</c>. The result reads back with <see cref="ValueParser"/> (to the
/// rounding).
/// </remarks>
public static class ValueFormatter
{
    /// <summary>Formats an amount.</summary>
    /// <param name="amount">The amount in the base unit (人, 円, % …).</param>
    /// <param name="unit">The base unit (or a written form of it: トン for t); may be empty.</param>
    /// <param name="displayUnit">The unit to show, possibly with a multiplier (万人, 億円, 千㎡); null or empty for <paramref name="unit"/>.</param>
    /// <param name="decimals">Decimals to show, 0–28, counted in the display unit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–28.</exception>
    /// <exception cref="ArgumentException">The display unit is not the unit with a multiplier.</exception>
    public static string Format(decimal amount, string unit, string? displayUnit, int decimals)
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

        var shown = decimal.Round(amount / multiplier, decimals, MidpointRounding.AwayFromZero);
        var digits = Math.Abs(shown).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return (shown < 0 ? "-" : "") + digits + display;
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
}
