using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Sosei.Domain.Text;

namespace Sosei.Domain.Periods;

/// <summary>
/// Reads the period notations of Japanese plan documents into <see cref="Period"/> and <see cref="PeriodRange"/>.
/// The parser is strict: the whole text must be a period or a range (surrounding whitespace and enclosing brackets
/// such as <c>(H26)</c> are allowed, any other text is an error); it never searches a sentence for a date.
/// </summary>
/// <remarks>
/// <para>Accepted notations (full-width digits and letters, ideographic spaces and spaces between the parts are all
/// accepted: <c>Ｈ２７</c>, <c>平成 27 年度</c>, <c>H27. 6. 12</c>):</para>
/// <list type="table">
/// <item><term>fiscal year (年度)</term><description><c>平成27年度</c>, <c>H27年度</c>, <c>令和元年度</c>, <c>R元年度</c>,
/// <c>2015年度</c>, <c>FY2015</c>.</description></item>
/// <item><term>calendar year (年)</term><description><c>平成27年</c>, <c>2015年</c>, <c>CY2015</c>.</description></item>
/// <item><term>year of the caller's kind</term><description><c>H27</c>, <c>R1</c>, <c>R元</c>, <c>2015</c>, and the
/// table header form <c>H27年(度)</c>: a year written without 年 or 年度 is read as <c>yearKind</c>.</description></item>
/// <item><term>month</term><description><c>H31.3</c>, <c>令和5年8月</c>, <c>2024年3月</c>, <c>2024-03</c>,
/// <c>2024/3</c>.</description></item>
/// <item><term>date</term><description><c>令和5年5月26日</c>, <c>H27.6.12</c>, <c>2015-10-01</c>,
/// <c>2015/10/1</c>.</description></item>
/// <item><term>both notations</term><description>an era form with the Gregorian year in brackets or the other way
/// round: <c>平成27年度（2015年度）</c>, <c>令和5年(2023年)</c>, <c>2020年(平成32年)</c>, <c>平成27年（2015年）7月</c>,
/// <c>令和6年度 (2024)</c> (the display form). The two years must agree, and so must 年 and 年度 when both are
/// written; otherwise the text is rejected.</description></item>
/// <item><term>range</term><description>two periods joined by <c>～</c>, <c>~</c>, <c>〜</c>, <c>-</c>, <c>－</c>,
/// <c>..</c> or <c>から</c> (optionally ending in <c>まで</c>): <c>H27～R1</c>, <c>R3~R7</c>, <c>H27-H31</c>,
/// <c>2015～2019年度</c>, <c>R5.6~R6.3</c>, <c>FY2021..FY2025</c>. The end may omit what it shares with the
/// start: <c>H20-24</c> (era), <c>令和5年10月14日～15日</c> (year and month), <c>令和5年6月～9月</c> (year).</description></item>
/// <item><term>end of</term><description>末 after a year or a month is that year or month: <c>平成31年度末</c> and
/// <c>H31年度末</c> are FY2019, <c>令和2年3月末</c> is March 2020, <c>H27～H31年度末</c> is FY2015–FY2019. 末 after a
/// date (<c>令和5年5月26日末</c>) is an error.</description></item>
/// <item><term>deadline</term><description>a period followed by まで (until) is that period, the last one the text
/// allows: <c>平成 32 年3月まで</c> is March 2020, <c>平成31年度末まで</c> FY2019.</description></item>
/// </list>
/// <para>The window of a cumulative value, <c>[H27~28 累計]</c> or <c>（H27～H31累計）</c>, is not a range (the word 累計
/// is rejected by <see cref="ParseRange"/>); <see cref="ParseCumulativeWindow"/> reads it.</para>
/// <para>Rules: eras are 明治 (M), 大正 (T), 昭和 (S), 平成 (H) and 令和 (R); 元 is year 1; an era year past the end of
/// its era is valid (plans written before 2019 use 平成32年 = 2020, 平成72年 = 2060), and 平成31年度 = 令和元年度 = FY2019.
/// A year written with 年度 is a fiscal year and one written with 年 a calendar year, whatever <c>yearKind</c> says;
/// in a range, a year without either takes the kind written at the other end (<c>2015～2019年度</c> is fiscal).
/// Rejected, with a <see cref="PeriodFormatException"/> quoting the text: empty text, unknown eras, era year 0,
/// month outside 1–12, days that do not exist (32日, 2月30日), ranges whose end is before their start or whose ends are
/// of different kinds, years outside <see cref="FiscalYear.MinYear"/>–<see cref="FiscalYear.MaxYear"/>, and text
/// around the period.</para>
/// </remarks>
public static class PeriodParser
{
    private const string SingleExamples = "令和6年度, R6, 2024年度, FY2024, 2024年, H31.3, 令和5年5月26日";
    private const string RangeExamples = "令和6年度, H27～R1, R3~R7, H20-24, 2015～2019年度";
    private const string WindowExamples = "[H27~28 累計], （H27～H31累計）, H27～R1累計";

