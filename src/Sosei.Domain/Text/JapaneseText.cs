using System.Text;

namespace Sosei.Domain.Text;

/// <summary>
/// Small text helpers for reading Japanese plan documents: width folding and kanji numerals.
/// Pure functions; nothing here depends on the current culture.
/// </summary>
public static class JapaneseText
{
    /// <summary>
    /// Folds what Japanese documents write in full width to the ASCII form parsers read, one character at a time,
    /// so a position in the result is the same position in the input (except for half-width katakana, see below):
    /// <list type="bullet">
    /// <item>full-width ASCII (U+FF01–U+FF5E: <c>０-９</c>, <c>Ａ-Ｚ</c>, <c>％</c>, <c>（）</c>, <c>，．</c>, <c>～</c>, <c>－</c>, <c>＋</c>) → ASCII;</item>
    /// <item>the ideographic space U+3000 → a space;</item>
    /// <item>the wave dash 〜 (U+301C) → <c>~</c>; the minus sign − (U+2212) → <c>-</c>;</item>
    /// <item>half-width katakana (ﾎﾟｲﾝﾄ) → full width (ポイント), which may shorten the text.</item>
    /// </list>
    /// Everything else (kanji, kana, △, ▲, —, ―, ー, ㎡) is left as written: unlike Unicode NFKC, this keeps ㎡ and ①.
    /// </summary>
    /// <param name="text">Any text; null gives an empty string.</param>
    public static string FoldWidth(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                sb.Append((char)(c - 0xFEE0));
            }
            else if (c == '\u3000')
            {
                sb.Append(' ');
            }
            else if (c == '\u301C')
            {
                sb.Append('~');
            }
            else if (c == '\u2212')
            {
                sb.Append('-');
            }
            else if (c is >= '\uFF61' and <= '\uFF9F')
            {
                // Half-width katakana: NFKC joins ﾎﾟ into ポ, so fold the whole run at once.
                var start = i;
                while (i + 1 < text.Length && text[i + 1] is >= '\uFF61' and <= '\uFF9F')
                {
                    i++;
                }

                sb.Append(text.AsSpan(start, i - start + 1).ToString().Normalize(NormalizationForm.FormKC));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether a character is a kanji numeral this class reads: 〇 一 二 三 四 五 六 七 八 九 十 百 千.</summary>
    public static bool IsKanjiNumeral(char c) => KanjiDigit(c) >= 0 || c is '十' or '百' or '千';

    /// <summary>
    /// Reads a kanji numeral below 10,000 as used for era years, months and days: 六 = 6, 十 = 10, 二十七 = 27,
    /// 三十一 = 31, 百 = 100, 二〇二四 = 2024 (digit by digit). Rejects empty text, misplaced units (十十, 二百千)
    /// and anything that is not a kanji numeral.
    /// </summary>
    /// <param name="text">The numeral, without surrounding text.</param>
    /// <param name="value">The value read; 0 when the method returns false.</param>
    public static bool TryParseKanjiNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var hasUnit = false;
        foreach (var c in text)
        {
            if (c is '十' or '百' or '千')
            {
                hasUnit = true;
            }
            else if (KanjiDigit(c) < 0)
            {
                return false;
            }
        }

        if (!hasUnit)
        {
            // Digit by digit: 二〇二四. More than 4 digits is not something we expect in a period.
            if (text.Length > 4)
            {
                return false;
            }

            foreach (var c in text)
            {
                value = (value * 10) + KanjiDigit(c);
            }

            return true;
        }

        // Positional: [d]千[d]百[d]十[d], each unit at most once and in decreasing order.
        var total = 0;
        var pending = -1;
        var lastUnit = int.MaxValue;
        foreach (var c in text)
        {
            var digit = KanjiDigit(c);
            if (digit >= 0)
            {
                if (pending >= 0 || digit == 0)
                {
                    return false;
                }

                pending = digit;
                continue;
            }

            var unit = c switch { '千' => 1000, '百' => 100, _ => 10 };
            if (unit >= lastUnit)
            {
                return false;
            }

            total += (pending < 0 ? 1 : pending) * unit;
            pending = -1;
            lastUnit = unit;
        }

        value = total + (pending < 0 ? 0 : pending);
        return true;
    }

    /// <summary>The text as error messages quote it: "(null)" for null, cut to 80 characters with an ellipsis.</summary>
    internal static string Quote(string? text)
    {
        if (text is null)
        {
            return "(null)";
        }

        return text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
    }

    private static int KanjiDigit(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
