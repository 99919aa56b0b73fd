using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;

namespace Sosei.Domain.Values;

/// <summary>
/// Reads numbers as plan documents write them into <see cref="MeasuredValue"/>: an exact decimal in the base unit,
/// the unit as written, qualifiers, an optional period, and always the original text. Bad text is an error, never
/// a silent 0.
/// </summary>
/// <remarks>
/// <para>A value is, in order (full-width digits, signs and brackets and ideographic spaces are accepted):</para>
/// <list type="number">
/// <item>optionally a provisional word, 未確定 速報 速報値 見込 見込み 暫定 暫定値, alone (<c>未確定</c>: no amount,
/// <see cref="NoValueReasons.Provisional"/>) or followed by the value, bracketed or not (<c>未確定 (313千㎡)</c>);</item>
/// <item>optionally a period in brackets before the value, separated by a space, a colon or nothing, with the same
/// qualifier words as a bracket after the value: <c>(H20-24) 1.51</c>, <c>(H27~H31累計):10,000人</c>,
/// <c>（H27～H31累計）10,000人</c>, <c>[H27~28 累計] 300人</c> (a cumulative value, <see cref="ValueQualifiers.Cumulative"/>,
/// whose <see cref="MeasuredValue.Period"/> is the window summed over: FY2015–FY2019). A bracket before the value
/// whose period cannot be read (<c>(来年累計) 100人</c>), or one with nothing after it, is an error;</item>
/// <item>the whole value in brackets is a reference value (参考値): <c>(1.64)</c>, <c>（1.64）</c>;</item>
/// <item>prefix words: 累計 (cumulative), 延べ / 延 (aggregate), 年間 (annual), in any order: <c>年間延べ46,000人</c>;</item>
/// <item>a sign: △ ▲ - (negative) or + : <c>△3.3</c>, <c>▲2,652</c>, <c>+1.5点</c>;</item>
/// <item>a number: digits with an optional decimal part (kept exactly: <c>19.50</c> keeps two decimals) and
/// optional thousands separators, which must be in groups of three (<c>1,23,4</c> is an error); or a Japanese
/// compound number whose terms are joined by multipliers: <c>2億4千万</c>, <c>141万5千</c>, <c>7億2,798万</c>,
/// <c>4千5百万</c>, <c>1,294千</c>. Multipliers must decrease (<c>4万万</c>, <c>5千3千</c> are errors) and what follows a
/// 万 or 億 must be smaller than it (<c>1万12000</c> is an error). A decimal point is allowed only in a number of one
/// term (<c>36.8万</c>, not <c>1.5万3千</c>);</item>
/// <item>a unit (see <see cref="Units"/> for what may be a unit and the alias table), optionally ending in 以上
/// (<see cref="ValueQualifiers.AtLeast"/>). Spaces (including the ideographic space) may separate the number from its
/// multiplier or its unit: <c>4,356 億円</c> is read as <c>4,356億円</c>, <c>13 人</c> and <c>13　人</c> as <c>13人</c>;
/// a space elsewhere in the unit or inside a compound number is an error (<c>1万 5千人</c>, <c>13 人 5</c>);</item>
/// <item>optionally a bracket, <c>(…)</c> or <c>[…]</c>, after the value holding a period, a qualifier word or both: <c>888.3億円(R1)</c>,
/// <c>累計20件(R3~R7)</c>, <c>260件(H27～R1累計)</c>, <c>8人(H21～25平均)</c>, <c>252人(H27.3卒)</c>,
/// <c>1,234人(見込)</c>. Words: 累計 合計 (cumulative), 平均 (average), 卒 (graduating class, nothing to record),
/// the provisional words.</item>
/// </list>
/// <para>No amount, with <see cref="MeasuredValue.NoValueReason"/> saying why: blank or null
/// (<see cref="NoValueReasons.Blank"/>), a dash — － - ― ー ‐ – ─ (<see cref="NoValueReasons.Dash"/>), 未確定 alone.</para>
/// <para>The display unit is the unit as written, with the multiplier of the number: for one term the multiplier
/// written after it (<c>1,294千トン</c> → 千トン, <c>36.8万kW</c> → 万kW); for several terms the first 万/億/兆 written
/// (<c>2億4千万円</c> → 億円, <c>141万5千人</c> → 万人). The amount of a one-term number with a multiplier keeps only the
/// decimals it needs (<c>36.8万</c> → 368000, <c>1.23456万</c> → 12345.6). <see cref="MeasuredValue.Decimals"/> is
/// the number of decimals written, or for several terms the number needed to show the amount exactly in the display
/// unit (<c>2億4千万円</c> → 1, shown as 2.4億円; <c>7億2,798万円</c> → 4).</para>
/// <para>Targets stated against a reference such as <c>全国平均</c> are not values: <see cref="Parse(string?)"/>
/// rejects them with a message saying so, and <see cref="IsReferenceTarget(string?, out string?)"/> recognises them.</para>
/// </remarks>
public static partial class ValueParser
{
    private const string Examples = "16,474人, 19.50%, 141万5千人, 2億4千万円, △3.3, (1.64), 未確定 (313千㎡), —";