    /// <summary>Reads one period: a fiscal year, a calendar year, a month or a date.</summary>
    /// <param name="text">The text, e.g. <c>令和6年度</c>, <c>H27</c>, <c>2024年3月</c>.</param>
    /// <param name="yearKind">How to read a year written without 年 or 年度 (<c>H27</c>, <c>2015</c>):
    /// <see cref="PeriodKind.FiscalYear"/> or <see cref="PeriodKind.CalendarYear"/>.</param>
    /// <exception cref="PeriodFormatException">The text is not one period (a range is rejected too).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearKind"/> is not a kind of year.</exception>
    public static Period Parse(string text, PeriodKind yearKind = PeriodKind.FiscalYear)
    {
        if (!TryParse(text, yearKind, out var period, out var error))
        {
            throw error;
        }

        return period;
    }

    /// <summary>Reads one period without throwing on bad text; see <see cref="Parse"/>.</summary>
    /// <param name="text">The text; null or blank is rejected.</param>
    /// <param name="yearKind">How to read a year written without 年 or 年度.</param>
    /// <param name="period">The period read; default when the method returns false.</param>
    /// <param name="error">Why the text was rejected (in Japanese and English, quoting it), not thrown; null on success.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearKind"/> is not a kind of year.</exception>
    public static bool TryParse(string? text, PeriodKind yearKind, out Period period, [NotNullWhen(false)] out PeriodFormatException? error)
    {
        CheckYearKind(yearKind);
        period = default;
        if (!TryRead(text, yearKind, out var range, out var isRange, out var reason))
        {
            error = Message(text, single: true, reason);
            return false;
        }

        if (isRange)
        {
            error = Message(text, single: true, new Reason("範囲ではなく一つの期間を指定してください", "a single period was expected, not a range"));
            return false;
        }

        period = range.First;
        error = null;
        return true;
    }

    /// <summary>Reads a period or a range of periods; a single period gives a range of one.</summary>
    /// <param name="text">The text, e.g. <c>H27～R1</c>, <c>H20-24</c>, <c>平成27年度（2015年度）～平成31年度（2019年度）</c>.</param>
    /// <param name="yearKind">How to read years written without 年 or 年度 at both ends.</param>
    /// <exception cref="PeriodFormatException">The text is not a period or range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearKind"/> is not a kind of year.</exception>
    public static PeriodRange ParseRange(string text, PeriodKind yearKind = PeriodKind.FiscalYear)
    {
        if (!TryParseRange(text, yearKind, out var range, out var error))
        {
            throw error;
        }

        return range;
    }

