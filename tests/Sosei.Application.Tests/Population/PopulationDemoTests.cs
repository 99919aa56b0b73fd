using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sosei.Application.Population;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Population;

namespace Sosei.Application.Tests.Population;

/// <summary>
/// The shipped population data (data/population, see its README) loads on both engines with its counts, and the
/// population service reproduces the published projection and the plan's 減少抑制.
/// </summary>
[Collection(PopulationDataGroup.Name)]
public class PopulationDemoTests(LoadedPopulationDatabases databases)
{
    internal static FakeTimeProvider Clock => DemoDatabase.Clock;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task PopulationDemo_Loads_WithTheCountsOfTheFiles(DbKind kind)
    {
        var db = await databases.GetAsync(kind);
        await using var context = db.NewContext();

        var datasets = await context.PopulationDatasets.OrderBy(d => d.Kind).ToListAsync();
        Assert.Equal(
            ["国勢調査", "平成30年推計", "平成29年推計", "住民基本台帳", "ベイズ推定値 平成20～24年"],
            datasets.Select(d => d.Edition));
        Assert.All(datasets, d => Assert.False(string.IsNullOrWhiteSpace(d.Source)));
        Assert.All(datasets, d => Assert.False(string.IsNullOrWhiteSpace(d.Licence)));

        int Figures(PopulationDatasetKind k) => context.PopulationFigures.Count(f => f.Dataset!.Kind == k);

        // Census: 6 municipalities × 8 censuses × 2 sexes × (19 age groups + 年齢不詳); T and total rows are checked, not stored.
        Assert.Equal(6 * 8 * 2 * 20, Figures(PopulationDatasetKind.Census));
        // 平成30年推計: 8 areas (6 municipalities, 北海道, 全国) × 7 years × 2 sexes × 19 groups.
        Assert.Equal(8 * 7 * 2 * 19, Figures(PopulationDatasetKind.Projection));
        // 平成29年推計: 11 years × 2 sexes × 21 groups (0–4 … 95–99, 100歳以上): the 462 data rows of the file.
        Assert.Equal(462, Figures(PopulationDatasetKind.NationalProjection));
        Assert.Equal(1, Figures(PopulationDatasetKind.ResidentRegister));
        Assert.Equal(6, await context.FertilityRates.CountAsync());

        var nemuro2015 = await context.PopulationFigures
            .Where(f => f.AreaCode == "01223" && f.Year == 2015 && f.Dataset!.Kind == PopulationDatasetKind.Census)
            .ToListAsync();
        // census_1980_2015_by_sex_age5.csv: 01223 2015 T total 26,917 of which 66 年齢不詳.
        Assert.Equal(26_917m, nemuro2015.Sum(f => f.Count));
        Assert.Equal(66m, nemuro2015.Where(f => f.AgeGroup == PopulationFigure.UnknownAge).Sum(f => f.Count));
        var tfr = await context.FertilityRates.SingleAsync(r => r.AreaCode == "01223");
        Assert.Equal((1.53m, "平成20～24年", 2008, 2012), (tfr.Value, tfr.Period, tfr.FirstYear, tfr.LastYear));
        Assert.StartsWith("MHLW 平成20～24年", (await context.FertilityRates.SingleAsync(r => r.AreaCode == "01694")).Source, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task PopulationDemo_Reloaded_ReplacesTheSameEditions(DbKind kind)
    {
        await using var db = await DemoDatabase.PopulationAsync(kind);
        await using var context = db.NewContext();
        var before = await context.PopulationFigures.CountAsync();

        var results = await new PopulationDemoLoader(new PopulationCsvImporter(context, Clock), context).LoadAsync();

        Assert.All(results, r => Assert.True(r.Replaced));
        Assert.Equal(5, await context.PopulationDatasets.CountAsync());
        Assert.Equal(before, await context.PopulationFigures.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Pattern1_Nemuro_ReproducesThePublished2045TotalOfThe2018Edition(DbKind kind)
    {
        var db = await databases.GetAsync(kind);
        await using var context = db.NewContext();

        var vision = await new PopulationService(context, Clock).GetVisionAsync("01223");

        Assert.NotNull(vision);
        Assert.Equal("根室市", vision.AreaName);
        Assert.Equal("平成30年推計", vision.Edition!.Edition);
        // ipss2018_projection_by_sex_age5.csv: 01223 2045 T total = 13,210.
        Assert.InRange(vision.Pattern1!.ThreeAgeGroups(2045).Total, 13_207m, 13_213m);
        Assert.Equal(2060, vision.Pattern1.LastYear);
        // docs/population.md §3: 根室市 パターン1 2060 = 8,360 (603 / 3,731 / 4,026).
        Assert.Equal(new ThreeAgeGroups(8_360m, 603m, 3_731m, 4_026m), vision.Pattern1.ThreeAgeGroups(2060).Rounded());
        Assert.NotNull(vision.Simulation1);
        Assert.NotNull(vision.Simulation2);
        Assert.Contains("近似", vision.SurvivalSource, StringComparison.Ordinal);
        // docs/population.md §8: 根室市 2040 自然 102.2 % (level 2), 社会 143.6 % (level 5).
        Assert.Equal((102.2m, 2), (Math.Round(vision.NaturalImpact!.Percent, 1), vision.NaturalImpact.Level));
        Assert.Equal((143.6m, 5), (Math.Round(vision.SocialImpact!.Percent, 1), vision.SocialImpact.Level));
        // Census 2015 with 年齢不詳 allocated keeps the total.
        Assert.Equal(26_917m, vision.Census[^1].Population.Total);
        Assert.Equal(8, vision.Census.Count);
    }
}
