using Sosei.Application.Evaluation;

namespace Sosei.Application.Kpis;

/// <summary>
/// The one rule for the unit a KPI's (or series') value is shown in, used by pages, reports and charts: a series
/// with its own unit shows in its own display unit (or that unit); otherwise the series' display unit, else the KPI's
/// display unit, else the KPI's unit. An empty display unit counts as none.
/// </summary>
/// <param name="Unit">The base unit amounts are stored in (人, ㎡, %).</param>
/// <param name="DisplayUnit">The unit to show, possibly with a multiplier (万人, 千㎡); null for <see cref="Unit"/>.</param>
public sealed record ShownUnit(string Unit, string? DisplayUnit)
{
    /// <summary>The unit written after a shown number: the display unit, or the base unit.</summary>
    public string Text => string.IsNullOrEmpty(DisplayUnit) ? Unit : DisplayUnit;

    /// <summary>The unit a KPI's values are shown in (<paramref name="series"/> null for the KPI itself).</summary>
    public static ShownUnit Of(KpiView kpi, SeriesView? series = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var kpiDisplay = string.IsNullOrEmpty(kpi.DisplayUnit) ? null : kpi.DisplayUnit;
        if (series is null)
        {
            return new ShownUnit(kpi.Unit, kpiDisplay);
        }

        var seriesDisplay = string.IsNullOrEmpty(series.DisplayUnit) ? null : series.DisplayUnit;
        return series.Unit is { } own ? new ShownUnit(own, seriesDisplay) : new ShownUnit(kpi.Unit, seriesDisplay ?? kpiDisplay);
    }
}
