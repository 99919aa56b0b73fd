using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>
/// Survival and migration rates of one sex for <see cref="AgeSpecificRatesProjection"/>, per age group of the
/// population table (0–4 … open group).
/// </summary>
/// <param name="SurvivalRatios">
/// s(x) = nL(x+5) / nL(x): share of group x surviving into group x+5 over the 5 years; the last value is the survival
/// within the open group (T(a+5) / T(a) style). One per age group, 0 to 1.
/// </param>
/// <param name="BirthSurvivalRatio">5L0 / (5 · l0): share of the births of the 5 years alive at the end, aged 0–4.</param>
/// <param name="AnnualNetMigrationRates">
/// Net migrants per year as a proportion of the group's population at the start (may be negative); one per group.
/// </param>
public sealed record SexSpecificRates(
    IReadOnlyList<decimal> SurvivalRatios,
    decimal BirthSurvivalRatio,
    IReadOnlyList<decimal> AnnualNetMigrationRates);

/// <summary>The result of one step of <see cref="AgeSpecificRatesProjection"/>.</summary>
/// <param name="End">Population 5 years later.</param>
/// <param name="Births">Births of both sexes over the 5 years.</param>
/// <param name="FemaleBirths">Female births over the 5 years: Births / (1 + sex ratio at birth).</param>
public sealed record AgeSpecificRatesStep(PopulationTable End, decimal Births, decimal FemaleBirths);

/// <summary>
/// The generic cohort-component method with age-specific fertility, survival and net migration rates
/// (female-dominant, 5-year steps, open last group), as in Preston, Heuveline &amp; Guillot (2001),
/// <i>Demography</i>, ch. 6. Used where rates are known (an independent municipal projection, checks against the
/// textbook); the institute's municipal method is <see cref="CohortChangeProjection"/>.
/// </summary>
/// <remarks>
/// <para>With h(x) = 2.5 · m(x) · P(x, t), half of the 5 years' net migrants, added at the start and at the end:</para>
/// <list type="bullet">
/// <item>P(x+5, t+5) = (P(x, t) + h(x)) · s(x) + h(x+5) for closed groups;</item>
/// <item>P(a+, t+5) = (P(a−5, t) + h(a−5)) · s(a−5) + (P(a+, t) + h(a+)) · s(a+) + h(a+) for the open group a+;</item>
/// <item>births B = 5 · Σ f(x) · [(P_F(x, t) + h_F(x)) + P_F(x, t+5)] / 2: the mean of the women exposed at the start
/// (with the first half of the migrants) and at the end (with all of them);</item>
/// <item>P_F(0–4, t+5) = B / (1 + SRB) · L0_F + h_F(0–4), and for males B · SRB / (1 + SRB) · L0_M + h_M(0–4).</item>
/// </list>
/// <para>
/// This births convention reproduces the 0–4 figure of Preston's Box 6.2 (302,392); the Leslie-matrix convention,
/// which exposes the end-of-period women without the second half of the migrants, gives 300,630 (0.6 % less).
/// Every other group is convention-free.
/// </para>
/// </remarks>
public static class AgeSpecificRatesProjection
{
    /// <summary>
    /// Projects <paramref name="start"/> 5 years ahead.
    /// </summary>
    /// <param name="start">Population at the start (no unknown ages).</param>
    /// <param name="annualFertilityRates">Age-specific fertility rates f(x), births per woman per year, one per group.</param>
    /// <param name="sexRatioAtBirth">Male births per female birth (1.05).</param>
    /// <param name="female">Female rates.</param>
    /// <param name="male">Male rates, or null for a female-only projection (then the start must have no males and
    /// the result has none; male births are still counted in <see cref="AgeSpecificRatesStep.Births"/>).</param>
    /// <exception cref="ArgumentException">A rate list has the wrong length or a value out of range; the message names it.</exception>
    /// <exception cref="InvalidOperationException">Emigration removes more persons than a group has.</exception>
    public static AgeSpecificRatesStep Advance(
        PopulationTable start,
        IReadOnlyList<decimal> annualFertilityRates,
        decimal sexRatioAtBirth,
        SexSpecificRates female,
        SexSpecificRates? male)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(annualFertilityRates);
        ArgumentNullException.ThrowIfNull(female);
        if (start.HasUnknownAge)
        {
            throw new ArgumentException($"{start} has persons of unknown age: allocate them first (AllocateUnknownAge).", nameof(start));
        }

