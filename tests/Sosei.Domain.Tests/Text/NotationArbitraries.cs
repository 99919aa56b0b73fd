using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Sosei.Domain.Tests.Text;

/// <summary>Random text built from the pieces Japanese plan documents write numbers and periods with.</summary>
public sealed record NotationText(string Value)
{
    public override string ToString() => $"\"{Value}\"";
}

/// <summary>A fiscal or calendar year Sosei accepts.</summary>
public sealed record AcceptedYear(int Value);

/// <summary>A day between 1900-01-01 and 2200-12-31.</summary>
public sealed record AcceptedDay(DateOnly Value);

/// <summary>FsCheck generators for the property tests of the parsers.</summary>
public static class NotationArbitraries
{
    private static readonly string[] Pieces =
    [
        // digits, full width too
        "0", "1", "2", "3", "5", "9", "12", "27", "31", "2015", "2019", "2200", "99999", "０", "１", "２７", "２０１５",
        // eras, letters, kanji numerals
        "H", "R", "S", "T", "M", "X", "h", "Ｈ", "Ｒ", "平成", "令和", "昭和", "大正", "明治", "天平", "元", "一", "二", "十", "百", "千", "〇",
        "FY", "CY", "ＦＹ",
        // period words and separators
        "年", "年度", "月", "日", "度", "(度)", "-", "－", "―", "ー", "~", "～", "〜", "..", ".", "/", "から", "まで",
        // brackets and spaces
        "(", ")", "（", "）", "【", "】", "[", "]", " ", "\u3000", "\n",
        // value pieces
        ",", "，", "．", "%", "％", "万", "億", "兆", "△", "▲", "+", "＋", "人", "円", "t", "トン", "㎡", "カ所", "ポイント", "pt",
        "累計", "延べ", "年間", "未確定", "以上", "全国平均", "—", "x", "e", "とし", "向上", "増加", "減少", "維持", "ゼロ", "5年で",
    ];

    private static readonly Gen<string> PieceGen = Gen.Elements(Pieces);

    private static readonly Gen<string> EraGen = Gen.Elements("H", "R", "S", "Ｈ", "平成", "令和", "昭和", "FY", "", "天平", "X");

    private static readonly Gen<string> YearGen = Gen.Elements("0", "1", "元", "27", "31", "６", "二十七", "2015", "２０１９", "99", "300", "1899");

    private static readonly Gen<string> SuffixGen = Gen.Elements("", "年", "年度", "年(度)", "年3月", "年2月30日", ".3", ".13", ".6.12", "-10-01", "年度（2015年度）", " (2016)");

    private static readonly Gen<string> SeparatorGen = Gen.Elements("-", "～", "~", "..", "から", "ー", " ～ ", "");

    /// <summary>Period-shaped text: era, year, suffix, and sometimes a separator and a second period.</summary>
    private static readonly Gen<string> PeriodLikeGen =
        from era in EraGen
        from year in YearGen
        from suffix in SuffixGen
        from range in Gen.Elements(false, true)
        from separator in SeparatorGen
        from era2 in EraGen
        from year2 in YearGen
        from suffix2 in SuffixGen
        select range ? era + year + suffix + separator + era2 + year2 + suffix2 : era + year + suffix;

    private static readonly Gen<string> MixedGen =
        Gen.Frequency(
            (6, PieceGen.ListOf().Select(p => string.Concat(p))),
            (3, PeriodLikeGen),
            (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i).ArrayOf().Select(chars => new string(chars))),
            (1, Gen.Elements(Pieces).Two().Select(t => t.Item1 + t.Item2)));

    public static Arbitrary<NotationText> NotationText() =>
        Arb.From(MixedGen.Select(s => new NotationText(s)));

    public static Arbitrary<AcceptedYear> AcceptedYear() =>
        Arb.From(Gen.Choose(1900, 2200).Select(y => new AcceptedYear(y)));

    public static Arbitrary<AcceptedDay> AcceptedDay() =>
        Arb.From(Gen.Choose(0, new DateOnly(2200, 12, 31).DayNumber - new DateOnly(1900, 1, 1).DayNumber)
            .Select(n => new AcceptedDay(DateOnly.FromDayNumber(new DateOnly(1900, 1, 1).DayNumber + n))));

    internal static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
