using Sosei.Domain.Kpis;

namespace Sosei.Domain.Achievement;

/// <summary>The grade of a KPI with several series (男女, 小学生/中学生 …), combined by its <see cref="SeriesAggregation"/>.</summary>
/// <param name="Grade">The combined grade; the no-data grade when no series has a rate.</param>
/// <param name="Rule">The rule applied.</param>
/// <param name="Rate">
/// The rate behind the grade: the lowest series rate for <see cref="SeriesAggregation.All"/>, the highest for
/// <see cref="SeriesAggregation.Any"/>, the mean for <see cref="SeriesAggregation.Mean"/>; null when no series has one.
/// </param>
/// <param name="SeriesWithRate">How many series had a rate.</param>
/// <param name="SeriesCount">How many series were given.</param>
/// <param name="IsProvisional">Whether a provisional value went into a series used.</param>
public sealed record SeriesGrade(Grade Grade, SeriesAggregation Rule, decimal? Rate, int SeriesWithRate, int SeriesCount, bool IsProvisional)
{
    /// <summary>Whether some series had no rate and were left out.</summary>
    public bool IsPartial => SeriesWithRate < SeriesCount;
}
