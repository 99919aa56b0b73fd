using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
using Sosei.Domain.Values;

namespace Sosei.Domain.Kpis;

/// <summary>
/// Reads the KPI target phrases of strategy documents ("5年で30.0%とし22.3ポイント向上", "ゼロ名維持",
/// "年間延べ46,000人", "5年で延べ1,400世帯増加") into a <see cref="KpiDefinition"/>: kind, direction, target and,
/// when the phrase allows it, the baseline. Values are in base units (<see cref="ValueParser"/>).
/// </summary>
/// <remarks>
/// <para>Before reading, the phrase is width-folded, footnote markers (※1, ^{※1}) and spaces (including line breaks)
/// are removed, and so are "、" and a leading ⇒ or colon. It may start with "N年で" (also N年間で, Nか年で): the target
/// year is then <c>PlanStart + N − 1</c> (5年で from FY2015 = FY2019); without it, the plan's last year.</para>
/// <para>Shapes (V is a value with optional prefix words 年間, 延べ, 総額, 累計 and an optional subject before the
/// number, such as 男女, 季節待機児童, 分娩できる医療施設, 相談件数; ゼロ is 0):</para>
/// <list type="table">
/// <item><term>V とし C 向上|改善|増加|上昇|減少|低下|削減</term><description><see cref="TargetKind.Level"/>: target V, baseline
/// V − C (V + C for 減少/低下/削減, and for 向上/改善 when lower is better). C is in V's unit, or in ポイント when V
/// is a percentage or a pure number. 30.0%とし22.3ポイント向上 → 7.7% → 30.0%.</description></item>
/// <item><term>…を抑制し V 確保, V 確保, V 達成</term><description><see cref="TargetKind.Level"/>, no baseline
/// ("5年で32人減少を抑制し2,357人確保": the 32 is the projection gap, not a baseline).</description></item>
/// <item><term>V 維持</term><description><see cref="TargetKind.Maintain"/> over the plan period; lower is better when V
/// is 0 (ゼロ名維持), otherwise <see cref="KpiDirection.Maintain"/>.</description></item>
/// <item><term>V 増加|減少|削減</term><description><see cref="TargetKind.Change"/>: the target is the signed change
/// (+1,400; −10 for 減少), no baseline value. With 総額 or 累計 ("5年で総額100億円増加") it is
/// <see cref="TargetKind.Cumulative"/> instead: 総額 is a total over the period, so the phrase states the sum of the
/// yearly amounts, and the increase is that sum.</description></item>
/// <item><term>V alone</term><description><see cref="TargetKind.Annual"/> with 年間 and no "N年で" ("年間延べ46,000人":
/// every year of the plan); <see cref="TargetKind.Level"/> with 年間 after "N年で"; <see cref="TargetKind.Cumulative"/>
/// with 総額, 累計 or 延べ ("5年で延べ400人") over the plan years; <see cref="TargetKind.Level"/> for %, pure numbers,
/// ゼロ and stock units (<see cref="StockUnits"/>: "5年で3施設", "5年で分娩できる医療施設1カ所"); otherwise, after
/// "N年で", <see cref="TargetKind.Cumulative"/> (counts of people, cases, money: "5年で男女200人", "5年で2名").</description></item>
/// </list>
/// <para>A bracketed period may come before the value, optionally followed by a colon, and a period may be written in
/// brackets after it (<see cref="ValueParser"/>). With 累計 or 合計 it is the window of a
/// <see cref="TargetKind.Cumulative"/> target, which becomes the target's period instead of the plan years:
/// <c>(H27~H31累計):10,000人</c>, <c>（H27～H31累計）10,000人</c>, <c>10,000人(H27～H31累計)</c>,
/// <c>[H27~28 累計] 300人</c> (FY2015–FY2016) (see <see cref="PeriodParser.ParseCumulativeWindow"/>). Without such a
/// word it is the target year of a level or a change (<c>(R1)60.0%</c> → FY2019), or the period of an annual or
/// maintain target.</para>
/// <para>A sentence of the plan's text is read as the phrase it states when its grammar is clear: it ends in
/// を図ります, を目指します, に努めます, させます, します (or the plain forms を図る, を目指す, に努める, させる, する) after a
/// verb noun (創出, 維持, 確保, 達成, 増加, 上昇, 減少, 低下, 削減, 向上, 改善), optionally joined by を or の; what
/// follows the figure after の names what is counted and is dropped; 創出 (creation) adds nothing to the figure, so it
/// reads as the value alone; を目指す or とする after a figure aims at it (<c>5年で60%とする</c>). 「5年間で100人の雇用の創出を図ります。」 is
/// 5年間で100人 (cumulative, 100人 over FY2015–FY2019); 「年間50件を維持します」 is 年間50件維持 (maintain);
/// 「10%増加させる」 is 10%増加 (a change of +10 in %); 「5年で30.0%を目指す」 is 5年で30.0% (level). A sentence with
/// no figure (「雇用の創出を図ります。」) or with another predicate (「100人の雇用の創出を検討します」) is an error that
/// says so.</para>
/// <para>Errors say each thing once: the phrase, the reason (for a value that cannot be read, the value and why, not
/// <see cref="ValueParser"/>'s own message and examples) and the phrase examples.</para>
/// <para>Direction, unless <see cref="TargetPhraseContext.Direction"/> says otherwise: from the verb (増加 up, 減少 down),
/// for 向上/改善 and plain values from the KPI name (<see cref="DecreaseIsBetterWords"/>), and a target of 0 means
/// lower is better. <see cref="TargetPhraseContext.Kind"/> overrides the kind (the values are read the same way; the
/// target period follows the kind).</para>
/// <para>The definition's unit, display unit and decimals come from the target value as written (30.0% → 1 decimal),
/// or from the change when it has more decimals (100%とし28.6ポイント → 1), so that the derived baseline shows exactly.
/// The baseline's period is <see cref="TargetPhraseContext.BaselinePeriod"/>; the target's period is the target year,
/// or the plan years for cumulative, annual and maintain targets.</para>
/// </remarks>
public static partial class TargetPhraseParser
{
    private const string Examples = "5年で30.0%とし22.3ポイント向上, 5年で473人とし107人減少, 5年で50人増加, 5年で男女200人, 年間延べ46,000人, ゼロ名維持";

