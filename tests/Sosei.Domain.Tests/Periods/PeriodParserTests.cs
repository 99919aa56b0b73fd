using Sosei.Domain.Periods;

namespace Sosei.Domain.Tests.Periods;

/// <summary>
/// Notations from docs/domain.md#periods-and-notations and the reference documents (seeds 000–004): each case notes where it is written.
/// Expected values are in the invariant form of <see cref="Period.ToInvariant"/> (FY2015, CY2015, 2024-03, 2015-10-01).
/// </summary>
public class PeriodParserTests
{
    private const PeriodKind Fy = PeriodKind.FiscalYear;
    private const PeriodKind Cy = PeriodKind.CalendarYear;

    [Theory]
    // Fiscal years (000: 平成27年度（2015年度）; 003: 令和3年度, R3 年度; 004: 令和 6 年度)
    [InlineData("平成27年度", Fy, "FY2015")]
    [InlineData("平成27年度", Cy, "FY2015")]
    [InlineData("H27年度", Cy, "FY2015")]
    [InlineData("令和元年度", Fy, "FY2019")]
    [InlineData("令和6年度", Cy, "FY2024")]
    [InlineData("令和 6 年度", Fy, "FY2024")]
    [InlineData("平成 28 年度", Fy, "FY2016")]
    [InlineData("R3 年度", Fy, "FY2021")]
    [InlineData("R元年度", Fy, "FY2019")]
    [InlineData("2015年度", Cy, "FY2015")]
    [InlineData("FY2015", Cy, "FY2015")]
    [InlineData("fy2015", Fy, "FY2015")]
    [InlineData("FY 2015", Fy, "FY2015")]
    [InlineData("２０１５年度", Fy, "FY2015")]
    [InlineData("ＦＹ２０１５", Fy, "FY2015")]
    [InlineData("平成31年度", Fy, "FY2019")]
    [InlineData("昭和63年度", Fy, "FY1988")]
    [InlineData("平成元年度", Fy, "FY1989")]
    [InlineData("大正15年度", Fy, "FY1926")]
    [InlineData("明治33年度", Fy, "FY1900")]
    [InlineData("令和六年度", Fy, "FY2024")]
    [InlineData("平成二十七年度", Fy, "FY2015")]
    // Calendar years: 年 without 度 (000: 2020年(平成32年), 2060年（平成72年）)
    [InlineData("平成27年", Fy, "CY2015")]
    [InlineData("2015年", Fy, "CY2015")]
    [InlineData("令和元年", Fy, "CY2019")]
    [InlineData("平成32年", Fy, "CY2020")]
    [InlineData("平成72年", Fy, "CY2060")]
    [InlineData("平成37年", Fy, "CY2025")]
    [InlineData("CY2015", Fy, "CY2015")]
    // Years of the caller's kind: H27, 2015, and the header form H27年(度) of seed 001
    [InlineData("H27", Fy, "FY2015")]
    [InlineData("H27", Cy, "CY2015")]
    [InlineData("h27", Fy, "FY2015")]
    [InlineData("Ｈ２７", Fy, "FY2015")]
    [InlineData("Ｈ２７", Cy, "CY2015")]
    [InlineData("R1", Fy, "FY2019")]
    [InlineData("R元", Fy, "FY2019")]
    [InlineData("R6", Cy, "CY2024")]
    [InlineData("S63", Fy, "FY1988")]
    [InlineData("2015", Fy, "FY2015")]
    [InlineData("2015", Cy, "CY2015")]
    [InlineData("H27年(度)", Fy, "FY2015")]
    [InlineData("H27年(度)", Cy, "CY2015")]
    [InlineData("H30年（度）", Fy, "FY2018")]
    [InlineData("  H27  ", Fy, "FY2015")]
    [InlineData("\u3000令和6年度\u3000", Fy, "FY2024")]
    // Enclosing brackets only (001: 基準値(H26), 目標値(H31) once the label is cut off)
    [InlineData("(H26)", Fy, "FY2014")]
    [InlineData("（Ｈ３１）", Fy, "FY2019")]
    [InlineData("【R6】", Fy, "FY2024")]
    // Both notations, checked against each other (000, 002)
    [InlineData("平成27年度（2015年度）", Fy, "FY2015")]
    [InlineData("平成28年度（2016年度）", Cy, "FY2016")]
    [InlineData("令和5年(2023年)", Fy, "CY2023")]
    [InlineData("平成32年(2020年)", Fy, "CY2020")]
    [InlineData("2020年(平成32年)", Fy, "CY2020")]
    [InlineData("2060年（平成72年）", Fy, "CY2060")]
    [InlineData("令和6年度 (2024)", Cy, "FY2024")]
    [InlineData("H27 (2015年度)", Cy, "FY2015")]
    [InlineData("令和元年 (2019)", Fy, "CY2019")]
    // Months (001: H30.3, 次期H31.3; 004: 令和5年8月, R5.6; 000: 平成27年（2015年）7月)
    [InlineData("H31.3", Fy, "2019-03")]
    [InlineData("H30.3", Cy, "2018-03")]
    [InlineData("H28.11", Fy, "2016-11")]
    [InlineData("令和5年8月", Fy, "2023-08")]
    [InlineData("令和6年3月", Fy, "2024-03")]
    [InlineData("2024年3月", Fy, "2024-03")]
    [InlineData("2024-03", Fy, "2024-03")]
    [InlineData("2024/3", Fy, "2024-03")]
    [InlineData("平成27年（2015年）7月", Fy, "2015-07")]
    [InlineData("平成27年7月", Fy, "2015-07")]
    [InlineData("令和元年5月", Fy, "2019-05")]
    // Dates (000: 平成27年10月30日策定; 001: H27. 6. 12, H31. 4. 1; 004: 令和5年5月26日)
    [InlineData("令和5年5月26日", Fy, "2023-05-26")]
    [InlineData("平成27年10月30日", Fy, "2015-10-30")]
    [InlineData("平成29年11月22日", Fy, "2017-11-22")]
    [InlineData("2015-10-01", Fy, "2015-10-01")]
    [InlineData("2015/10/1", Fy, "2015-10-01")]
    [InlineData("H27.6.12", Fy, "2015-06-12")]
    [InlineData("H27. 6. 12", Fy, "2015-06-12")]
    [InlineData("H31. 4. 1", Fy, "2019-04-01")]
    [InlineData("H30. 11. 9", Fy, "2018-11-09")]
    [InlineData("令和2年2月29日", Fy, "2020-02-29")]
    [InlineData("令和五年五月二十六日", Fy, "2023-05-26")]
    [InlineData("令和2年10月1日 (2020)", Fy, "2020-10-01")]
    public void Parse_AcceptsDocumentNotation(string text, PeriodKind yearKind, string expected) =>
        Assert.Equal(expected, PeriodParser.Parse(text, yearKind).ToInvariant());

