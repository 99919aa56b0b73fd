using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;
using static Sosei.Domain.Tests.Achievement.TestKpis;

namespace Sosei.Domain.Tests.Achievement;

/// <summary>
/// Cases from the 網走市 KPI 進捗管理表 (seed 001, docs/sources.md): baseline H26 (FY2014),
/// actuals H27–H30 (FY2015–FY2018), target H31 (FY2019). Values transcribed from the table.
/// </summary>
public class Seed001AbashiriKpiTests
{
    // 合計特殊出生率: (H20-24) 1.51 | (1.64) | (1.48) | 1.60 | 1.51 | target (1.65). Bracketed values are 参考値.
    private static readonly KpiDefinition Tfr = new()
    {
        Name = "合計特殊出生率",
        Baseline = new Baseline(1.51m, new PeriodRange(Period.OfCalendarYear(2008), Period.OfCalendarYear(2012))),
        Target = new KpiTarget(1.65m, Fy(2019)),
        Decimals = 2,
    };

    private static readonly KpiObservation[] TfrValues =
    [
        Obs(2015, 1.64m, ValueQualifiers.Reference),
        Obs(2016, 1.48m, ValueQualifiers.Reference),
        Obs(2017, 1.60m),
        Obs(2018, 1.51m),
    ];

    [Fact]
    public void Achievement_ReferenceValuesOnly_IsNoDataAndSaysWhy()
    {
        var result = Ratio(Tfr, 2016, TfrValues);

        Assert.Equal(AchievementStatus.NoData, result.Status);
        Assert.Equal("平成28年度までの実績値は参考値のみです (参考値は達成度に使用しない設定です)。", result.Reason);
    }