    private static readonly string[] ProvisionalWords = ["未確定", "速報値", "速報", "見込み", "見込", "暫定値", "暫定"];

    /// <summary>Reads one value; a year in a bracketed period (<c>(H20-24)</c>) is read as a fiscal year.</summary>
    /// <param name="text">The text as written; null or blank gives a value with no amount.</param>
    /// <exception cref="ValueFormatException">The text is not a value.</exception>
    public static MeasuredValue Parse(string? text) => Parse(text, PeriodKind.FiscalYear);

    /// <summary>Reads one value.</summary>
    /// <param name="text">The text as written; null or blank gives a value with no amount.</param>
    /// <param name="yearKind">How to read a year without 年 or 年度 in a bracketed period: the KPI's period kind
    /// (<c>(H20-24) 1.51</c> of a birth rate is calendar years 2008–2012).</param>
    /// <exception cref="ValueFormatException">The text is not a value.</exception>
    public static MeasuredValue Parse(string? text, PeriodKind yearKind) =>
        TryParse(text, yearKind, out var value, out var error) ? value : throw error;

    /// <summary>Reads one value without throwing on bad text; see <see cref="Parse(string?, PeriodKind)"/>.</summary>
    /// <param name="text">The text as written.</param>
    /// <param name="value">The value; null when the method returns false.</param>
    /// <param name="error">Why the text was rejected (in Japanese and English, quoting it), not thrown; null on success.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MeasuredValue? value, [NotNullWhen(false)] out ValueFormatException? error) =>
        TryParse(text, PeriodKind.FiscalYear, out value, out error);

    /// <summary>Reads one value without throwing on bad text; see <see cref="Parse(string?, PeriodKind)"/>.</summary>
    /// <param name="text">The text as written.</param>
    /// <param name="yearKind">How to read a year without 年 or 年度 in a bracketed period.</param>
    /// <param name="value">The value; null when the method returns false.</param>
    /// <param name="error">Why the text was rejected (in Japanese and English, quoting it), not thrown; null on success.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearKind"/> is not a kind of year.</exception>
    public static bool TryParse(
        string? text,
        PeriodKind yearKind,
        [NotNullWhen(true)] out MeasuredValue? value,
        [NotNullWhen(false)] out ValueFormatException? error)
    {
        if (yearKind is not (PeriodKind.FiscalYear or PeriodKind.CalendarYear))
        {
            throw new ArgumentOutOfRangeException(nameof(yearKind), yearKind, "A year is fiscal or calendar.");
        }

        try
        {
            value = Read(text, yearKind);
            error = null;
            return true;
        }
        catch (Rejection rejection)
        {
            value = null;
            error = Message(text, rejection);
            return false;
        }
    }

    /// <summary>
    /// Reads one value for another parser that quotes the text itself: on failure gives only the reason (in Japanese
    /// and English, without the quote and the examples), so that the caller's message says each thing once.
    /// </summary>
    internal static bool TryParseReason(
        string? text,
        PeriodKind yearKind,
        [NotNullWhen(true)] out MeasuredValue? value,
        [NotNullWhen(false)] out string? japaneseReason,
        [NotNullWhen(false)] out string? englishReason)
    {
        try
        {
            value = Read(text, yearKind);
            japaneseReason = englishReason = null;
            return true;
        }
        catch (Rejection rejection)
        {
            value = null;
            japaneseReason = rejection.Japanese;
            englishReason = rejection.Message;
            return false;
        }
    }

