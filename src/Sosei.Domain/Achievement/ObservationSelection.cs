using Sosei.Domain.Periods;

namespace Sosei.Domain.Achievement;

/// <summary>Which observations may serve as actuals: shared by achievement and forecast so that both read the same values.</summary>
internal static class ObservationSelection
{
    /// <summary>
    /// The observations of one series with an amount, up to the evaluated fiscal year, without 参考値 unless included;
    /// one per period (ordinary over reference, final over provisional, then the later in the input), oldest first.
    /// </summary>
    public static IReadOnlyList<KpiObservation> Usable(
        IEnumerable<KpiObservation> observations,
        string? seriesCode,
        FiscalYear evaluatedYear,
        bool includeReferenceValues,
        out int excludedReferences)
    {
        var candidates = new List<(KpiObservation Observation, int Index)>();
        var index = 0;
        excludedReferences = 0;
        foreach (var o in observations)
        {
            if (o is null)
            {
                throw new ArgumentException("The observations contain a null entry.", nameof(observations));
            }

            index++;
            if (!string.Equals(o.SeriesCode, seriesCode, StringComparison.Ordinal) || o.Amount is null || o.Period.FiscalYear > evaluatedYear)
            {
                continue;
            }

            if (o.IsReference && !includeReferenceValues)
            {
                excludedReferences++;
                continue;
            }

            candidates.Add((o, index));
        }

        return candidates
            .GroupBy(x => x.Observation.Period)
            .Select(g => g
                .OrderBy(x => x.Observation.IsReference ? 1 : 0)
                .ThenBy(x => x.Observation.IsProvisional ? 1 : 0)
                .ThenByDescending(x => x.Index)
                .First().Observation)
            .OrderBy(o => o.Period)
            .ToList();
    }
}
