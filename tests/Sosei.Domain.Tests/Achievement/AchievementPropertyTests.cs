using FsCheck.Xunit;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Domain.Tests.Achievement;

/// <summary>Whatever the numbers, the calculators answer with a status, never an exception.</summary>
public class AchievementPropertyTests
{
    [Property(MaxTest = 500)]
    public bool Achievement_AnyNumbersAndSettings_GiveAStatusAndARoundableRate(
        decimal actual, decimal target, decimal baseline, bool hasBaseline, byte kind, byte direction, byte method, byte qualifiers)
    {
        var kpi = new KpiDefinition
        {
            Name = "property",
            Direction = (KpiDirection)(direction % 3),
            TargetKind = (TargetKind)(kind % 6),
            Baseline = hasBaseline ? new Baseline(baseline, TestKpis.Fy(2014)) : null,
            Target = new KpiTarget(target, TestKpis.Fys(2015, 2019)),
        };
        KpiObservation[] values =
        [
            new(Period.OfFiscalYear(2015), actual / 3m, (ValueQualifiers)(qualifiers % 8)),
            new(Period.OfFiscalYear(2017), actual, (ValueQualifiers)(qualifiers % 8)),
        ];

        var result = AchievementCalculator.Evaluate(
            kpi, values, new FiscalYear(2018), (AchievementMethod)(method % 3), new AchievementOptions { IncludeReferenceValues = true });

        return result.Status == AchievementStatus.Computed
            ? result.RatePercentRounded.HasValue && result.Explanation.Length > 0 && GradeScale.Abcd.Grade(result) is { IsNoData: false }
            : result.Rate is null && !string.IsNullOrEmpty(result.Reason) && GradeScale.Abcd.Grade(result).IsNoData;
    }

    [Property(MaxTest = 500)]
    public bool Forecast_AnyNumbers_GiveAStatus(decimal start, decimal latest, decimal target, byte direction)
    {
        var kpi = new KpiDefinition
        {
            Name = "property",
            Direction = (KpiDirection)(direction % 3),
            Baseline = new Baseline(start, TestKpis.Fy(2014)),
            Target = new KpiTarget(target, TestKpis.Fy(2030)),
        };

        var forecast = ForecastCalculator.Forecast(kpi, [new KpiObservation(Period.OfFiscalYear(2018), latest)], new FiscalYear(2018));

        return forecast.Status == ForecastStatus.InsufficientData
            ? !string.IsNullOrEmpty(forecast.Reason)
            : forecast.ObservedRate.HasValue && forecast.Explanation.Length > 0;
    }

    [Property]
    public bool Grade_HigherRate_NeverGetsAWorseGrade(decimal a, decimal b)
    {
        var (low, high) = a <= b ? (a, b) : (b, a);
        return GradeScale.Abcd.ForRate(high).Rank <= GradeScale.Abcd.ForRate(low).Rank;
    }

    [Fact]
    public void Achievement_ExtremeNumbersInEveryCombination_NeverThrow()
    {
        decimal[] extremes = [decimal.MaxValue, decimal.MinValue, 0m, 0.0000000000000000000000000001m, -1m, 1m];
        var count = 0;
        foreach (var actual in extremes)
        foreach (var target in extremes)
        foreach (var baseline in extremes)
        foreach (var kind in Enum.GetValues<TargetKind>())
        foreach (var direction in Enum.GetValues<KpiDirection>())
        foreach (var method in Enum.GetValues<AchievementMethod>())
        {
            var kpi = new KpiDefinition
            {
                Name = "extreme",
                Direction = direction,
                TargetKind = kind,
                Baseline = new Baseline(baseline, TestKpis.Fy(2014)),
                Target = new KpiTarget(target, TestKpis.Fys(2015, 2019)),
            };
            KpiObservation[] values = [new(Period.OfFiscalYear(2016), actual), new(Period.OfFiscalYear(2017), actual)];

            foreach (var options in new[] { AchievementOptions.Default, new AchievementOptions { MaximumRate = 10m, FallbackToRatioToTarget = true } })
            {
                var result = AchievementCalculator.Evaluate(kpi, values, new FiscalYear(2018), method, options);
                _ = result.RatePercentRounded;
                _ = GradeScale.Symbols.Grade(result);
            }

            var forecast = ForecastCalculator.Forecast(kpi, values, new FiscalYear(2018));
            Assert.True(Enum.IsDefined(forecast.Status));
            count++;
        }

        Assert.Equal(6 * 6 * 6 * 6 * 3 * 3, count);
    }
}