    /// <summary>Reads a period or range without throwing on bad text; see <see cref="ParseRange"/>.</summary>
    /// <param name="text">The text; null or blank is rejected.</param>
    /// <param name="yearKind">How to read years written without 年 or 年度.</param>
    /// <param name="range">The range read; null when the method returns false.</param>
    /// <param name="error">Why the text was rejected (in Japanese and English, quoting it), not thrown; null on success.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearKind"/> is not a kind of year.</exception>
    public static bool TryParseRange(
        string? text,
        PeriodKind yearKind,
        [NotNullWhen(true)] out PeriodRange? range,
        [NotNullWhen(false)] out PeriodFormatException? error)
    {
        CheckYearKind(yearKind);
        if (!TryRead(text, yearKind, out range, out _, out var reason))
        {
            error = Message(text, single: false, reason);
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Reads the accumulation window of a cumulative value or target: a range (or one period) followed by 累計 or 合計,
    /// optionally in brackets: <c>[H27~28 累計]</c> (FY2015–FY2016), <c>（H27～H31累計）</c>, <c>H27～R1合計</c>. The window
    /// is the <see cref="PeriodRange"/> a cumulative value (<see cref="Values.ValueQualifiers.Cumulative"/>) or a
    /// <see cref="Kpis.TargetKind.Cumulative"/> target sums over.
    /// </summary>
    /// <param name="text">The window as written.</param>
    /// <param name="yearKind">How to read years written without 年 or 年度.</param>
    /// <exception cref="PeriodFormatException">The text is not a cumulative window (the word 累計 or the period is missing or wrong).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearKind"/> is not a kind of year.</exception>
    public static PeriodRange ParseCumulativeWindow(string text, PeriodKind yearKind = PeriodKind.FiscalYear) =>
        TryParseCumulativeWindow(text, yearKind, out var range, out var error) ? range : throw error;

    /// <summary>Reads a cumulative window without throwing on bad text; see <see cref="ParseCumulativeWindow"/>.</summary>
    /// <param name="text">The window as written; null or blank is rejected.</param>
    /// <param name="yearKind">How to read years written without 年 or 年度.</param>
    /// <param name="range">The window; null when the method returns false.</param>
    /// <param name="error">Why the text was rejected (in Japanese and English, quoting it), not thrown; null on success.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearKind"/> is not a kind of year.</exception>
    public static bool TryParseCumulativeWindow(
        string? text,
        PeriodKind yearKind,
        [NotNullWhen(true)] out PeriodRange? range,
        [NotNullWhen(false)] out PeriodFormatException? error)
    {
        CheckYearKind(yearKind);
        range = null;
        var s = JapaneseText.FoldWidth(text).Trim();
        if (s.Length >= 2 && ClosingOf(s[0]) is { } close && s[^1] == close)
        {
            s = s[1..^1].Trim();
        }

        Reason reason;
        if (!(s.EndsWith("累計", StringComparison.Ordinal) || s.EndsWith("合計", StringComparison.Ordinal)))
        {
            reason = new Reason("「累計」がありません", "the word 累計 (cumulative) is missing");
        }
        else if (s[..^2].TrimEnd() is { Length: 0 })
        {
            reason = new Reason("累計の期間がありません", "the period of the total is missing");
        }
        else if (TryRead(s[..^2].TrimEnd(), yearKind, out range, out _, out reason))
        {
            error = null;
            return true;
        }

        var quoted = JapaneseText.Quote(text);
        error = new PeriodFormatException(
            text,
            $"「{quoted}」は累計の期間として読めません（{reason.Japanese}）。例: {WindowExamples}",
            $"\"{quoted}\" is not a cumulative window ({reason.English}). Examples: {WindowExamples}");
        return false;
    }

    private static char? ClosingOf(char open) => open switch
    {
        '(' => ')',
        '[' => ']',
        '【' => '】',
        '〔' => '〕',
        _ => null,
    };

    private static void CheckYearKind(PeriodKind yearKind)
    {
        if (yearKind is not (PeriodKind.FiscalYear or PeriodKind.CalendarYear))
        {
            throw new ArgumentOutOfRangeException(nameof(yearKind), yearKind, "A year is fiscal or calendar.");
        }
    }

    private static PeriodFormatException Message(string? text, bool single, Reason reason)
    {
        var quoted = JapaneseText.Quote(text);
        return single
            ? new PeriodFormatException(
                text,
                $"「{quoted}」は年度・年・年月・日付として読めません（{reason.Japanese}）。例: {SingleExamples}",
                $"\"{quoted}\" is not a fiscal year, year, month or date ({reason.English}). Examples: {SingleExamples}")
            : new PeriodFormatException(
                text,
                $"「{quoted}」は期間（年度・年・年月・日付またはその範囲）として読めません（{reason.Japanese}）。例: {RangeExamples}",
                $"\"{quoted}\" is not a period or range of periods ({reason.English}). Examples: {RangeExamples}");
    }

    private static bool TryRead(
        string? text,
        PeriodKind yearKind,
        [NotNullWhen(true)] out PeriodRange? range,
        out bool isRange,
        out Reason reason)
    {
        range = null;
        isRange = false;
        reason = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = new Reason("空です", "the text is empty");
            return false;
        }

        try
        {
            var reader = new Reader(Tokenize(JapaneseText.FoldWidth(text)), yearKind);
            (range, isRange) = reader.ReadRange();
            return true;
        }
        catch (Rejection rejection)
        {
            reason = rejection.Reason;
            return false;
        }
    }

    private readonly record struct Reason(string Japanese, string English);

    /// <summary>Thrown inside the parser only, and always caught by <see cref="TryRead"/>: it keeps the grammar readable.</summary>
    [SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Never leaves this class.")]
    [SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Never leaves this class.")]
    private sealed class Rejection(string japanese, string english) : Exception(english)
    {
        public Reason Reason { get; } = new(japanese, english);
    }

    private enum TokenKind
    {
        Number,
        Era,
        Nen,
        Nendo,
        NenOrNendo,
        Month,
        Day,
        Dot,
        Slash,
        Dash,
        Tilde,
        DotDot,
        Open,
        Close,
        FiscalPrefix,
        CalendarPrefix,
        Made,
        Sue,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Value = 0, int Digits = 0, JapaneseEra? Era = null)
    {
        public bool IsArabicNumber => Kind == TokenKind.Number && Digits > 0;

        public bool IsSeparator => Kind is TokenKind.Tilde or TokenKind.Dash or TokenKind.DotDot;
    }

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                var digits = s[start..i];
                if (digits.Length > 6)
                {
                    throw new Rejection($"数字「{digits}」が長すぎます", $"the number {digits} is too long");
                }

                tokens.Add(new Token(TokenKind.Number, digits, int.Parse(digits, CultureInfo.InvariantCulture), digits.Length));
            }
            else if (JapaneseText.IsKanjiNumeral(c))
            {
                var start = i;
                while (i < s.Length && JapaneseText.IsKanjiNumeral(s[i]))
                {
                    i++;
                }

                var numeral = s[start..i];
                if (!JapaneseText.TryParseKanjiNumber(numeral, out var value))
                {
                    throw new Rejection($"漢数字「{numeral}」が読めません", $"the kanji numeral {numeral} is malformed");
                }

                tokens.Add(new Token(TokenKind.Number, numeral, value));
            }
            else if (c == '元')
            {
                tokens.Add(new Token(TokenKind.Number, "元", 1));
                i++;
            }
            else if (At(s, i, "年度"))
            {
                tokens.Add(new Token(TokenKind.Nendo, "年度"));
                i += 2;
            }
            else if (c == '年')
            {
                // 年(度): the table header form, "a year or fiscal year, depending on the KPI".
                var j = SkipSpaces(s, i + 1);
                if (j < s.Length && s[j] == '(' && SkipSpaces(s, j + 1) is var k && k < s.Length && s[k] == '度'
                    && SkipSpaces(s, k + 1) is var m && m < s.Length && s[m] == ')')
                {
                    tokens.Add(new Token(TokenKind.NenOrNendo, "年(度)"));
                    i = m + 1;
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Nen, "年"));
                    i++;
                }
            }
            else if (c == '月')
            {
                tokens.Add(new Token(TokenKind.Month, "月"));
                i++;
            }
            else if (c == '日')
            {
                tokens.Add(new Token(TokenKind.Day, "日"));
                i++;
            }
            else if (c == '.')
            {
                var dotDot = i + 1 < s.Length && s[i + 1] == '.';
                tokens.Add(dotDot ? new Token(TokenKind.DotDot, "..") : new Token(TokenKind.Dot, "."));
                i += dotDot ? 2 : 1;
            }
            else if (c == '/')
            {
                tokens.Add(new Token(TokenKind.Slash, "/"));
                i++;
            }
            else if (c is '-' or '‐' or '‑' or '–' or '—' or '―' or 'ー' or '─')
            {
                tokens.Add(new Token(TokenKind.Dash, c.ToString()));
                i++;
            }
            else if (c == '~')
            {
                tokens.Add(new Token(TokenKind.Tilde, "~"));
                i++;
            }
            else if (At(s, i, "から"))
            {
                tokens.Add(new Token(TokenKind.Tilde, "から"));
                i += 2;
            }
            else if (c == '末')
            {
                tokens.Add(new Token(TokenKind.Sue, "末"));
                i++;
            }
            else if (At(s, i, "まで"))
            {
                tokens.Add(new Token(TokenKind.Made, "まで"));
                i += 2;
            }
            else if (c is '(' or '[' or '【' or '〔' or '「' or '『' or '<' or '〈' or '《')
            {
                tokens.Add(new Token(TokenKind.Open, c.ToString()));
                i++;
            }
            else if (c is ')' or ']' or '】' or '〕' or '」' or '』' or '>' or '〉' or '》')
            {
                tokens.Add(new Token(TokenKind.Close, c.ToString()));
                i++;
            }
            else if (char.IsAsciiLetter(c))
            {
                var start = i;
                while (i < s.Length && char.IsAsciiLetter(s[i]))
                {
                    i++;
                }

                tokens.Add(LetterToken(s[start..i]));
            }
            else if (EraNamed(s, i) is { } era)
            {
                tokens.Add(new Token(TokenKind.Era, era.Name, Era: era));
                i += era.Name.Length;
            }
            else if (IsIdeograph(c) && i + 2 < s.Length && IsIdeograph(s[i + 1]) && (char.IsAsciiDigit(s[i + 2]) || s[i + 2] == '元'))
            {
                var name = s.Substring(i, 2);
                throw new Rejection($"元号「{name}」は扱えません（明治・大正・昭和・平成・令和）", $"unknown era {name} (known: 明治 M, 大正 T, 昭和 S, 平成 H, 令和 R)");
            }
            else
            {
                throw new Rejection($"「{c}」は読めません", $"unexpected character '{c}'");
            }
        }

        tokens.Add(new Token(TokenKind.End, ""));
        return tokens;
    }

    private static Token LetterToken(string word)
    {
        if (word.Equals("FY", StringComparison.OrdinalIgnoreCase))
        {
            return new Token(TokenKind.FiscalPrefix, word);
        }

        if (word.Equals("CY", StringComparison.OrdinalIgnoreCase))
        {
            return new Token(TokenKind.CalendarPrefix, word);
        }

        if (word.Length == 1 && JapaneseEra.Find(word) is { } era)
        {
            return new Token(TokenKind.Era, word, Era: era);
        }

        throw word.Length == 1
            ? new Rejection($"元号の略号「{word}」は扱えません（M・T・S・H・R）", $"unknown era letter {word} (known: M, T, S, H, R)")
            : new Rejection($"「{word}」は読めません", $"unexpected word {word}");
    }

    private static JapaneseEra? EraNamed(string s, int i)
    {
        foreach (var era in JapaneseEra.All)
        {
            if (At(s, i, era.Name))
            {
                return era;
            }
        }

        return null;
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static bool At(string s, int i, string word) => string.CompareOrdinal(s, i, word, 0, word.Length) == 0;

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>How the year of a point was written.</summary>
    private enum YearWord
    {
        None,
        Nen,
        Nendo,
        NenOrNendo,
        FiscalPrefix,
        CalendarPrefix,
    }

    /// <summary>One end of a range as written, before it becomes a <see cref="Period"/>.</summary>
    private sealed record Point
    {
        public int Year { get; init; }

        public JapaneseEra? Era { get; init; }

        public YearWord Word { get; init; }

        /// <summary>Month as written (null when none; 0 and 13 are kept so that they can be rejected).</summary>
        public int? Month { get; init; }

        /// <summary>Day as written (null when none).</summary>
        public int? Day { get; init; }

        public bool HasAlternative { get; init; }

        public bool IsYear => Month is null;

        /// <summary>The kind the text states for a year (年 or 年度, FY or CY); null when it leaves it to the caller.</summary>
        public PeriodKind? StatedYearKind => Word switch
        {
            YearWord.Nen or YearWord.CalendarPrefix => PeriodKind.CalendarYear,
            YearWord.Nendo or YearWord.FiscalPrefix => PeriodKind.FiscalYear,
            _ => null,
        };

        public PeriodKind? Kind => Day is not null ? PeriodKind.Date : Month is not null ? PeriodKind.Month : StatedYearKind;
    }

    private sealed class Reader(List<Token> tokens, PeriodKind yearKind)
    {
        private int _pos;
        private int _end = tokens.Count - 1;

        private Token Peek(int ahead = 0) => _pos + ahead < _end ? tokens[_pos + ahead] : tokens[^1];

        private Token Next()
        {
            var t = Peek();
            if (_pos < _end)
            {
                _pos++;
            }

            return t;
        }

        public (PeriodRange Range, bool IsRange) ReadRange()
        {
            StripEnclosingBrackets();
            var start = ReadEnd(ReadPoint(null));
            if (Peek().Kind == TokenKind.Made && Peek(1).Kind == TokenKind.End)
            {
                // 平成32年3月まで: a deadline, the period it ends with.
                Next();
            }

            if (Peek().Kind == TokenKind.End)
            {
                return (PeriodRange.Of(Build(start, start.StatedYearKind ?? yearKind)), false);
            }

            if (!Peek().IsSeparator)
            {
                throw Unexpected(Peek());
            }

            Next();
            var end = ReadEnd(ReadPoint(start));
            if (Peek().Kind == TokenKind.Made)
            {
                Next();
            }

            if (Peek().Kind != TokenKind.End)
            {
                throw Unexpected(Peek());
            }

            return (MakeRange(start, end), true);
        }

        /// <summary>平成31年度末, 令和2年3月末: the end of a year or month is read as that year or month.</summary>
        private Point ReadEnd(Point p)
        {
            if (Peek().Kind != TokenKind.Sue)
            {
                return p;
            }

            if (p.Day is not null)
            {
                throw new Rejection("日付の後に「末」は付けられません（年度末・年末・月末のみ）", "末 (end of) follows a year or a month, not a date");
            }

            Next();
            return p;
        }

        private void StripEnclosingBrackets()
        {
            // (H26), 【R6】: brackets around the whole text are allowed; a bracket that closes earlier is not ours.
            while (tokens[_pos].Kind == TokenKind.Open && _end - _pos >= 2 && tokens[_end - 1].Kind == TokenKind.Close
                   && MatchingClose(_pos) == _end - 1)
            {
                _pos++;
                _end--;
                tokens[_end] = new Token(TokenKind.End, "");
            }
        }

        private int MatchingClose(int open)
        {
            var depth = 0;
            for (var i = open; i < _end; i++)
            {
                if (tokens[i].Kind == TokenKind.Open)
                {
                    depth++;
                }
                else if (tokens[i].Kind == TokenKind.Close && --depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        private PeriodRange MakeRange(Point start, Point end)
        {
            PeriodKind startKind, endKind;
            if (start.IsYear && end.IsYear)
            {
                if (start.StatedYearKind is { } a && end.StatedYearKind is { } b && a != b)
                {
                    throw new Rejection("始まりと終わりで年と年度が混在しています", "one end is a calendar year (年) and the other a fiscal year (年度)");
                }

                startKind = endKind = start.StatedYearKind ?? end.StatedYearKind ?? yearKind;
            }
            else
            {
                startKind = start.Kind ?? yearKind;
                endKind = end.Kind ?? yearKind;
                if (startKind != endKind)
                {
                    throw new Rejection("始まりと終わりの種類（年度・年・月・日）が違います", $"both ends must be of one kind ({startKind}, {endKind})");
                }
            }

            var first = Build(start, startKind);
            var last = Build(end, endKind);
            if (last < first)
            {
                throw new Rejection(
                    $"終わり（{last.ToJapanese()}）が始まり（{first.ToJapanese()}）より前です",
                    $"the range ends ({last}) before it starts ({first})");
            }

            return new PeriodRange(first, last);
        }

        private Point ReadPoint(Point? start)
        {
            var t = Peek();
            switch (t.Kind)
            {
                case TokenKind.FiscalPrefix:
                case TokenKind.CalendarPrefix:
                    {
                        Next();
                        var n = Next();
                        if (!n.IsArabicNumber || n.Digits != 4)
                        {
                            throw new Rejection($"{t.Text} の後には西暦4桁が必要です", $"{t.Text} must be followed by a 4-digit year");
                        }

                        return new Point
                        {
                            Year = n.Value,
                            Word = t.Kind == TokenKind.FiscalPrefix ? YearWord.FiscalPrefix : YearWord.CalendarPrefix,
                        };
                    }

                case TokenKind.Era:
                    {
                        Next();
                        var era = t.Era!;
                        return ReadYearTail(new Point { Year = GregorianYear(era, ReadEraYear(era)), Era = era });
                    }

                case TokenKind.Number:
                    {
                        if (start is not null && ReadShortEnd(start) is { } shortEnd)
                        {
                            return shortEnd;
                        }

                        Next();
                        if (!t.IsArabicNumber || t.Value < 1000)
                        {
                            throw new Rejection(
                                $"「{t.Text}」に元号がありません（西暦は4桁で書きます）",
                                $"{t.Text} has no era (write H{t.Value}, R{t.Value}, or the Gregorian year in full)");
                        }

                        return ReadYearTail(new Point { Year = t.Value });
                    }

                case TokenKind.End:
                    throw start is null
                        ? new Rejection("年がありません", "no year found")
                        : new Rejection("範囲の終わりがありません", "the range has no end");

                default:
                    throw Unexpected(t);
            }
        }

        /// <summary>The end of a range that omits what it shares with the start: H20-24, 令和5年10月14日～15日, 令和5年6月～9月.</summary>
        private Point? ReadShortEnd(Point start)
        {
            var n = Peek();
            if (start.Day is not null)
            {
                if (Peek(1).Kind == TokenKind.Day)
                {
                    Next();
                    Next();
                    return start with { Day = n.Value, HasAlternative = false };
                }

                if (Peek(1).Kind == TokenKind.Month && Peek(2).Kind == TokenKind.Number && Peek(3).Kind == TokenKind.Day)
                {
                    Next();
                    Next();
                    var day = Next();
                    Next();
                    return start with { Month = n.Value, Day = day.Value, HasAlternative = false };
                }
            }
            else if (start.Month is not null && Peek(1).Kind == TokenKind.Month)
            {
                Next();
                Next();
                return start with { Month = n.Value, HasAlternative = false };
            }

            if (n.IsArabicNumber && n.Value >= 1000)
            {
                return null;
            }

            if (!start.IsYear)
            {
                throw new Rejection($"範囲の終わり「{n.Text}」が読めません", $"the end of the range ({n.Text}) is incomplete");
            }

            if (start.Era is null)
            {
                throw new Rejection($"範囲の終わり「{n.Text}」は西暦4桁で書きます", $"write the end year {n.Text} in full");
            }

            Next();
            if (n.Value == 0)
            {
                throw EraYearZero();
            }

            return ReadYearTail(new Point { Year = GregorianYear(start.Era, n.Value), Era = start.Era });
        }

        private int ReadEraYear(JapaneseEra era)
        {
            var n = Next();
            if (n.Kind != TokenKind.Number)
            {
                throw new Rejection($"{era.Name}の後に年がありません", $"{era.Name} ({era.Letter}) must be followed by a year");
            }

            if (n.Value == 0)
            {
                throw EraYearZero();
            }

            return n.Value;
        }

        private static Rejection EraYearZero() => new("元号の0年はありません（1年は元年）", "era year 0 does not exist (year 1 is 元年)");

        private static int GregorianYear(JapaneseEra era, int eraYear)
        {
            // Keep the arithmetic far from int overflow; the range check of Build gives the real message.
            var year = eraYear > 1000 ? int.MaxValue : era.ToGregorianYear(eraYear);
            CheckYear(year, $"{era.Name}{eraYear}年");
            return year;
        }

        private static void CheckYear(int year, string written)
        {
            if (year is < FiscalYear.MinYear or > FiscalYear.MaxYear)
            {
                throw new Rejection(
                    $"{written}は扱える範囲（{FiscalYear.MinYear}～{FiscalYear.MaxYear}年）の外です",
                    $"{written} is outside the years Sosei accepts ({FiscalYear.MinYear}–{FiscalYear.MaxYear})");
            }
        }

        /// <summary>What may follow a year: 年度, 年(度), 年 [m月 [d日]], .m[.d], /m[/d], -mm[-dd], and one bracketed alternative.</summary>
        private Point ReadYearTail(Point p)
        {
            CheckYear(p.Year, p.Year.ToString(CultureInfo.InvariantCulture));
            var t = Peek();
            switch (t.Kind)
            {
                case TokenKind.Nendo:
                    Next();
                    return ReadAlternative(p with { Word = YearWord.Nendo });

                case TokenKind.NenOrNendo:
                    Next();
                    return ReadAlternative(p with { Word = YearWord.NenOrNendo });

                case TokenKind.Nen:
                    {
                        Next();
                        p = ReadAlternative(p with { Word = YearWord.Nen });
                        if (Peek().Kind == TokenKind.Number && Peek(1).Kind == TokenKind.Month)
                        {
                            var month = Next();
                            Next();
                            p = p with { Month = month.Value };
                            if (Peek().Kind == TokenKind.Number && Peek(1).Kind == TokenKind.Day)
                            {
                                var day = Next();
                                Next();
                                p = p with { Day = day.Value };
                            }

                            p = ReadAlternative(p);
                        }

                        return p;
                    }

                case TokenKind.Dot:
                case TokenKind.Slash:
                    {
                        Next();
                        var month = Next();
                        if (month.Kind != TokenKind.Number)
                        {
                            throw new Rejection($"「{t.Text}」の後に月がありません", $"a month must follow '{t.Text}'");
                        }

                        p = p with { Month = month.Value };
                        if (Peek().Kind is TokenKind.Dot or TokenKind.Slash)
                        {
                            var separator = Next();
                            var day = Next();
                            if (day.Kind != TokenKind.Number)
                            {
                                throw new Rejection($"「{separator.Text}」の後に日がありません", $"a day must follow '{separator.Text}'");
                            }

                            p = p with { Day = day.Value };
                        }

                        return ReadAlternative(p);
                    }

                case TokenKind.Dash when p.Era is null && Peek(1).IsArabicNumber && Peek(1).Digits <= 2:
                    {
                        // ISO forms 2024-03 and 2015-10-01; a dash after an era year is a range (H20-24).
                        Next();
                        p = p with { Month = Next().Value };
                        if (Peek().Kind == TokenKind.Dash && Peek(1).IsArabicNumber && Peek(1).Digits <= 2)
                        {
                            Next();
                            p = p with { Day = Next().Value };
                        }

                        return ReadAlternative(p);
                    }

                default:
                    return ReadAlternative(p);
            }
        }

        /// <summary>平成27年度（2015年度）, 2020年(平成32年), 令和6年度 (2024): the same year in the other notation.</summary>
        private Point ReadAlternative(Point p)
        {
            if (Peek().Kind != TokenKind.Open)
            {
                return p;
            }

            if (p.HasAlternative)
            {
                throw new Rejection("括弧書きは一つまでです", "only one bracketed alternative is allowed");
            }

            Next();
            var alt = ReadPoint(null);
            if (Next().Kind != TokenKind.Close)
            {
                throw new Rejection("括弧が閉じていません", "the bracket is not closed");
            }

            if (!alt.IsYear)
            {
                throw new Rejection("括弧内には年だけを書きます", "only a year may be written in brackets");
            }

            if (alt.Year != p.Year)
            {
                throw new Rejection(
                    $"括弧内の年（{alt.Year}）と一致しません（{p.Year}）",
                    $"the year in brackets ({alt.Year}) does not agree with {p.Year}");
            }

            if (p.IsYear && p.StatedYearKind is { } a && alt.StatedYearKind is { } b && a != b)
            {
                throw new Rejection("括弧の内と外で年と年度が違います", "年 and 年度 disagree inside and outside the brackets");
            }

            return p with
            {
                HasAlternative = true,
                Word = p.Word is YearWord.None or YearWord.NenOrNendo && alt.Word is not (YearWord.None or YearWord.NenOrNendo) ? alt.Word : p.Word,
            };
        }

        private static Period Build(Point p, PeriodKind kind)
        {
            CheckYear(p.Year, p.Year.ToString(CultureInfo.InvariantCulture));
            if (p.Month is not { } month)
            {
                return Period.OfYear(p.Year, kind);
            }

            if (month is < 1 or > 12)
            {
                throw new Rejection($"{month}月はありません（1～12月）", $"month {month} does not exist (1–12)");
            }

            if (p.Day is not { } day)
            {
                return Period.OfMonth(p.Year, month);
            }

            var days = DateTime.DaysInMonth(p.Year, month);
            if (day < 1 || day > days)
            {
                throw new Rejection(
                    $"{p.Year}年{month}月{day}日はありません（{month}月は{days}日まで）",
                    $"{p.Year}-{month:D2}-{day:D2} does not exist (that month has {days} days)");
            }

            return Period.OfDate(new DateOnly(p.Year, month, day));
        }

        private static Rejection Unexpected(Token t) => t.Kind == TokenKind.End
            ? new Rejection("途中で終わっています", "the text ends too early")
            : new Rejection($"「{t.Text}」の位置が読めません", $"unexpected '{t.Text}'");
    }
}
