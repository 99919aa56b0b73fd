using Sosei.Application.Common;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Application.Tests.Common;

/// <summary>The 見通し as one short sentence (<see cref="Terms.ForecastSentence"/>), in Japanese and English.</summary>
public class ForecastSentenceTests
{
    private static KpiForecast Forecast(ForecastStatus status, decimal latest, int latestYear, decimal target, int targetYear, decimal? projected = null) => new()
    {
        Status = status,
        LatestValue = latest,
        LatestPeriod = Period.OfFiscalYear(latestYear),
        Target = target,
        TargetYear = new FiscalYear(targetYear),
        ProjectedValue = projected,
    };

    [Fact]
    public void ForecastSentence_FallingShort_SaysTheShareOfTheTargetReachedByTheTargetYear()
    {
        var sentence = Terms.ForecastSentence(Forecast(ForecastStatus.AtRisk, 800m, 2022, 1000m, 2024, projected: 925m), KpiDirection.Increase);

        Assert.Equal("このままのペースでは令和6年度に目標の92%にとどまる見込みです。", sentence.Japanese);
        Assert.Equal("At this pace FY2024 would reach only 92% of the target.", sentence.English);
    }

    [Fact]
    public void ForecastSentence_OnTrack_SaysTheTargetWillBeReached()
    {
        var sentence = Terms.ForecastSentence(Forecast(ForecastStatus.OnTrack, 900m, 2022, 1000m, 2024, projected: 1050m), KpiDirection.Increase);

        Assert.Equal("このままのペースでは令和6年度に目標に届く見込みです。", sentence.Japanese);
        Assert.Equal("At this pace the target will be reached by FY2024.", sentence.English);
    }

    [Fact]
    public void ForecastSentence_LowerIsBetterAndWorsening_SaysItMovesAwayFromTheTarget()
    {
        var sentence = Terms.ForecastSentence(Forecast(ForecastStatus.OffTrack, 22.91m, 2018, 19.98m, 2019, projected: 22.96m), KpiDirection.Decrease);

        Assert.Equal("このままでは令和元年度に向けて目標から遠ざかる見込みです。", sentence.Japanese);
        Assert.Equal("At this pace the value moves away from the target by FY2019.", sentence.English);
    }

    [Fact]
    public void ForecastSentence_TargetMetAndKept_SaysItHolds()
    {
        var sentence = Terms.ForecastSentence(Forecast(ForecastStatus.OnTrack, 1100m, 2022, 1000m, 2024, projected: 1200m), KpiDirection.Increase);

        Assert.Equal("目標は達成済みで、このままのペースなら令和6年度まで維持できる見込みです。", sentence.Japanese);
        Assert.Equal("The target is met, and at this pace it will hold until FY2024.", sentence.English);
    }

    [Fact]
    public void ForecastSentence_TargetYearPassedUnmet_SaysSo()
    {
        var sentence = Terms.ForecastSentence(Forecast(ForecastStatus.OffTrack, 800m, 2024, 1000m, 2024), KpiDirection.Increase);

        Assert.Equal("目標年度の令和6年度を迎え、目標に届いていません。", sentence.Japanese);
        Assert.Equal("The target year, FY2024, has come and the target is not met.", sentence.English);
    }

    [Fact]
    public void ForecastSentence_NoForecast_IsTheReason()
    {
        var sentence = Terms.ForecastSentence(new KpiForecast { Status = ForecastStatus.InsufficientData, Reason = "目標年がないため、見通しを判定できません。" }, KpiDirection.Increase);

        Assert.Equal("目標年がないため、見通しを判定できません。", sentence.Japanese);
        Assert.DoesNotContain(";", sentence.English, StringComparison.Ordinal);
    }
}
