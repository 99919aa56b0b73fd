using FsCheck.Xunit;
using Sosei.Domain.Periods;
using Sosei.Domain.Tests.Text;

namespace Sosei.Domain.Tests.Periods;

public class PeriodParserProperties
{
    [Property(MaxTest = 2000, Arbitrary = [typeof(NotationArbitraries)])]
    public void TryParse_NeverThrows_AndParseThrowsOnlyPeriodFormatException(NotationText text)
    {
        foreach (var kind in new[] { PeriodKind.FiscalYear, PeriodKind.CalendarYear })
        {
            var ok = PeriodParser.TryParse(text.Value, kind, out var period, out var error);
            Assert.Equal(ok, error is null);
            var rangeOk = PeriodParser.TryParseRange(text.Value, kind, out var range, out var rangeError);
            Assert.Equal(rangeOk, range is not null);
            Assert.Equal(rangeOk, rangeError is null);
            if (ok)
            {
                // A single period is also a range of one.
                Assert.True(rangeOk);
                Assert.Equal(PeriodRange.Of(period), range);
                Assert.Equal(period, PeriodParser.Parse(text.Value, kind));
            }
            else
            {
                var ex = Assert.Throws<PeriodFormatException>(() => PeriodParser.Parse(text.Value, kind));
                Assert.Equal(error!.Message, ex.Message);
            }

            if (!rangeOk)
            {
                Assert.Throws<PeriodFormatException>(() => PeriodParser.ParseRange(text.Value, kind));
            }
        }
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(NotationArbitraries)])]
    public void FiscalYear_EveryFormReadsBack(AcceptedYear year)
    {
        var fy = new FiscalYear(year.Value);
        var expected = Period.Of(fy);
        Assert.Equal(expected, PeriodParser.Parse(fy.ToJapanese()));
        Assert.Equal(expected, PeriodParser.Parse(fy.ToShort()));
        Assert.Equal(expected, PeriodParser.Parse(fy.ToDisplay()));
        Assert.Equal(expected, PeriodParser.Parse(fy.ToEnglish(), PeriodKind.CalendarYear));
        Assert.Equal(expected, PeriodParser.Parse(fy.ToJapanese(), PeriodKind.CalendarYear));
        Assert.Equal(expected, PeriodParser.Parse(expected.ToInvariant(), PeriodKind.CalendarYear));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(NotationArbitraries)])]
    public void CalendarYear_EveryFormReadsBack(AcceptedYear year)
    {
        var period = Period.OfCalendarYear(year.Value);
        Assert.Equal(period, PeriodParser.Parse(period.ToJapanese()));
        Assert.Equal(period, PeriodParser.Parse(period.ToDisplay()));
        Assert.Equal(period, PeriodParser.Parse(period.ToShort(), PeriodKind.CalendarYear));
        Assert.Equal(period, PeriodParser.Parse(period.ToInvariant()));
    }

    [Property(MaxTest = 500, Arbitrary = [typeof(NotationArbitraries)])]
    public void MonthAndDate_EveryFormReadsBack(AcceptedDay day)
    {
        var date = Period.OfDate(day.Value);
        var month = Period.OfMonth(day.Value.Year, day.Value.Month);
        foreach (var period in new[] { date, month })
        {
            Assert.Equal(period, PeriodParser.Parse(period.ToJapanese()));
            Assert.Equal(period, PeriodParser.Parse(period.ToDisplay()));
            Assert.Equal(period, PeriodParser.Parse(period.ToShort()));
            Assert.Equal(period, PeriodParser.Parse(period.ToInvariant()));
        }
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(NotationArbitraries)])]
    public void Range_EveryFormReadsBack(AcceptedYear a, AcceptedYear b)
    {
        var range = PeriodRange.FiscalYears(Math.Min(a.Value, b.Value), Math.Max(a.Value, b.Value));
        Assert.Equal(range, PeriodParser.ParseRange(range.ToJapanese()));
        Assert.Equal(range, PeriodParser.ParseRange(range.ToDisplay()));
        Assert.Equal(range, PeriodParser.ParseRange(range.ToShort()));
        Assert.Equal(range, PeriodParser.ParseRange(range.ToInvariant()));
    }
}
