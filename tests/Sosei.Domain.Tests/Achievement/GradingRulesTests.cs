using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using static Sosei.Domain.Tests.Achievement.TestKpis;

namespace Sosei.Domain.Tests.Achievement;

/// <summary>The plan's grading rules (docs/domain.md#grading-rules): each one changes only what it names, and the defaults are Sosei's old behaviour.</summary>
public class GradingRulesTests
{
    private static readonly KpiDefinition Visitors = Kpi("観光入込客数", 100m, 2014, 200m, 2019);

    private static readonly KpiDefinition Gakuryoku = Kpi("全国学力調査の全国平均正答率との差", -3.3m, 2014, 0m, 2019, kind: TargetKind.Relative, unit: "ポイント")
        with { Target = new KpiTarget(0m, Fy(2019), "全国平均") };

    private static AchievementResult Evaluate(KpiDefinition kpi, GradingRules rules, int year, params KpiObservation[] observations) =>
        AchievementCalculator.Evaluate(kpi, observations, new FiscalYear(year), AchievementMethod.RatioToTarget, rules.ApplyTo());

    [Fact]
    public void Default_IsLatestActualInclusiveThresholdsWorstSubItemAndProgressFromBaseline()
    {
        var rules = GradingRules.Default;

        Assert.Equal(ActualSelection.LatestUpToYear, rules.Actuals);
        Assert.Equal(ThresholdComparison.Inclusive, rules.Thresholds);
        Assert.Equal(SeriesAggregation.All, rules.SeriesAggregation);
        Assert.Equal(RelativeTargetReading.ProgressFromBaseline, rules.RelativeTargets);
        Assert.Equal(AchievementOptions.Default, rules.ApplyTo());
    }

    [Fact]
    public void ApplyTo_KeepsTheOtherOptions()
    {
        var options = new GradingRules { Actuals = ActualSelection.ThatYearOnly }.ApplyTo(new AchievementOptions { MaximumRate = 1.5m });

        Assert.Equal((ActualSelection.ThatYearOnly, 1.5m), (options.Actuals, options.MaximumRate));
    }

    [Fact]
    public void LatestUpToYear_UsesAnOlderValueWhenTheYearHasNone()
    {
        var result = Evaluate(Visitors, GradingRules.Default, 2018, Obs(2016, 180m));

        Assert.Equal((AchievementStatus.Computed, 90.0m), (result.Status, result.RatePercentRounded));
    }

    [Fact]
    public void ThatYearOnly_IsNoDataWhenTheLatestValueIsOfAnEarlierYear()
    {
        var rules = new GradingRules { Actuals = ActualSelection.ThatYearOnly };

        var older = Evaluate(Visitors, rules, 2018, Obs(2016, 180m));
        var sameYear = Evaluate(Visitors, rules, 2018, Obs(2016, 180m), Obs(2018, 160m));

        Assert.Equal(AchievementStatus.NoData, older.Status);
        Assert.Contains("平成30年度の実績値がありません", older.Reason, StringComparison.Ordinal);
        Assert.Equal(80.0m, sameYear.RatePercentRounded);
    }

    [Fact]
    public void InclusiveThreshold_RateAtTheThresholdReachesTheBand_ExclusiveDoesNot()
    {
        var inclusive = GradeScale.TwoBand80;
        var exclusive = inclusive.WithThresholds(ThresholdComparison.Exclusive);

        Assert.Equal("80%以上", inclusive.ForRate(0.8m).Code);
        Assert.Equal("80%未満", exclusive.ForRate(0.8m).Code);
        Assert.Equal("80%以上", exclusive.ForRate(0.801m).Code);
        Assert.Equal(ThresholdComparison.Exclusive, exclusive.Thresholds);
        Assert.Same(inclusive, inclusive.WithThresholds(ThresholdComparison.Inclusive));
    }

    [Fact]
    public void ExclusiveThreshold_ComparesThePrintedRate()
    {
        // 0.79996 prints as 80.0%: not above 80%.
        var exclusive = GradeScale.Abcd.WithThresholds(ThresholdComparison.Exclusive);

        Assert.Equal("C", exclusive.ForRate(0.79996m).Code);
        Assert.Equal("B", exclusive.ForRate(1.0m).Code);
    }