    [Theory]
    // 002: 2,240万人(H26)→2,789万人(R1), 260件(H27～R1累計), 8人(H21～25平均); 001: (H20-24) 1.51; 004: 累計20件(R3~R7)
    [InlineData("H20-24", Cy, "CY2008..CY2012")]
    [InlineData("H20-24", Fy, "FY2008..FY2012")]
    [InlineData("(H20-24)", Cy, "CY2008..CY2012")]
    [InlineData("H27～R1", Fy, "FY2015..FY2019")]
    [InlineData("H27~R1", Fy, "FY2015..FY2019")]
    [InlineData("H27〜R1", Fy, "FY2015..FY2019")]
    [InlineData("H21～25", Fy, "FY2009..FY2013")]
    [InlineData("R3~R7", Fy, "FY2021..FY2025")]
    [InlineData("Ｒ３～Ｒ７", Fy, "FY2021..FY2025")]
    [InlineData("H27-H31", Fy, "FY2015..FY2019")]
    [InlineData("H27－H31", Fy, "FY2015..FY2019")]
    [InlineData("H27-31年度", Cy, "FY2015..FY2019")]
    [InlineData("2015～2019年度", Cy, "FY2015..FY2019")]
    [InlineData("2015年度～2019", Cy, "FY2015..FY2019")]
    [InlineData("2015-2019", Cy, "CY2015..CY2019")]
    [InlineData("平成27年度（2015年度）～平成31年度（2019年度）", Cy, "FY2015..FY2019")]
    [InlineData("平成27年度 ～ 平成31年度", Fy, "FY2015..FY2019")]
    [InlineData("令和3年度から令和6年度まで", Fy, "FY2021..FY2024")]
    [InlineData("FY2021..FY2025", Cy, "FY2021..FY2025")]
    [InlineData("CY2008..CY2012", Fy, "CY2008..CY2012")]
    [InlineData("令和3年度 (2021) ～ 令和7年度 (2025)", Fy, "FY2021..FY2025")]
    [InlineData("R5.6~R6.3", Fy, "2023-06..2024-03")]
    [InlineData("令和5年6月～9月", Fy, "2023-06..2023-09")]
    [InlineData("令和5年6月7日～13日", Fy, "2023-06-07..2023-06-13")]
    [InlineData("令和5年10月14日～15日", Fy, "2023-10-14..2023-10-15")]
    [InlineData("2015-10-01..2015-10-31", Fy, "2015-10-01..2015-10-31")]
    [InlineData("H27", Fy, "FY2015")]
    [InlineData("H27～H27", Fy, "FY2015")]
    public void ParseRange_AcceptsDocumentNotation(string text, PeriodKind yearKind, string expected) =>
        Assert.Equal(expected, PeriodParser.ParseRange(text, yearKind).ToInvariant());

