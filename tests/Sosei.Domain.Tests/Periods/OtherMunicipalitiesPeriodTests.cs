using Sosei.Domain.Periods;

namespace Sosei.Domain.Tests.Periods;

/// <summary>
/// Periods as other municipalities' published KPI tables write them: spaces inside (<c>平成 32 年度</c>, <c>H 27</c>),
/// a deadline (<c>平成 32 年3月まで</c>), the end of a year or month (<c>平成31年度末</c>, <c>令和2年3月末</c>) and the
/// bracketed window of a cumulative value (<c>[H27~28 累計]</c>, <c>（H27～H31累計）</c>).
/// </summary>
public class OtherMunicipalitiesPeriodTests
{
    private const PeriodKind Fy = PeriodKind.FiscalYear;
    private const PeriodKind Cy = PeriodKind.CalendarYear;

    [Theory]
    [InlineData("平成 32 年3月まで", Fy, "2020-03")]
    [InlineData("平成32年3月まで", Cy, "2020-03")]
    [InlineData("平成 32 年度", Fy, "FY2020")]
    [InlineData("平成\u300032\u3000年度", Cy, "FY2020")]
    [InlineData("H 27", Fy, "FY2015")]
    [InlineData("H 27", Cy, "CY2015")]
    [InlineData("Ｈ　２７", Fy, "FY2015")]
    [InlineData("平成31年度末", Cy, "FY2019")]
    [InlineData("H31年度末", Fy, "FY2019")]
    [InlineData("Ｈ３１年度末", Fy, "FY2019")]
    [InlineData("令和2年3月末", Fy, "2020-03")]
    [InlineData("R2.3末", Fy, "2020-03")]
    [InlineData("令和6年末", Fy, "CY2024")]
    [InlineData("平成31年度末まで", Fy, "FY2019")]
    [InlineData("令和2年3月末まで", Fy, "2020-03")]
    public void Parse_SpacesDeadlinesAndEnds_ReadAsThePeriodWritten(string text, PeriodKind yearKind, string expected) =>
        Assert.Equal(expected, PeriodParser.Parse(text, yearKind).ToInvariant());

    [Theory]
    [InlineData("平成 32 年3月まで", "2020-03")]
    [InlineData("H27～H31年度末", "FY2015..FY2019")]
    [InlineData("H 27 ～ H 31", "FY2015..FY2019")]
    [InlineData("令和2年4月～令和3年3月末", "2020-04..2021-03")]
    public void ParseRange_SpacesDeadlinesAndEnds_ReadAsThePeriodWritten(string text, string expected) =>
        Assert.Equal(expected, PeriodParser.ParseRange(text).ToInvariant());

    [Theory]
    [InlineData("令和5年5月26日末", "日付の後に「末」は付けられません")]
    [InlineData("末", "「末」の位置が読めません")]
    [InlineData("平成31年度末末", "「末」の位置が読めません")]
    [InlineData("まで", "「まで」の位置が読めません")]
    [InlineData("平成32年3月までに", "「に」は読めません")]
    [InlineData("平成32年3月まで まで", "「まで」の位置が読めません")]
    [InlineData("末平成31年度", "「末」の位置が読めません")]
    [InlineData("H 2 7", "「7」の位置が読めません")]
    public void Parse_NearMisses_AreRefusedWithAReason(string text, string reason)
    {
        var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.Parse(text));
        Assert.Contains(reason, ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.Contains($"「{text}」", ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", ex.EnglishMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[H27~28 累計]", Fy, "FY2015..FY2016")]
    [InlineData("[H27~28累計]", Cy, "CY2015..CY2016")]
    [InlineData("（H27～H31累計）", Fy, "FY2015..FY2019")]
    [InlineData("(H27~H31累計)", Fy, "FY2015..FY2019")]
    [InlineData("【H27～H31累計】", Fy, "FY2015..FY2019")]
    [InlineData("H27～R1累計", Fy, "FY2015..FY2019")]
    [InlineData("H27～R1合計", Fy, "FY2015..FY2019")]
    [InlineData(" ［Ｈ２７～２８　累計］ ", Fy, "FY2015..FY2016")]
    [InlineData("(平成27年度～平成31年度累計)", Cy, "FY2015..FY2019")]
    public void ParseCumulativeWindow_ReadsTheRangeSummedOver(string text, PeriodKind yearKind, string expected)
    {
        Assert.Equal(expected, PeriodParser.ParseCumulativeWindow(text, yearKind).ToInvariant());
        Assert.True(PeriodParser.TryParseCumulativeWindow(text, yearKind, out var range, out var error));
        Assert.Equal(expected, range.ToInvariant());
        Assert.Null(error);
    }

    [Theory]
    [InlineData("H27～H31", "「累計」がありません")]
    [InlineData("[H27~28 平均]", "「累計」がありません")]
    [InlineData("(累計)", "累計の期間がありません")]
    [InlineData("[H31~H27 累計]", "より前です")]
    [InlineData("[H27~28 累計", "「[」の位置が読めません")]
    [InlineData("[来年 累計]", "「来」は読めません")]
    [InlineData("", "「累計」がありません")]
    public void ParseCumulativeWindow_NearMisses_AreRefusedOnce(string text, string reason)
    {
        var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.ParseCumulativeWindow(text));
        Assert.Contains(reason, ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.StartsWith($"「{text}」は累計の期間として読めません", ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.StartsWith($"\"{text}\" is not a cumulative window", ex.EnglishMessage, StringComparison.Ordinal);

        // One message: the range's own message (with its examples) is not quoted inside.
        Assert.Equal(1, Occurrences(ex.JapaneseMessage, "例:"));
        Assert.Equal(1, Occurrences(ex.JapaneseMessage, "として読めません"));
        Assert.Equal(1, Occurrences(ex.EnglishMessage, "Examples:"));
        Assert.Equal(1, Occurrences(ex.EnglishMessage, "is not a"));
        Assert.Equal(text, ex.Text);
    }

    private static int Occurrences(string text, string word) => text.Split(word).Length - 1;

    [Fact]
    public void ParseRange_StillRefusesAWindowWithItsWord()
    {
        // A range is a range: H27～R1累計 is a cumulative window, read with ParseCumulativeWindow.
        Assert.Throws<PeriodFormatException>(() => PeriodParser.ParseRange("H27～R1累計"));
    }
}