    [Theory]
    [InlineData(null, SeriesAggregation.Any, SeriesAggregation.Any)]
    [InlineData(SeriesAggregation.Mean, SeriesAggregation.Any, SeriesAggregation.Mean)]
    [InlineData(SeriesAggregation.All, SeriesAggregation.Any, SeriesAggregation.All)]
    public void SeriesRule_KpiOverrideWinsOverThePlanDefault(SeriesAggregation? kpiOverride, SeriesAggregation plan, SeriesAggregation expected)
    {
        Assert.Equal(expected, new GradingRules { SeriesAggregation = plan }.SeriesRule(kpiOverride));
    }

    [Fact]
    public void RelativeTarget_ProgressFromBaseline_IsTheShareOfTheGapClosed()
    {
        var result = Evaluate(Gakuryoku, GradingRules.Default, 2018, Obs(2018, -2.7m));

        Assert.Equal((AchievementFormula.ProgressFromBaseline, 18.2m), (result.Formula, result.RatePercentRounded));
    }

    [Fact]
    public void RelativeTarget_ReachedOrNot_IsMetOnlyAtOrAboveTheReference()
    {
        var rules = new GradingRules { RelativeTargets = RelativeTargetReading.ReachedOrNot };

        var below = Evaluate(Gakuryoku, rules, 2018, Obs(2018, -0.9m));
        var above = Evaluate(Gakuryoku, rules, 2018, Obs(2018, 0.2m));

        Assert.Equal((AchievementFormula.TargetMet, 0m), (below.Formula, below.Rate));
        Assert.Equal((AchievementFormula.TargetMet, 1m), (above.Formula, above.Rate));
        Assert.StartsWith("全国平均との差が目標に達したかで評価: ", above.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeTarget_RatioToReference_IsTheCitysScoreOverTheNationalScore()
    {
        var rules = new GradingRules { RelativeTargets = RelativeTargetReading.RatioToReference };
        var observation = new KpiObservation(Period.OfFiscalYear(2018), -0.9m, ReferenceScore: 60m);

        var result = Evaluate(Gakuryoku, rules, 2018, observation);

        // (60 − 0.9) ÷ 60 = 98.5 %.
        Assert.Equal((AchievementStatus.Computed, AchievementFormula.RatioToReference, 98.5m), (result.Status, result.Formula, result.RatePercentRounded));
        Assert.Equal("全国平均に対する比: (60ポイント + (-0.9ポイント)) ÷ 全国平均 60ポイント = 98.5%", result.Explanation);
    }

    [Fact]
    public void RelativeTarget_RatioToReference_LowerIsBetter_IsTheInverse()
    {
        var rules = new GradingRules { RelativeTargets = RelativeTargetReading.RatioToReference };
        var kpi = Gakuryoku with { Direction = KpiDirection.Decrease };

        var result = Evaluate(kpi, rules, 2018, new KpiObservation(Period.OfFiscalYear(2018), 5m, ReferenceScore: 20m));

        Assert.Equal(80.0m, result.RatePercentRounded);
    }

    [Fact]
    public void RelativeTarget_RatioToReference_WithoutTheNationalValue_IsNotComputableAndSaysSo()
    {
        var rules = new GradingRules { RelativeTargets = RelativeTargetReading.RatioToReference };

        var result = Evaluate(Gakuryoku, rules, 2018, Obs(2018, -0.9m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
        Assert.Equal("平成30年度の全国平均の値がないため、全国平均に対する比を計算できません (判定不能)。", result.Reason);
        Assert.True(GradeScale.TwoBand80.Grade(result).IsNoData);
    }

    [Fact]
    public void RelativeTarget_RatioToReference_WithANationalScoreOfZeroOrBelow_IsNotComputable()
    {
        var rules = new GradingRules { RelativeTargets = RelativeTargetReading.RatioToReference };

        var result = Evaluate(Gakuryoku, rules, 2018, new KpiObservation(Period.OfFiscalYear(2018), -0.9m, ReferenceScore: 0m));

        Assert.Equal(AchievementStatus.NotComputable, result.Status);
    }

    [Fact]
    public void RelativeReadings_DoNotChangeOtherTargetKinds()
    {
        var rules = new GradingRules { RelativeTargets = RelativeTargetReading.ReachedOrNot };

        Assert.Equal(90.0m, Evaluate(Visitors, rules, 2018, Obs(2018, 180m)).RatePercentRounded);
    }
}
