using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;

namespace Sosei.Domain.Tests.Achievement;

public class GradeScaleTests
{
    private static AchievementResult Rated(decimal rate, bool provisional = false, string? series = null) => new()
    {
        Status = AchievementStatus.Computed,
        Method = AchievementMethod.RatioToTarget,
        Rate = rate,
        IsProvisional = provisional,
        SeriesCode = series,
    };

    private static AchievementResult Without(AchievementStatus status) => new()
    {
        Status = status,
        Method = AchievementMethod.RatioToTarget,
        Reason = "x",
    };

    [Theory]
    [InlineData("1.5", "80%以上")]
    [InlineData("0.8", "80%以上")]
    [InlineData("0.79951", "80%以上")] // printed 80.0%
    [InlineData("0.79949", "80%未満")] // printed 79.9%
    [InlineData("0", "80%未満")]
    [InlineData("-0.642", "80%未満")]
    public void Grade_TwoBand80_ExactlyEightyPercentIsAtOrAbove(string rate, string expected) =>
        Assert.Equal(expected, GradeScale.TwoBand80.Grade(Rated(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture))).Code);

    [Theory]
    [InlineData("1.05", "A")]
    [InlineData("1.0", "A")]
    [InlineData("0.99949", "B")]
    [InlineData("0.99951", "A")]
    [InlineData("0.8", "B")]
    [InlineData("0.7999", "B")]
    [InlineData("0.7994", "C")]
    [InlineData("0.5", "C")]
    [InlineData("0.4994", "D")]
    [InlineData("-1", "D")]
    public void Grade_Abcd_BandEdgesAreInclusiveLowerBounds(string rate, string expected) =>
        Assert.Equal(expected, GradeScale.Abcd.Grade(Rated(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture))).Code);

    [Theory]
    [InlineData("1.0", "◎")]
    [InlineData("0.9994", "○")]
    [InlineData("0.8", "○")]
    [InlineData("0.7994", "△")]
    [InlineData("0.5", "△")]
    [InlineData("0.4994", "×")]
    public void Grade_Symbols_BandEdgesAreInclusiveLowerBounds(string rate, string expected) =>
        Assert.Equal(expected, GradeScale.Symbols.Grade(Rated(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture))).Code);

    [Theory]
    [InlineData(AchievementStatus.NoData)]
    [InlineData(AchievementStatus.NotComputable)]
    public void Grade_WithoutARate_IsTheNoDataBandOnEveryPreset(AchievementStatus status)
    {
        foreach (var scale in new[] { GradeScale.TwoBand80, GradeScale.Abcd, GradeScale.Symbols })
        {
            var grade = scale.Grade(Without(status));
            Assert.True(grade.IsNoData);
            Assert.Equal("—", grade.Code);
            Assert.Equal(scale.Bands.Count, grade.Rank);
        }
    }

    [Fact]
    public void Grade_OnFullPrecision_PutsJustBelowEightyPercentBelow()
    {
        var scale = new GradeScale("exact", GradeScale.TwoBand80.Bands, GradeScale.TwoBand80.NoDataBand, gradeOnDisplayedRate: false);

        Assert.Equal("80%未満", scale.ForRate(0.79999m).Code);
        Assert.Equal("80%以上", scale.ForRate(0.8m).Code);
    }

    [Fact]
    public void Grade_HugeRates_DoNotOverflow()
    {
        Assert.Equal("A", GradeScale.Abcd.ForRate(decimal.MaxValue).Code);
        Assert.Equal("D", GradeScale.Abcd.ForRate(decimal.MinValue).Code);
    }

    [Fact]
    public void Grade_Seed004Rows_OnTheTwoBandScale()
    {
        // 004 進捗率: 94.7, 96.6 (formula), 105.0, 76.2, 88.1, 101.7, 67.7, 56.1, 90.3, 97.7, 99.1 → 8 at or above 80 %.
        decimal[] rates = [0.947m, 0.966m, 1.05m, 0.762m, 0.881m, 1.017m, 0.677m, 0.561m, 0.903m, 0.977m, 0.991m];

        var grades = rates.Select(r => GradeScale.TwoBand80.ForRate(r).Code).ToList();

        Assert.Equal(8, grades.Count(g => g == "80%以上"));
        Assert.Equal(3, grades.Count(g => g == "80%未満"));
    }

    [Fact]
    public void Scale_GradesAreInScaleOrderWithNoDataLast()
    {
        Assert.Equal(["A", "B", "C", "D", "—"], GradeScale.Abcd.Grades.Select(g => g.Code));
        Assert.Equal([0, 1, 2, 3, 4], GradeScale.Abcd.Grades.Select(g => g.Rank));
        Assert.Equal(["80%以上", "80%未満", "—"], GradeScale.TwoBand80.Grades.Select(g => g.Code));
        Assert.Equal(["◎", "○", "△", "×", "—"], GradeScale.Symbols.Grades.Select(g => g.Code));
    }

    [Fact]
    public void Scale_DuplicateCodes_AreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GradeScale(
            "dup", [new GradeBand("A", "A", 1m), new GradeBand("A", "A2", null)], new GradeBand("—", "—", null)));
        Assert.Contains("「A」", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ThresholdsNotDescending_NamesTheBandAndItsLowerBoundInBothLanguages()
    {
        var problem = GradeScale.Check(
            "order",
            [new GradeBand("A", "A", 0.8m), new GradeBand("B", "B", 0.9m), new GradeBand("C", "C", null)],
            new GradeBand("—", "—", null));
        Assert.NotNull(problem);
        Assert.Equal("B", problem.BandCode);
        Assert.Equal(GradeScaleProblemKind.MinRate, problem.Kind);
        Assert.Contains("「B」の下限", problem.JapaneseMessage, StringComparison.Ordinal);
        Assert.Contains("band \"B\"", problem.EnglishMessage, StringComparison.Ordinal);
        Assert.Null(GradeScale.Check("ok", GradeScale.Abcd.Bands, GradeScale.Abcd.NoDataBand));
    }

    [Fact]
    public void Scale_NoDataCodeUsedByABand_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GradeScale(
            "dup", [new GradeBand("A", "A", 1m), new GradeBand("—", "rest", null)], new GradeBand("—", "—", null)));
        Assert.Contains("「—」", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_ThresholdsNotStrictlyDescending_AreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GradeScale(
            "order",
            [new GradeBand("A", "A", 0.8m), new GradeBand("B", "B", 0.8m), new GradeBand("C", "C", null)],
            new GradeBand("—", "—", null)));
        Assert.Contains("「B」", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GradeScale(
            "order",
            [new GradeBand("A", "A", 0.5m), new GradeBand("B", "B", 0.8m), new GradeBand("C", "C", null)],
            new GradeBand("—", "—", null)));
    }

    [Fact]
    public void Scale_WithoutOrWithTwoCatchAlls_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new GradeScale(
            "none", [new GradeBand("A", "A", 1m), new GradeBand("B", "B", 0.5m)], new GradeBand("—", "—", null)));
        Assert.Throws<ArgumentException>(() => new GradeScale(
            "two", [new GradeBand("A", "A", null), new GradeBand("B", "B", null)], new GradeBand("—", "—", null)));
    }

    [Fact]
    public void Scale_CatchAllNotLast_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GradeScale(
            "order", [new GradeBand("D", "D", null), new GradeBand("A", "A", 1m)], new GradeBand("—", "—", null)));
        Assert.Contains("最後", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_EmptyOrBlankCodes_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new GradeScale("empty", [], new GradeBand("—", "—", null)));
        Assert.Throws<ArgumentException>(() => new GradeScale("blank", [new GradeBand(" ", "x", null)], new GradeBand("—", "—", null)));
        Assert.Throws<ArgumentException>(() => new GradeScale("blank", [new GradeBand("A", "x", null)], new GradeBand("", "—", null)));
    }

    [Fact]
    public void Scale_NoDataBandWithAThreshold_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new GradeScale("nd", [new GradeBand("A", "A", null)], new GradeBand("—", "—", 0m)));

    [Fact]
    public void Scale_FindByUnknownCode_QuotesTheCodeAndListsTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => GradeScale.Abcd.FindByCode("E"));

        Assert.Contains("「E」", ex.Message, StringComparison.Ordinal);
        Assert.Contains("A, B, C, D, —", ex.Message, StringComparison.Ordinal);
        Assert.True(GradeScale.Abcd.TryFindByCode("—", out var noData));
        Assert.True(noData!.IsNoData);
        Assert.False(GradeScale.Abcd.TryFindByCode("E", out _));
    }

    // ----- series aggregation -----

    [Fact]
    public void GradeSeries_All_IsTheWorstSeries()
    {
        var grade = GradeScale.Abcd.GradeSeries(SeriesAggregation.All, [Rated(1.02m), Rated(0.6m, provisional: true), Rated(0.85m)]);

        Assert.Equal("C", grade.Grade.Code);
        Assert.Equal(0.6m, grade.Rate);
        Assert.True(grade.IsProvisional);
        Assert.Equal(3, grade.SeriesWithRate);
    }

    [Fact]
    public void GradeSeries_Any_IsTheBestSeries()
    {
        var grade = GradeScale.Abcd.GradeSeries(SeriesAggregation.Any, [Rated(1.02m), Rated(0.6m, provisional: true), Rated(0.85m)]);

        Assert.Equal("A", grade.Grade.Code);
        Assert.Equal(1.02m, grade.Rate);
        Assert.False(grade.IsProvisional);
    }

    [Fact]
    public void GradeSeries_Mean_IsTheGradeOfTheMeanRateOfSeriesWithData()
    {
        var grade = GradeScale.Abcd.GradeSeries(
            SeriesAggregation.Mean, [Rated(1.0m), Rated(0.6m), Without(AchievementStatus.NoData)]);

        Assert.Equal(0.8m, grade.Rate);
        Assert.Equal("B", grade.Grade.Code);
        Assert.True(grade.IsPartial);
        Assert.Equal(2, grade.SeriesWithRate);
        Assert.Equal(3, grade.SeriesCount);
    }

    [Fact]
    public void GradeSeries_All_LeavesOutSeriesWithoutData()
    {
        var grade = GradeScale.TwoBand80.GradeSeries(SeriesAggregation.All, [Without(AchievementStatus.NoData), Rated(0.9m)]);

        Assert.Equal("80%以上", grade.Grade.Code);
        Assert.True(grade.IsPartial);
    }

    [Theory]
    [InlineData(SeriesAggregation.All)]
    [InlineData(SeriesAggregation.Any)]
    [InlineData(SeriesAggregation.Mean)]
    public void GradeSeries_WithoutAnySeriesWithData_IsNoData(SeriesAggregation rule)
    {
        var grade = GradeScale.Symbols.GradeSeries(rule, [Without(AchievementStatus.NoData), Without(AchievementStatus.NotComputable)]);

        Assert.True(grade.Grade.IsNoData);
        Assert.Null(grade.Rate);
        Assert.Equal(0, grade.SeriesWithRate);
    }

    [Fact]
    public void GradeSeries_Mean_OfHugeRatesDoesNotOverflow()
    {
        var big = 700_000_000_000_000_000_000_000_000m;

        var grade = GradeScale.Abcd.GradeSeries(SeriesAggregation.Mean, [Rated(big), Rated(big), Rated(big)]);

        Assert.Equal(big, grade.Rate);
    }

    [Fact]
    public void GradeSeries_Seed001Gakuryoku_AllSeriesMustReachTheGrade()
    {
        // 001 全国学力調査の全国平均正答率との差: 小学生 △3.3 → △2.7 (18.2 %), 中学生 △4.3 → △0.9 (79.1 %) at H30.
        var kpi = new KpiDefinition
        {
            Name = "全国学力調査の全国平均正答率との差",
            TargetKind = TargetKind.Relative,
            Target = new KpiTarget(0m, TestKpis.Fy(2019), "全国平均"),
            Series =
            [
                new KpiSeriesDefinition("elementary", "小学生", new Baseline(-3.3m, TestKpis.Fy(2014))),
                new KpiSeriesDefinition("junior", "中学生", new Baseline(-4.3m, TestKpis.Fy(2014))),
            ],
            SeriesAggregation = SeriesAggregation.All,
        };
        KpiObservation[] values = [TestKpis.Obs(2018, -2.7m, series: "elementary"), TestKpis.Obs(2018, -0.9m, series: "junior")];

        var results = AchievementCalculator.EvaluateEachSeries(kpi, values, new Sosei.Domain.Periods.FiscalYear(2018), AchievementMethod.RatioToTarget);
        var all = GradeScale.Abcd.GradeSeries(kpi.SeriesAggregation, results);
        var any = GradeScale.Abcd.GradeSeries(SeriesAggregation.Any, results);

        Assert.Equal("D", all.Grade.Code);
        Assert.Equal("C", any.Grade.Code);
    }

    // ----- overrides -----

    [Fact]
    public void Decision_WithoutOverride_IsTheComputedGrade()
    {
        var decision = GradeScale.Abcd.Decide(Rated(0.85m));

        Assert.Equal("B", decision.Final.Code);
        Assert.False(decision.IsOverridden);
        Assert.Null(decision.Override);
    }

    [Fact]
    public void Decision_Override_IsFinalAndKeepsTheComputedGradeAndReason()
    {
        var decision = GradeScale.Abcd.Decide(Rated(0.45m), "C", "  新型コロナの影響で調査が中止されたため  ");

        Assert.Equal("C", decision.Final.Code);
        Assert.Equal("D", decision.Computed.Code);
        Assert.True(decision.IsOverridden);
        Assert.Equal("新型コロナの影響で調査が中止されたため", decision.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Decision_OverrideWithoutReason_IsRejected(string? reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => GradeScale.Abcd.Decide(Rated(0.45m), "C", reason));

        Assert.Contains("理由", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(
            () => new GradeDecision(GradeScale.Abcd.FindByCode("D"), GradeScale.Abcd.FindByCode("C"), reason));
    }

    [Fact]
    public void Decision_OverrideWithUnknownCode_IsRejectedQuotingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => GradeScale.Abcd.Decide(Rated(0.45m), "S", "理由"));

        Assert.Contains("「S」", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_CanOverrideNoData()
    {
        var decision = GradeScale.TwoBand80.Decide(Without(AchievementStatus.NoData), "80%未満", "調査が実施されなかったため前年の状況で評価");

        Assert.True(decision.Computed.IsNoData);
        Assert.Equal("80%未満", decision.Final.Code);
    }
}