    /// <summary>
    /// Reads a table cell that may hold several values, one per sub-item, separated by spaces or line breaks:
    /// <c>4社 1社</c>, <c>△3.3 △4.3</c>, <c>94名 38所</c>, <c>72日 —</c>, <c>500t 2億円</c>. A cell that is one value
    /// (including <c>(H20-24) 1.51</c> and <c>未確定 (313千㎡)</c>) gives a list of one; a blank cell gives one value
    /// with no amount.
    /// </summary>
    /// <param name="text">The cell as written.</param>
    /// <param name="yearKind">How to read a year without 年 or 年度 in a bracketed period.</param>
    /// <exception cref="ValueFormatException">A part of the cell is not a value; the message quotes the cell and the part.</exception>
    public static IReadOnlyList<MeasuredValue> ParseCell(string? text, PeriodKind yearKind = PeriodKind.FiscalYear) =>
        TryParseCell(text, yearKind, out var values, out var error) ? values : throw error;

    /// <summary>Reads a table cell without throwing on bad text; see <see cref="ParseCell"/>.</summary>
    /// <param name="text">The cell as written.</param>
    /// <param name="yearKind">How to read a year without 年 or 年度 in a bracketed period.</param>
    /// <param name="values">The values, in the order written; null when the method returns false.</param>
    /// <param name="error">Why the cell was rejected (the Japanese half quotes the cell and the part), not thrown; null on success.</param>
    public static bool TryParseCell(
        string? text,
        PeriodKind yearKind,
        [NotNullWhen(true)] out IReadOnlyList<MeasuredValue>? values,
        [NotNullWhen(false)] out ValueFormatException? error)
    {
        if (TryParse(text, yearKind, out var single, out error))
        {
            values = [single];
            return true;
        }

        // A null or blank cell parses above, so the text here has at least one non-space character.
        var cell = text ?? "";
        var parts = SplitParts(cell);
        if (parts.Count < 2)
        {
            values = null;
            return false;
        }

        var result = new List<MeasuredValue>();
        for (var i = 0; i < parts.Count; i++)
        {
            var (start, end) = parts[i];
            while (i + 1 < parts.Count && ShouldJoin(cell[start..end], cell[parts[i + 1].Start..parts[i + 1].End]))
            {
                i++;
                end = parts[i].End;
            }

            var part = cell[start..end];
            if (!TryParseReason(part, yearKind, out var value, out var japanese, out var english))
            {
                // One message: the cell, the part and the reason, each said once.
                var quoted = JapaneseText.Quote(text);
                values = null;
                error = new ValueFormatException(
                    text,
                    $"「{quoted}」の「{part}」は数値として読めません（{japanese}）。例: {Examples}",
                    $"\"{part}\" in \"{quoted}\" is not a value ({english}). Examples: {Examples}");
                return false;
            }

            result.Add(value);
        }

        values = result;
        error = null;
        return true;
    }

    /// <summary>
    /// Whether a text states a target against a reference instead of a value: 全国平均, 全道平均, 全国平均以上,
    /// 全国水準, 国の平均, 北海道平均 … (seed 001: 全国学力調査の全国平均正答率との差, target 全国平均). The KPI's
    /// values are then differences from the reference and its target is <see cref="Kpis.TargetKind.Relative"/>.
    /// </summary>
    /// <param name="text">The cell as written.</param>
    /// <param name="reference">The reference named, without 以上 / 並み (全国平均); null when the method returns false.</param>
    public static bool IsReferenceTarget(string? text, [NotNullWhen(true)] out string? reference)
    {
        var match = ReferenceTargetPattern().Match(JapaneseText.FoldWidth(text).Trim());
        reference = match.Success ? match.Groups["reference"].Value : null;
        return match.Success;
    }

    /// <summary>Whether a text states a target against a reference; see <see cref="IsReferenceTarget(string?, out string?)"/>.</summary>
    /// <param name="text">The cell as written.</param>
    public static bool IsReferenceTarget(string? text) => IsReferenceTarget(text, out _);

