using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;
using static Sosei.Domain.Tests.Achievement.TestKpis;

namespace Sosei.Domain.Tests.Achievement;

public class AchievementEdgeCaseTests
{
    private static readonly AchievementOptions Fallback = new() { FallbackToRatioToTarget = true };

    // ----- target 0 with lower-is-better (待機児童ゼロ) -----

    [Fact]
    public void Achievement_DecreaseKpiAtZeroTarget_IsFullWhenActualIsZero()
    {
        var kpi = Kpi("待機児童数", null, null, 0m, 2019, KpiDirection.Decrease, unit: "人");

        var result = Ratio(kpi, 2019, Obs(2019, 0m));

        Assert.Equal(AchievementStatus.Computed, result.Status);
        Assert.Equal(1m, result.Rate);
        Assert.Equal(AchievementFormula.TargetMet, result.Formula);
        Assert.Contains("達成", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Achievement_DecreaseKpiAtZeroTargetWithoutBaseline_IsZeroWhenActualIsAboveZero()
    {
        var kpi = Kpi("待機児童数", null, null, 0m, 2019, KpiDirection.Decrease, unit: "人");

        var result = Ratio(kpi, 2019, Obs(2019, 3m));

        Assert.Equal(0m, result.Rate);
        Assert.Equal(AchievementFormula.TargetMet, result.Formula);
        Assert.Contains("未達成", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Achievement_DecreaseKpiAtZeroTargetWithBaseline_UsesProgressFromBaseline()
    {
        var kpi = Kpi("待機児童数", 10m, 2014, 0m, 2019, KpiDirection.Decrease, unit: "人");

        var result = Ratio(kpi, 2019, Obs(2019, 3m));

        Assert.Equal(0.7m, result.Rate);
        Assert.Equal(AchievementMethod.ProgressFromBaseline, result.Method);
        Assert.Equal(AchievementFormula.ProgressFromBaseline, result.Formula);
        Assert.Equal("目標値が0以下で比が意味を持たないため基準値からの進捗で評価: (3人 − 10人) ÷ (0人 − 10人) = 70.0%", result.Explanation);
    }

    // ----- actual 0 with lower-is-better and a positive target -----

    [Fact]
    public void Achievement_DecreaseKpiWithActualZero_IsFullAndMarkedCappedInsteadOfInfinite()
    {
        var kpi = Kpi("季節労働者数", 120m, 2014, 80m, 2019, KpiDirection.Decrease, unit: "人");

        var result = Ratio(kpi, 2019, Obs(2019, 0m));

        Assert.Equal(1m, result.Rate);
        Assert.True(result.IsCapped);
        Assert.Equal(AchievementFormula.InverseRatio, result.Formula);
    }

    [Fact]
    public void Achievement_DecreaseKpiWithActualZero_UsesTheMaximumRateWhenOneIsSet()
    {
        var kpi = Kpi("季節労働者数", 120m, 2014, 80m, 2019, KpiDirection.Decrease, unit: "人");

        var result = Eval(kpi, AchievementMethod.RatioToTarget, 2019, new AchievementOptions { MaximumRate = 1.5m }, Obs(2019, 0m));

        Assert.Equal(1.5m, result.Rate);
        Assert.True(result.IsCapped);
    }

    [Fact]
    public void Achievement_DecreaseKpi_IsTargetDividedByActual()
    {
        var kpi = Kpi("季節労働者数", 120m, 2014, 80m, 2019, KpiDirection.Decrease, unit: "人");

        var result = Ratio(kpi, 2019, Obs(2019, 100m));

        Assert.Equal(0.8m, result.Rate);
        Assert.Equal("80人 ÷ 100人 = 80.0% (減少が望ましい指標: 目標値 ÷ 実績値)", result.Explanation);
    }

    [Fact]
    public void Achievement_MaximumRate_CapsRatesAboveItAndSaysSo()
    {
        var kpi = Kpi("ワーケーション人数", 88m, 2020, 100m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.RatioToTarget, 2023, new AchievementOptions { MaximumRate = 1.2m }, Obs(2023, 650m));

        Assert.Equal(1.2m, result.Rate);
        Assert.True(result.IsCapped);
        Assert.EndsWith("(上限 120.0% を適用)", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Achievement_MaximumRateBelowOne_IsRejected()
    {
        var kpi = Kpi("x", 1m, 2020, 2m, 2025);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => Eval(kpi, AchievementMethod.RatioToTarget, 2023, new AchievementOptions { MaximumRate = 0.9m }, Obs(2023, 1m)));
        Assert.Contains("MaximumRate", ex.Message, StringComparison.Ordinal);
    }

    // ----- baseline = target -----

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(1, 0)]
    public void Achievement_ProgressWhenBaselineEqualsTarget_IsMetIffActualAtOrAboveTarget(int actual, int expectedRate)
    {
        // 網走市 (001): 産科医療機関数 2施設 → 目標 2施設.
        var kpi = Kpi("産科医療機関数", 2m, 2014, 2m, 2019, unit: "施設");

        var result = Eval(kpi, AchievementMethod.ProgressFromBaseline, 2018, null, Obs(2018, actual));

        Assert.Equal(AchievementStatus.Computed, result.Status);
        Assert.Equal(expectedRate, result.Rate);
        Assert.Equal(AchievementFormula.TargetMet, result.Formula);
        Assert.Equal(AchievementMethod.ProgressFromBaseline, result.Method);
    }

    [Fact]
    public void Achievement_ProgressWhenTargetIsBelowAnIncreaseBaseline_IsGradedMetOrNot()
    {
        // 人口の維持 (001): 39,811人 (H26) with a target of 38,616人: the plan accepts a decline, so "progress" towards it is undefined.
        var kpi = Kpi("人口の維持", 39811m, 2014, 38616m, 2019, unit: "人");

        var result = Eval(kpi, AchievementMethod.ProgressFromBaseline, 2018, null, Obs(2015, 39077m));

        Assert.Equal(1m, result.Rate);
        Assert.Equal(AchievementFormula.TargetMet, result.Formula);
    }

    [Fact]
    public void Achievement_TimeProratedWhenBaselineEqualsTarget_DoesNotDependOnTime()
    {
        var kpi = Kpi("生活交通バス路線数", 7m, 2014, 7m, 2019, unit: "路線");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2016, null, Obs(2016, 7m));

        Assert.Equal(1m, result.Rate);
        Assert.Equal(AchievementFormula.TargetMet, result.Formula);
        Assert.Null(result.ExpectedProgress);
    }

    // ----- missing baseline -----

    [Fact]
    public void Achievement_ProgressWithoutBaseline_IsNotComputableWithTheReason()
    {
        var kpi = Kpi("x", null, null, 100m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.ProgressFromBaseline, 2023, null, Obs(2023, 80m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
        Assert.Null(result.Rate);
        Assert.Null(result.RatePercentRounded);
        Assert.Equal("基準値がないため、基準値からの進捗を計算できません。", result.Reason);
        Assert.Equal(80m, result.Actual);
        Assert.Equal(Period.OfFiscalYear(2023), result.ActualPeriod);
    }

    [Fact]
    public void Achievement_ProgressWithoutBaseline_FallsBackToRatioWhenOptionsAllow()
    {
        var kpi = Kpi("x", null, null, 100m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.ProgressFromBaseline, 2023, Fallback, Obs(2023, 80m));

        Assert.Equal(AchievementStatus.Computed, result.Status);
        Assert.Equal(0.8m, result.Rate);
        Assert.Equal(AchievementMethod.RatioToTarget, result.Method);
        Assert.StartsWith("必要な基準値・年がないため進捗率", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Achievement_TimeProratedWithoutBaselineYear_IsNotComputable()
    {
        var kpi = Kpi("x", 50m, null, 100m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2023, null, Obs(2023, 80m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
        Assert.Contains("基準年", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Achievement_TimeProratedWithoutTargetYear_FallsBackToRatioWhenOptionsAllow()
    {
        var kpi = Kpi("x", 50m, 2020, 100m, null, unit: "人");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2023, Fallback, Obs(2023, 80m));

        Assert.Equal(AchievementMethod.RatioToTarget, result.Method);
        Assert.Equal(0.8m, result.Rate);
    }

    // ----- negative values, no target, no data, overflow -----

    [Fact]
    public void Achievement_NegativeActualWithPositiveTarget_GivesANegativeRatio()
    {
        var kpi = Kpi("社会増減数", null, null, 100m, 2019, unit: "人");

        var result = Ratio(kpi, 2018, Obs(2018, -220m));

        Assert.Equal(-2.2m, result.Rate);
        Assert.Equal(-220.0m, result.RatePercentRounded);
        Assert.Equal("(-220人) ÷ 100人 = -220.0%", result.Explanation);
    }

    [Fact]
    public void Achievement_NegativeTargetWithRatio_UsesProgressFromBaseline()
    {
        // 社会増減 △300 (baseline) → target △100: a ratio of negatives would reward getting worse.
        var kpi = Kpi("社会増減数", -300m, 2014, -100m, 2019, unit: "人");

        var result = Ratio(kpi, 2018, Obs(2018, -220m));

        Assert.Equal(0.4m, result.Rate);
        Assert.Equal(AchievementMethod.ProgressFromBaseline, result.Method);
    }

    [Fact]
    public void Achievement_NegativeTargetWithoutBaseline_IsGradedMetOrNot()
    {
        var kpi = Kpi("社会増減数", null, null, -100m, 2019, unit: "人");

        Assert.Equal(0m, Ratio(kpi, 2018, Obs(2018, -220m)).Rate);
        Assert.Equal(1m, Ratio(kpi, 2018, Obs(2018, -50m)).Rate);
    }

    [Fact]
    public void Achievement_WithoutTarget_IsNotComputable()
    {
        var kpi = Kpi("x", 10m, 2014, null, null);

        var result = Ratio(kpi, 2018, Obs(2018, 12m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
        Assert.Equal("目標値がないため、達成度を計算できません。", result.Reason);
        Assert.Equal("", result.Explanation);
    }

    [Fact]
    public void Achievement_WithoutObservations_IsNoData()
    {
        var kpi = Kpi("x", 10m, 2014, 20m, 2019);

        var result = Ratio(kpi, 2018);

        Assert.Equal(AchievementStatus.NoData, result.Status);
        Assert.Equal("平成30年度までの実績値がありません。", result.Reason);
        Assert.Equal(AchievementFormula.None, result.Formula);
    }

    [Fact]
    public void Achievement_ObservationsWithoutAmount_AreIgnoredNotReadAsZero()
    {
        var kpi = Kpi("障がい者雇用の促進", 94m, 2014, 103m, 2019, unit: "名");

        var result = Ratio(kpi, 2017, Obs(2015, null), Obs(2016, 41m), Obs(2017, null));

        Assert.Equal(Period.OfFiscalYear(2016), result.ActualPeriod);
        Assert.Equal(41m, result.Actual);
    }

    [Fact]
    public void Achievement_HugeActualOverTinyTarget_IsNotComputableInsteadOfThrowing()
    {
        var kpi = Kpi("x", null, null, 0.0000001m, 2019);

        var result = Ratio(kpi, 2018, Obs(2018, 79_000_000_000_000_000_000_000_000_000m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
        Assert.Equal("数値が大きすぎるため、達成度を計算できません。", result.Reason);
    }

    [Fact]
    public void Achievement_HugeProgressDifference_IsNotComputableInsteadOfThrowing()
    {
        var kpi = Kpi("x", -70_000_000_000_000_000_000_000_000_000m, 2014, 1m, 2019);

        var result = Eval(kpi, AchievementMethod.ProgressFromBaseline, 2018, null, Obs(2018, 70_000_000_000_000_000_000_000_000_000m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
    }

    [Fact]
    public void Achievement_RateThatWouldOverflowAsPercent_IsNotComputable()
    {
        var kpi = Kpi("x", null, null, 1m, 2019);

        var result = Ratio(kpi, 2018, Obs(2018, 1_000_000_000_000_000_000_000_000_000m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
    }

    [Fact]
    public void Achievement_NullObservation_IsRejectedWithAClearMessage()
    {
        var kpi = Kpi("x", null, null, 1m, 2019);

        var ex = Assert.Throws<ArgumentException>(() => Ratio(kpi, 2018, Obs(2018, 1m), null!));
        Assert.Contains("null", ex.Message, StringComparison.Ordinal);
    }

    // ----- method choice -----

    [Fact]
    public void Achievement_KpiMethodOverride_WinsOverThePlanDefault()
    {
        var kpi = Kpi("農業産出額 (釧路)", 888.3m, 2019, 917.9m, 2024, unit: "億円", methodOverride: AchievementMethod.ProgressFromBaseline);

        var result = Ratio(kpi, 2024, Obs(2023, 869.3m));

        Assert.Equal(AchievementMethod.ProgressFromBaseline, result.Method);
        Assert.Equal(-64.2m, result.RatePercentRounded);
        Assert.Equal("(869.3億円 − 888.3億円) ÷ (917.9億円 − 888.3億円) = -64.2%", result.Explanation);
    }

    [Fact]
    public void Achievement_WithoutOverride_UsesThePlanDefault()
    {
        var kpi = Kpi("地域防災マスター登録者数", 252m, 2020, 352m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.ProgressFromBaseline, 2024, null, Obs(2023, 318m));

        Assert.Equal(AchievementMethod.ProgressFromBaseline, result.Method);
        Assert.Equal(0.66m, result.Rate);
    }

    [Fact]
    public void Achievement_ProgressFromBaseline_CanExceedOneHundredPercent()
    {
        // 004: ワーケーション 88人(R2) → 650人(R5), target 639人(R7).
        var kpi = Kpi("ワーケーション人数", 88m, 2020, 639m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.ProgressFromBaseline, 2024, null, Obs(2023, 650m));

        Assert.Equal(102.0m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_ProgressFromBaselineForDecrease_CountsTheReductionMade()
    {
        // 001: 生活習慣病罹患率 22.71% (H26) → target 19.98% (H31), H29 21.50%.
        var kpi = Kpi("生活習慣病罹患率", 22.71m, 2014, 19.98m, 2019, KpiDirection.Decrease, unit: "%");

        var result = Eval(kpi, AchievementMethod.ProgressFromBaseline, 2017, null, Obs(2017, 21.50m));

        Assert.Equal(44.3m, result.RatePercentRounded);
    }

    // ----- time-prorated -----

    [Fact]
    public void Achievement_TimeProrated_ComparesProgressWithTheStraightLineAtTheEvaluatedYear()
    {
        // 004: 地域防災マスター登録者数 252人(R2) → 318人(R5), target 352人(R7); evaluated R6.
        var kpi = Kpi("地域防災マスター登録者数", 252m, 2020, 352m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2024, null, Obs(2023, 318m));

        Assert.Equal(AchievementMethod.TimeProrated, result.Method);
        Assert.Equal(AchievementFormula.TimeProrated, result.Formula);
        Assert.Equal(0.66m, result.ActualProgress);
        Assert.Equal(0.8m, result.ExpectedProgress);
        Assert.Equal(0.825m, result.Rate);
        Assert.Equal(
            "進捗 (318人 − 252人) ÷ (352人 − 252人) = 66.0%; R6時点の期待進捗 = 経過4年 ÷ 期間5年 = 80.0%; 66.0% ÷ 80.0% = 82.5%",
            result.Explanation);
    }

    [Fact]
    public void Achievement_TimeProratedAtTheActualPeriod_ReadsTheLineAtTheActualsYear()
    {
        var kpi = Kpi("地域防災マスター登録者数", 252m, 2020, 352m, 2025, unit: "人");
        var options = new AchievementOptions { ProrationPoint = ProrationPoint.ActualPeriod };

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2024, options, Obs(2023, 318m));

        Assert.Equal(0.6m, result.ExpectedProgress);
        Assert.Equal(1.1m, result.Rate);
    }

    [Fact]
    public void Achievement_TimeProrated_UsesTheInterimTargetOfTheYearWhenThereIsOne()
    {
        var kpi = Kpi("地域防災マスター登録者数", 252m, 2020, 352m, 2025, unit: "人") with
        {
            InterimTargets = [new InterimTarget(Period.OfFiscalYear(2024), 330m)],
        };

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2024, null, Obs(2023, 318m));

        Assert.Equal(0.78m, result.ExpectedProgress);
        Assert.Equal(0.66m / 0.78m, result.Rate);
    }

    [Fact]
    public void Achievement_TimeProratedAfterTheTargetYear_ExpectsTheWholeProgress()
    {
        var kpi = Kpi("地域防災マスター登録者数", 252m, 2020, 352m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2027, null, Obs(2026, 318m));

        Assert.Equal(1m, result.ExpectedProgress);
        Assert.Equal(0.66m, result.Rate);
    }

    [Fact]
    public void Achievement_TimeProratedAtTheBaselineYear_IsNotComputable()
    {
        var kpi = Kpi("地域防災マスター登録者数", 252m, 2020, 352m, 2025, unit: "人");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2020, null, Obs(2020, 260m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
        Assert.Contains("期待される進捗が0", result.Reason, StringComparison.Ordinal);
    }

    // ----- maintain -----

    [Theory]
    [InlineData(365, 1.0)]
    [InlineData(366, 1.0)]
    [InlineData(292, 0.8)]
    public void Achievement_MaintainTarget_IsFullAtOrAboveTheTargetElseTheRatio(int actual, double expected)
    {
        // 001: 救急医療体制の対応日数 365日 → 365日.
        var kpi = Kpi("救急医療体制の対応日数", 365m, 2014, 365m, 2019, kind: TargetKind.Maintain, unit: "日");

        foreach (var method in Enum.GetValues<AchievementMethod>())
        {
            var result = Eval(kpi, method, 2018, null, Obs(2018, actual));
            Assert.Equal((decimal)expected, result.Rate);
            Assert.Equal(AchievementFormula.Maintain, result.Formula);
        }
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(2, 0.0)]
    public void Achievement_ZeroMaintainForDecrease_IsFullOnlyAtZero(int actual, double expected)
    {
        // 000 (根室市): "ゼロ名維持".
        var kpi = Kpi("待機児童数", 0m, 2014, 0m, 2019, KpiDirection.Decrease, TargetKind.Maintain, unit: "名");

        var result = Ratio(kpi, 2018, Obs(2018, actual));

        Assert.Equal((decimal)expected, result.Rate);
        Assert.NotNull(result.Explanation);
    }

    [Fact]
    public void Achievement_MaintainForDecreaseAboveTheTarget_IsTheInverseRatio()
    {
        var kpi = Kpi("公共施設等の総面積", 319m, 2014, 303m, 2019, KpiDirection.Decrease, TargetKind.Maintain, unit: "千㎡");

        var result = Ratio(kpi, 2017, Obs(2017, 325m));

        Assert.Equal(93.2m, result.RatePercentRounded);
        Assert.Equal("維持目標に未達: 303千㎡ ÷ 325千㎡ = 93.2%", result.Explanation);
    }

    [Fact]
    public void Achievement_MaintainDirection_TreatsAboveTheTargetAsMet()
    {
        // 001: 小児科医療機関数 4施設 → 4施設 (direction maintain, level target).
        var kpi = Kpi("小児科医療機関数", 4m, 2014, 4m, 2019, KpiDirection.Maintain, unit: "施設");

        Assert.Equal(1m, Ratio(kpi, 2018, Obs(2018, 5m)).Rate);
        Assert.Equal(0.75m, Ratio(kpi, 2018, Obs(2018, 3m)).Rate);
    }

    // ----- annual -----

    [Fact]
    public void Achievement_AnnualTarget_ComparesTheYearsValueWithTheYearlyTarget()
    {
        // 000 (根室市): "年間延べ46,000人".
        var kpi = Kpi("観光入込客数", 40000m, 2014, 46000m, 2019, kind: TargetKind.Annual, unit: "人");

        var result = Ratio(kpi, 2017, Obs(2016, 50000m), Obs(2017, 40020m));

        Assert.Equal(87.0m, result.RatePercentRounded);
        Assert.Equal(46000m, result.Target);
    }

    [Fact]
    public void Achievement_AnnualTarget_UsesTheInterimTargetOfTheActualsYear()
    {
        var kpi = Kpi("観光入込客数", 40000m, 2014, 46000m, 2019, kind: TargetKind.Annual, unit: "人") with
        {
            InterimTargets = [new InterimTarget(Period.OfFiscalYear(2017), 44000m)],
        };

        var result = Ratio(kpi, 2017, Obs(2017, 44000m));

        Assert.Equal(1m, result.Rate);
        Assert.Equal(44000m, result.Target);
    }

    [Fact]
    public void Achievement_AnnualTargetTimeProrated_IsEvaluatedAsProgressFromBaseline()
    {
        var kpi = Kpi("観光入込客数", 40000m, 2014, 46000m, 2019, kind: TargetKind.Annual, unit: "人");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2017, null, Obs(2017, 43000m));

        Assert.Equal(AchievementMethod.ProgressFromBaseline, result.Method);
        Assert.Equal(0.5m, result.Rate);
    }

    // ----- cumulative (sum of yearly values) -----

    [Fact]
    public void Achievement_CumulativeTarget_SumsTheYearlyValuesInTheWindowUpToTheEvaluatedYear()
    {
        // 000 (根室市): "5年で男女200人" — baseline H26, target H31: window H27–H31.
        var kpi = Kpi("新規就業者数", 35m, 2014, 200m, 2019, kind: TargetKind.Cumulative, unit: "人");

        var result = Ratio(kpi, 2017, Obs(2014, 35m), Obs(2015, 30m), Obs(2016, 45m), Obs(2017, 50m), Obs(2018, 60m));

        Assert.Equal(AchievementFormula.CumulativeSum, result.Formula);
        Assert.Equal(125m, result.Actual);
        Assert.Equal(0.625m, result.Rate);
        Assert.Equal(3, result.ObservationsUsed.Count);
        Assert.Equal(Period.OfFiscalYear(2017), result.ActualPeriod);
        Assert.Equal("H27～H29の累計 30人 + 45人 + 50人 = 125人; 125人 ÷ 200人 = 62.5%", result.Explanation);
    }

    [Fact]
    public void Achievement_CumulativeTargetWithAWindow_SumsOnlyInsideTheWindow()
    {
        // 004 style "累計20件(R3~R7)" with yearly values.
        var kpi = Kpi("商品定番化", 4m, 2019, null, null, kind: TargetKind.Cumulative, unit: "件") with
        {
            Target = new KpiTarget(20m, Fys(2021, 2025)),
        };

        var result = Ratio(kpi, 2023, Obs(2020, 9m), Obs(2021, 5m), Obs(2022, 7m), Obs(2023, 9m, ValueQualifiers.Provisional));

        Assert.Equal(21m, result.Actual);
        Assert.Equal(1.05m, result.Rate);
        Assert.True(result.IsProvisional);
    }

    [Fact]
    public void Achievement_CumulativeTargetTimeProrated_ComparesWithTheElapsedShareOfTheWindow()
    {
        var kpi = Kpi("新規就業者数", 35m, 2014, 200m, 2019, kind: TargetKind.Cumulative, unit: "人");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2017, null, Obs(2015, 30m), Obs(2016, 45m), Obs(2017, 50m));

        Assert.Equal(0.6m, result.ExpectedProgress);
        Assert.Equal(0.625m, result.ActualProgress);
        Assert.Equal(0.625m / 0.6m, result.Rate);
    }

    [Fact]
    public void Achievement_CumulativeTargetWithoutValuesInTheWindow_IsNoData()
    {
        var kpi = Kpi("新規就業者数", 35m, 2014, 200m, 2019, kind: TargetKind.Cumulative, unit: "人");

        var result = Ratio(kpi, 2017, Obs(2014, 35m));

        Assert.Equal(AchievementStatus.NoData, result.Status);
        Assert.Contains("目標期間", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Achievement_CumulativeRunningTotalAfterTheWindow_IsNotCounted()
    {
        var kpi = Kpi("商品定番化", 4m, 2019, null, null, kind: TargetKind.Cumulative, unit: "件") with
        {
            Target = new KpiTarget(20m, Fys(2021, 2025)),
        };

        var result = Ratio(kpi, 2027, Obs(2025, 19m, ValueQualifiers.Cumulative), Obs(2026, 25m, ValueQualifiers.Cumulative));

        Assert.Equal(19m, result.Actual);
        Assert.Equal(Period.OfFiscalYear(2025), result.ActualPeriod);
        Assert.Equal(0.95m, result.Rate);
    }

    // ----- change -----

    [Fact]
    public void Achievement_ChangeTarget_IsTheChangeAchievedOverTheTargetChange()
    {
        // 000 (根室市): "5年で延べ1,400世帯増加".
        var kpi = Kpi("世帯数", 10000m, 2014, 1400m, 2019, kind: TargetKind.Change, unit: "世帯");

        foreach (var method in new[] { AchievementMethod.RatioToTarget, AchievementMethod.ProgressFromBaseline })
        {
            var result = Eval(kpi, method, 2017, null, Obs(2017, 10700m));
            Assert.Equal(0.5m, result.Rate);
            Assert.Equal(AchievementFormula.ChangeFromBaseline, result.Formula);
            Assert.Equal("(10,700世帯 − 10,000世帯) ÷ 1,400世帯 = 50.0%", result.Explanation);
        }
    }

    [Fact]
    public void Achievement_ChangeTargetWithRunningTotals_UsesTheTotalAsTheChange()
    {
        var kpi = Kpi("世帯数", null, null, 1400m, 2019, kind: TargetKind.Change, unit: "世帯");

        var result = Ratio(kpi, 2017, Obs(2017, 700m, ValueQualifiers.Cumulative));

        Assert.Equal(0.5m, result.Rate);
    }

    [Fact]
    public void Achievement_ChangeTargetWithoutBaseline_IsNotComputableEvenWithFallback()
    {
        var kpi = Kpi("世帯数", null, null, 1400m, 2019, kind: TargetKind.Change, unit: "世帯");

        var result = Eval(kpi, AchievementMethod.RatioToTarget, 2017, Fallback, Obs(2017, 10700m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
        Assert.Contains("基準値", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Achievement_DecreasingChangeTarget_CountsTheReduction()
    {
        // 000 (根室市): "5年で473人とし107人減少" → baseline 580, change −107.
        var kpi = Kpi("季節労働者数", 580m, 2014, -107m, 2019, KpiDirection.Decrease, TargetKind.Change, unit: "人");

        var result = Ratio(kpi, 2017, Obs(2017, 530m));

        Assert.Equal(46.7m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_ChangeTargetTimeProrated_DividesByTheExpectedProgress()
    {
        var kpi = Kpi("世帯数", 10000m, 2014, 1400m, 2019, kind: TargetKind.Change, unit: "世帯");

        var result = Eval(kpi, AchievementMethod.TimeProrated, 2016, null, Obs(2016, 10560m));

        Assert.Equal(0.4m, result.ExpectedProgress);
        Assert.Equal(1m, result.Rate);
    }
}
