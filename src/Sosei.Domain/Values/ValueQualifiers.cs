namespace Sosei.Domain.Values;

/// <summary>What the way a value was written says about it. Several may apply.</summary>
[Flags]
public enum ValueQualifiers
{
    /// <summary>An ordinary, final value.</summary>
    None = 0,

    /// <summary>参考値: written in brackets, e.g. <c>(1.64)</c>. Shown, but not used for achievement unless chosen.</summary>
    Reference = 1,

    /// <summary>未確定 / 速報 / 見込: provisional; used for achievement and marked.</summary>
    Provisional = 2,

    /// <summary>累計: a running total (<c>累計21件</c>, <c>260件(H27～R1累計)</c>).</summary>
    Cumulative = 4,

    /// <summary>延べ: a count of occurrences (<c>延べ46,000人</c>).</summary>
    Aggregate = 8,

    /// <summary>年間: per year (<c>年間2,500人</c>).</summary>
    Annual = 16,

    /// <summary>平均: a mean over the period written with it (<c>8人(H21～25平均)</c>).</summary>
    Average = 32,

    /// <summary>以上: at least this much, typically a target (<c>180件以上</c>).</summary>
    AtLeast = 64,
}