    [Fact]
    public void Achievement_ReferenceValues_AreUsedWhenOptionsIncludeThem()
    {
        var result = Eval(Tfr, AchievementMethod.RatioToTarget, 2016, new AchievementOptions { IncludeReferenceValues = true }, TfrValues);

        Assert.Equal(AchievementStatus.Computed, result.Status);
        Assert.Equal(1.48m, result.Actual);
        Assert.Equal(Period.OfFiscalYear(2016), result.ActualPeriod);
        Assert.Equal(89.7m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_ReferenceValueForTheSamePeriod_LosesToTheOrdinaryValue()
    {
        var values = TfrValues.Append(Obs(2018, 1.55m, ValueQualifiers.Reference)).ToArray();

        var result = Eval(Tfr, AchievementMethod.RatioToTarget, 2018, new AchievementOptions { IncludeReferenceValues = true }, values);

        Assert.Equal(1.51m, result.Actual);
    }

    [Fact]
    public void Achievement_LatestValueUpToTheEvaluatedYear_IsUsedWithItsPeriod()
    {
        Assert.Equal(1.60m, Ratio(Tfr, 2017, TfrValues).Actual);
        var result = Ratio(Tfr, 2018, TfrValues);
        Assert.Equal(1.51m, result.Actual);
        Assert.Equal("H30", result.ActualPeriod!.Value.ToShort());
        Assert.Equal(91.5m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_ValuesAfterTheEvaluatedYear_AreIgnored()
    {
        var kpi = Kpi("中心市街地通行者数(平日)", 6592m, 2014, 9000m, 2019, unit: "人");
        KpiObservation[] values = [Obs(2015, 4752m), Obs(2016, 4040m), Obs(2017, 2404m), Obs(2018, 1006m)];

        var result = Ratio(kpi, 2016, values);

        Assert.Equal(4040m, result.Actual);
        Assert.Equal(Period.OfFiscalYear(2016), result.ActualPeriod);
        Assert.Equal(44.9m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_FiveYearlyValue_KeepsCountingUntilANewerOneExists()
    {
        // 市内事業所の従業員数 16,474人 (H26), 15,757人 (H28 only: 経済センサス, 5年毎), target 16,000人.
        var kpi = Kpi("市内事業所の従業員数", 16474m, 2014, 16000m, 2019, unit: "人");
        KpiObservation[] values = [Obs(2015, null), Obs(2016, 15757m), Obs(2017, null), Obs(2018, null)];

        var result = Ratio(kpi, 2018, values);

        Assert.Equal(15757m, result.Actual);
        Assert.Equal(Period.OfFiscalYear(2016), result.ActualPeriod);
        Assert.Equal(98.5m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_CensusOnASurveyDate_CountsForTheFiscalYearContainingIt()
    {
        // 人口の維持: 国勢調査 10月1日 (5年毎): 39,077人 on 2015-10-01 (H27), target 38,616人, maintain.
        var kpi = Kpi("人口の維持", 39811m, 2014, 38616m, 2019, KpiDirection.Maintain, unit: "人");
        var census = new KpiObservation(Period.OfDate(new DateOnly(2015, 10, 1)), 39077m);

        var result = Ratio(kpi, 2018, census);

        Assert.Equal(new FiscalYear(2015), result.ActualPeriod!.Value.FiscalYear);
        Assert.Equal(1m, result.Rate);
    }

    [Fact]
    public void Achievement_ProvisionalValue_IsUsedAndMarked()
    {
        // 公共施設等の総面積の縮小: 319千㎡ (H26) … H30 未確定 (313千㎡), target 303千㎡: lower is better.
        var kpi = Kpi("公共施設等の総面積の縮小", 319m, 2014, 303m, 2019, KpiDirection.Decrease, unit: "千㎡");
        KpiObservation[] values = [Obs(2015, 319m), Obs(2016, 319m), Obs(2017, 325m), Obs(2018, 313m, ValueQualifiers.Provisional)];

        var result = Ratio(kpi, 2018, values);

        Assert.True(result.IsProvisional);
        Assert.Equal(313m, result.Actual);
        Assert.Equal(96.8m, result.RatePercentRounded);
        Assert.Equal(AchievementFormula.InverseRatio, result.Formula);
        Assert.Equal("303千㎡ ÷ 313千㎡ = 96.8% (減少が望ましい指標: 目標値 ÷ 実績値)", result.Explanation);
    }

    [Fact]
    public void Achievement_ProvisionalAndFinalValueForTheSamePeriod_UsesTheFinalOne()
    {
        var kpi = Kpi("公共施設等の総面積の縮小", 319m, 2014, 303m, 2019, KpiDirection.Decrease, unit: "千㎡");

        var result = Ratio(kpi, 2018, Obs(2018, 310m), Obs(2018, 313m, ValueQualifiers.Provisional));

        Assert.False(result.IsProvisional);
        Assert.Equal(310m, result.Actual);
    }

    [Fact]
    public void Achievement_OlderProvisionalValue_NoLongerMarksTheResult()
    {
        var kpi = Kpi("公共施設等の総面積の縮小", 319m, 2014, 303m, 2019, KpiDirection.Decrease, unit: "千㎡");

        var result = Ratio(kpi, 2019, Obs(2018, 313m, ValueQualifiers.Provisional), Obs(2019, 305m));

        Assert.False(result.IsProvisional);
    }

    [Fact]
    public void Achievement_DecreaseIsBetter_LifestyleDiseaseRateUsesTargetOverActual()
    {
        // 生活習慣病罹患率 22.71% (H26) → H30 22.91%, target 19.98%.
        var kpi = Kpi("生活習慣病罹患率", 22.71m, 2014, 19.98m, 2019, KpiDirection.Decrease, unit: "%");

        var result = Ratio(kpi, 2018, Obs(2018, 22.91m));

        Assert.Equal(87.2m, result.RatePercentRounded);
    }

    // 全国学力調査の全国平均正答率との差 (小学生 / 中学生): △3.3 / △4.3 (H26) … H30 △2.7 / △0.9, target 全国平均 (差 0).
    private static readonly KpiDefinition Gakuryoku = new()
    {
        Name = "全国学力調査の全国平均正答率との差",
        Unit = "ポイント",
        TargetKind = TargetKind.Relative,
        Target = new KpiTarget(0m, Fy(2019), "全国平均"),
        Series =
        [
            new KpiSeriesDefinition("elementary", "小学生", new Baseline(-3.3m, Fy(2014))),
            new KpiSeriesDefinition("junior", "中学生", new Baseline(-4.3m, Fy(2014))),
        ],
        SeriesAggregation = SeriesAggregation.All,
    };

    private static readonly KpiObservation[] GakuryokuValues =
    [
        Obs(2015, -2.5m, series: "elementary"), Obs(2015, -1.4m, series: "junior"),
        Obs(2016, -2.3m, series: "elementary"), Obs(2016, -3.7m, series: "junior"),
        Obs(2017, -0.9m, series: "elementary"), Obs(2017, -4.8m, series: "junior"),
        Obs(2018, -2.7m, series: "elementary"), Obs(2018, -0.9m, series: "junior"),
    ];

    [Fact]
    public void Achievement_RelativeTarget_IsProgressFromBaselineTowardsTheNationalAverage()
    {
        var result = AchievementCalculator.EvaluateSeries(
            Gakuryoku, "elementary", GakuryokuValues, new FiscalYear(2018), AchievementMethod.RatioToTarget);

        Assert.Equal(AchievementStatus.Computed, result.Status);
        Assert.Equal("elementary", result.SeriesCode);
        Assert.Equal(AchievementMethod.ProgressFromBaseline, result.Method);
        Assert.Equal(18.2m, result.RatePercentRounded);
        Assert.Equal(-3.3m, result.Baseline);
        Assert.Equal(0m, result.Target);
        Assert.Equal("全国平均との差の改善: ((-2.7ポイント) − (-3.3ポイント)) ÷ (0ポイント − (-3.3ポイント)) = 18.2%", result.Explanation);
    }

    [Fact]
    public void Achievement_RelativeTargetGettingWorse_IsNegative()
    {
        var result = AchievementCalculator.EvaluateSeries(
            Gakuryoku, "junior", GakuryokuValues, new FiscalYear(2017), AchievementMethod.RatioToTarget);

        Assert.Equal(-11.6m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_RelativeTargetAboveTheNationalAverage_ExceedsOneHundredPercent()
    {
        // 全国体力調査の全国平均点との差 小5男子: △2.71点 (H26) → +0.2点 (H30).
        var kpi = Kpi("全国体力調査の全国平均点との差 小5男子", -2.71m, 2014, 0m, 2019, kind: TargetKind.Relative, unit: "点");

        var result = Ratio(kpi, 2018, Obs(2018, 0.2m));

        Assert.Equal(107.4m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_RelativeTargetWithoutBaseline_IsMetWhenAtTheReferenceElseNotComputable()
    {
        var kpi = Kpi("全国平均との差", null, null, 0m, 2019, kind: TargetKind.Relative, unit: "点") with
        {
            Target = new KpiTarget(0m, Fy(2019), "全国平均"),
        };

        Assert.Equal(1m, Ratio(kpi, 2018, Obs(2018, 0.3m)).Rate);
        var notMet = Ratio(kpi, 2018, Obs(2018, -0.3m));
        Assert.Equal(AchievementStatus.NotComputable, notMet.Status);
        Assert.Contains("全国平均", notMet.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Achievement_RelativeTargetWithBaselineAlreadyAboveTheReference_IsGradedMetOrNot()
    {
        var kpi = Kpi("全国平均との差", 1.5m, 2014, 0m, 2019, kind: TargetKind.Relative, unit: "点");

        Assert.Equal(1m, Ratio(kpi, 2018, Obs(2018, 0.2m)).Rate);
        Assert.Equal(0m, Ratio(kpi, 2018, Obs(2018, -0.2m)).Rate);
    }

    [Fact]
    public void Achievement_RelativeTargetTimeProrated_ProratesTheProgress()
    {
        var result = AchievementCalculator.EvaluateSeries(
            Gakuryoku, "junior", GakuryokuValues, new FiscalYear(2018), AchievementMethod.TimeProrated);

        // progress (−0.9 + 4.3) ÷ 4.3 = 79.07 %, expected 4 of 5 years = 80 %.
        Assert.Equal(AchievementMethod.TimeProrated, result.Method);
        Assert.Equal(0.8m, result.ExpectedProgress);
        Assert.Equal(98.8m, result.RatePercentRounded);
    }

    [Fact]
    public void Achievement_EachSeries_IsEvaluatedWithItsOwnBaselineAndTarget()
    {
        // HACCP認定施設保有企業数: ホタテ製品 4社 → 5社, サケ製品 1社 → 4社; H30 4社 / 3社.
        var kpi = new KpiDefinition
        {
            Name = "HACCP認定施設保有企業数",
            Unit = "社",
            Target = new KpiTarget(9m, Fy(2019)),
            Series =
            [
                new KpiSeriesDefinition("scallop", "ホタテ製品", new Baseline(4m, Fy(2014)), new KpiTarget(5m, Fy(2019))),
                new KpiSeriesDefinition("salmon", "サケ製品", new Baseline(1m, Fy(2014)), new KpiTarget(4m, Fy(2019))),
            ],
        };
        KpiObservation[] values = [Obs(2018, 4m, series: "scallop"), Obs(2018, 3m, series: "salmon")];

        var results = AchievementCalculator.EvaluateEachSeries(kpi, values, new FiscalYear(2018), AchievementMethod.RatioToTarget);

        Assert.Equal(["scallop", "salmon"], results.Select(r => r.SeriesCode));
        Assert.Equal(0.8m, results[0].Rate);
        Assert.Equal(0.75m, results[1].Rate);
        // Series values never stand for the KPI as a whole.
        Assert.Equal(AchievementStatus.NoData, AchievementCalculator.Evaluate(kpi, values, new FiscalYear(2018), AchievementMethod.RatioToTarget).Status);
    }

    [Fact]
    public void Achievement_UnknownSeriesCode_IsRejectedQuotingTheCode()
    {
        var ex = Assert.Throws<ArgumentException>(() => AchievementCalculator.EvaluateSeries(
            Gakuryoku, "高校生", GakuryokuValues, new FiscalYear(2018), AchievementMethod.RatioToTarget));

        Assert.Contains("「高校生」", ex.Message, StringComparison.Ordinal);
    }
}
