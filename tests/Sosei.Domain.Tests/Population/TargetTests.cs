using System.Globalization;
using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

// Seed 000 (根室市創生総合戦略, 平成27年策定・平成29年改訂), 第2章 2.「短期、中長期における年次別の目標人口」, transcribed as
// printed: 社人研推計 (平成25年3月推計), 根室市推計 and 減少抑制目標人数 (総人口 / 年少人口 / 生産人口 / 老年人口). The document
// prints the suppression with ▲ although it is the positive difference target − projection.
public class TargetTests
{
    public static TheoryData<int, TargetTerm, string[], string[], string[]> NemuroTargets() => new()
    {
        { 2020, TargetTerm.ShortTerm, ["25,390", "2,533", "14,317", "8,540"], ["26,043", "2,678", "14,704", "8,661"], ["▲653", "▲145", "▲387", "▲121"] },
        { 2025, TargetTerm.MediumTerm, ["23,491", "2,185", "12,997", "8,308"], ["24,790", "2,522", "13,705", "8,564"], ["▲1,299", "▲337", "▲708", "▲256"] },
        { 2060, TargetTerm.LongTerm, ["11,554", "913", "5,842", "4,800"], ["15,262", "1,430", "7,970", "5,862"], ["▲3,708", "▲517", "▲2,128", "▲1,062"] },
    };

    [Theory]
    [MemberData(nameof(NemuroTargets))]
    public void CompareWith_NemuroTargets_SuppressionIsTargetMinusProjectionAsPrinted(
        int year, TargetTerm term, string[] projection, string[] target, string[] printedSuppression)
    {
        var comparison = new PopulationTarget(year, Figures(target), term).CompareWith(Figures(projection));

        // ▲ marks the avoided decrease here, not a negative number: the printed figures are the magnitudes.
        var expected = Figures(printedSuppression.Select(p => p.TrimStart('▲')).ToArray());
        Assert.Equal(expected, comparison.Suppression);
        Assert.True(comparison.Suppression.Total > 0);
    }

    [Fact]
    public void Shares_Nemuro2060_RoundToThePrintedPercentages()
    {
        // 割合 table of the same chapter: 2010 12.2 / 61.3 / 26.5; 2060 社人研 7.9 / 50.6 / 41.5; 根室市推計 9.4 / 52.2 / 38.4.
        AssertShares(Figures(["29,198", "3,565", "17,901", "7,732"]), 12.2m, 61.3m, 26.5m);
        AssertShares(Figures(["11,554", "913", "5,842", "4,800"]), 7.9m, 50.6m, 41.5m);
        AssertShares(Figures(["15,262", "1,430", "7,970", "5,862"]), 9.4m, 52.2m, 38.4m);
    }

    [Fact]
    public void ThreeAgeGroups_PrintedFigures_NeedNotAddUpToTheTotal()
    {
        // 2060 社人研: 913 + 5,842 + 4,800 = 11,555 against the printed total 11,554 (端数).
        var figures = Figures(["11,554", "913", "5,842", "4,800"]);

        Assert.Equal(11555m, figures.KnownAgeTotal);
        Assert.Equal(11554m, figures.Total);
    }

    [Fact]
    public void CompareWith_Projection_UsesTheTargetYear()
    {
        var projection = PopulationData.Model(PopulationData.Nemuro).Project(PopulationScenario.Pattern1);
        var target = new PopulationTarget(2020, Figures(["26,043", "2,678", "14,704", "8,661"]), TargetTerm.ShortTerm);

        var comparison = target.CompareWith(projection);

        // Against the newer 平成30年推計 (24,461 in 2020) the same target means 1,582 more people.
        Assert.Equal(1582m, ThreeAgeGroups.RoundPersons(comparison.Suppression.Total));
        Assert.Equal(projection.ThreeAgeGroups(2020), comparison.Projection);
        Assert.Equal("短期", TargetTerm.ShortTerm.ToJapanese());
    }

    [Fact]
    public void CompareWith_ProjectionWithoutTheYear_Throws()
    {
        var projection = PopulationData.Model(PopulationData.Nemuro).Project(PopulationScenario.Pattern1);
        var target = new PopulationTarget(2060, Figures(["15,262", "1,430", "7,970", "5,862"]), TargetTerm.LongTerm);

        Assert.Throws<ArgumentOutOfRangeException>(() => target.CompareWith(projection));
    }

    private static void AssertShares(ThreeAgeGroups figures, decimal young, decimal working, decimal elderly)
    {
        Assert.Equal(young, Math.Round(figures.YoungShare!.Value, 1, MidpointRounding.AwayFromZero));
        Assert.Equal(working, Math.Round(figures.WorkingAgeShare!.Value, 1, MidpointRounding.AwayFromZero));
        Assert.Equal(elderly, Math.Round(figures.ElderlyShare!.Value, 1, MidpointRounding.AwayFromZero));
    }

    private static ThreeAgeGroups Figures(string[] printed)
    {
        var values = printed.Select(p => decimal.Parse(p, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray();
        return new ThreeAgeGroups(values[0], values[1], values[2], values[3]);
    }
}
