using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

/// <summary>Small builders of population tables and ratios for tests.</summary>
internal static class Tables
{
    public static PopulationTable Uniform(string code, int year, decimal count, int groups = 19) =>
        PopulationTable.Create(code, year, Enumerable.Repeat(count, groups).ToArray(), Enumerable.Repeat(count, groups).ToArray());

    public static PopulationTable WithCell(this PopulationTable table, Sex sex, int start, decimal count)
    {
        var male = table.Counts(Sex.Male).ToArray();
        var female = table.Counts(Sex.Female).ToArray();
        (sex == Sex.Male ? male : female)[start / 5] = count;
        return PopulationTable.Create(table.AreaCode, table.Year, male, female, table.UnknownAge(Sex.Male), table.UnknownAge(Sex.Female));
    }

    public static CohortChangeRatios UniformRatios(decimal ratio, int origins = 18) =>
        CohortChangeRatios.Create(Enumerable.Repeat(ratio, origins).ToArray(), Enumerable.Repeat(ratio, origins).ToArray());
}
