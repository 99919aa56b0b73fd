using System.Globalization;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Domain.Tests.Values;

/// <summary>
/// Numbers as written in docs/domain.md#periods-and-notations and the reference documents (001 網走市 KPI table, 002 北海道 方針,
/// 004 釧路・根室 推進管理表). Amounts are compared as invariant strings so that the decimal scale is checked too
/// (19.50 must stay 19.50).
/// </summary>
public class ValueParserTests
{
    private static string Invariant(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "null";

    [Theory]
    [InlineData("16,474人", "16474", "人", "人", 0)]
    [InlineData("19.50%", "19.50", "%", "%", 2)]
    [InlineData("4万1千人", "41000", "人", "万人", 1)]
    [InlineData("141万5千人", "1415000", "人", "万人", 1)]
    [InlineData("2億4千万円", "240000000", "円", "億円", 1)]
    [InlineData("9,950万円", "99500000", "円", "万円", 0)]
    [InlineData("7億2,798万円", "727980000", "円", "億円", 4)]
    [InlineData("7億8436万円", "784360000", "円", "億円", 4)]
    [InlineData("5億1千万", "510000000", "", "億", 1)]
    [InlineData("11億4千万", "1140000000", "", "億", 1)]
    [InlineData("1,294千トン", "1294000", "t", "千トン", 0)]
    [InlineData("36.8万kW", "368000", "kW", "万kW", 1)]
    [InlineData("888.3億円", "88830000000", "円", "億円", 1)]
    [InlineData("37万t", "370000", "t", "万t", 0)]
    [InlineData("38.1万t", "381000", "t", "万t", 1)]
    [InlineData("319千㎡", "319000", "㎡", "千㎡", 0)]
    [InlineData("△3.3", "-3.3", "", "", 1)]
    [InlineData("▲2,652", "-2652", "", "", 0)]
    [InlineData("+1.5点", "1.5", "点", "点", 1)]
    [InlineData("△2.71点", "-2.71", "点", "点", 2)]
    [InlineData("-12", "-12", "", "", 0)]
    [InlineData("0か所", "0", "か所", "か所", 0)]
    [InlineData("0カ所", "0", "か所", "カ所", 0)]
    [InlineData("1カ所", "1", "か所", "カ所", 0)]
    [InlineData("3ヶ所", "3", "か所", "ヶ所", 0)]
    [InlineData("4箇所", "4", "か所", "箇所", 0)]
    [InlineData("2施設", "2", "施設", "施設", 0)]
    [InlineData("5カ国", "5", "か国", "カ国", 0)]
    [InlineData("7路線", "7", "路線", "路線", 0)]
    [InlineData("365日", "365", "日", "日", 0)]
    [InlineData("2,000日間", "2000", "日", "日間", 0)]
    [InlineData("78.43歳", "78.43", "歳", "歳", 2)]
    [InlineData("60%", "60", "%", "%", 0)]
    [InlineData("100%", "100", "%", "%", 0)]
    [InlineData("0円", "0", "円", "円", 0)]
    [InlineData("31万円", "310000", "円", "万円", 0)]
    [InlineData("72日", "72", "日", "日", 0)]
    [InlineData("0.81%", "0.81", "%", "%", 2)]
    [InlineData("1.49", "1.49", "", "", 2)]
    [InlineData("30.0%", "30.0", "%", "%", 1)]
    [InlineData("１６，４７４人", "16474", "人", "人", 0)]
    [InlineData("１９．５０％", "19.50", "%", "%", 2)]
    [InlineData("\u3000１６，４７４人\u3000", "16474", "人", "人", 0)]
    [InlineData("22.3ポイント", "22.3", "ポイント", "ポイント", 1)]
    [InlineData("22.3pt", "22.3", "ポイント", "pt", 1)]
    [InlineData("22.3ﾎﾟｲﾝﾄ", "22.3", "ポイント", "ポイント", 1)]
    [InlineData("5名", "5", "人", "名", 0)]
    [InlineData("94名", "94", "人", "名", 0)]
    [InlineData("38所", "38", "所", "所", 0)]
    [InlineData("500t", "500", "t", "t", 0)]
    [InlineData("500ｔ", "500", "t", "t", 0)]
    [InlineData("248.8t", "248.8", "t", "t", 1)]
    [InlineData("2億円", "200000000", "円", "億円", 0)]
    [InlineData("1億2千万円", "120000000", "円", "億円", 1)]
    [InlineData("5千", "5000", "", "千", 0)]
    [InlineData("1億", "100000000", "", "億", 0)]
    [InlineData("1,234百万円", "1234000000", "円", "百万円", 0)]
    [InlineData("4千万円", "40000000", "円", "千万円", 0)]
    [InlineData("5百億円", "50000000000", "円", "百億円", 0)]
    [InlineData("1.5十万人", "150000", "人", "十万人", 1)]
    [InlineData("2兆円", "2000000000000", "円", "兆円", 0)]
    [InlineData("4千5百万円", "45000000", "円", "万円", 0)]
    [InlineData("1万500人", "10500", "人", "万人", 2)]
    [InlineData("0.5万人", "5000", "人", "万人", 1)]
    [InlineData("1.23456万", "12345.6", "", "万", 5)]
    [InlineData("8,228千人", "8228000", "人", "千人", 0)]
    [InlineData("846.9万人", "8469000", "人", "万人", 1)]
    [InlineData("55.6千㎡", "55600", "㎡", "千㎡", 1)]
    [InlineData("117,809kW", "117809", "kW", "kW", 0)]
    [InlineData("1,201ha", "1201", "ha", "ha", 0)]
    [InlineData("120m2", "120", "㎡", "m2", 0)]
    [InlineData("15人/年", "15", "人/年", "人/年", 0)]
    [InlineData("2団体・地区", "2", "団体・地区", "団体・地区", 0)]
    [InlineData("1,000 人", "1000", "人", "人", 0)]
    [InlineData("0自治体", "0", "自治体", "自治体", 0)]
    [InlineData("007", "7", "", "", 0)]
    [InlineData("18.5℃", "18.5", "℃", "℃", 1)]
    [InlineData("3ヵ月", "3", "か月", "ヵ月", 0)]
    [InlineData("12ポイント", "12", "ポイント", "ポイント", 0)]
    public void Parse_ReadsAmountUnitAndDisplayUnit(string text, string amount, string unit, string displayUnit, int decimals)
    {
        var value = ValueParser.Parse(text);
        Assert.Equal(amount, Invariant(value.Amount));
        Assert.Equal(unit, value.Unit);
        Assert.Equal(displayUnit, value.DisplayUnit);
        Assert.Equal(decimals, value.Decimals);
        Assert.Equal(text, value.OriginalText);
        Assert.True(value.HasAmount);
        Assert.Null(value.NoValueReason);
    }

    [Fact]
    public void Parse_KeepsTrailingZeros()
    {
        Assert.Equal(2, decimal.GetBits(ValueParser.Parse("19.50%").Amount!.Value)[3] >> 16 & 0xFF);
        Assert.Equal("30.0", Invariant(ValueParser.Parse("30.0%").Amount));
        Assert.Equal("46.0", Invariant(ValueParser.Parse("46.0%").Amount));
    }

    [Theory]
    [InlineData("(1.64)", "1.64", ValueQualifiers.Reference)]
    [InlineData("（1.64）", "1.64", ValueQualifiers.Reference)]
    [InlineData("（１．６５）", "1.65", ValueQualifiers.Reference)]
    [InlineData("( 1.48 )", "1.48", ValueQualifiers.Reference)]
    [InlineData("累計21件", "21", ValueQualifiers.Cumulative)]
    [InlineData("延べ46,000人", "46000", ValueQualifiers.Aggregate)]
    [InlineData("延46,000人", "46000", ValueQualifiers.Aggregate)]
    [InlineData("年間2,500人", "2500", ValueQualifiers.Annual)]
    [InlineData("年間延べ46,000人", "46000", ValueQualifiers.Annual | ValueQualifiers.Aggregate)]
    [InlineData("未確定 (313千㎡)", "313000", ValueQualifiers.Provisional)]
    [InlineData("未確定（313千㎡）", "313000", ValueQualifiers.Provisional)]
    [InlineData("速報 1,234人", "1234", ValueQualifiers.Provisional)]
    [InlineData("1,234人(見込)", "1234", ValueQualifiers.Provisional)]
    [InlineData("180件以上", "180", ValueQualifiers.AtLeast)]
    [InlineData("(1.64)(見込)", "1.64", ValueQualifiers.Reference | ValueQualifiers.Provisional)]
    public void Parse_ReadsQualifiers(string text, string amount, ValueQualifiers qualifiers)
    {
        var value = ValueParser.Parse(text);
        Assert.Equal(amount, Invariant(value.Amount));
        Assert.Equal(qualifiers, value.Qualifiers);
        Assert.Equal(text, value.OriginalText);
    }

    [Fact]
    public void Parse_ProvisionalWithValue_KeepsUnitAndDisplayUnit()
    {
        // 001 公共施設等の総面積の縮小, H30: 未確定 (313千㎡)
        var value = ValueParser.Parse("未確定 (313千㎡)");
        Assert.True(value.IsProvisional);
        Assert.False(value.IsReference);
        Assert.Equal(313000m, value.Amount);
        Assert.Equal("㎡", value.Unit);
        Assert.Equal("千㎡", value.DisplayUnit);
    }

    [Theory]
    [InlineData("(H20-24) 1.51", "CY2008..CY2012", "1.51", ValueQualifiers.None)]
    [InlineData("（H20-24）　1.51", "CY2008..CY2012", "1.51", ValueQualifiers.None)]
    [InlineData("888.3億円(R1)", "CY2019", "88830000000", ValueQualifiers.None)]
    [InlineData("累計20件(R3~R7)", "CY2021..CY2025", "20", ValueQualifiers.Cumulative)]
    [InlineData("2,240万人(H26)", "CY2014", "22400000", ValueQualifiers.None)]
    [InlineData("260件(H27～R1累計)", "CY2015..CY2019", "260", ValueQualifiers.Cumulative)]
    [InlineData("180件以上(H27～R1合計)", "CY2015..CY2019", "180", ValueQualifiers.Cumulative | ValueQualifiers.AtLeast)]
    [InlineData("8人(H21～25平均)", "CY2009..CY2013", "8", ValueQualifiers.Average)]
    [InlineData("252人(H27.3卒)", "2015-03", "252", ValueQualifiers.None)]
    [InlineData("96.8%(R5)", "CY2023", "96.8", ValueQualifiers.None)]
    [InlineData("50件(R1年度)", "FY2019", "50", ValueQualifiers.None)]
    public void Parse_ReadsPeriodInBrackets_WithTheCallersYearKind(string text, string period, string amount, ValueQualifiers qualifiers)
    {
        var value = ValueParser.Parse(text, PeriodKind.CalendarYear);
        Assert.Equal(period, value.Period?.ToInvariant());
        Assert.Equal(amount, Invariant(value.Amount));
        Assert.Equal(qualifiers, value.Qualifiers);
        Assert.False(value.IsReference);
    }

    [Fact]
    public void Parse_PeriodInBrackets_IsFiscalByDefault()
    {
        // 004: 888.3億円(R1) and 累計20件(R3~R7) are fiscal years (年度) in a table of 年度 values.
        Assert.Equal(PeriodRange.FiscalYears(2019, 2019), ValueParser.Parse("888.3億円(R1)").Period);
        Assert.Equal(PeriodRange.FiscalYears(2021, 2025), ValueParser.Parse("累計20件(R3~R7)").Period);
        Assert.Equal(PeriodRange.FiscalYears(2008, 2012), ValueParser.Parse("(H20-24) 1.51").Period);
    }

    [Theory]
    [InlineData("—", NoValueReasons.Dash)]
    [InlineData("－", NoValueReasons.Dash)]
    [InlineData("-", NoValueReasons.Dash)]
    [InlineData("―", NoValueReasons.Dash)]
    [InlineData("ー", NoValueReasons.Dash)]
    [InlineData("‐", NoValueReasons.Dash)]
    [InlineData(" — ", NoValueReasons.Dash)]
    [InlineData("--", NoValueReasons.Dash)]
    [InlineData("", NoValueReasons.Blank)]
    [InlineData("   ", NoValueReasons.Blank)]
    [InlineData("\u3000", NoValueReasons.Blank)]
    [InlineData("\r\n\t", NoValueReasons.Blank)]
    [InlineData(null, NoValueReasons.Blank)]
    [InlineData("未確定", NoValueReasons.Provisional)]
    [InlineData(" 未確定 ", NoValueReasons.Provisional)]
    [InlineData("見込", NoValueReasons.Provisional)]
    public void Parse_NoValue_SaysWhy(string? text, string reason)
    {
        var value = ValueParser.Parse(text);
        Assert.False(value.HasAmount);
        Assert.Null(value.Amount);
        Assert.Equal(reason, value.NoValueReason);
        Assert.Equal(text ?? "", value.OriginalText);
        Assert.Equal(reason == NoValueReasons.Provisional, value.IsProvisional);
    }

    [Theory]
    [InlineData("abc", "数値がありません")]
    [InlineData("12..3", "小数点の後に数字がありません")]
    [InlineData("1.", "小数点の後に数字がありません")]
    [InlineData("1.2.3", "数として不正")]
    [InlineData("1,23,4", "桁区切りが不正")]
    [InlineData("1,2345", "桁区切りが不正")]
    [InlineData("12,34人", "桁区切りが不正")]
    [InlineData(",123", "数値がありません")]
    [InlineData("1,", "桁区切りが不正")]
    [InlineData("4万万人", "「万」の位置が不正")]
    [InlineData("1億兆", "「兆」の位置が不正")]
    [InlineData("5千3千", "「千」の順序が不正")]
    [InlineData("1万12000", "倍数の後の数が大きすぎます")]
    [InlineData("7億12,000万円", "倍数の後の数が大きすぎます")]
    [InlineData("1.5万3千", "小数点は一つの数だけ")]
    [InlineData("２億ｘ", "単位「x」")]
    [InlineData("1.5e3", "単位「e3」")]
    [InlineData("10%%", "単位「%%」")]
    [InlineData("未定義", "数値がありません")]
    [InlineData("△", "数値がありません")]
    [InlineData("+", "数値がありません")]
    [InlineData("約500人", "数値がありません")]
    [InlineData("1,000人程度", "単位「人程度」")]
    [InlineData("100人増加", "単位「人増加」")]
    [InlineData("30.0%とし22.3ポイント向上", "単位「%とし22.3ポイント向上」")]
    [InlineData("5社 3社", "空白と「社 3社」があります")]
    [InlineData("5社 人", "単位「社 人」に空白があります")]
    [InlineData("12 34", "空白と「34」があります")]
    [InlineData("H26", "数値がありません")]
    [InlineData("()", "括弧の中が空です")]
    [InlineData("(1.64", "数値がありません")]
    [InlineData("1.64)", "単位「)」")]
    [InlineData("100人(来年)", "括弧内の「来年」")]
    [InlineData("(R1) 5人(R2)", "期間が二つ")]
    [InlineData("99999999999999999999999999999999", "大きすぎます")]
    [InlineData("9999999999999999999兆", "大きすぎます")]
    [InlineData("12人以上増加", "単位「人以上増加」")]
    [InlineData("30人を目指す", "hiragana")]
    [InlineData("30%を目指す", "単位「%を目指す」")]
    [InlineData("5人#", "'#'")]
    [InlineData("12ー", "単位「ー」")]
    [InlineData("12・人", "単位「・人」")]
    [InlineData("全国平均", "IsReferenceTarget")]
    [InlineData("全道平均以上", "IsReferenceTarget")]
    public void Parse_RejectsWithReasonAndQuote(string text, string reason)
    {
        var ex = Assert.Throws<ValueFormatException>(() => ValueParser.Parse(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"「{text}」は数値として読めません", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\" is not a value", ex.Message, StringComparison.Ordinal);
        Assert.Equal(text, ex.Text);
        Assert.False(ValueParser.TryParse(text, out var value, out var error));
        Assert.Null(value);
        Assert.Equal(ex.Message, error.Message);
        Assert.StartsWith($"「{text}」は数値として読めません", ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a value", ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.StartsWith($"\"{text}\" is not a value", ex.EnglishMessage, StringComparison.Ordinal);
        Assert.Equal($"{ex.JapaneseMessage} / {ex.EnglishMessage}", ex.Message);
    }

    [Theory]
    [InlineData("4社 1社", new[] { "4", "1" })]
    [InlineData("4社\n1社", new[] { "4", "1" })]
    [InlineData("4社\r\n1社", new[] { "4", "1" })]
    [InlineData("△3.3 △4.3", new[] { "-3.3", "-4.3" })]
    [InlineData("94名 38所", new[] { "94", "38" })]
    [InlineData("72日 608人", new[] { "72", "608" })]
    [InlineData("72日 —", new[] { "72", "null" })]
    [InlineData("500t 2億円", new[] { "500", "200000000" })]
    [InlineData("300t 1億2千万円", new[] { "300", "120000000" })]
    [InlineData("△2.71点 △3.75点 △3.39点 △9.23点", new[] { "-2.71", "-3.75", "-3.39", "-9.23" })]
    [InlineData("7カ所 46.0%", new[] { "7", "46.0" })]
    [InlineData("60%\u300069%", new[] { "60", "69" })]
    [InlineData("(1.64) (1.65)", new[] { "1.64", "1.65" })]
    [InlineData("(H20-24) 1.51", new[] { "1.51" })]
    [InlineData("未確定 (313千㎡)", new[] { "313000" })]
    [InlineData("888.3億円 (R1)", new[] { "88830000000" })]
    [InlineData("1,000 人", new[] { "1000" })]
    [InlineData("1,000 人 2,000 人", new[] { "1000", "2000" })]
    [InlineData("累計 21件", new[] { "21" })]
    [InlineData("△ 3.3 △ 4.3", new[] { "-3.3", "-4.3" })]
    [InlineData("未確定 5人", new[] { "5" })]
    [InlineData("72日 未確定", new[] { "72", "null" })]
    [InlineData("", new[] { "null" })]
    [InlineData("16,474人", new[] { "16474" })]
    public void ParseCell_SplitsSubItemValues(string text, string[] amounts)
    {
        var values = ValueParser.ParseCell(text);
        Assert.Equal(amounts, values.Select(v => Invariant(v.Amount)).ToArray());
    }

    [Fact]
    public void ParseCell_KeepsEachPartsOriginalText()
    {
        var values = ValueParser.ParseCell("４社　１社");
        Assert.Equal(["４社", "１社"], values.Select(v => v.OriginalText).ToArray());
        var joined = ValueParser.ParseCell("(H20-24)  1.51 (1.64)", PeriodKind.CalendarYear);
        Assert.Equal(["(H20-24)  1.51", "(1.64)"], joined.Select(v => v.OriginalText).ToArray());
        Assert.Equal(PeriodKind.CalendarYear, joined[0].Period!.Kind);
    }

    [Fact]
    public void ParseCell_BadPart_QuotesCellAndPart()
    {
        var ex = Assert.Throws<ValueFormatException>(() => ValueParser.ParseCell("4社 x社"));
        Assert.Contains("「4社 x社」の「x社」", ex.Message, StringComparison.Ordinal);
        Assert.Equal("4社 x社", ex.Text);
        Assert.False(ValueParser.TryParseCell("abc", PeriodKind.FiscalYear, out var values, out var error));
        Assert.Null(values);
        Assert.Contains("「abc」", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("全国平均", "全国平均")]
    [InlineData("全道平均", "全道平均")]
    [InlineData(" 全国平均以上 ", "全国平均")]
    [InlineData("全国水準", "全国水準")]
    [InlineData("国の平均", "国の平均")]
    [InlineData("北海道平均並み", "北海道平均")]
    public void IsReferenceTarget_RecognisesReferences(string text, string reference)
    {
        Assert.True(ValueParser.IsReferenceTarget(text, out var found));
        Assert.Equal(reference, found);
        Assert.True(ValueParser.IsReferenceTarget(text));
    }

    [Theory]
    [InlineData("全国平均正答率")]
    [InlineData("△3.3")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("平均")]
    public void IsReferenceTarget_RejectsOtherText(string? text)
    {
        Assert.False(ValueParser.IsReferenceTarget(text, out var found));
        Assert.Null(found);
    }

    [Fact]
    public void TryParse_YearKindOtherThanAYear_IsAnArgumentError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueParser.TryParse("1", PeriodKind.Date, out _, out _));
}
