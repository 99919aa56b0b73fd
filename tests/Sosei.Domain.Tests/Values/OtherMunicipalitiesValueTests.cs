using System.Globalization;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Domain.Tests.Values;

/// <summary>
/// Values as other municipalities' published KPI tables write them: a space (or an ideographic space) between the
/// number and its unit or multiplier (<c>4,356 億円</c>, <c>13 人</c>), and the accumulation window written before the
/// value (<c>(H27~H31累計):10,000人</c>, <c>（H27～H31累計）10,000人</c>, <c>[H27~28 累計] 300人</c>).
/// </summary>
public class OtherMunicipalitiesValueTests
{
    private static string Invariant(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "null";

    [Theory]
    [InlineData("4,356 億円", "435600000000", "円", "億円", 0)]
    [InlineData("4,356億円", "435600000000", "円", "億円", 0)]
    [InlineData("4,356\u3000億円", "435600000000", "円", "億円", 0)]
    [InlineData("４，３５６　億円", "435600000000", "円", "億円", 0)]
    [InlineData("13 人", "13", "人", "人", 0)]
    [InlineData("13\u3000人", "13", "人", "人", 0)]
    [InlineData("１３　人", "13", "人", "人", 0)]
    [InlineData("5 千人", "5000", "人", "千人", 0)]
    [InlineData("36.8 万kW", "368000", "kW", "万kW", 1)]
    [InlineData("△ 3.3 ポイント", "-3.3", "ポイント", "ポイント", 1)]
    public void Parse_NumberAndUnitWrittenApart_ReadsAsWrittenTogether(string text, string amount, string unit, string displayUnit, int decimals)
    {
        var value = ValueParser.Parse(text);
        Assert.Equal(amount, Invariant(value.Amount));
        Assert.Equal(unit, value.Unit);
        Assert.Equal(displayUnit, value.DisplayUnit);
        Assert.Equal(decimals, value.Decimals);
        Assert.Equal(text, value.OriginalText);
    }

    [Fact]
    public void Parse_SpacedUnit_IsTheSameValueAsTheUnspacedOne()
    {
        var spaced = ValueParser.Parse("4,356 億円");
        var joined = ValueParser.Parse("4,356億円");
        Assert.Equal(joined with { OriginalText = spaced.OriginalText }, spaced);
    }

    [Theory]
    [InlineData("(H27~H31累計):10,000人", "FY2015..FY2019")]
    [InlineData("(H27~H31累計): 10,000人", "FY2015..FY2019")]
    [InlineData("（H27～H31累計）10,000人", "FY2015..FY2019")]
    [InlineData("（Ｈ２７～Ｈ３１累計）：１０，０００人", "FY2015..FY2019")]
    [InlineData("(H27~H31 累計) 10,000人", "FY2015..FY2019")]
    [InlineData("[H27~31 累計] 10,000人", "FY2015..FY2019")]
    [InlineData("10,000人[H27~31 累計]", "FY2015..FY2019")]
    [InlineData("10,000人（H27～H31累計）", "FY2015..FY2019")]
    [InlineData("(H28~H30合計)10,000人", "FY2016..FY2018")]
    public void Parse_CumulativeWindowBesideTheValue_IsTheCumulativeQualifierAndThePeriod(string text, string window)
    {
        var value = ValueParser.Parse(text);
        Assert.Equal("10000", Invariant(value.Amount));
        Assert.Equal("人", value.Unit);
        Assert.Equal(ValueQualifiers.Cumulative, value.Qualifiers);
        Assert.Equal(window, value.Period?.ToInvariant());
        Assert.Equal(text, value.OriginalText);
        Assert.False(value.IsReference);
    }

    [Fact]
    public void Parse_BracketedWindowOfTwoYears_IsTheFiscalYearsWritten()
    {
        // [H27~28 累計]: the end year omits the era it shares with the start.
        var value = ValueParser.Parse("[H27~28 累計] 300人");
        Assert.Equal(PeriodRange.FiscalYears(2015, 2016), value.Period);
        Assert.Equal(300m, value.Amount);
        Assert.True(value.Qualifiers.HasFlag(ValueQualifiers.Cumulative));
        Assert.Equal(PeriodKind.CalendarYear, ValueParser.Parse("[H27~28 累計] 300人", PeriodKind.CalendarYear).Period!.Kind);
    }

    [Fact]
    public void ParseCell_SpacedValues_AreOneValueEach()
    {
        Assert.Equal(["435600000000"], ValueParser.ParseCell("4,356 億円").Select(v => Invariant(v.Amount)));
        Assert.Equal(["13", "20"], ValueParser.ParseCell("13 人 20 人").Select(v => Invariant(v.Amount)));
        Assert.Equal(["10000"], ValueParser.ParseCell("（H27～H31累計） 10,000人").Select(v => Invariant(v.Amount)));
        Assert.Equal(["435600000000", "13"], ValueParser.ParseCell("4,356 億円 13 人").Select(v => Invariant(v.Amount)));
        Assert.Equal(["4,356 億円", "13　人"], ValueParser.ParseCell("4,356 億円\n13　人").Select(v => v.OriginalText));
    }

    [Fact]
    public void ParseCell_BadPart_SaysTheCellThePartAndTheReasonOnce()
    {
        var ex = Assert.Throws<ValueFormatException>(() => ValueParser.ParseCell("13 人 x社"));
        Assert.StartsWith("「13 人 x社」の「x社」は数値として読めません（数値がありません", ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.StartsWith("\"x社\" in \"13 人 x社\" is not a value (no number found", ex.EnglishMessage, StringComparison.Ordinal);
        Assert.Single(ex.JapaneseMessage.Split("数値として読めません").Skip(1));
        Assert.Single(ex.JapaneseMessage.Split("例:").Skip(1));
        Assert.Equal("13 人 x社", ex.Text);
    }

    [Theory]
    [InlineData("(H27~H31累計):", "期間の後に数値がありません")]
    [InlineData("(H27~H31累計)", "数値がありません")]
    [InlineData("(H27~H31累計):10,000人(R1)", "期間が二つ")]
    [InlineData("[H31~H27 累計] 10,000人", "括弧内の「H31~H27 累計」が期間として読めません")]
    [InlineData("10,000人[来年 累計]", "括弧内の「来年 累計」")]
    [InlineData("(来年累計) 100人", "括弧内の「来年累計」が期間として読めません")]
    [InlineData("13 人 5", "空白と「人 5」があります")]
    [InlineData("1万 5千人", "空白と「5千人」があります")]
    [InlineData("13 人増加", "単位「人増加」")]
    [InlineData("4,356 億 億円", "「億」の位置が不正")]
    public void Parse_NearMisses_AreRefusedWithAReason(string text, string reason)
    {
        var ex = Assert.Throws<ValueFormatException>(() => ValueParser.Parse(text));
        Assert.Contains(reason, ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.StartsWith($"「{text}」は数値として読めません", ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.StartsWith($"\"{text}\" is not a value", ex.EnglishMessage, StringComparison.Ordinal);
        Assert.Equal(text, ex.Text);
    }
}
