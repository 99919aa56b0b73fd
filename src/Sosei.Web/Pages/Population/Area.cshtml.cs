using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Charts;
using Sosei.Application.Population;

namespace Sosei.Web.Pages.Population;

/// <summary>
/// /population/{areaCode}: the population vision of an area — chart, pyramid, three-age-group table, decomposition,
/// targets against projections and actuals, sources. Everything is chosen with GET parameters, so every view has a URL.
/// </summary>
public sealed class AreaModel(PopulationService service) : PageModel
{
    /// <summary>Years offered as the horizon.</summary>
    public static readonly int[] Horizons = [2040, 2045, 2050, 2055, 2060, 2065];

    /// <summary>Projection edition (edition).</summary>
    [BindProperty(SupportsGet = true, Name = "edition")]
    public string? Edition { get; set; }

    /// <summary>Fertility path: years (tfr1y … tfr3y).</summary>
    [BindProperty(SupportsGet = true, Name = "tfry")]
    public string?[] TfrYears { get; set; } = [];

    /// <summary>Fertility path: rates (tfr).</summary>
    [BindProperty(SupportsGet = true, Name = "tfr")]
    public string?[] TfrRates { get; set; } = [];

    /// <summary>on / off: compute シミュレーション2 (zero net migration).</summary>
    [BindProperty(SupportsGet = true, Name = "sim2")]
    public string? ZeroMigration { get; set; }

    /// <summary>Horizon.</summary>
    [BindProperty(SupportsGet = true, Name = "horizon")]
    public int? Horizon { get; set; }

    /// <summary>Pyramid: year of the bars.</summary>
    [BindProperty(SupportsGet = true, Name = "bars")]
    public int? Bars { get; set; }

    /// <summary>Pyramid: year of the outline.</summary>
    [BindProperty(SupportsGet = true, Name = "outline")]
    public int? Outline { get; set; }

    /// <summary>Table: base year.</summary>
    [BindProperty(SupportsGet = true, Name = "base")]
    public int? BaseYear { get; set; }

    /// <summary>Table: compared year.</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? TableYear { get; set; }

    /// <summary>The vision.</summary>
    public PopulationVision Vision { get; private set; } = null!;

    /// <summary>Line chart markup.</summary>
    public string ChartSvg { get; private set; } = "";

    /// <summary>Pyramid markup (empty when no table).</summary>
    public string PyramidSvg { get; private set; } = "";

    /// <summary>The pyramid's bars year.</summary>
    public int BarsYear { get; private set; }

    /// <summary>The pyramid's outline year.</summary>
    public int? OutlineYear { get; private set; }

    /// <summary>Fertility path rows shown in the form (three, blanks allowed).</summary>
    public IReadOnlyList<(string Year, string Rate)> TfrRows { get; private set; } = [];

    /// <summary>Whether シミュレーション2 is on.</summary>
    public bool ZeroMigrationOn { get; private set; } = true;

    /// <summary>Validation messages by field (tfr, horizon, edition).</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Loads the vision; 404 for an area without data.</summary>
    public async Task<IActionResult> OnGetAsync(string areaCode, CancellationToken cancellationToken)
    {
        var options = new PopulationScenarioOptions { BaseYear = BaseYear, TargetYear = TableYear };
        options = ReadFertilityPath(options);
        ZeroMigrationOn = ZeroMigration != "off";
        options = options with { ZeroNetMigration = ZeroMigrationOn };
        if (Horizon is { } h)
        {
            if (Horizons.Contains(h))
            {
                options = options with { Horizon = h };
            }
            else
            {
                Errors["horizon"] = string.Create(CultureInfo.InvariantCulture, $"推計期間「{h}」は選べません（2040～2065年の5年刻み）。2060年で計算しました。");
            }
        }

        PopulationVision? vision;
        try
        {
            vision = await service.GetVisionAsync(areaCode, options with { Edition = Edition }, cancellationToken);
        }
        catch (PopulationDataException e)
        {
            Errors["edition"] = e.Message;
            vision = await service.GetVisionAsync(areaCode, options, cancellationToken);
        }

        if (vision is null)
        {
            return NotFound();
        }

        Vision = vision;
        ChartSvg = LineChart.Render(PopulationCharts.TotalPopulation(vision));
        var years = vision.PyramidYears;
        if (years.Count > 0)
        {
            var latestCensus = vision.Census.Count > 0 ? vision.Census[^1].Year : years[0];
            BarsYear = Bars is { } b && years.Contains(b) ? b : latestCensus;
            OutlineYear = Outline is { } o && years.Contains(o) ? o : years[^1] != BarsYear ? years[^1] : null;
            if (PopulationCharts.Pyramid(vision, BarsYear, OutlineYear) is { } pyramid)
            {
                PyramidSvg = PyramidChart.Render(pyramid);
            }
        }

        ViewData["Title"] = $"{vision.AreaName} 人口ビジョン";
        return Page();
    }

    /// <summary>Hidden inputs that carry the current choices of the other forms.</summary>
    public IEnumerable<(string Name, string Value)> Hidden(params string[] except)
    {
        foreach (var (key, values) in Request.Query)
        {
            if (except.Contains(key, StringComparer.Ordinal) || key == "culture")
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is not null)
                {
                    yield return (key, value);
                }
            }
        }
    }

    private PopulationScenarioOptions ReadFertilityPath(PopulationScenarioOptions options)
    {
        var rows = new List<(string Year, string Rate)>();
        for (var i = 0; i < Math.Max(TfrYears.Length, TfrRates.Length); i++)
        {
            var year = i < TfrYears.Length ? TfrYears[i]?.Trim() ?? "" : "";
            var rate = i < TfrRates.Length ? TfrRates[i]?.Trim() ?? "" : "";
            rows.Add((year, rate));
        }

        if (rows.All(r => r.Year.Length == 0 && r.Rate.Length == 0))
        {
            TfrRows = Pad(options.FertilityPath.Select(p => (p.Year.ToString(CultureInfo.InvariantCulture), p.TotalFertilityRate.ToString(CultureInfo.InvariantCulture))).ToList());
            return options;
        }

        TfrRows = Pad(rows);
        var half = rows.FirstOrDefault(r => (r.Year.Length == 0) != (r.Rate.Length == 0));
        if (half != default)
        {
            Errors["tfr"] = $"年と合計特殊出生率は組で入力してください（「{half.Year}」「{half.Rate}」）。既定の目標（2030年 1.8、2040年 2.07）で計算しました。";
            return options;
        }

        var text = string.Join(",", rows.Where(r => r.Year.Length > 0).Select(r => $"{r.Year}={r.Rate}"));
        if (PopulationScenarioOptions.TryParseFertilityPath(text, out var path, out var error))
        {
            return options with { FertilityPath = path };
        }

        Errors["tfr"] = error + " 既定の目標（2030年 1.8、2040年 2.07）で計算しました。";
        return options;
    }

    private static List<(string Year, string Rate)> Pad(List<(string Year, string Rate)> rows)
    {
        while (rows.Count < 3)
        {
            rows.Add(("", ""));
        }

        return rows;
    }
}
