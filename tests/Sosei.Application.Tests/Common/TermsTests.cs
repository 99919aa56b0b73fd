using Sosei.Application.Common;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Tests.Common;

/// <summary>The one word table (<see cref="Terms"/>): every choice has a Japanese and an English word.</summary>
public class TermsTests
{
    private static void EveryValueHasBothHalves<T>(Func<T, Message> word)
        where T : struct, Enum
    {
        var words = Enum.GetValues<T>().Select(v => (Value: v, Word: word(v))).ToList();
        Assert.All(words, w =>
        {
            Assert.False(string.IsNullOrWhiteSpace(w.Word.Japanese), $"{typeof(T).Name}.{w.Value}: no Japanese");
            Assert.False(string.IsNullOrWhiteSpace(w.Word.English), $"{typeof(T).Name}.{w.Value}: no English");
        });
        Assert.Equal(words.Count, words.Select(w => w.Word.Japanese).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(words.Count, words.Select(w => w.Word.English).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryEnumValue_HasAJapaneseAndAnEnglishWord_DistinctWithinItsList()
    {
        EveryValueHasBothHalves<KpiLevel>(Terms.Level);
        EveryValueHasBothHalves<KpiLevel>(l => Terms.KpiCategory(l));
        EveryValueHasBothHalves<KpiDirection>(Terms.Direction);
        EveryValueHasBothHalves<TrendStatus>(Terms.Trend);
        EveryValueHasBothHalves<TargetKind>(Terms.TargetKind);
        EveryValueHasBothHalves<AchievementMethod>(Terms.Method);
        EveryValueHasBothHalves<AchievementMethod>(Terms.Formula);
        EveryValueHasBothHalves<SeriesAggregation>(Terms.Aggregation);
        EveryValueHasBothHalves<ActualSelection>(Terms.Actuals);
        EveryValueHasBothHalves<ThresholdComparison>(Terms.Thresholds);
        EveryValueHasBothHalves<RelativeTargetReading>(Terms.RelativeTargets);
        EveryValueHasBothHalves<ForecastStatus>(Terms.Forecast);
        EveryValueHasBothHalves<ProjectCategory>(Terms.Category);
        EveryValueHasBothHalves<PartnerRole>(Terms.Role);
        EveryValueHasBothHalves<BudgetKind>(Terms.Budget);
        EveryValueHasBothHalves<RevisionKind>(Terms.Revision);
        Assert.All(Terms.YearKinds, k => Assert.False(string.IsNullOrWhiteSpace(Terms.YearKind(k).English)));
        Assert.All(Enum.GetValues<TrendMethod>().Where(t => t != TrendMethod.None), t => Assert.NotNull(Terms.Trend(t)));
    }

    [Fact]
    public void GradePresets_AreThePlanSettingsPresets_EachWithBothWords()
    {
        Assert.Equal(PlanSettingsEditor.Presets.Keys.Order(StringComparer.Ordinal), Terms.GradePresets.Order(StringComparer.Ordinal));
        Assert.All(Terms.GradePresets, p => Assert.False(string.IsNullOrWhiteSpace(Terms.GradePreset(p).English)));
        Assert.Equal(GradeScale.TwoBand80.Name, Terms.GradePreset("TwoBand80").Japanese);
    }

    [Fact]
    public void MeasureKpi_IsCalledAsTheDocumentsCallIt()
    {
        // 網走市's verification counts 「各施策のKPI」; one word for the level, one for the column.
        Assert.Equal("施策のKPI", Terms.Level(KpiLevel.Measure).Japanese);
        Assert.Equal("各施策のKPI", Terms.KpiCategory(KpiLevel.Measure).Japanese);
        Assert.Equal("全KPI", Terms.KpiCategory(null).Japanese);
    }
}
