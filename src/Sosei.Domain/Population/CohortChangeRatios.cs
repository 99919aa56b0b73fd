using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>
/// Cohort change ratios (コーホート変化率) of one 5-year period, per sex and origin age group: the factor by which a
/// cohort changes in 5 years through deaths and net migration together, P(x+5, t+5) = r(x) × P(x, t). When the
/// population does not migrate they are survival ratios (生残率), and Sosei uses this same type for those.
/// </summary>
/// <remarks>
/// <para>
/// Origin groups (<see cref="Origins"/>) are those of the population at the start of the period: 0–4 … 80–84 and,
/// for a table open at 90+, the open origin 85+, whose ratio applies to 85–89 and 90+ together and gives 90+ at the
/// end: P(90+, t+5) = r(85+) × (P(85–89, t) + P(90+, t)). A table open at a+ has a/5 origins, the last open at a−5.
/// Ages 0–4 at the end of the period come from births, not from a ratio.
/// </para>
/// <para>Ratios are not negative and at most <see cref="MaxRatio"/>; they may exceed 1 where people move in.</para>
/// </remarks>
public sealed class CohortChangeRatios
{
    /// <summary>Largest ratio accepted: a cohort growing a thousandfold in 5 years is a data error.</summary>
    public const decimal MaxRatio = 1000m;

    private readonly decimal[] _male;
    private readonly decimal[] _female;

    private CohortChangeRatios(decimal[] male, decimal[] female)
    {
        _male = male;
        _female = female;
        OpenAgeStart = male.Length * AgeGroup.Width;
        Origins = AgeGroup.FiveYearGroups(OpenAgeStart - AgeGroup.Width);
    }

    /// <summary>Start of the open group of the population tables these ratios apply to (90 for 90+).</summary>
    public int OpenAgeStart { get; }

    /// <summary>Origin groups at the start of the period: 0–4 … 80–84, 85+ for tables open at 90+.</summary>
    public IReadOnlyList<AgeGroup> Origins { get; }

    /// <summary>The ratio of one sex and origin group (for 90+ tables: 0–4 … 80–84 or 85+).</summary>
    /// <exception cref="ArgumentException">The group is not one of <see cref="Origins"/>.</exception>
    public decimal this[Sex sex, AgeGroup origin]
    {
        get
        {
            var index = origin.Start / AgeGroup.Width;
            return index < Origins.Count && Origins[index] == origin
                ? Of(sex)[index]
                : throw new ArgumentException(
                    $"{origin} is not an origin group of these ratios (0-4 … {Origins[^1]}).", nameof(origin));
        }
    }

    /// <summary>The ratios of one sex in the order of <see cref="Origins"/>.</summary>
    public IReadOnlyList<decimal> Ratios(Sex sex) => Array.AsReadOnly(Of(sex));

    /// <summary>
    /// Creates ratios from values per origin group in age order (18 values for tables open at 90+).
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ or are out of range, or a ratio is negative or above <see cref="MaxRatio"/>.</exception>
    public static CohortChangeRatios Create(IReadOnlyList<decimal> male, IReadOnlyList<decimal> female)
    {
        ArgumentNullException.ThrowIfNull(male);
        ArgumentNullException.ThrowIfNull(female);
        if (male.Count != female.Count || male.Count * AgeGroup.Width is < 65 or > AgeGroup.MaxStart)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Cohort change ratios need the same number of values for both sexes, one per origin group (18 for tables open at 90+); got {male.Count} male and {female.Count} female."),
                nameof(male));
        }

        var origins = AgeGroup.FiveYearGroups((male.Count - 1) * AgeGroup.Width);
        return new CohortChangeRatios(Check(Sex.Male, male, origins), Check(Sex.Female, female, origins));
    }

    /// <summary>
    /// The ratios that turn <paramref name="start"/> into <paramref name="end"/> (ages 5 and over): r(x) = P(x+5, end) /
    /// P(x, start), and for the open origin P(open, end) / (P(open−5, start) + P(open, start)). Used to calibrate on a
    /// published projection (the institute's own 生残率 × 純移動率 are not published per municipality in the data).
    /// A cohort that is empty at the start and at the end gets ratio 0.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The tables have different age schemes or unknown ages, or a cohort is empty at the start but not at the end
    /// (no ratio can produce it); the message names the area, years, sex and group.
    /// </exception>
    public static CohortChangeRatios Between(PopulationTable start, PopulationTable end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        if (start.OpenAgeStart != end.OpenAgeStart)
        {
            throw new ArgumentException(
                $"Cannot derive cohort change ratios from {start} (open at {start.OpenAgeStart}+) to {end} (open at {end.OpenAgeStart}+).",
                nameof(end));
        }

        if (start.HasUnknownAge || end.HasUnknownAge)
        {
            throw new ArgumentException(
                $"Cannot derive cohort change ratios between {start} and {end} while persons of unknown age remain: allocate them first (AllocateUnknownAge).",
                nameof(start));
        }

        decimal[] Derive(Sex sex)
        {
            var p = start.Counts(sex);
            var q = end.Counts(sex);
            var n = p.Count;
            var ratios = new decimal[n - 1];
            for (var k = 0; k < n - 1; k++)
            {
                var from = k == n - 2 ? p[k] + p[k + 1] : p[k];
                var to = q[k + 1];
                if (from == 0)
                {
                    ratios[k] = to == 0
                        ? 0m
                        : throw new ArgumentException(
                            string.Create(CultureInfo.InvariantCulture, $"{start.AreaCode} {start.Year}→{end.Year} {sex.ToJapanese()}: the cohort aged {start.AgeGroups[k]} is empty in {start.Year} but {to} in {end.Year}; no cohort change ratio can produce that."),
                            nameof(end));
                }
                else
                {
                    ratios[k] = to / from;
                }
            }

            return ratios;
        }

        return Create(Derive(Sex.Male), Derive(Sex.Female));
    }

    /// <summary>
    /// New ratios computed from these: <paramref name="change"/> gets the sex, the origin group and the current ratio
    /// and returns the new ratio (used for scenario overrides: multiply, replace).
    /// </summary>
    /// <exception cref="ArgumentException">A new ratio is negative or above <see cref="MaxRatio"/>.</exception>
    public CohortChangeRatios Select(Func<Sex, AgeGroup, decimal, decimal> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        decimal[] Apply(Sex sex) => Of(sex).Select((r, i) => change(sex, Origins[i], r)).ToArray();
        return Create(Apply(Sex.Male), Apply(Sex.Female));
    }

    /// <summary>The element-wise arithmetic mean of two sets of ratios (same age scheme).</summary>
    /// <exception cref="ArgumentException">The sets have different age schemes.</exception>
    public static CohortChangeRatios Mean(CohortChangeRatios first, CohortChangeRatios second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.OpenAgeStart != second.OpenAgeStart)
        {
            throw new ArgumentException("Cannot average cohort change ratios of different age schemes.", nameof(second));
        }

        return first.Select((sex, origin, r) => (r + second[sex, origin]) / 2m);
    }

    internal decimal[] Of(Sex sex) => sex switch
    {
        Sex.Male => _male,
        Sex.Female => _female,
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "Unknown sex."),
    };

    private static decimal[] Check(Sex sex, IReadOnlyList<decimal> values, IReadOnlyList<AgeGroup> origins)
    {
        var result = new decimal[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            result[i] = values[i] is >= 0 and <= MaxRatio
                ? values[i]
                : throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Cohort change ratio {sex.ToJapanese()} {origins[i]}: {values[i]} is outside 0 to {MaxRatio}."),
                    nameof(values));
        }

        return result;
    }
}
