using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Domain.Achievement;

/// <summary>
/// One observed value of a KPI (実績値, or a value the document shows for a period such as a 参考値): the input of
/// <see cref="AchievementCalculator"/> and <see cref="ForecastCalculator"/>.
/// </summary>
/// <param name="Period">The period the value refers to (年度, 年, or a survey date such as 国勢調査 10月1日).</param>
/// <param name="Amount">
/// The value in the KPI's base unit; null when the cell holds none (—, 未確定 without a figure, blank). Observations
/// without an amount are ignored by the calculators: no value is never read as 0.
/// </param>
/// <param name="Qualifiers">
/// What the notation says: <see cref="ValueQualifiers.Reference"/> values are left out unless
/// <see cref="AchievementOptions.IncludeReferenceValues"/>; <see cref="ValueQualifiers.Provisional"/> values are used and
/// mark the result provisional; <see cref="ValueQualifiers.Cumulative"/> says the value is already a running total (累計21件).
/// </param>
/// <param name="SeriesCode">The sub-item (<see cref="Kpis.KpiSeriesDefinition.Code"/>) the value belongs to; null for a KPI measured as one number.</param>
/// <param name="ReferenceScore">
/// For a KPI whose values are differences from a reference (全国平均との差): the reference's own value of the period (the
/// national score), used by <see cref="RelativeTargetReading.RatioToReference"/>; null when not known.
/// </param>
public sealed record KpiObservation(
    Period Period, decimal? Amount, ValueQualifiers Qualifiers = ValueQualifiers.None, string? SeriesCode = null, decimal? ReferenceScore = null)
{
    /// <summary>Whether this is a 参考値.</summary>
    public bool IsReference => Qualifiers.HasFlag(ValueQualifiers.Reference);

    /// <summary>Whether this is provisional (未確定, 速報, 見込).</summary>
    public bool IsProvisional => Qualifiers.HasFlag(ValueQualifiers.Provisional);

    /// <summary>Whether this is a running total (累計).</summary>
    public bool IsRunningTotal => Qualifiers.HasFlag(ValueQualifiers.Cumulative);

    /// <summary>An observation from a parsed value: its amount and qualifiers, for the period of the table column.</summary>
    /// <param name="period">The period of the column or row the value was read from.</param>
    /// <param name="value">The parsed value.</param>
    /// <param name="seriesCode">The sub-item, if any.</param>
    public static KpiObservation From(Period period, MeasuredValue value, string? seriesCode = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new KpiObservation(period, value.Amount, value.Qualifiers, seriesCode);
    }
}
