using Sosei.Domain.Periods;

namespace Sosei.Domain.Values;

/// <summary>
/// A number as written in a plan document, parsed into an exact decimal with its unit and qualifiers, never
/// losing the original text. <c>141万5千人</c> is <see cref="Amount"/> 1,415,000, <see cref="Unit"/> 人,
/// <see cref="DisplayUnit"/> 万人. A blank, <c>—</c> or <c>－</c> is a value with no amount (<see cref="HasAmount"/> false),
/// which is not zero.
/// </summary>
public sealed record MeasuredValue
{
    /// <summary>The exact amount in the base unit (人, 円, %, t, kW, ㎡ …); null when the text holds no value.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The base unit after normalisation (万人 → 人); empty when the text had none (<c>5億1千万</c>, <c>1.51</c>).</summary>
    public string Unit { get; init; } = "";

    /// <summary>The unit as the document shows it (万人, 億円, 千㎡); equals <see cref="Unit"/> when no multiplier was written.</summary>
    public string DisplayUnit { get; init; } = "";

    /// <summary>
    /// Digits written after the decimal point, counted in <see cref="DisplayUnit"/>: <c>19.50%</c> → 2, <c>36.8万kW</c> → 1,
    /// <c>16,474人</c> → 0; for a compound number, the digits needed to show it exactly in the display unit
    /// (<c>2億4千万円</c> → 1: 2.4億円). Use it to show the value as the document does.
    /// </summary>
    public int Decimals { get; init; }

    /// <summary>Reference, provisional, cumulative …</summary>
    public ValueQualifiers Qualifiers { get; init; }

    /// <summary>A period written inside the cell, e.g. <c>(H20-24) 1.51</c> or <c>888.3億円(R1)</c>; null when none.</summary>
    public PeriodRange? Period { get; init; }

    /// <summary>Why there is no amount (—, 未確定, blank); null when there is one.</summary>
    public string? NoValueReason { get; init; }

    /// <summary>The text exactly as received.</summary>
    public string OriginalText { get; init; } = "";

    /// <summary>Whether <see cref="Amount"/> is set.</summary>
    public bool HasAmount => Amount.HasValue;

    /// <summary>Whether this is a 参考値.</summary>
    public bool IsReference => Qualifiers.HasFlag(ValueQualifiers.Reference);

    /// <summary>Whether this is provisional (未確定).</summary>
    public bool IsProvisional => Qualifiers.HasFlag(ValueQualifiers.Provisional);
}