    [Theory]
    [InlineData("", "空です")]
    [InlineData("   ", "空です")]
    [InlineData("\u3000", "空です")]
    [InlineData("天平5年", "元号「天平」")]
    [InlineData("X27", "元号の略号「X」")]
    [InlineData("平成0年度", "0年はありません")]
    [InlineData("H0", "0年はありません")]
    [InlineData("R0", "0年はありません")]
    [InlineData("令和5年13月", "13月はありません")]
    [InlineData("H31.13", "13月はありません")]
    [InlineData("2024-13", "13月はありません")]
    [InlineData("H31.0", "0月はありません")]
    [InlineData("令和5年5月32日", "2023年5月32日はありません")]
    [InlineData("令和5年2月30日", "2023年2月30日はありません")]
    [InlineData("2023-02-29", "2023年2月29日はありません")]
    [InlineData("H27.6.0", "2015年6月0日はありません")]
    [InlineData("1899年度", "扱える範囲")]
    [InlineData("2201", "扱える範囲")]
    [InlineData("FY2201", "扱える範囲")]
    [InlineData("H300", "扱える範囲")]
    [InlineData("明治30年", "扱える範囲")]
    [InlineData("H999999", "扱える範囲")]
    [InlineData("2015123", "長すぎます")]
    [InlineData("27年度", "元号がありません")]
    [InlineData("15", "元号がありません")]
    [InlineData("基準値(H26)", "「基」")]
    [InlineData("令和6年度末日", "「日」")]
    [InlineData("H29 (3年毎)", "「毎」")]
    [InlineData("H29 (3)", "元号がありません")]
    [InlineData("H27年度 H28年度", "「H」")]
    [InlineData("平成27年度（2016年度）", "一致しません")]
    [InlineData("令和5年(2023年度)", "年と年度が違います")]
    [InlineData("平成ＸＸ年", "「XX」")]
    [InlineData("abc", "「abc」")]
    [InlineData("H27.", "月がありません")]
    [InlineData("FY15", "西暦4桁")]
    [InlineData("H27(2015", "閉じていません")]
    [InlineData("(H27", "「(」")]
    [InlineData("H27)", "「)」")]
    [InlineData("2015-19", "19月はありません")]
    public void Parse_RejectsWithReasonAndQuote(string text, string reason)
    {
        var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.Parse(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"「{text}」", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal(text, ex.Text);
        Assert.False(PeriodParser.TryParse(text, PeriodKind.FiscalYear, out _, out var error));
        Assert.Equal(ex.Message, error.Message);
    }

    [Theory]
    [InlineData("R7～R3", "より前です")]
    [InlineData("2019～2015年度", "より前です")]
    [InlineData("H31.3~H30.4", "より前です")]
    [InlineData("令和5年12月28日～1月4日", "より前です")]
    [InlineData("2015年～2019年度", "年と年度が混在")]
    [InlineData("R5.6～R6", "種類")]
    [InlineData("H27～", "範囲の終わりがありません")]
    [InlineData("～H27", "「~」")]
    [InlineData("2015～19", "西暦4桁")]
    [InlineData("令和5年6月7日～13", "範囲の終わり")]
    [InlineData("H27～R1累計", "「累」")]
    [InlineData("H27～R1～R3", "「~」")]
    [InlineData("H27～H0", "0年はありません")]
    public void ParseRange_RejectsWithReasonAndQuote(string text, string reason)
    {
        var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.ParseRange(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"「{text}」", ex.Message, StringComparison.Ordinal);
        Assert.False(PeriodParser.TryParseRange(text, PeriodKind.FiscalYear, out var range, out var error));
        Assert.Null(range);
        Assert.NotNull(error);
    }

    [Fact]
    public void Parse_Null_IsAFormatErrorNotANullReference()
    {
        var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.Parse(null!));
        Assert.Contains("(null)", ex.Message, StringComparison.Ordinal);
        Assert.False(PeriodParser.TryParse(null, PeriodKind.FiscalYear, out _, out _));
        Assert.False(PeriodParser.TryParseRange(null, PeriodKind.FiscalYear, out _, out _));
    }

