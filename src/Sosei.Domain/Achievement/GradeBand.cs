namespace Sosei.Domain.Achievement;

/// <summary>
/// One band of a grading scale: a rate at or above <see cref="MinRate"/> (and below the band before it) gets this
/// grade. Thresholds are inclusive lower bounds by default: with "80%以上" at 0.8, exactly 80 % is "80%以上"; a scale with
/// <see cref="ThresholdComparison.Exclusive"/> (超) requires a rate above the threshold.
/// </summary>
/// <param name="Code">Short code shown in tables and stored with decisions: "A", "◎", "80%以上", "—". Unique within a scale.</param>
/// <param name="Label">Text shown to users, e.g. "A (100%以上)".</param>
/// <param name="MinRate">Inclusive lower threshold as a ratio (0.8 = 80 %); null for the catch-all band ("everything else", the lowest).</param>
public sealed record GradeBand(string Code, string Label, decimal? MinRate);

/// <summary>
/// A grade given by a <see cref="GradeScale"/>: one of its bands, or its no-data band ("—").
/// </summary>
/// <param name="Band">The band.</param>
/// <param name="Rank">Position in the scale, 0 for the best band; the no-data grade ranks after every band.</param>
/// <param name="IsNoData">Whether this is the scale's no-data grade (no rate: no data or not computable).</param>
public sealed record Grade(GradeBand Band, int Rank, bool IsNoData)
{
    /// <summary>The band's code ("A", "◎", "80%以上", "—").</summary>
    public string Code => Band.Code;

    /// <summary>The band's label.</summary>
    public string Label => Band.Label;

    /// <inheritdoc />
    public override string ToString() => Code;
}
