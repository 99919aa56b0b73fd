using System.Globalization;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using static Sosei.Domain.Tests.Achievement.TestKpis;

namespace Sosei.Domain.Tests.Achievement;

public class TrendTests
{
    [Fact]
    public void Trend_DecreaseIsBetterKpiThatRoseAboveItsBaseline_IsDeterioratingAlthoughItsRateIsHigh()
    {
        // 生活習慣病罹患率 (網走): 22.71% → 22.91%, target 20.0%: 87.2% by target ÷ actual, yet worse than the baseline.
        var kpi = Kpi("生活習慣病罹患率", 22.71m, 2014, 20.0m, 2019, KpiDirection.Decrease, unit: "%") with { Decimals = 2 };
        var result = Ratio(kpi, 2018, Obs(2018, 22.91m));

        var trend = TrendCalculator.Of(kpi, result);

        Assert.True(result.Rate >= 0.8m);
        Assert.Equal(TrendStatus.Deteriorating, trend.Status);
        Assert.Equal(22.71m, trend.Baseline);
        Assert.Equal(22.91m, trend.Latest);
    }

    [Theory]
    [InlineData(KpiDirection.Increase, "10", "12", TrendStatus.Improving)]
    [InlineData(KpiDirection.Increase, "10", "9", TrendStatus.Deteriorating)]
    [InlineData(KpiDirection.Decrease, "10", "9", TrendStatus.Improving)]
    [InlineData(KpiDirection.Decrease, "10", "12", TrendStatus.Deteriorating)]
    [InlineData(KpiDirection.Increase, "1.37", "1.370", TrendStatus.Stable)]
    [InlineData(KpiDirection.Decrease, "10.0", "10", TrendStatus.Stable)]
    public void Compare_MovesInTheKpisDirection_AreImprovingTheOthersDeteriorating(KpiDirection direction, string baseline, string latest, TrendStatus expected) =>
        Assert.Equal(expected, TrendCalculator.Compare(direction, D(baseline), D(latest)));

    [Theory]
    [InlineData("1.4", "1.37", 0, TrendStatus.Stable)]
    [InlineData("1.4", "1.37", 2, TrendStatus.Deteriorating)]
    [InlineData("10", "10.3", 1, TrendStatus.Improving)]
    [InlineData("10", "10.3", 0, TrendStatus.Stable)]
    public void Compare_ValuesWrittenAtDifferentPrecision_CompareAtTheCoarserUnlessTheKpiDeclaresMore(string baseline, string latest, int decimals, TrendStatus expected) =>
        Assert.Equal(expected, TrendCalculator.Compare(KpiDirection.Increase, D(baseline), D(latest), decimals));

    [Theory]
    [InlineData("365", "365", TrendStatus.Stable)]
    [InlineData("365", "370", TrendStatus.Stable)]
    [InlineData("365", "360", TrendStatus.Deteriorating)]
    [InlineData("350", "360", TrendStatus.Improving)]
    public void Compare_KeepLevel_ReadsTheShortfallBelowTheTarget(string baseline, string latest, TrendStatus expected) =>
        Assert.Equal(expected, TrendCalculator.Compare(KpiDirection.Maintain, D(baseline), D(latest), target: 365m));

    [Fact]
    public void Trend_WithoutBaselineOrActual_IsUndetermined()
    {
        var noBaseline = Kpi("移住者数", null, null, 100m, 2019);
        var kpi = Kpi("移住者数", 50m, 2014, 100m, 2019);

        Assert.Equal(TrendStatus.Undetermined, TrendCalculator.Of(noBaseline, Ratio(noBaseline, 2018, Obs(2018, 60m))).Status);
        Assert.Equal(TrendStatus.Undetermined, TrendCalculator.Of(kpi, Ratio(kpi, 2018)).Status);
    }

    [Theory]
    [InlineData(SeriesAggregation.All, TrendStatus.Deteriorating)]
    [InlineData(SeriesAggregation.Any, TrendStatus.Improving)]
    [InlineData(SeriesAggregation.Mean, TrendStatus.Improving)]
    public void Combine_FollowsTheSubItemRuleOfTheGrade(SeriesAggregation rule, TrendStatus expected) =>
        Assert.Equal(expected, TrendCalculator.Combine(rule, [TrendStatus.Improving, TrendStatus.Improving, TrendStatus.Deteriorating, TrendStatus.Undetermined]));

    [Fact]
    public void Combine_NoSeriesWithATrend_IsUndetermined() =>
        Assert.Equal(TrendStatus.Undetermined, TrendCalculator.Combine(SeriesAggregation.All, [TrendStatus.Undetermined]));

    [Theory]
    [InlineData(SeriesAggregation.All, ForecastStatus.OffTrack, "b")]
    [InlineData(SeriesAggregation.Any, ForecastStatus.OnTrack, "a")]
    [InlineData(SeriesAggregation.Mean, ForecastStatus.AtRisk, "b")]
    public void ForecastBySeriesRule_CombinesTheSeriesForecastsAsTheGradeDoes(SeriesAggregation rule, ForecastStatus expected, string series)
    {
        // a: 100 → 120 (R5) toward 125 by R7 — on track; b: 100 → 95 toward 125 — worsening, off track.
        var kpi = Kpi("学力", 100m, 2019, 125m, 2025) with
        {
            Series = [new KpiSeriesDefinition("a", "小学生"), new KpiSeriesDefinition("b", "中学生")],
            SeriesAggregation = rule,
        };

        var forecast = ForecastCalculator.ForecastBySeriesRule(kpi, [Obs(2023, 120m, series: "a"), Obs(2023, 95m, series: "b")], new FiscalYear(2024));

        Assert.Equal(expected, forecast.Status);
        Assert.Equal(series, forecast.SeriesCode);
    }

    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
}
