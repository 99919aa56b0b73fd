using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Sosei.Domain.Values;

/// <summary>
/// The unit rules of <see cref="ValueParser"/> and <see cref="ValueFormatter"/>: multipliers, the alias table that
/// gives each written unit its base unit, and what may be a unit at all.
/// </summary>
/// <remarks>
/// <para><b>Multipliers</b> (written before the unit): 十 10, 百 100, 千 1,000, 万 10⁴, 億 10⁸, 兆 10¹², and a small one
/// followed by a large one: 十万 10⁵, 百万 10⁶, 千万 10⁷, 百億 10¹⁰. <c>万人</c> is 人 × 10,000; <c>千㎡</c> is ㎡ × 1,000.</para>
/// <para><b>Aliases</b> (written → base unit): ％ パーセント → %; pt ポイント → ポイント (percentage points); トン t ｔ → t;
/// kw KW → kW; ㎡ m2 m² 平方メートル 平米 → ㎡; ㎥ m3 m³ → ㎥; km2 → ㎢; ヘクタール → ha; か所 カ所 ヶ所 ヵ所 ケ所 箇所 → か所;
/// か国 カ国 ヶ国 ヵ国 ケ国 → か国; か月 カ月 ヶ月 ヵ月 ケ月 → か月; 日間 → 日; 名 → 人; 才 → 歳.
/// Any other unit is its own base unit.</para>
/// <para><b>What may be a unit</b>: 1–6 characters, no digits (except in m2 / m3 / km2), no spaces, no brackets, not
/// starting with a multiplier (<c>4万万人</c> is an error). Japanese units of kanji, katakana and ・ (人, 社, 施設,
/// 路線, 自治体, ポイント, 団体・地区) are free, as documents count many things; hiragana is not (it spells words:
/// <c>30人を目指す</c> is an error; か所, か国 and か月 are aliases), nor are symbols other than the aliases (%, ㎡, ℃). Latin-letter units must be known ones (t, kg, km, m,
/// m2, ha, kW, MW, kWh, L, pt, TEU, …) so that a stray letter (<c>2億x</c>) is an error, not a unit. Two units may be
/// joined by <c>/</c> (<c>人/年</c>). Words that change the meaning of a number are not units and make the text an
/// error: 増加, 減少, 向上, 維持, 達成, 確保, 以下, 未満, 程度, 前後, 約, 目標, 見込, 未確定, 累計, 合計, 平均, 延べ, 年間, とし.</para>
/// </remarks>
public static class Units
{
    /// <summary>
    /// Multiplier words and their factors. A small one (十 百 千) may be followed by a large one (万 億 兆), and the
    /// factors multiply: 千万 = 10⁷, 百億 = 10¹⁰.
    /// </summary>
    public static IReadOnlyDictionary<char, decimal> Multipliers { get; } = new Dictionary<char, decimal>
    {
        ['十'] = 10m,
        ['百'] = 100m,
        ['千'] = 1_000m,
        ['万'] = 10_000m,
        ['億'] = 100_000_000m,
        ['兆'] = 1_000_000_000_000m,
    }.ToFrozenDictionary();

    /// <summary>Written unit → base unit (see the remarks). Lookup is exact, then case-insensitive for Latin letters.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["%"] = "%",
        ["パーセント"] = "%",
        ["ポイント"] = "ポイント",
        ["pt"] = "ポイント",
        ["t"] = "t",
        ["トン"] = "t",
        ["kW"] = "kW",
        ["㎡"] = "㎡",
        ["m2"] = "㎡",
        ["m²"] = "㎡",
        ["平方メートル"] = "㎡",
        ["平米"] = "㎡",
        ["㎥"] = "㎥",
        ["m3"] = "㎥",
        ["m³"] = "㎥",
        ["立方メートル"] = "㎥",
        ["km2"] = "㎢",
        ["㎢"] = "㎢",
        ["ha"] = "ha",
        ["ヘクタール"] = "ha",
        ["か所"] = "か所",
        ["カ所"] = "か所",
        ["ヶ所"] = "か所",
        ["ヵ所"] = "か所",
        ["ケ所"] = "か所",
        ["箇所"] = "か所",
        ["か国"] = "か国",
        ["カ国"] = "か国",
        ["ヶ国"] = "か国",
        ["ヵ国"] = "か国",
        ["ケ国"] = "か国",
        ["か月"] = "か月",
        ["カ月"] = "か月",
        ["ヶ月"] = "か月",
        ["ヵ月"] = "か月",
        ["ケ月"] = "か月",
        ["日間"] = "日",
        ["名"] = "人",
        ["才"] = "歳",
        ["℃"] = "℃",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Latin-letter units accepted (compared ignoring case; the spelling here is the base unit).</summary>
    public static IReadOnlyList<string> LatinUnits { get; } =
        ["t", "kg", "g", "km", "m", "cm", "mm", "m2", "m3", "km2", "ha", "kW", "MW", "GW", "kWh", "MWh", "GWh", "L", "kL", "mL", "pt", "TEU", "ppm", "dB"];

