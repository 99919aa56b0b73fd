using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>
/// The assumptions of one 5-year step of the municipal (institute-style) cohort-component projection, from
/// <see cref="FromYear"/> to <see cref="ToYear"/>.
/// </summary>
public sealed record ProjectionStep
{
    /// <summary>Year of the population the step starts from.</summary>
    public required int FromYear { get; init; }

    /// <summary>Year of the population the step produces (FromYear + 5).</summary>
    public int ToYear => FromYear + AgeGroup.Width;

    /// <summary>Cohort change ratios of the period (survival × net migration), or survival ratios alone when the
    /// scenario assumes zero net migration.</summary>
    public required CohortChangeRatios CohortChangeRatios { get; init; }

    /// <summary>
    /// 子ども女性比 at <see cref="ToYear"/>: children 0–4 of both sexes per woman aged 15–49, 0 to
    /// <see cref="CohortChangeProjection.MaxChildWomanRatio"/>.
    /// </summary>
    public required decimal ChildWomanRatio { get; init; }

    /// <summary>Boys' share of children 0–4 at <see cref="ToYear"/>, 0 to 1 (0.5127 for 105.2 boys per 100 girls).</summary>
    public required decimal MaleShareOfChildrenUnderFive { get; init; }

    /// <summary>The total fertility rate the child-woman ratio was derived from, when a scenario set one; for display.</summary>
    public decimal? TotalFertilityRate { get; init; }

    /// <summary>
    /// Persons added (negative: removed) at <see cref="ToYear"/> on top of the cohort change, per sex and age group
    /// at the end of the period; adjustments to ages 15–49 count in the women the births are computed from.
    /// </summary>
    public IReadOnlyList<PopulationCount> NetMigrationAdjustments { get; init; } = [];

    /// <summary>Converts a sex ratio (boys per 100 girls, e.g. 105.2) to the boys' share (0.5127).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is negative.</exception>
    public static decimal MaleShareFromSexRatio(decimal boysPer100Girls) =>
        boysPer100Girls >= 0
            ? boysPer100Girls / (100m + boysPer100Girls)
            : throw new ArgumentOutOfRangeException(nameof(boysPer100Girls), boysPer100Girls, "A sex ratio cannot be negative.");
}

/// <summary>
/// The cohort-component projection with cohort change ratios, the method of the national institute's municipal
/// projections (国立社会保障・人口問題研究所「日本の地域別将来推計人口」), in 5-year steps:
/// <list type="bullet">
/// <item>ages 5+: P(x+5, t+5) = r(x, t) × P(x, t) per sex, with the open group
/// P(90+, t+5) = r(85+, t) × (P(85–89, t) + P(90+, t));</item>
/// <item>net migration adjustments of the step, if any, are added;</item>
/// <item>ages 0–4: C(t+5) = CWR(t+5) × W(t+5), where W is women 15–49 at t+5, split into boys = C × male share and
/// girls = C − boys.</item>
/// </list>
/// </summary>
/// <remarks>
/// Arithmetic is decimal (28 significant digits, no binary rounding); every projected count is rounded to
/// <see cref="PopulationTable.CountDecimals"/> places, far below a person, so sums of the results are exact.
/// </remarks>
public static class CohortChangeProjection
{
    /// <summary>Largest child-woman ratio accepted (real values are about 0.1–0.5).</summary>
    public const decimal MaxChildWomanRatio = 5m;