    /// <summary>
    /// Words in a KPI name that mean lower is better, used when neither the verb nor the context says the direction:
    /// 減少率 (人口減少率), 待機 (待機児童数), 罹患率, 季節労働者, 死亡率, 離職率, 失業率, 転出超過, 事故, 犯罪, 火災, 排出量, 耕作放棄.
    /// </summary>
    public static IReadOnlyList<string> DecreaseIsBetterWords { get; } =
        ["減少率", "待機", "罹患率", "季節労働者", "死亡率", "離職率", "失業率", "転出超過", "事故", "犯罪", "火災", "排出量", "耕作放棄"];

    /// <summary>
    /// Base units of things that exist rather than happen (施設, か所, 店舗, 路線, か国, 拠点): "5年で3施設" is a count
    /// reached, not a total over five years.
    /// </summary>
    public static IReadOnlyList<string> StockUnits { get; } = ["施設", "か所", "店舗", "路線", "か国", "拠点"];

    private static readonly string[] UpVerbs = ["増加", "上昇"];
    private static readonly string[] DownVerbs = ["減少", "低下", "削減"];
    private static readonly string[] ImproveVerbs = ["向上", "改善"];

    /// <summary>Reads a target phrase.</summary>
    /// <param name="name">The KPI name (指標名), kept as given; also used to infer the direction.</param>
    /// <param name="phrase">The target phrase, e.g. "5年で30.0%とし、22.3ポイント向上".</param>
    /// <param name="context">Plan period, level, baseline period and overrides.</param>
    /// <exception cref="TargetPhraseException">The phrase is not one of the accepted shapes; the message quotes it.</exception>
    /// <exception cref="ArgumentException">The context's plan ends before it starts.</exception>
    public static KpiDefinition Parse(string name, string phrase, TargetPhraseContext context) =>
        TryParse(name, phrase, context, out var definition, out var error)
            ? definition
            : throw error;