        var n = start.AgeGroups.Count;
        CheckList(annualFertilityRates, n, "fertility rates", 0m, 1m);
        if (sexRatioAtBirth is <= 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(sexRatioAtBirth), sexRatioAtBirth, "A sex ratio at birth is above 0 and at most 2 male births per female birth.");
        }

        CheckRates(female, n, "female");
        if (male is null && start.TotalOf(Sex.Male) != 0)
        {
            throw new ArgumentException($"{start} has males: give male rates, or project females only from a table without males.", nameof(male));
        }

        if (male is not null)
        {
            CheckRates(male, n, "male");
        }

        var femaleEnd = AgeAndMigrate(start, Sex.Female, female);
        var exposure = 0m;
        for (var x = 0; x < n; x++)
        {
            var h = Half(start, Sex.Female, female, x);
            exposure += annualFertilityRates[x] * (start[Sex.Female, start.AgeGroups[x]] + h + femaleEnd[x]) / 2m;
        }

        var births = 5m * exposure;
        var femaleBirths = births / (1m + sexRatioAtBirth);
        femaleEnd[0] = PopulationTable.RoundCount((femaleBirths * female.BirthSurvivalRatio) + Half(start, Sex.Female, female, 0));
        var maleEnd = new decimal[n];
        if (male is not null)
        {
            maleEnd = AgeAndMigrate(start, Sex.Male, male);
            maleEnd[0] = PopulationTable.RoundCount(((births - femaleBirths) * male.BirthSurvivalRatio) + Half(start, Sex.Male, male, 0));
        }

        foreach (var (sex, cells) in new[] { (Sex.Female, femaleEnd), (Sex.Male, maleEnd) })
        {
            for (var x = 0; x < n; x++)
            {
                if (cells[x] < 0)
                {
                    throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{start.AreaCode} {start.Year}→{start.Year + 5} {sex.ToJapanese()} {start.AgeGroups[x]}: net emigration leaves {cells[x]} persons."));
                }
            }
        }

        var end = PopulationTable.Create(start.AreaCode, start.Year + AgeGroup.Width, maleEnd, femaleEnd);
        return new AgeSpecificRatesStep(end, births, femaleBirths);
    }

    private static decimal[] AgeAndMigrate(PopulationTable start, Sex sex, SexSpecificRates rates)
    {
        var n = start.AgeGroups.Count;
        var p = start.Counts(sex);
        var s = rates.SurvivalRatios;
        var q = new decimal[n];
        for (var x = 1; x < n - 1; x++)
        {
            q[x] = PopulationTable.RoundCount(((p[x - 1] + Half(start, sex, rates, x - 1)) * s[x - 1]) + Half(start, sex, rates, x));
        }

        var open = n - 1;
        q[open] = PopulationTable.RoundCount(
            ((p[open - 1] + Half(start, sex, rates, open - 1)) * s[open - 1])
            + ((p[open] + Half(start, sex, rates, open)) * s[open])
            + Half(start, sex, rates, open));
        return q;
    }

    // Half of the net migrants of the 5 years: 2.5 × annual rate × population at the start.
    private static decimal Half(PopulationTable start, Sex sex, SexSpecificRates rates, int x) =>
        2.5m * rates.AnnualNetMigrationRates[x] * start.Counts(sex)[x];

    private static void CheckRates(SexSpecificRates rates, int n, string sex)
    {
        CheckList(rates.SurvivalRatios, n, sex + " survival ratios", 0m, 1m);
        CheckList(rates.AnnualNetMigrationRates, n, sex + " net migration rates", -1m, 1m);
        if (rates.BirthSurvivalRatio is < 0 or > 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {sex} birth survival ratio {rates.BirthSurvivalRatio} is outside 0 to 1."), nameof(rates));
        }
    }

    private static void CheckList(IReadOnlyList<decimal> values, int n, string what, decimal min, decimal max)
    {
        ArgumentNullException.ThrowIfNull(values, what);
        if (values.Count != n)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{values.Count} {what} given; the population has {n} age groups."), nameof(values));
        }

        for (var i = 0; i < n; i++)
        {
            if (values[i] < min || values[i] > max)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The {what} of group {i * AgeGroup.Width}: {values[i]} is outside {min} to {max}."), nameof(values));
            }
        }
    }
}
