using System.Globalization;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;
using static Sosei.Domain.Tests.Achievement.TestKpis;

namespace Sosei.Domain.Tests.Achievement;

public class ForecastTests
{
    private static KpiForecast Forecast(KpiDefinition kpi, int evaluatedYear, params KpiObservation[] observations) =>
        ForecastCalculator.Forecast(kpi, observations, new FiscalYear(evaluatedYear));

    /// <summary>Rows of 004 (see <see cref="Seed004ProgressRateTests"/>) forecast at FY2024 from baseline to latest actual.</summary>
    public static TheoryData<string, string, int, string, int, string, int, ForecastStatus> Seed004Rows => new()
    {
        { "農業産出額", "888.3", 2019, "869.3", 2023, "917.9", 2024, ForecastStatus.OffTrack },
        { "漁業生産額", "219.5", 2019, "263.5", 2023, "272.7", 2025, ForecastStatus.OnTrack },
        { "観光入込客数", "816.5", 2019, "689.5", 2023, "904.6", 2025, ForecastStatus.OffTrack },
        { "ちょっと暮らしの滞在日数", "28752", 2019, "28272", 2023, "32108", 2025, ForecastStatus.OffTrack },
        { "ワーケーション人数", "88", 2020, "650", 2023, "639", 2025, ForecastStatus.OnTrack },
        { "新エネルギー発電設備容量", "36.8", 2019, "42.0", 2021, "62.0", 2025, ForecastStatus.AtRisk },
        { "植林面積", "1201", 2020, "972", 2023, "1734", 2025, ForecastStatus.OffTrack },
        { "地域防災マスター登録者数", "252", 2020, "318", 2023, "352", 2025, ForecastStatus.OnTrack },
        { "患者の受療動向 (入院患者)", "97.1", 2016, "96.8", 2023, "99.1", 2025, ForecastStatus.OffTrack },
        { "患者の受療動向 (外来患者)", "98.9", 2016, "98.6", 2023, "99.5", 2025, ForecastStatus.OffTrack },
    };

    [Theory]
    [MemberData(nameof(Seed004Rows))]
    public void Forecast_Seed004Rows_CompareTheObservedWithTheRequiredGrowth(
        string name, string baseline, int baselineYear, string actual, int actualYear, string target, int targetYear, ForecastStatus expected)
    {
        var kpi = Kpi(name, D(baseline), baselineYear, D(target), targetYear);

        var forecast = Forecast(kpi, 2024, Obs(actualYear, D(actual)));

        Assert.Equal(expected, forecast.Status);
        Assert.Equal(TrendMethod.CompoundGrowth, forecast.Trend);
        Assert.Equal(new FiscalYear(baselineYear), forecast.StartYear);
        Assert.Equal(new FiscalYear(targetYear), forecast.TargetYear);
        Assert.NotEqual("", forecast.Explanation);
    }

    [Fact]
    public void Forecast_FisheryOutput_ReportsTheRatesAndTheProjection()
    {
        // 219.5 (R1) → 263.5 (R5): CAGR 4.67 %/年; to 272.7 by R7: 1.73 %/年; projection 288.7.
        var kpi = Kpi("漁業生産額 (釧路)", 219.5m, 2019, 272.7m, 2025, unit: "億円");

        var forecast = Forecast(kpi, 2024, Obs(2023, 263.5m));

        Assert.Equal(4.67m, Math.Round(forecast.ObservedRate!.Value * 100m, 2));
        Assert.Equal(1.73m, Math.Round(forecast.RequiredRate!.Value * 100m, 2));
        Assert.Equal(288.7m, Math.Round(forecast.ProjectedValue!.Value, 1));
        Assert.Equal(forecast.RequiredRate, forecast.OnTrackThreshold);
        Assert.Equal(forecast.RequiredRate / 2m, forecast.AtRiskThreshold);
        Assert.Equal(
            "219.5億円 (R1) から 263.5億円 (R5) への年平均成長率 4.7%/年; 目標 272.7億円 (R7) に必要な年平均成長率 1.7%/年; "
            + "傾向が続いた場合のR7の予測値 288.7億円; 実績の傾向 4.7%/年 は必要な 1.7%/年 以上 (順調)",
            forecast.Explanation);
    }

