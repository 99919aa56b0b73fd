using Sosei.Domain.Periods;

namespace Sosei.Domain.Tests.Periods;

/// <summary>The display forms of docs/domain.md#periods-and-notations ("令和6年度 (2024)"), and the era boundaries they depend on.</summary>
public class PeriodFormattingTests
{
    [Theory]
    [InlineData(2024, "令和6年度", "令和6年度 (2024)", "R6")]
    [InlineData(2019, "令和元年度", "令和元年度 (2019)", "R1")]
    [InlineData(2018, "平成30年度", "平成30年度 (2018)", "H30")]
    [InlineData(2015, "平成27年度", "平成27年度 (2015)", "H27")]
    [InlineData(1989, "平成元年度", "平成元年度 (1989)", "H1")]
    [InlineData(1988, "昭和63年度", "昭和63年度 (1988)", "S63")]
    [InlineData(1926, "大正15年度", "大正15年度 (1926)", "T15")]
    [InlineData(1912, "明治45年度", "明治45年度 (1912)", "M45")]
    [InlineData(1900, "明治33年度", "明治33年度 (1900)", "M33")]
    [InlineData(2200, "令和182年度", "令和182年度 (2200)", "R182")]
    public void FiscalYear_Formats(int year, string japanese, string display, string shortForm)
    {
        var fy = new FiscalYear(year);
        Assert.Equal(japanese, fy.ToJapanese());
        Assert.Equal(display, fy.ToDisplay());
        Assert.Equal(shortForm, fy.ToShort());
        Assert.Equal($"FY{year}", fy.ToEnglish());
        Assert.Equal(japanese, Period.OfFiscalYear(year).ToJapanese());
        Assert.Equal(display, Period.OfFiscalYear(year).ToDisplay());
        Assert.Equal(shortForm, Period.OfFiscalYear(year).ToShort());
    }

    [Theory]
    [InlineData(2019, "令和元年", "R1")]
    [InlineData(2018, "平成30年", "H30")]
    [InlineData(1989, "平成元年", "H1")]
    [InlineData(1988, "昭和63年", "S63")]
    [InlineData(1926, "昭和元年", "S1")]
    [InlineData(1912, "大正元年", "T1")]
    [InlineData(1900, "明治33年", "M33")]
    public void CalendarYear_IsNamedByTheEraOfItsEnd(int year, string japanese, string shortForm)
    {
        var period = Period.OfCalendarYear(year);
        Assert.Equal(japanese, period.ToJapanese());
        Assert.Equal(shortForm, period.ToShort());
        Assert.Equal($"{japanese} ({year})", period.ToDisplay());
    }

    [Theory]
    [InlineData(2019, 3, "平成31年3月", "H31.3")]
    [InlineData(2019, 4, "平成31年4月", "H31.4")]
    [InlineData(2019, 5, "令和元年5月", "R1.5")]
    [InlineData(2024, 3, "令和6年3月", "R6.3")]
    public void Month_IsNamedByTheEraOfItsEnd(int year, int month, string japanese, string shortForm)
    {
        var period = Period.OfMonth(year, month);
        Assert.Equal(japanese, period.ToJapanese());
        Assert.Equal(shortForm, period.ToShort());
    }

    [Theory]
    [InlineData(2019, 4, 30, "平成31年4月30日", "H31.4.30")]
    [InlineData(2019, 5, 1, "令和元年5月1日", "R1.5.1")]
    [InlineData(1989, 1, 7, "昭和64年1月7日", "S64.1.7")]
    [InlineData(1989, 1, 8, "平成元年1月8日", "H1.1.8")]
    [InlineData(2020, 10, 1, "令和2年10月1日", "R2.10.1")]
    public void Date_IsNamedByTheEraOfItsDay(int year, int month, int day, string japanese, string shortForm)
    {
        var period = Period.OfDate(new DateOnly(year, month, day));
        Assert.Equal(japanese, period.ToJapanese());
        Assert.Equal(shortForm, period.ToShort());
    }

    [Fact]
    public void Range_Formats()
    {
        var range = PeriodRange.FiscalYears(2021, 2025);
        Assert.Equal("令和3年度～令和7年度", range.ToJapanese());
        Assert.Equal("令和3年度 (2021) ～ 令和7年度 (2025)", range.ToDisplay());
        Assert.Equal("R3～R7", range.ToShort());
        Assert.Equal("FY2021..FY2025", range.ToInvariant());
        Assert.Equal("令和6年度 (2024)", PeriodRange.FiscalYears(2024, 2024).ToDisplay());
    }

    [Theory]
    [InlineData("令和3年度～令和7年度")]
    [InlineData("令和3年度 (2021) ～ 令和7年度 (2025)")]
    [InlineData("R3～R7")]
    [InlineData("FY2021..FY2025")]
    public void Range_FormsReadBack(string text) =>
        Assert.Equal(PeriodRange.FiscalYears(2021, 2025), PeriodParser.ParseRange(text));

    [Fact]
    public void JapaneseEra_KnowsEveryEraFromMinYear()
    {
        Assert.Equal(JapaneseEra.Meiji, JapaneseEra.On(new DateOnly(FiscalYear.MinYear, 1, 1)));
        Assert.Equal(JapaneseEra.Taisho, JapaneseEra.On(new DateOnly(1926, 12, 24)));
        Assert.Equal(JapaneseEra.Showa, JapaneseEra.On(new DateOnly(1926, 12, 25)));
        Assert.Equal(JapaneseEra.Heisei, JapaneseEra.On(new DateOnly(2019, 4, 30)));
        Assert.Equal(JapaneseEra.Reiwa, JapaneseEra.On(new DateOnly(2019, 5, 1)));
        Assert.Equal(JapaneseEra.Taisho, JapaneseEra.Find("Ｔ"));
        Assert.Equal(JapaneseEra.Meiji, JapaneseEra.Find("明治"));
    }

    [Fact]
    public void JapaneseEra_MatchesDotNetJapaneseCalendar()
    {
        // Cross-check our era start dates against .NET's JapaneseCalendar (ICU data): the year of each era's first day is 1.
        var calendar = new System.Globalization.JapaneseCalendar();
        foreach (var era in JapaneseEra.All)
        {
            var first = era.Start.ToDateTime(TimeOnly.MinValue);
            Assert.Equal(1, calendar.GetYear(first));
            if (era == JapaneseEra.Meiji)
            {
                Assert.Equal(calendar.MinSupportedDateTime.Date, first);
            }
            else
            {
                Assert.NotEqual(calendar.GetEra(first), calendar.GetEra(first.AddDays(-1)));
            }
        }
    }
}
