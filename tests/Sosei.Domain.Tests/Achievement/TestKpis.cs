using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Domain.Tests.Achievement;

/// <summary>Small builders so that tests read like the tables they come from.</summary>
internal static class TestKpis
{
    public static PeriodRange Fy(int year) => PeriodRange.Of(Period.OfFiscalYear(year));

    public static PeriodRange Fys(int first, int last) => PeriodRange.FiscalYears(first, last);

    public static KpiObservation Obs(int fiscalYear, decimal? amount, ValueQualifiers qualifiers = ValueQualifiers.None, string? series = null) =>
        new(Period.OfFiscalYear(fiscalYear), amount, qualifiers, series);

    public static KpiDefinition Kpi(
        string name,
        decimal? baseline,
        int? baselineYear,
        decimal? target,
        int? targetYear,
        KpiDirection direction = KpiDirection.Increase,
        TargetKind kind = TargetKind.Level,
        string unit = "",
        AchievementMethod? methodOverride = null) =>
        new()
        {
            Name = name,
            Unit = unit,
            Direction = direction,
            TargetKind = kind,
            Baseline = baseline is null && baselineYear is null ? null : new Baseline(baseline, baselineYear is { } by ? Fy(by) : null),
            Target = target is { } t ? new KpiTarget(t, targetYear is { } ty ? Fy(ty) : null) : null,
            MethodOverride = methodOverride,
        };

    public static AchievementResult Ratio(KpiDefinition kpi, int evaluatedYear, params KpiObservation[] observations) =>
        AchievementCalculator.Evaluate(kpi, observations, new FiscalYear(evaluatedYear), AchievementMethod.RatioToTarget);

    public static AchievementResult Eval(
        KpiDefinition kpi, AchievementMethod method, int evaluatedYear, AchievementOptions? options, params KpiObservation[] observations) =>
        AchievementCalculator.Evaluate(kpi, observations, new FiscalYear(evaluatedYear), method, options);
}