    [Fact]
    public void Forecast_NewEnergyCapacity_IsAtRiskAboveHalfTheNeededGrowth()
    {
        // 36.8 (R1) → 42.0 (R3): 6.83 %/年; 62.0 by R7 needs 10.23 %/年; half is 5.11 %/年.
        var kpi = Kpi("新エネルギー発電設備容量（釧路）", 36.8m, 2019, 62.0m, 2025, unit: "万kW");

        var forecast = Forecast(kpi, 2024, Obs(2021, 42.0m));

        Assert.Equal(ForecastStatus.AtRisk, forecast.Status);
        Assert.Equal(6.83m, Math.Round(forecast.ObservedRate!.Value * 100m, 2));
        Assert.Equal(10.23m, Math.Round(forecast.RequiredRate!.Value * 100m, 2));
        Assert.Equal(5.11m, Math.Round(forecast.AtRiskThreshold!.Value * 100m, 2));
    }

    [Fact]
    public void Forecast_StricterAtRiskShare_MakesTheSameTrendOffTrack()
    {
        var kpi = Kpi("新エネルギー発電設備容量（釧路）", 36.8m, 2019, 62.0m, 2025, unit: "万kW");

        var forecast = ForecastCalculator.Forecast(kpi, [Obs(2021, 42.0m)], new FiscalYear(2024), new ForecastOptions { AtRiskShare = 0.75m });

        Assert.Equal(ForecastStatus.OffTrack, forecast.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-0.5")]
    public void Forecast_AtRiskShareOutsideZeroToOne_IsRejected(string share)
    {
        var kpi = Kpi("x", 1m, 2019, 2m, 2025);

        Assert.Throws<ArgumentOutOfRangeException>(() => ForecastCalculator.Forecast(
            kpi, [Obs(2021, 1.5m)], new FiscalYear(2024), new ForecastOptions { AtRiskShare = D(share) }));
    }

    [Fact]
    public void Forecast_DecreaseKpi_ComparesTheDeclineWithTheNeededDecline()
    {
        // 001: 生活習慣病罹患率 22.71% (H26) → 21.50% (H29), target 19.98% (H31): −1.81 %/年 observed, −3.60 %/年 needed.
        var kpi = Kpi("生活習慣病罹患率", 22.71m, 2014, 19.98m, 2019, KpiDirection.Decrease, unit: "%");

        var forecast = Forecast(kpi, 2017, Obs(2015, 20.97m), Obs(2016, 22.23m), Obs(2017, 21.50m));

        Assert.Equal(ForecastStatus.AtRisk, forecast.Status);
        Assert.Equal(-1.81m, Math.Round(forecast.ObservedRate!.Value * 100m, 2));
        Assert.Equal(-3.60m, Math.Round(forecast.RequiredRate!.Value * 100m, 2));
        Assert.Equal(-1.80m, Math.Round(forecast.AtRiskThreshold!.Value * 100m, 2));
    }

    [Fact]
    public void Forecast_DecreaseKpiGoingUp_IsOffTrack()
    {
        var kpi = Kpi("生活習慣病罹患率", 22.71m, 2014, 19.98m, 2019, KpiDirection.Decrease, unit: "%");

        var forecast = Forecast(kpi, 2018, Obs(2018, 22.91m));

        Assert.Equal(ForecastStatus.OffTrack, forecast.Status);
        Assert.True(forecast.ObservedRate > 0m);
    }

    [Fact]
    public void Forecast_ZeroTarget_FallsBackToALinearTrend()
    {
        // 待機児童ゼロ: 10人 (H26) → 4人 (H29), target 0 (H31): −2人/年 observed and needed.
        var kpi = Kpi("待機児童数", 10m, 2014, 0m, 2019, KpiDirection.Decrease, unit: "人");

        var forecast = Forecast(kpi, 2017, Obs(2017, 4m));

        Assert.Equal(TrendMethod.Linear, forecast.Trend);
        Assert.Equal(-2m, forecast.ObservedRate);
        Assert.Equal(-2m, forecast.RequiredRate);
        Assert.Equal(0m, forecast.ProjectedValue);
        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
    }

    [Fact]
    public void Forecast_ZeroStart_FallsBackToALinearTrend()
    {
        // 001: 雇用数 0人 (H26) → 14人 (H30), target 20人 (H31): 3.5人/年 observed, 6人/年 needed.
        var kpi = Kpi("雇用数", 0m, 2014, 20m, 2019, unit: "人");

        var forecast = Forecast(kpi, 2018, Obs(2015, 0m), Obs(2016, 0m), Obs(2017, 0m), Obs(2018, 14m));

        Assert.Equal(TrendMethod.Linear, forecast.Trend);
        Assert.Equal(3.5m, forecast.ObservedRate);
        Assert.Equal(6m, forecast.RequiredRate);
        Assert.Equal(17.5m, forecast.ProjectedValue);
        Assert.Equal(ForecastStatus.AtRisk, forecast.Status);
        Assert.Contains("(直線)", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_NegativeDifferencesFromTheNationalAverage_UseALinearTrend()
    {
        // 001: 全国学力調査 中学生 △4.3 (H26) → △0.9 (H30), target 全国平均 (0) at H31.
        var kpi = new KpiDefinition
        {
            Name = "全国学力調査の全国平均正答率との差",
            TargetKind = TargetKind.Relative,
            Target = new KpiTarget(0m, Fy(2019), "全国平均"),
            Series = [new KpiSeriesDefinition("junior", "中学生", new Baseline(-4.3m, Fy(2014)))],
        };

        var forecast = ForecastCalculator.ForecastSeries(kpi, "junior", [Obs(2018, -0.9m, series: "junior")], new FiscalYear(2018));

        Assert.Equal(TrendMethod.Linear, forecast.Trend);
        Assert.Equal(0.85m, forecast.ObservedRate);
        Assert.Equal(0.9m, forecast.RequiredRate);
        Assert.Equal(-0.05m, forecast.ProjectedValue);
        Assert.Equal(ForecastStatus.AtRisk, forecast.Status);
        Assert.Equal("junior", forecast.SeriesCode);
    }

    [Fact]
    public void Forecast_TargetMetButDeclining_IsAtRisk()
    {
        var kpi = Kpi("x", 150m, 2014, 100m, 2019, KpiDirection.Maintain, unit: "件");

        var forecast = Forecast(kpi, 2018, Obs(2018, 105m));

        Assert.Equal(ForecastStatus.AtRisk, forecast.Status);
        Assert.Equal(96.0m, Math.Round(forecast.ProjectedValue!.Value, 1));
        Assert.Null(forecast.AtRiskThreshold);
        Assert.Contains("目標を下回るおそれ", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_TargetMetAndHolding_IsOnTrack()
    {
        var kpi = Kpi("ワーケーション人数", 88m, 2020, 639m, 2025, unit: "人");

        var forecast = Forecast(kpi, 2024, Obs(2023, 650m));

        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
        Assert.Contains("目標は達成済み", forecast.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("360", ForecastStatus.OnTrack)]
    [InlineData("340", ForecastStatus.OffTrack)]
    public void Forecast_AtTheTargetYear_IsMetOrNot(string actual, ForecastStatus expected)
    {
        var kpi = Kpi("地域防災マスター登録者数", 252m, 2020, 352m, 2025, unit: "人");

        var forecast = Forecast(kpi, 2026, Obs(2023, 318m), Obs(2025, D(actual)));

        Assert.Equal(expected, forecast.Status);
        Assert.Null(forecast.RequiredRate);
        Assert.Null(forecast.ProjectedValue);
        Assert.NotNull(forecast.ObservedRate);
        Assert.Contains("目標年 (R7) に達しています", forecast.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_WithoutBaselineStartFromBaselineOff_StartsAtTheFirstActual()
    {
        var kpi = Kpi("地域防災マスター登録者数", 252m, 2020, 352m, 2025, unit: "人");

        var forecast = ForecastCalculator.Forecast(
            kpi, [Obs(2021, 280m), Obs(2023, 318m)], new FiscalYear(2024), new ForecastOptions { StartFromBaseline = false });

        Assert.Equal(280m, forecast.StartValue);
        Assert.Equal(new FiscalYear(2021), forecast.StartYear);
    }

    [Fact]
    public void Forecast_ReferenceValues_AreLeftOutByDefault()
    {
        var kpi = Kpi("合計特殊出生率", null, null, 1.65m, 2019);
        KpiObservation[] values = [Obs(2015, 1.64m, ValueQualifiers.Reference), Obs(2016, 1.48m, ValueQualifiers.Reference), Obs(2017, 1.60m)];

        var forecast = Forecast(kpi, 2017, values);
        var withReferences = ForecastCalculator.Forecast(kpi, values, new FiscalYear(2017), new ForecastOptions { IncludeReferenceValues = true });

        Assert.Equal(ForecastStatus.InsufficientData, forecast.Status);
        Assert.Equal(1.64m, withReferences.StartValue);
    }

    [Fact]
    public void Forecast_ProvisionalLatestValue_IsMarked()
    {
        var kpi = Kpi("公共施設等の総面積の縮小", 319m, 2014, 303m, 2019, KpiDirection.Decrease, unit: "千㎡");

        var forecast = Forecast(kpi, 2018, Obs(2018, 313m, ValueQualifiers.Provisional));

        Assert.True(forecast.IsProvisional);
        Assert.Equal(ForecastStatus.OffTrack, forecast.Status);
    }

    [Fact]
    public void Forecast_CumulativeTarget_ComparesThePaceSoFarWithThePaceNeeded()
    {
        // "5年で男女200人" (H27–H31): 30 + 45 + 50 = 125 by H29: 41.67人/年 so far, 37.5人/年 needed.
        var kpi = Kpi("新規就業者数", 35m, 2014, 200m, 2019, kind: TargetKind.Cumulative, unit: "人");

        var forecast = Forecast(kpi, 2017, Obs(2015, 30m), Obs(2016, 45m), Obs(2017, 50m));

        Assert.Equal(TrendMethod.CumulativePace, forecast.Trend);
        Assert.Equal(125m, forecast.LatestValue);
        Assert.Equal(41.67m, Math.Round(forecast.ObservedRate!.Value, 2));
        Assert.Equal(37.5m, forecast.RequiredRate);
        Assert.Equal(208.33m, Math.Round(forecast.ProjectedValue!.Value, 2));
        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
    }

    [Fact]
    public void Forecast_CumulativeRunningTotalAboveTheTarget_IsOnTrack()
    {
        // 004: どさんこプラザの商品定番化 累計21件(R5) of 累計20件(R3~R7).
        var kpi = Kpi("どさんこプラザの商品定番化", 4m, 2019, null, null, kind: TargetKind.Cumulative, unit: "件") with
        {
            Target = new KpiTarget(20m, Fys(2021, 2025)),
        };

        var forecast = Forecast(kpi, 2024, Obs(2023, 21m, ValueQualifiers.Cumulative));

        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
        Assert.Equal(7m, forecast.ObservedRate);
    }

    [Fact]
    public void Forecast_ChangeTarget_ForecastsTheLevelBaselinePlusChange()
    {
        // "5年で延べ1,400世帯増加": 10,000 (H26) → 11,400 by H31; 10,700 at H29: 2.28 %/年 observed, 3.22 %/年 needed.
        var kpi = Kpi("世帯数", 10000m, 2014, 1400m, 2019, kind: TargetKind.Change, unit: "世帯");

        var forecast = Forecast(kpi, 2017, Obs(2017, 10700m));

        Assert.Equal(11400m, forecast.Target);
        Assert.Equal(2.28m, Math.Round(forecast.ObservedRate!.Value * 100m, 2));
        Assert.Equal(3.22m, Math.Round(forecast.RequiredRate!.Value * 100m, 2));
        Assert.Equal(ForecastStatus.AtRisk, forecast.Status);
    }

    [Fact]
    public void Forecast_WithoutTargetOrTargetYear_IsInsufficientData()
    {
        Assert.Equal("目標値がないため、見通しを判定できません。", Forecast(Kpi("x", 1m, 2014, null, null), 2018, Obs(2018, 2m)).Reason);
        var noYear = Forecast(Kpi("x", 1m, 2014, 3m, null), 2018, Obs(2018, 2m));
        Assert.Equal(ForecastStatus.InsufficientData, noYear.Status);
        Assert.Equal("目標年がないため、見通しを判定できません。", noYear.Reason);
    }

    [Fact]
    public void Forecast_WithASinglePointAndNoBaseline_IsInsufficientData()
    {
        var forecast = Forecast(Kpi("x", null, null, 3m, 2019), 2018, Obs(2018, 2m));

        Assert.Equal(ForecastStatus.InsufficientData, forecast.Status);
        Assert.Equal(2m, forecast.LatestValue);
        Assert.Contains("2時点以上", forecast.Reason, StringComparison.Ordinal);
        Assert.Equal(TrendMethod.None, forecast.Trend);
    }

    [Fact]
    public void Forecast_WithoutObservations_IsInsufficientData()
    {
        var forecast = Forecast(Kpi("x", 1m, 2014, 3m, 2019), 2018);

        Assert.Equal(ForecastStatus.InsufficientData, forecast.Status);
        Assert.Equal("平成30年度までの実績値がありません。", forecast.Reason);
    }

    [Fact]
    public void Forecast_HugeValues_AreInsufficientDataInsteadOfThrowing()
    {
        var kpi = Kpi("x", 0.0000000001m, 2014, 79_000_000_000_000_000_000_000_000_000m, 2060);

        var forecast = Forecast(kpi, 2018, Obs(2018, 70_000_000_000_000_000_000_000_000_000m));

        Assert.Equal(ForecastStatus.InsufficientData, forecast.Status);
        Assert.Contains("大きすぎる", forecast.Reason, StringComparison.Ordinal);
    }

    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
}