    /// <summary>Reads a target phrase without throwing on a bad phrase; see <see cref="Parse"/>.</summary>
    /// <param name="name">The KPI name.</param>
    /// <param name="phrase">The target phrase; null or blank is rejected.</param>
    /// <param name="context">Plan period, level, baseline period and overrides.</param>
    /// <param name="definition">The definition; null when the method returns false.</param>
    /// <param name="error">Why the phrase was rejected (in Japanese and English, quoting it), not thrown; null on success.</param>
    /// <exception cref="ArgumentException">The context's plan ends before it starts.</exception>
    public static bool TryParse(
        string name,
        string? phrase,
        TargetPhraseContext context,
        [NotNullWhen(true)] out KpiDefinition? definition,
        [NotNullWhen(false)] out TargetPhraseException? error)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(context);
        if (context.PlanEnd < context.PlanStart)
        {
            throw new ArgumentException($"The plan ends ({context.PlanEnd}) before it starts ({context.PlanStart}).", nameof(context));
        }

        try
        {
            definition = Read(name, phrase ?? "", context);
            error = null;
            return true;
        }
        catch (Rejection rejection)
        {
            definition = null;
            var quoted = JapaneseText.Quote(phrase);
            error = new TargetPhraseException(
                phrase,
                $"「{quoted}」は目標の書き方として読めません（{rejection.Japanese}）。例: {Examples}",
                $"\"{quoted}\" is not a target phrase ({rejection.Message}). Examples: {Examples}");
            return false;
        }
    }

    [SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Never leaves this class.")]
    [SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Never leaves this class.")]
    private sealed class Rejection(string japanese, string english) : Exception(english)
    {
        public string Japanese { get; } = japanese;
    }

    /// <summary>A value of the phrase with the words written before its number.</summary>
    private sealed record Segment(MeasuredValue Value, decimal Amount, bool Annual, bool Aggregate, bool Total, bool IsZero);

    [GeneratedRegex(@"\^\{[^}]*\}|※\d*|[\s、]", RegexOptions.CultureInvariant)]
    private static partial Regex NoisePattern();

    [GeneratedRegex(@"^(?<years>\d{1,3})(か|カ|ヵ|ヶ|ケ)?年(間)?で", RegexOptions.CultureInvariant)]
    private static partial Regex YearsPattern();

    [GeneratedRegex(@"^(?<gap>.+)を(抑制|抑え)(し|て)(?<value>.+)確保$", RegexOptions.CultureInvariant)]
    private static partial Regex SecurePattern();

    private static KpiDefinition Read(string name, string phrase, TargetPhraseContext context)
    {
        var s = NoisePattern().Replace(JapaneseText.FoldWidth(phrase), "").TrimStart('⇒', '→', ':', '：').TrimEnd('。');
        if (s.Length == 0)
        {
            throw new Rejection("空です", "the phrase is empty");
        }

        var targetYear = context.PlanEnd;
        var hasYears = false;
        if (YearsPattern().Match(s) is { Success: true } years)
        {
            var n = int.Parse(years.Groups["years"].Value, CultureInfo.InvariantCulture);
            if (n < 1)
            {
                throw new Rejection("0年では期間になりません", "a period of 0 years");
            }

            if (!FiscalYear.IsValid(context.PlanStart.Year + n - 1))
            {
                throw new Rejection($"{n}年後は扱える年度（{FiscalYear.MinYear}～{FiscalYear.MaxYear}年度）を超えます", $"{n} years from the plan start is past the fiscal years handled ({FiscalYear.MinYear}–{FiscalYear.MaxYear})");
            }

            targetYear = context.PlanStart.AddYears(n - 1);
            hasYears = true;
            s = s[years.Length..];
        }

        var window = ReadWindow(ref s, out var windowIsCumulative);
        s = ReadProse(s);
        var decreaseName = DecreaseIsBetterWords.Any(w => name.Contains(w, StringComparison.Ordinal));
        var shape = ReadShape(s, hasYears, decreaseName, context.Direction);
        if (shape.Target.Value.Period is { } written)
        {
            window ??= written;
            windowIsCumulative |= shape.Target.Value.Qualifiers.HasFlag(ValueQualifiers.Cumulative);
        }

        var kind = context.Kind ?? (windowIsCumulative ? TargetKind.Cumulative : shape.Kind);
        var plan = PeriodRange.FiscalYears(context.PlanStart.Year, context.PlanEnd.Year);
        var targetPeriod = kind switch
        {
            TargetKind.Cumulative or TargetKind.Annual or TargetKind.Maintain when window is not null => window,
            TargetKind.Cumulative => PeriodRange.FiscalYears(context.PlanStart.Year, targetYear.Year),
            TargetKind.Annual or TargetKind.Maintain => plan,
            _ when window is not null => PeriodRange.Of(window.Last),
            _ => PeriodRange.Of(Period.Of(targetYear)),
        };
        var baselinePeriod = context.BaselinePeriod is { } bp ? PeriodRange.Of(bp) : null;
        var target = shape.Target.Value;
        return new KpiDefinition
        {
            Name = name,
            Level = context.Level,
            Unit = target.Unit,
            DisplayUnit = target.DisplayUnit,
            Decimals = shape.Decimals,
            Direction = context.Direction ?? shape.Direction,
            TargetKind = kind,
            Baseline = shape.Baseline is null && baselinePeriod is null ? null : new Baseline(shape.Baseline, baselinePeriod),
            Target = new KpiTarget(shape.TargetValue, targetPeriod),
            TargetPhrase = phrase,
        };
    }

    /// <summary>
    /// A bracketed period before the value, optionally followed by a colon: (H27~H31累計):10,000人,
    /// [H27~28累計]300人, (R7)50%. Null when the phrase does not start with one.
    /// </summary>
    private static PeriodRange? ReadWindow(ref string s, out bool cumulative)
    {
        cumulative = false;
        if (s.Length == 0 || s[0] is not ('(' or '['))
        {
            return null;
        }

        var close = s.IndexOf(s[0] == '(' ? ')' : ']', StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var inner = s[1..close];
        PeriodRange? window;
        if (PeriodParser.TryParseCumulativeWindow(inner, PeriodKind.FiscalYear, out var total, out _))
        {
            window = total;
            cumulative = true;
        }
        else if (PeriodParser.TryParseRange(inner, PeriodKind.FiscalYear, out var range, out _))
        {
            window = range;
        }
        else
        {
            return null;
        }

        s = s[(close + 1)..].TrimStart(':');
        if (s.Length == 0)
        {
            throw new Rejection($"期間「{inner}」の後に目標値がありません", $"no target value follows the period ({inner})");
        }

        return window;
    }

    private static readonly string[] ProseEndings =
    [
        "を図ります", "を図る", "を目指します", "を目指す", "に努めます", "に努める", "させます", "させる", "とします", "とする", "します", "する",
    ];

    private static readonly string[] ProseVerbs =
    [
        "創出", "維持", "確保", "達成", "増加", "上昇", "減少", "低下", "削減", "向上", "改善",
    ];

    /// <summary>
    /// A sentence of a plan's text: 5年間で100人の雇用の創出を図ります, 年間50件を維持します, 10%増加させる. Reduces it to the
    /// phrase it states (5年間で100人, 年間50件維持, 10%増加); a phrase that is not a sentence is returned as it is.
    /// </summary>
    private static string ReadProse(string s)
    {
        var ending = ProseEndings.FirstOrDefault(e => s.EndsWith(e, StringComparison.Ordinal) && s.Length > e.Length);
        if (ending is null)
        {
            return s;
        }

        s = s[..^ending.Length];
        var verb = ProseVerbs.FirstOrDefault(v => s.EndsWith(v, StringComparison.Ordinal));
        if (verb is null && (ending.StartsWith("を目指", StringComparison.Ordinal) || ending[0] == 'と'))
        {
            // 30.0%を目指す, 60%とする: the figure aimed at, as a phrase without a verb.
            verb = "";
        }
        else if (verb is null)
        {
            var predicate = s[(s.LastIndexOfAny(['を', 'の', 'に', 'が']) + 1)..];
            throw new Rejection(
                $"文の述語「{predicate}{ending}」が目標として読めません（{string.Join("・", ProseVerbs)}のいずれか）",
                $"the sentence's predicate \"{predicate}{ending}\" states no target (expected one of {string.Join(", ", ProseVerbs)})");
        }

        var head = s[..^verb.Length];
        if (head.EndsWith('を') || head.EndsWith('の'))
        {
            head = head[..^1];
        }

        var digit = head.AsSpan().IndexOfAny(NumberStart);
        if (digit < 0 && !head.Contains("ゼロ", StringComparison.Ordinal))
        {
            throw new Rejection(
                "文に目標値（数値と単位）がありません",
                "the sentence states no target figure (a number and its unit)");
        }

        // 100人の雇用: what the figure counts, after の, is the KPI's name, not part of the value.
        if (digit >= 0 && head.IndexOf('の', digit) is var of && of > digit)
        {
            head = head[..of];
        }

        return verb is "創出" ? head : head + verb;
    }

    private sealed record Shape(TargetKind Kind, KpiDirection Direction, Segment Target, decimal TargetValue, decimal? Baseline, int Decimals);

    private static Shape ReadShape(string s, bool hasYears, bool decreaseName, KpiDirection? directionOverride)
    {
        var defaultDirection = decreaseName ? KpiDirection.Decrease : KpiDirection.Increase;

        if (s.EndsWith("維持", StringComparison.Ordinal))
        {
            var kept = ReadSegment(s[..^2]);
            var direction = kept.IsZero || kept.Amount == 0 ? KpiDirection.Decrease : KpiDirection.Maintain;
            return new Shape(TargetKind.Maintain, direction, kept, kept.Amount, null, kept.Value.Decimals);
        }

        var toshi = s.IndexOf("とし", StringComparison.Ordinal);
        if (toshi >= 0)
        {
            var target = ReadSegment(s[..toshi]);
            var rest = s[(toshi + 2)..];
            var verb = UpVerbs.Concat(DownVerbs).Concat(ImproveVerbs).FirstOrDefault(v => rest.EndsWith(v, StringComparison.Ordinal))
                ?? throw new Rejection("「とし」の後が「…向上」「…増加」「…減少」で終わっていません", "after とし the phrase must end in 向上, 改善, 増加, 上昇, 減少, 低下 or 削減");
            if (rest.Length == verb.Length)
            {
                throw new Rejection($"「とし」の後に変化量（数値）がありません（…とし22.3ポイント{verb}）", $"after とし a change (a number) must come before {verb}");
            }

            var change = ReadSegment(rest[..^verb.Length]);
            CheckChangeUnit(target.Value, change.Value);
            var direction = DownVerbs.Contains(verb) ? KpiDirection.Decrease
                : UpVerbs.Contains(verb) ? KpiDirection.Increase
                : directionOverride ?? defaultDirection;
            var goesDown = DownVerbs.Contains(verb) || (ImproveVerbs.Contains(verb) && direction == KpiDirection.Decrease);
            var baseline = goesDown ? target.Amount + change.Amount : target.Amount - change.Amount;
            return new Shape(TargetKind.Level, direction, target, target.Amount, baseline, Math.Max(target.Value.Decimals, change.Value.Decimals));
        }

        if (SecurePattern().Match(s) is { Success: true } secure)
        {
            var target = ReadSegment(secure.Groups["value"].Value);
            return new Shape(TargetKind.Level, defaultDirection, target, target.Amount, null, target.Value.Decimals);
        }

        if (s.EndsWith("確保", StringComparison.Ordinal) || s.EndsWith("達成", StringComparison.Ordinal))
        {
            var target = ReadSegment(s[..^2]);
            var direction = target.Amount == 0 ? KpiDirection.Decrease : defaultDirection;
            return new Shape(TargetKind.Level, direction, target, target.Amount, null, target.Value.Decimals);
        }

        var changeVerb = UpVerbs.Concat(DownVerbs).FirstOrDefault(v => s.EndsWith(v, StringComparison.Ordinal));
        if (changeVerb is not null)
        {
            var change = ReadSegment(s[..^changeVerb.Length]);
            var up = UpVerbs.Contains(changeVerb);
            var direction = up ? KpiDirection.Increase : KpiDirection.Decrease;
            return change.Total && up
                ? new Shape(TargetKind.Cumulative, direction, change, change.Amount, null, change.Value.Decimals)
                : new Shape(TargetKind.Change, direction, change, up ? change.Amount : -change.Amount, null, change.Value.Decimals);
        }

        var plain = ReadSegment(s);
        var unit = plain.Value.Unit;
        var kind = plain.Annual ? (hasYears ? TargetKind.Level : TargetKind.Annual)
            : plain.Total || plain.Aggregate || plain.Value.Qualifiers.HasFlag(ValueQualifiers.Cumulative) ? TargetKind.Cumulative
            : unit is "%" or "" or "ポイント" || plain.IsZero || StockUnits.Contains(unit) ? TargetKind.Level
            : hasYears ? TargetKind.Cumulative
            : TargetKind.Level;
        var plainDirection = plain.Amount == 0 ? KpiDirection.Decrease : defaultDirection;
        return new Shape(kind, plainDirection, plain, plain.Amount, null, plain.Value.Decimals);
    }

    private static void CheckChangeUnit(MeasuredValue target, MeasuredValue change)
    {
        if (change.Unit == target.Unit || (change.Unit == "ポイント" && target.Unit is "%" or ""))
        {
            return;
        }

        throw new Rejection(
            $"目標値（{target.OriginalText}）と変化量（{change.OriginalText}）の単位が合いません",
            $"the target ({target.OriginalText}) and the change ({change.OriginalText}) are in different units");
    }

    private static readonly System.Buffers.SearchValues<char> NumberStart = System.Buffers.SearchValues.Create("0123456789△▲+");

    private static readonly (string Word, int Flag)[] PrefixWords =
    [
        ("年間", 1),
        ("延べ", 2),
        ("延", 2),
        ("総額", 4),
        ("累計", 4),
        ("合計", 4),
    ];

    /// <summary>Reads "[prefix words][subject]number unit", e.g. 年間相談件数50件, 季節待機児童ゼロ, 男女200人.</summary>
    private static Segment ReadSegment(string text)
    {
        var zero = text.IndexOf("ゼロ", StringComparison.Ordinal);
        var digit = text.AsSpan().IndexOfAny(NumberStart);
        var isZero = zero >= 0 && (digit < 0 || zero < digit);
        var start = isZero ? zero : digit;
        if (start < 0)
        {
            throw new Rejection($"「{text}」に目標値（数値）がありません", $"no number in \"{text}\"");
        }

        var head = text[..start];
        var number = isZero ? "0" + text[(zero + 2)..] : text[start..];
        var flags = 0;
        var stripped = true;
        while (stripped && head.Length > 0)
        {
            stripped = false;
            foreach (var (word, flag) in PrefixWords)
            {
                if (head.StartsWith(word, StringComparison.Ordinal))
                {
                    head = head[word.Length..];
                    flags |= flag;
                    stripped = true;
                }
                else if (head.EndsWith(word, StringComparison.Ordinal))
                {
                    head = head[..^word.Length];
                    flags |= flag;
                    stripped = true;
                }
            }
        }

        if (!ValueParser.TryParseReason(number, PeriodKind.FiscalYear, out var value, out var japanese, out var english))
        {
            throw new Rejection($"数値「{number}」が読めません: {japanese}", $"the value \"{number}\" cannot be read: {english}");
        }

        if (value.Amount is not { } amount)
        {
            throw new Rejection($"「{number}」に数値がありません", $"\"{number}\" holds no number");
        }

        return new Segment(value, amount, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, isZero);
    }
}
