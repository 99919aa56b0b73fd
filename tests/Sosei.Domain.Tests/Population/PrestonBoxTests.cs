using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

// Golden values: data/population/preston_box6_2_sweden_fixture.json — Preston, Heuveline & Guillot (2001),
// Demography, Box 6.2: Sweden females 1993 → 1998 (encoding from markalava/CCMPP, MIT, (c) 2020 Mark C Wheldon).
public class PrestonBoxTests
{
    private static AgeSpecificRatesStep ProjectBox()
    {
        var fixture = PopulationData.PrestonFixture();
        var females = PopulationData.Decimals(fixture.GetProperty("baseline_female_1993"));
        var start = PopulationTable.Create("SE", 1993, new decimal[females.Length], females);
        var rates = new SexSpecificRates(
            PopulationData.Decimals(fixture.GetProperty("survival_ratios")),
            fixture.GetProperty("survival_nLx_ratio_0").GetDecimal(),
            PopulationData.Decimals(fixture.GetProperty("net_migration_proportion_annual")));
        return AgeSpecificRatesProjection.Advance(
            start,
            PopulationData.Decimals(fixture.GetProperty("asfr_annual")),
            fixture.GetProperty("srb").GetDecimal(),
            rates,
            male: null);
    }

    [Fact]
    public void PrestonBox62_FiveToEightyPlus_ReproduceTheRoundedFigures()
    {
        var expected = PopulationData.Decimals(PopulationData.PrestonFixture().GetProperty("expected_female_1998_rounded"));

        var end = ProjectBox().End;

        Assert.Equal(1998, end.Year);
        Assert.Equal(80, end.OpenAgeStart);
        for (var i = 1; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ThreeAgeGroups.RoundPersons(end.Counts(Sex.Female)[i]));
        }
    }

    [Fact]
    public void PrestonBox62_ZeroToFour_ReproducesThreeHundredTwoThousandThreeHundredNinetyTwo()
    {
        // Births exposure = mean of (start women + first half of the migrants) and end women (with all migrants);
        // the Leslie-matrix convention would give 300,630 (0.6 % less).
        var step = ProjectBox();

        Assert.Equal(302392m, ThreeAgeGroups.RoundPersons(step.End[Sex.Female, AgeGroup.Closed(0)]));
        Assert.Equal(step.Births / 2.05m, step.FemaleBirths);
        Assert.Equal(0m, step.End.TotalOf(Sex.Male));
    }

    [Fact]
    public void Advance_WithMaleRates_SplitsBirthsBySexRatio()
    {
        var table = Tables.Uniform("X", 2020, 1000m, groups: 17);
        var rates = new SexSpecificRates(Enumerable.Repeat(1m, 17).ToArray(), 1m, new decimal[17]);
        var fertility = new decimal[17];
        fertility[5] = 0.1m;

        var step = AgeSpecificRatesProjection.Advance(table, fertility, 1.05m, rates, rates);

        // 5 years × 0.1 × 1,000 women = 500 births, of which 500 / 2.05 are girls; survival 1, no migration.
        Assert.Equal(500m, step.Births);
        Assert.Equal(PopulationTable.RoundCount(500m / 2.05m), step.End[Sex.Female, AgeGroup.Closed(0)]);
        Assert.Equal(500m, step.End.TotalOf(AgeGroup.Closed(0)));
    }

    [Fact]
    public void Advance_FemaleOnlyWithMalesInTheTable_IsRejected()
    {
        var table = Tables.Uniform("X", 2020, 10m, groups: 17);
        var rates = new SexSpecificRates(Enumerable.Repeat(1m, 17).ToArray(), 1m, new decimal[17]);

        Assert.Throws<ArgumentException>(() => AgeSpecificRatesProjection.Advance(table, new decimal[17], 1.05m, rates, male: null));
    }

    [Fact]
    public void Advance_WrongNumberOfRates_SaysHowMany()
    {
        var table = Tables.Uniform("X", 2020, 10m, groups: 17);
        var rates = new SexSpecificRates(Enumerable.Repeat(1m, 16).ToArray(), 1m, new decimal[17]);

        var error = Assert.Throws<ArgumentException>(() => AgeSpecificRatesProjection.Advance(table, new decimal[17], 1.05m, rates, rates));
        Assert.Contains("16 female survival ratios given; the population has 17 age groups", error.Message, StringComparison.Ordinal);
    }
}