    [Fact]
    public void Parse_Range_IsRejectedWhereOnePeriodIsExpected()
    {
        var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.Parse("H27～R1"));
        Assert.Contains("範囲ではなく", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a range", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorMessage_IsJapaneseThenEnglishWithExamples()
    {
        var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.Parse("平成ＸＸ年"));
        Assert.StartsWith("「平成ＸＸ年」は年度・年・年月・日付として読めません", ex.Message, StringComparison.Ordinal);
        Assert.Contains("例: 令和6年度, R6, 2024年度, FY2024", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/ \"平成ＸＸ年\" is not a fiscal year, year, month or date", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Fact]
    public void Parse_LongText_IsQuotedShortened()
    {
        var text = new string('x', 200);
        var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.Parse(text));
        Assert.Contains(new string('x', 80) + "…", ex.Message, StringComparison.Ordinal);
        Assert.Equal(text, ex.Text);
    }

    [Fact]
    public void Parse_EraYearsPastTheEraEnd_AreValid()
    {
        // 000 (2015): 2020年（平成32年）, 2025年（平成37年）, 2060年（平成72年）
        Assert.Equal(Period.OfCalendarYear(2020), PeriodParser.Parse("平成32年"));
        Assert.Equal(Period.OfCalendarYear(2060), PeriodParser.Parse("平成72年"));
        Assert.Equal(Period.OfFiscalYear(2020), PeriodParser.Parse("H32"));
    }

    [Fact]
    public void Parse_Heisei31AndReiwa1_AreTheSameFiscalYear()
    {
        Assert.Equal(Period.OfFiscalYear(2019), PeriodParser.Parse("平成31年度"));
        Assert.Equal(Period.OfFiscalYear(2019), PeriodParser.Parse("令和元年度"));
        Assert.Equal(Period.OfFiscalYear(2019), PeriodParser.Parse("R1"));
        Assert.Equal(Period.OfFiscalYear(2019), PeriodParser.Parse("H31"));
        Assert.Equal(Period.OfFiscalYear(2019), PeriodParser.Parse("FY2019"));
    }

    [Fact]
    public void Parse_YearKindOtherThanAYear_IsAnArgumentError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodParser.Parse("H27", PeriodKind.Month));

    [Fact]
    public void ParseRange_SinglePeriod_IsARangeOfOne()
    {
        var range = PeriodParser.ParseRange("令和6年度");
        Assert.True(range.IsSingle);
        Assert.Equal(Period.OfFiscalYear(2024), range.First);
    }

    [Fact]
    public void ParseRange_SeedPlanPeriod_IsFiveFiscalYears()
    {
        // 000 §4: 平成27年度（2015年度）～平成31年度（2019年度） [5年間]
        var range = PeriodParser.ParseRange("平成27年度（2015年度）～平成31年度（2019年度）");
        Assert.Equal(5, range.YearCount);
        Assert.Equal(PeriodKind.FiscalYear, range.Kind);
    }
}