    /// <summary>
    /// Projects <paramref name="jumpOff"/> through <paramref name="steps"/>, which must follow each other in 5-year
    /// steps from the jump-off year.
    /// </summary>
    /// <param name="jumpOff">Base population (推計の基準人口) without unknown ages (<see cref="PopulationTable.AllocateUnknownAge"/>).</param>
    /// <param name="steps">Assumptions per 5-year step.</param>
    /// <param name="scenario">Name of the scenario, kept with the result (パターン1 …).</param>
    /// <exception cref="ArgumentException">
    /// The jump-off has unknown ages, steps are not consecutive from the jump-off year, an assumption is out of
    /// range, or the ratios do not fit the age scheme; the message names the step.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// A net migration adjustment removes more persons than a group has, or a count exceeds
    /// <see cref="PopulationTable.MaxCount"/>; the message names the year, sex and group.
    /// </exception>
    public static PopulationProjection Project(PopulationTable jumpOff, IReadOnlyList<ProjectionStep> steps, string scenario)
    {
        ArgumentNullException.ThrowIfNull(jumpOff);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        if (jumpOff.HasUnknownAge)
        {
            throw new ArgumentException(
                $"The jump-off {jumpOff} has persons of unknown age: allocate them first (AllocateUnknownAge).", nameof(jumpOff));
        }

        var tables = new List<PopulationTable>(steps.Count + 1) { jumpOff };
        var current = jumpOff;
        foreach (var step in steps)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(steps));
            current = Advance(current, step);
            tables.Add(current);
        }

        return new PopulationProjection(scenario, tables, steps);
    }

    /// <summary>One 5-year step (see the class description).</summary>
    /// <exception cref="ArgumentException">The step does not start at the table's year or its assumptions are invalid.</exception>
    /// <exception cref="InvalidOperationException">An adjustment would leave a negative count.</exception>
    public static PopulationTable Advance(PopulationTable start, ProjectionStep step)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(step);
        var where = string.Create(CultureInfo.InvariantCulture, $"{start.AreaCode} {step.FromYear}→{step.ToYear}");
        if (step.FromYear != start.Year)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Step {step.FromYear}→{step.ToYear} does not start from the population of {start.Year} ({start.AreaCode})."),
                nameof(step));
        }

        if (step.CohortChangeRatios.OpenAgeStart != start.OpenAgeStart)
        {
            throw new ArgumentException(
                $"{where}: the cohort change ratios are for tables open at {step.CohortChangeRatios.OpenAgeStart}+, the population is open at {start.OpenAgeStart}+.",
                nameof(step));
        }

        if (step.ChildWomanRatio is < 0 or > MaxChildWomanRatio)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{where}: child-woman ratio {step.ChildWomanRatio} is outside 0 to {MaxChildWomanRatio}."),
                nameof(step));
        }

        if (step.MaleShareOfChildrenUnderFive is < 0 or > 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{where}: the boys' share of children 0–4, {step.MaleShareOfChildrenUnderFive}, is outside 0 to 1."),
                nameof(step));
        }

        var n = start.AgeGroups.Count;
        var end = new Dictionary<Sex, decimal[]>();
        foreach (var sex in Sexes.All)
        {
            var p = start.Of(sex);
            var r = step.CohortChangeRatios.Of(sex);
            var q = new decimal[n];
            for (var k = 0; k < n - 2; k++)
            {
                q[k + 1] = PopulationTable.RoundCount(r[k] * p[k]);
            }

            q[n - 1] = PopulationTable.RoundCount(r[n - 2] * (p[n - 2] + p[n - 1]));
            end[sex] = q;
        }

        // Adjustments first for ages 5+, so that migrant women count in the births; 0–4 after the births.
        var adjustments = step.NetMigrationAdjustments.ToLookup(a => a.AgeGroup.Start == 0);
        Adjust(adjustments[false]);
        var women = 0m;
        for (var k = 15 / AgeGroup.Width; k <= 49 / AgeGroup.Width; k++)
        {
            women += end[Sex.Female][k];
        }

        var children = PopulationTable.RoundCount(step.ChildWomanRatio * women);
        var boys = PopulationTable.RoundCount(children * step.MaleShareOfChildrenUnderFive);
        end[Sex.Male][0] = boys;
        end[Sex.Female][0] = children - boys;
        Adjust(adjustments[true]);

        foreach (var sex in Sexes.All)
        {
            for (var k = 0; k < n; k++)
            {
                if (end[sex][k] > PopulationTable.MaxCount)
                {
                    throw new InvalidOperationException(
                        string.Create(CultureInfo.InvariantCulture, $"{where} {sex.ToJapanese()} {start.AgeGroups[k]}: projected {end[sex][k]:0} persons, beyond any real population; check the assumptions."));
                }
            }
        }

        return PopulationTable.Create(start.AreaCode, step.ToYear, end[Sex.Male], end[Sex.Female]);

        void Adjust(IEnumerable<PopulationCount> items)
        {
            foreach (var adjustment in items)
            {
                var index = start.IndexOf(adjustment.AgeGroup);
                var cells = end[adjustment.Sex];
                var adjusted = cells[index] + PopulationTable.RoundCount(adjustment.Count);
                if (adjusted < 0)
                {
                    throw new InvalidOperationException(
                        string.Create(CultureInfo.InvariantCulture, $"{where} {adjustment.Sex.ToJapanese()} {adjustment.AgeGroup}: a net migration adjustment of {adjustment.Count} would leave {adjusted} persons (projected {cells[index]} before it)."));
                }

                cells[index] = adjusted;
            }
        }
    }
}