    /// <summary>Words that are never part of a unit (see the remarks).</summary>
    public static IReadOnlyList<string> ForbiddenWords { get; } =
        ["増加", "減少", "向上", "維持", "達成", "確保", "以下", "未満", "程度", "前後", "約", "目標", "見込", "未確定", "累計", "合計", "平均", "延べ", "年間", "とし"];

    /// <summary>Longest unit accepted, in characters.</summary>
    public const int MaxUnitLength = 6;

    /// <summary>The base unit of a written unit without multiplier: カ所 → か所, トン → t, 名 → 人, 件 → 件.</summary>
    /// <param name="written">A unit accepted by <see cref="TryNormalize"/>.</param>
    /// <exception cref="ArgumentException">The text is not a unit.</exception>
    public static string BaseOf(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return TryNormalize(written, out var unit, out var problem)
            ? unit
            : throw new ArgumentException($"「{written}」は単位ではありません / \"{written}\" is not a unit: {problem}", nameof(written));
    }

    /// <summary>Checks a written unit (without multiplier) and gives its base unit; empty text is the empty unit.</summary>
    /// <param name="written">The unit as written, already width-folded.</param>
    /// <param name="unit">The base unit; empty on failure.</param>
    /// <param name="problem">What is wrong (English), null on success.</param>
    public static bool TryNormalize(string written, out string unit, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(written);
        unit = "";
        problem = null;
        if (written.Length == 0)
        {
            return true;
        }

        if (written.Length > MaxUnitLength)
        {
            problem = $"a unit has at most {MaxUnitLength} characters";
            return false;
        }

        foreach (var word in ForbiddenWords)
        {
            if (written.Contains(word, StringComparison.Ordinal))
            {
                problem = $"{word} is not part of a unit";
                return false;
            }
        }

        var parts = written.Split('/');
        if (parts.Length > 2)
        {
            problem = "at most two units may be joined by /";
            return false;
        }

        var bases = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryNormalizePart(parts[i], out bases[i], out problem))
            {
                return false;
            }
        }

        unit = string.Join('/', bases);
        return true;
    }

    private static bool TryNormalizePart(string part, out string unit, [NotNullWhen(false)] out string? problem)
    {
        unit = "";
        problem = null;
        if (part.Length == 0)
        {
            problem = "a unit is missing around /";
            return false;
        }

        if (Aliases.TryGetValue(part, out var alias))
        {
            unit = alias;
            return true;
        }

        if (StartsWithMultiplier(part))
        {
            problem = $"the multiplier {part[0]} is repeated or misplaced";
            return false;
        }

        var latin = part.All(char.IsAsciiLetter);
        if (latin)
        {
            foreach (var known in LatinUnits)
            {
                if (known.Equals(part, StringComparison.OrdinalIgnoreCase))
                {
                    unit = Aliases.TryGetValue(known, out var a) ? a : known;
                    return true;
                }
            }

            problem = $"{part} is not a known unit";
            return false;
        }

        if (!part.Any(char.IsLetter))
        {
            problem = $"{part} is not a unit (symbols alone must be a known unit such as %)";
            return false;
        }

        if (part[0] is 'ー' or '・' or '々')
        {
            problem = $"a unit cannot start with '{part[0]}'";
            return false;
        }

        foreach (var c in part)
        {
            if (char.IsAsciiLetter(c))
            {
                problem = $"{part} mixes Latin letters with other characters";
                return false;
            }

            // Counters are kanji or katakana (人, 件, 施設, ポイント); hiragana appears only in か所/か国/か月 (aliases),
            // so hiragana means words ("人を目指す"), not a unit. Symbols stand alone (%, ㎡) and are aliases.
            if (c is >= '\u3041' and <= '\u309F')
            {
                problem = $"'{c}' (hiragana) is not part of a unit";
                return false;
            }

            if (!char.IsLetter(c) && c != '・')
            {
                problem = $"'{c}' cannot be part of a unit";
                return false;
            }
        }

        unit = part;
        return true;
    }

    /// <summary>Whether a text starts with a multiplier word (万, 千, 億 …).</summary>
    public static bool StartsWithMultiplier(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text[0] is '十' or '百' or '千' or '万' or '億' or '兆';

    /// <summary>
    /// Splits a display unit into its multiplier and written unit: 万人 → (10,000, 人); 千㎡ → (1,000, ㎡);
    /// 百万円 → (1,000,000, 円); 円 → (1, 円).
    /// </summary>
    /// <param name="displayUnit">A display unit such as <see cref="MeasuredValue.DisplayUnit"/>.</param>
    public static (decimal Multiplier, string Unit) SplitMultiplier(string displayUnit)
    {
        ArgumentNullException.ThrowIfNull(displayUnit);
        var factor = 1m;
        var i = 0;
        if (i < displayUnit.Length && displayUnit[i] is '十' or '百' or '千')
        {
            factor = Multipliers[displayUnit[i++]];
        }

        if (i < displayUnit.Length && displayUnit[i] is '万' or '億' or '兆')
        {
            factor *= Multipliers[displayUnit[i++]];
        }

        return (factor, displayUnit[i..]);
    }
}
