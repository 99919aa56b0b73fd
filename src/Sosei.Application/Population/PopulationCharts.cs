using System.Globalization;
using Sosei.Application.Charts;
using Sosei.Domain.Population;

namespace Sosei.Application.Population;

/// <summary>The charts of a population vision (legend in Japanese, as the plans print them): the total over time and the pyramid.</summary>
public static class PopulationCharts
{
    /// <summary>Legend names of the line chart's series, in drawing order.</summary>
    public const string CensusSeries = "国勢調査";

    /// <summary>Resident-register totals.</summary>
    public const string RegisterSeries = "住民基本台帳";

    /// <summary>パターン1.</summary>
    public const string Pattern1Series = "パターン1";

    /// <summary>シミュレーション1.</summary>
    public const string Simulation1Series = "シミュレーション1";

    /// <summary>シミュレーション2.</summary>
    public const string Simulation2Series = "シミュレーション2";

    /// <summary>The plan's targets.</summary>
    public const string TargetSeries = "目標人口";

    /// <summary>The projection the plan quoted (its edition).</summary>
    public const string PublishedSeries = "策定時の社人研推計";

    private static string Persons(decimal v) => ThreeAgeGroups.RoundPersons(v).ToString("#,0", CultureInfo.InvariantCulture) + "人";

    /// <summary>
    /// 総人口: census actuals, resident-register totals, パターン1, シミュレーション1 and 2, and the plan's targets with the
    /// projection it quoted (markers), on one time axis.
    /// </summary>
    public static LineChartSpec TotalPopulation(PopulationVision vision)
    {
        ArgumentNullException.ThrowIfNull(vision);
        var series = new List<ChartSeries>();
        if (vision.Census.Count > 0)
        {
            series.Add(new(CensusSeries, vision.Census.Select(c => new ChartPoint(c.Year, c.Table.Total, Tooltip: $"{c.Year}年 国勢調査 {Persons(c.Table.Total)}")).ToList(), SeriesStyle.Line, "#1f5fa8"));
        }

        if (vision.Register.Count > 0)
        {
            series.Add(new(RegisterSeries, vision.Register.Select(r => new ChartPoint(r.Year, r.Total, Tooltip: $"{r.Year}年 住民基本台帳 {Persons(r.Total)}")).ToList(), SeriesStyle.Markers, "#0f766e", MarkerShape.Square));
        }

        void Add(string name, PopulationProjection? projection, string color, MarkerShape marker)
        {
            if (projection is not null)
            {
                series.Add(new(name, projection.Tables.Select(t => new ChartPoint(t.Year, t.Total, Tooltip: $"{t.Year}年 {name} {Persons(t.Total)}")).ToList(), SeriesStyle.Dashed, color, marker));
            }
        }

        Add(Pattern1Series, vision.Pattern1, "#374151", MarkerShape.Circle);
        Add(Simulation1Series, vision.Simulation1, "#c2410c", MarkerShape.Triangle);
        Add(Simulation2Series, vision.Simulation2, "#1b7f3b", MarkerShape.Square);
        var targets = vision.Plans.SelectMany(p => p.Years.Select(y => (Plan: p, Year: y))).Where(t => t.Year.Target.Total is not null).ToList();
        if (targets.Count > 0)
        {
            series.Add(new(TargetSeries, targets.Select(t => new ChartPoint(t.Year.Year, t.Year.Target.Total, Tooltip: $"{t.Year.Year}年 {t.Plan.PlanName} {t.Year.Term}目標 {Persons(t.Year.Target.Total!.Value)}")).ToList(), SeriesStyle.Markers, "#b42318", MarkerShape.Diamond));
            var published = targets.Where(t => t.Year.PublishedProjection.Total is not null).ToList();
            if (published.Count > 0)
            {
                series.Add(new(PublishedSeries, published.Select(t => new ChartPoint(t.Year.Year, t.Year.PublishedProjection.Total, Hollow: true, Tooltip: $"{t.Year.Year}年 {t.Year.PublishedEdition ?? "計画策定時の推計"} {Persons(t.Year.PublishedProjection.Total!.Value)}")).ToList(), SeriesStyle.Markers, "#6b7280", MarkerShape.Triangle));
            }
        }

        return new LineChartSpec
        {
            Title = $"{vision.AreaName}の総人口の推移と将来推計",
            Description = $"{vision.AreaName}の総人口: {string.Join("、", series.Select(s => s.Name))}" + (vision.Edition is { } e ? $"（推計は{e.Edition}に基づく）" : ""),
            Series = series,
            YUnit = "人",
            Width = 960,
            Height = 360,
        };
    }

    /// <summary>
    /// The pyramid of <paramref name="barsYear"/> (bars) against <paramref name="outlineYear"/> (outline): census years
    /// with 年齢不詳 allocated, later years from パターン1. Null when the bars' year has no table.
    /// </summary>
    public static PyramidSpec? Pyramid(PopulationVision vision, int barsYear, int? outlineYear)
    {
        ArgumentNullException.ThrowIfNull(vision);
        var bars = vision.PyramidTable(barsYear);
        if (bars is null)
        {
            return null;
        }

        var outline = outlineYear is { } oy ? vision.PyramidTable(oy) : null;
        var rows = bars.AgeGroups.Select(g => new PyramidRow(
            g.ToJapanese(),
            bars[Sex.Male, g],
            bars[Sex.Female, g],
            outline?[Sex.Male, g],
            outline?[Sex.Female, g])).ToList();
        string Label(int year) => $"{year}年（{vision.PyramidSource(year)}）";
        return new PyramidSpec
        {
            Title = outline is null ? $"{vision.AreaName}の人口ピラミッド {Label(barsYear)}" : $"{vision.AreaName}の人口ピラミッド {Label(barsYear)}と{Label(outlineYear!.Value)}",
            Description = $"男女・5歳階級別人口。棒: {Label(barsYear)}" + (outline is null ? "" : $"、線: {Label(outlineYear!.Value)}"),
            Rows = rows,
            BarsLabel = Label(barsYear),
            OutlineLabel = outline is null ? null : Label(outlineYear!.Value),
            BarsYear = barsYear,
            OutlineYear = outline is null ? null : outlineYear,
            CountLabel = v => ThreeAgeGroups.RoundPersons(v).ToString("#,0", CultureInfo.InvariantCulture),
        };
    }
}