    [GeneratedRegex(@"^(?<reference>(全国|全道|北海道|全市|国|道|全国の|全道の|国の|道の)(平均|水準|平均値|値))(以上|並み)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceTargetPattern();

    private static ValueFormatException Message(string? text, Rejection rejection)
    {
        var quoted = JapaneseText.Quote(text);
        return new ValueFormatException(
            text,
            $"「{quoted}」は数値として読めません（{rejection.Japanese}）。例: {Examples}",
            $"\"{quoted}\" is not a value ({rejection.Message}). Examples: {Examples}");
    }

    [SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Never leaves this class.")]
    [SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Never leaves this class.")]
    private sealed class Rejection(string japanese, string english) : Exception(english)
    {
        public string Japanese { get; } = japanese;
    }

    private static MeasuredValue NoValue(string original, string reason, ValueQualifiers qualifiers = ValueQualifiers.None) =>
        new() { OriginalText = original, NoValueReason = reason, Qualifiers = qualifiers };

    private static MeasuredValue Read(string? original, PeriodKind yearKind)
    {
        var s = JapaneseText.FoldWidth(original).Trim();
        original ??= "";
        if (s.Length == 0)
        {
            return NoValue(original, NoValueReasons.Blank);
        }

        if (s.Length <= 3 && s.All(IsDash))
        {
            return NoValue(original, NoValueReasons.Dash);
        }

        var qualifiers = ValueQualifiers.None;
        var body = s;
        if (ProvisionalWords.FirstOrDefault(w => s.StartsWith(w, StringComparison.Ordinal)) is { } word)
        {
            qualifiers |= ValueQualifiers.Provisional;
            body = s[word.Length..].Trim();
            if (body.Length == 0)
            {
                return NoValue(original, NoValueReasons.Provisional, qualifiers);
            }

            // 未確定 (313千㎡): the brackets hold the provisional value; they do not make it a reference value.
            if (body[0] == '(' && MatchingClose(body, 0) == body.Length - 1)
            {
                body = body[1..^1].Trim();
            }
        }
        else if (IsReferenceTarget(s, out var reference))
        {
            throw new Rejection(
                $"「{reference}」は目標の基準で数値ではありません。ValueParser.IsReferenceTarget で判定してください",
                $"{reference} is a reference for a relative target, not a value; check it with ValueParser.IsReferenceTarget");
        }

        PeriodRange? period = null;

        // (H20-24) 1.51, (H27~H31累計):10,000人, [H27~28 累計] 300人: the period of the value, written before it,
        // optionally with a qualifier word and a colon.
        if (body[0] is '(' or '[' && MatchingClose(body, 0) is var close && close > 0 && close < body.Length - 1
            && TryReadWindow(body[1..close].Trim(), yearKind, out var leading, out var leadingQualifiers))
        {
            period = leading;
            qualifiers |= leadingQualifiers;
            body = body[(close + 1)..].TrimStart();
            if (body.Length > 0 && body[0] == ':')
            {
                body = body[1..].TrimStart();
            }

            if (body.Length == 0)
            {
                throw new Rejection("期間の後に数値がありません", "no number follows the period");
            }
        }
        else if (body[0] is '(' or '[' && MatchingClose(body, 0) is var shut && shut > 0 && shut < body.Length - 1
                 && body[1..shut].Trim() is var words && TrailingWords.Any(w => words.EndsWith(w.Word, StringComparison.Ordinal)))
        {
            // (来年累計) 100人: a window whose period cannot be read.
            throw new Rejection($"括弧内の「{words}」が期間として読めません", $"({words}) before the value is not a period");
        }

        // 888.3億円(R1), 260件(H27～R1累計), 300人[H27~28 累計]: a period and/or a qualifier word after the value.
        if (body[^1] is ')' or ']' && MatchingOpen(body, body.Length - 1) is var open && open > 0)
        {
            var inner = body[(open + 1)..^1].Trim();
            body = body[..open].TrimEnd();
            var trailing = ReadTrailingBracket(inner, yearKind, ref qualifiers);
            if (trailing is not null)
            {
                if (period is not null)
                {
                    throw new Rejection("期間が二つ書かれています", "two periods are written");
                }

                period = trailing;
            }
        }

        // (1.64): a reference value.
        if (body[0] == '(' && MatchingClose(body, 0) == body.Length - 1)
        {
            qualifiers |= ValueQualifiers.Reference;
            body = body[1..^1].Trim();
            if (body.Length == 0)
            {
                throw new Rejection("括弧の中が空です", "the brackets are empty");
            }
        }

        var value = ReadCore(body, ref qualifiers);
        return value with { OriginalText = original, Qualifiers = qualifiers, Period = period };
    }

    /// <summary>A bracket before the value holding a period and optionally qualifier words: H20-24, H27~H31累計.</summary>
    private static bool TryReadWindow(string inner, PeriodKind yearKind, [NotNullWhen(true)] out PeriodRange? range, out ValueQualifiers qualifiers)
    {
        qualifiers = ValueQualifiers.None;
        var rest = StripTrailingWords(inner, ref qualifiers);
        range = null;
        return rest.Length > 0 && PeriodParser.TryParseRange(rest, yearKind, out range, out _);
    }

    private static string StripTrailingWords(string inner, ref ValueQualifiers qualifiers)
    {
        var rest = inner;
        var matched = true;
        while (matched && rest.Length > 0)
        {
            matched = false;
            foreach (var (word, flag) in TrailingWords)
            {
                if (rest.EndsWith(word, StringComparison.Ordinal))
                {
                    qualifiers |= flag;
                    rest = rest[..^word.Length].TrimEnd();
                    matched = true;
                    break;
                }
            }
        }

        return rest;
    }

    private static PeriodRange? ReadTrailingBracket(string inner, PeriodKind yearKind, ref ValueQualifiers qualifiers)
    {
        var rest = StripTrailingWords(inner, ref qualifiers);
        if (rest.Length == 0)
        {
            return null;
        }

        return PeriodParser.TryParseRange(rest, yearKind, out var range, out _)
            ? range
            : throw new Rejection($"括弧内の「{inner}」が期間として読めません", $"({inner}) after the value is not a period");
    }

    private static readonly (string Word, ValueQualifiers Flag)[] TrailingWords =
    [
        ("累計", ValueQualifiers.Cumulative),
        ("合計", ValueQualifiers.Cumulative),
        ("平均", ValueQualifiers.Average),
        ("卒", ValueQualifiers.None),
        ("未確定", ValueQualifiers.Provisional),
        ("速報値", ValueQualifiers.Provisional),
        ("速報", ValueQualifiers.Provisional),
        ("見込み", ValueQualifiers.Provisional),
        ("見込", ValueQualifiers.Provisional),
        ("暫定値", ValueQualifiers.Provisional),
        ("暫定", ValueQualifiers.Provisional),
    ];

    private static readonly (string Word, ValueQualifiers Flag)[] PrefixWords =
    [
        ("累計", ValueQualifiers.Cumulative),
        ("延べ", ValueQualifiers.Aggregate),
        ("延", ValueQualifiers.Aggregate),
        ("年間", ValueQualifiers.Annual),
    ];

    private static MeasuredValue ReadCore(string body, ref ValueQualifiers qualifiers)
    {
        var i = 0;
        var matched = true;
        while (matched)
        {
            i = SkipSpaces(body, i);
            matched = false;
            foreach (var (word, flag) in PrefixWords)
            {
                if (string.CompareOrdinal(body, i, word, 0, word.Length) == 0)
                {
                    qualifiers |= flag;
                    i += word.Length;
                    matched = true;
                    break;
                }
            }
        }

        var negative = false;
        if (i < body.Length && body[i] is '△' or '▲' or '-' or '+')
        {
            negative = body[i] != '+';
            i = SkipSpaces(body, i + 1);
        }

        if (i >= body.Length || !char.IsAsciiDigit(body[i]))
        {
            throw i < body.Length
                ? new Rejection($"数値がありません（「{body[i]}」）", $"no number found ('{body[i]}' where a digit was expected)")
                : new Rejection("数値がありません", "no number found");
        }

        var number = ReadCompound(body, ref i);
        var written = body[i..].Trim();
        if (written.Any(char.IsAsciiDigit) && body[i..].Any(char.IsWhiteSpace))
        {
            throw new Rejection($"数値の後に空白と「{written}」があります（複数の値はセルとして読みます）", $"a space and \"{written}\" follow the number (several values are read with ParseCell)");
        }

        if (written.EndsWith("以上", StringComparison.Ordinal))
        {
            qualifiers |= ValueQualifiers.AtLeast;
            written = written[..^2].TrimEnd();
        }

        if (written.Any(char.IsWhiteSpace))
        {
            throw new Rejection($"単位「{written}」に空白があります（複数の値はセルとして読みます）", $"the unit \"{written}\" contains a space (several values are read with ParseCell)");
        }

        if (Units.StartsWithMultiplier(written))
        {
            throw new Rejection($"「{written[0]}」の位置が不正です（倍数の重複）", $"the multiplier {written[0]} is repeated or misplaced");
        }

        if (!Units.TryNormalize(written, out var unit, out var problem))
        {
            throw new Rejection($"単位「{written}」が読めません", $"\"{written}\" is not a unit: {problem}");
        }

        return new MeasuredValue
        {
            Amount = negative ? -number.Amount : number.Amount,
            Unit = unit,
            DisplayUnit = (number.MultiplierText ?? "") + written,
            Decimals = number.Decimals,
        };
    }

    private readonly record struct Compound(decimal Amount, int Decimals, string? MultiplierText);

    /// <summary>
    /// Reads a number of one or more terms: sections of small units (千 百 十) closed by large units (兆 億 万), the way
    /// Japanese numbers are written with Arabic digits (2億4千万 = 2×10⁸ + (4×10³)×10⁴).
    /// </summary>
    private static Compound ReadCompound(string s, ref int i)
    {
        decimal total = 0, section = 0;
        decimal lastLarge = decimal.MaxValue, lastSmall = decimal.MaxValue;
        var terms = 0;
        var decimals = 0;
        string? firstMultiplier = null, firstLarge = null, firstSmall = null;
        try
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (decimals > 0)
                {
                    throw new Rejection("小数点は一つの数だけに使えます（1.5万3千は不可）", "a decimal point is only allowed in a number of one term");
                }

                var (n, scale) = ReadNumber(s, ref i);
                decimals = scale;
                terms++;

                // 4,356 億円, 5 千人: a space between a number and its multiplier.
                if (SkipSpaces(s, i) is var next && next > i && next < s.Length && Units.Multipliers.ContainsKey(s[next]))
                {
                    i = next;
                }

                var smallText = ReadMultiplier(s, ref i, large: false);
                var largeText = ReadMultiplier(s, ref i, large: true);
                if (terms == 1)
                {
                    firstMultiplier = smallText + largeText is { Length: > 0 } m ? m : null;
                }

                if (smallText is not null)
                {
                    var small = Factor(smallText);
                    if (small >= lastSmall)
                    {
                        throw new Rejection($"「{smallText}」の順序が不正です", $"{smallText} after a smaller or equal multiplier");
                    }

                    firstSmall ??= smallText;
                    lastSmall = small;
                    section += n * small;
                }
                else
                {
                    section += n;
                }

                if (largeText is not null)
                {
                    var large = Factor(largeText);
                    if (large >= lastLarge)
                    {
                        throw new Rejection($"「{largeText}」の順序が不正です（倍数の重複）", $"{largeText} repeated or after a smaller multiplier");
                    }

                    CheckBelow(section * large, lastLarge);
                    firstLarge ??= largeText;
                    total += section * large;
                    section = 0;
                    lastSmall = decimal.MaxValue;
                    lastLarge = large;
                }
                else if (smallText is null)
                {
                    // A bare number ends the compound: 1万500.
                    break;
                }
            }

            CheckBelow(section, lastLarge);
            total += section;
        }
        catch (OverflowException)
        {
            throw new Rejection("数値が大きすぎます", "the number is too large");
        }

        if (terms > 1 && decimals > 0)
        {
            throw new Rejection("小数点は一つの数だけに使えます（1.5万3千は不可）", "a decimal point is only allowed in a number of one term");
        }

        var multiplierText = terms == 1 ? firstMultiplier : firstLarge ?? firstSmall;
        if (terms == 1 && firstMultiplier is not null && decimals > 0)
        {
            // 36.8万 = 368000, not 368000.0: keep only the decimals the written digits carry.
            var exponent = 0;
            for (var f = Factor(firstMultiplier); f >= 10; f /= 10)
            {
                exponent++;
            }

            total = decimal.Round(total, Math.Max(0, decimals - exponent));
        }

        if (terms > 1)
        {
            // 2億4千万円 shown in 億円 is 2.4: the decimals it takes to show the amount exactly in the display unit.
            decimals = Scale(total / Factor(multiplierText!) / 1.0000000000000000000000000000m);
        }

        return new Compound(total, decimals, multiplierText);
    }

    private static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;

    private static void CheckBelow(decimal part, decimal lastLarge)
    {
        if (lastLarge != decimal.MaxValue && part >= lastLarge)
        {
            throw new Rejection("倍数の後の数が大きすぎます（1万12000は不可）", "a term after 万 or 億 must be smaller than it");
        }
    }

    private static (decimal Value, int Scale) ReadNumber(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == ','))
        {
            i++;
        }

        var integer = s[start..i];
        if (integer.Contains(',', StringComparison.Ordinal) && !ThousandsPattern().IsMatch(integer))
        {
            throw new Rejection($"「{integer}」の桁区切りが不正です", $"{integer} has malformed thousands separators (groups of three)");
        }

        var scale = 0;
        if (i < s.Length && s[i] == '.')
        {
            var fractionStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            scale = i - fractionStart;
            if (scale == 0)
            {
                throw new Rejection("小数点の後に数字がありません", "a decimal point must be followed by digits");
            }
        }

        if (i < s.Length && s[i] is '.' or ',')
        {
            throw new Rejection($"「{s[start..(i + 1)]}」は数として不正です", $"{s[start..(i + 1)]} is a malformed number");
        }

        var digits = s[start..i].Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new Rejection("数値が大きすぎます", "the number is too large");
        }

