using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Sosei.Domain.Population;

namespace Sosei.Application.Population;

/// <summary>Which scenario of a population vision (CLI <c>--scenario</c>).</summary>
public enum PopulationScenarioKind
{
    /// <summary>パターン1: the institute's projection, extended (社人研推計準拠).</summary>
    Pattern1 = 0,

    /// <summary>シミュレーション1: パターン1 with the fertility path.</summary>
    Simulation1 = 1,

    /// <summary>シミュレーション2: シミュレーション1 with zero net migration (national survival approximation).</summary>
    Simulation2 = 2,
}

/// <summary>
/// The scenario parameters a user can set, shared by the web page (GET form) and the CLI: the projection edition,
/// the fertility path (合計特殊出生率の目標), whether the zero-migration scenario is computed, the horizon, and the
/// years of the three-age-group table.
/// </summary>
public sealed record PopulationScenarioOptions
{
    /// <summary>First horizon offered (the jump-off 2015 plus one period).</summary>
    public const int MinHorizon = 2020;

    /// <summary>Default horizon (the 長期 of the 人口ビジョン).</summary>
    public const int DefaultHorizon = 2060;

    /// <summary>Projection edition (平成30年推計 or part of its title); null = the latest projection of the area.</summary>
    public string? Edition { get; init; }

    /// <summary>Fertility path points (year → TFR); default 1.8 by 2030, 2.07 by 2040 (まち・ひと・しごと創生長期ビジョン).</summary>
    public IReadOnlyList<FertilityPathPoint> FertilityPath { get; init; } = Domain.Population.FertilityPath.NationalVision.Points;

    /// <summary>Whether シミュレーション2 (zero net migration) is computed and the municipality's scenario includes it.</summary>
    public bool ZeroNetMigration { get; init; } = true;

    /// <summary>Last projected year (a multiple of 5, 2020 to the end of the national projection, 2065).</summary>
    public int Horizon { get; init; } = DefaultHorizon;

    /// <summary>Year compared in the three-age-group table; null = the plan's long-term target year, else the horizon.</summary>
    public int? TargetYear { get; init; }

    /// <summary>Base year of the three-age-group table (a census year); null = the latest census.</summary>
    public int? BaseYear { get; init; }

    /// <summary>The path as text: <c>2030=1.8,2040=2.07</c>.</summary>
    public string FertilityPathText => FormatFertilityPath(FertilityPath);

    /// <summary>The scenario the municipality's column of the table uses when the plan has no target for the year.</summary>
    public PopulationScenarioKind OwnScenario => ZeroNetMigration ? PopulationScenarioKind.Simulation2 : PopulationScenarioKind.Simulation1;

    /// <summary>Writes points as <c>2030=1.8,2040=2.07</c>.</summary>
    public static string FormatFertilityPath(IEnumerable<FertilityPathPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return string.Join(",", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Year}={p.TotalFertilityRate}")));
    }

    /// <summary>
    /// Reads a fertility path written <c>2030=1.8,2040=2.07</c> (also <c>2030:1.8</c>, separators <c>,</c> <c>;</c> or
    /// blanks, full-width digits). Years 2016–2100 increasing, rates above 0 and at most 10.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="path">The points read.</param>
    /// <param name="error">Why the text was rejected, quoting it (Japanese / English); null on success.</param>
    public static bool TryParseFertilityPath(string? text, out IReadOnlyList<FertilityPathPoint> path, [NotNullWhen(false)] out string? error)
    {
        path = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "合計特殊出生率の目標を「2030=1.8,2040=2.07」の形で指定してください / give the fertility path as 2030=1.8,2040=2.07.";
            return false;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var points = new List<FertilityPathPoint>();
        foreach (var part in normalized.Split([',', ';', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(['=', ':'], StringSplitOptions.TrimEntries);
            if (pair.Length != 2
                || !int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || !decimal.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
            {
                error = $"「{text}」の「{part}」は「年=出生率」（例 2030=1.8）ではありません / '{part}' in '{text}' is not year=rate (2030=1.8).";
                return false;
            }

            if (year is < 2016 or > 2100)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"「{text}」の年 {year} は 2016～2100 の範囲外です（基準年 2015 より後）/ year {year} in '{text}' must be 2016–2100.");
                return false;
            }

            if (rate is <= 0 or > 10)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"「{text}」の出生率 {rate} は 0 より大きく 10 以下にしてください / rate {rate} in '{text}' must be above 0 and at most 10.");
                return false;
            }

            if (points.Count > 0 && year <= points[^1].Year)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"「{text}」の年は昇順にしてください（{points[^1].Year} の次に {year}）/ years in '{text}' must increase.");
                return false;
            }

            points.Add(new FertilityPathPoint(year, rate));
        }

        if (points.Count == 0)
        {
            error = $"「{text}」に「年=出生率」がありません / no year=rate in '{text}'.";
            return false;
        }

        path = points;
        error = null;
        return true;
    }

    /// <summary>Reads pattern1 | sim1 | sim2 (also パターン1, シミュレーション1, simulation1 …); null when unknown.</summary>
    public static PopulationScenarioKind? ParseScenario(string? text) => text?.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant() switch
    {
        "PATTERN1" or "P1" or "パターン1" or "社人研" => PopulationScenarioKind.Pattern1,
        "SIM1" or "SIMULATION1" or "S1" or "シミュレーション1" => PopulationScenarioKind.Simulation1,
        "SIM2" or "SIMULATION2" or "S2" or "シミュレーション2" => PopulationScenarioKind.Simulation2,
        _ => null,
    };

    /// <summary>パターン1 / シミュレーション1 / シミュレーション2.</summary>
    public static string ScenarioName(PopulationScenarioKind kind) => kind switch
    {
        PopulationScenarioKind.Pattern1 => "パターン1",
        PopulationScenarioKind.Simulation1 => "シミュレーション1",
        PopulationScenarioKind.Simulation2 => "シミュレーション2",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scenario."),
    };

    /// <summary>pattern1 / sim1 / sim2 (CLI and file names).</summary>
    public static string ScenarioCode(PopulationScenarioKind kind) => kind switch
    {
        PopulationScenarioKind.Pattern1 => "pattern1",
        PopulationScenarioKind.Simulation1 => "sim1",
        PopulationScenarioKind.Simulation2 => "sim2",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scenario."),
    };
}
