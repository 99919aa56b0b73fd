using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Kpis;

/// <summary>Turns read KPIs and plans (<see cref="KpiView"/>, <see cref="PlanView"/>) into the pure domain inputs of achievement, grading and forecasting.</summary>
public static class KpiMapping
{
    /// <summary>The domain definition of a KPI (series, interim targets included).</summary>
    /// <param name="kpi">The KPI as read.</param>
    /// <param name="rules">The plan's grading rules, which give the sub-item rule unless the KPI overrides it; null for the defaults.</param>
    public static KpiDefinition ToDefinition(KpiView kpi, GradingRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var baselinePeriod = PeriodCodec.ParseRangeOrNull(kpi.BaselinePeriod);
        var targetPeriod = PeriodCodec.ParseRangeOrNull(kpi.TargetPeriod);
        return new KpiDefinition
        {
            Name = kpi.Name,
            Level = kpi.Level,
            Unit = kpi.Unit,
            DisplayUnit = kpi.DisplayUnit,
            Decimals = kpi.Decimals,
            Direction = kpi.Direction,
            TargetKind = kpi.TargetKind,
            Baseline = kpi.BaselineValue is null && baselinePeriod is null ? null : new Baseline(kpi.BaselineValue, baselinePeriod),
            Target = kpi.TargetValue is { } t ? new KpiTarget(t, targetPeriod, kpi.TargetReference) : null,
            InterimTargets = kpi.InterimTargets.Where(i => i.SeriesId is null)
                .Select(i => new InterimTarget(PeriodCodec.ParseRange(i.Period).Last, i.Value)).ToList(),
            Series = kpi.Series.OrderBy(s => s.SortOrder).Select(s => new KpiSeriesDefinition(
                s.Code,
                s.Name,
                s.BaselineValue is { } b ? new Baseline(b, baselinePeriod) : null,
                s.TargetValue is { } st ? new KpiTarget(st, targetPeriod, kpi.TargetReference) : null,
                kpi.InterimTargets.Where(i => i.SeriesId == s.Id).Select(i => new InterimTarget(PeriodCodec.ParseRange(i.Period).Last, i.Value)).ToList(),
                s.Unit)).ToList(),
            SeriesAggregation = (rules ?? GradingRules.Default).SeriesRule(kpi.SeriesAggregationOverride),
            MethodOverride = kpi.MethodOverride,
            TargetPhrase = kpi.TargetPhrase,
        };
    }

    /// <summary>The observations (actual values) of a KPI.</summary>
    public static IReadOnlyList<KpiObservation> ToObservations(KpiView kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var seriesCodes = kpi.Series.ToDictionary(s => s.Id, s => s.Code);
        return kpi.Values
            .Select(v => new KpiObservation(v.Period, v.Amount, v.Qualifiers, v.SeriesId is { } id ? seriesCodes[id] : null, v.ReferenceScore))
            .ToList();
    }

    /// <summary>The plan's grade scale (TwoBand80 when the plan has no bands), its thresholds compared as the plan's rules say.</summary>
    /// <param name="plan">The plan, bands loaded.</param>
    /// <param name="rules">Rules to grade with instead of the plan's own (a preview of unsaved settings); null for the plan's.</param>
    public static GradeScale ToScale(Plan plan, GradingRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var bands = plan.GradeBands.Select(b => new GradeBandView(b.SortOrder, b.Code, b.Label, b.MinRate, b.IsNoData));
        return BandScale(plan.Code, bands).WithThresholds((rules ?? plan.GradingRules).Thresholds);
    }

    /// <summary>The grade scale of a read plan (<see cref="ToScale(Plan, GradingRules?)"/>).</summary>
    /// <param name="plan">The plan as read.</param>
    /// <param name="rules">Rules to grade with instead of the plan's own; null for the plan's.</param>
    public static GradeScale ToScale(PlanView plan, GradingRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return BandScale(plan.Code, plan.GradeBands).WithThresholds((rules ?? plan.GradingRules).Thresholds);
    }

    private static GradeScale BandScale(string planCode, IEnumerable<GradeBandView> stored)
    {
        var bands = stored.OrderBy(b => b.SortOrder).ToList();
        var noData = bands.FirstOrDefault(b => b.IsNoData);
        if (noData is null || bands.Count < 2)
        {
            return GradeScale.TwoBand80;
        }

        return new GradeScale(
            planCode,
            bands.Where(b => !b.IsNoData).Select(b => new GradeBand(b.Code, b.Label, b.MinRate)),
            new GradeBand(noData.Code, noData.Label, null));
    }
}