        return (value, scale);
    }

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPattern();

    private static string? ReadMultiplier(string s, ref int i, bool large)
    {
        if (i >= s.Length)
        {
            return null;
        }

        var found = large ? s[i] is '万' or '億' or '兆' : s[i] is '千' or '百' or '十';
        if (!found)
        {
            return null;
        }

        return s[i++].ToString();
    }

    private static decimal Factor(string multiplier) => Units.SplitMultiplier(multiplier).Multiplier;

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDash(char c) => c is '-' or '—' or '―' or 'ー' or '‐' or '–' or '─' or '‒';

    private static int MatchingClose(string s, int open)
    {
        var (o, c) = s[open] == '[' ? ('[', ']') : ('(', ')');
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == o)
            {
                depth++;
            }
            else if (s[i] == c && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int MatchingOpen(string s, int close)
    {
        var (o, c) = s[close] == ']' ? ('[', ']') : ('(', ')');
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            if (s[i] == c)
            {
                depth++;
            }
            else if (s[i] == o && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<(int Start, int End)> SplitParts(string text)
    {
        var parts = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                parts.Add((start, i));
            }
        }

        return parts;
    }

    /// <summary>Whether two space-separated pieces of a cell are one value: (H20-24) 1.51, 未確定 (313千㎡), 1,000 人, 4,356 億円, 888.3億円 (R1).</summary>
    private static bool ShouldJoin(string left, string right)
    {
        var a = JapaneseText.FoldWidth(left);
        var b = JapaneseText.FoldWidth(right);
        if (ProvisionalWords.Contains(a) && b.StartsWith('('))
        {
            return true;
        }

        if (PrefixWords.Any(p => p.Word == a) || a is "△" or "▲" or "+" or "-")
        {
            return true;
        }

        if (a.StartsWith('(') && a.EndsWith(')') && char.IsAsciiDigit(b[0])
            && PeriodParser.TryParseRange(a[1..^1], PeriodKind.FiscalYear, out _, out _))
        {
            return true;
        }

        // 888.3億円 (R1), 1,234人 (見込): a bracket after a value that does not hold a value of its own.
        if (a.Any(char.IsAsciiDigit) && b.Length > 2 && b.StartsWith('(') && b.EndsWith(')') && !IsNumberLike(b[1..^1]))
        {
            return true;
        }

        // 1,000 人, 4,356 億円: a unit (with its multiplier) written apart from its number.
        return char.IsAsciiDigit(a[^1]) && !ProvisionalWords.Contains(b) && !IsReferenceTarget(b)
               && Units.TryNormalize(Units.StartsWithMultiplier(b) ? Units.SplitMultiplier(b).Unit : b, out _, out _);
    }

    private static bool IsNumberLike(string s) => s.Length > 0 && (char.IsAsciiDigit(s[0]) || s[0] is '△' or '▲' or '-' or '+');
}
