using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Sosei.Application.Common;
using Sosei.Domain.Population;

namespace Sosei.Application.Population;

/// <summary>
/// Writes a <see cref="PopulationProjectionRun"/> as JSON (<c>sosei-population-projection/1</c>), CSV (the layout of
/// Sosei's data files, UTF-8 with BOM for Excel) or xlsx (概要, 男女・年齢別, 出典). Counts are written unrounded
/// (to 1e-10 person) where a machine reads them, and also rounded to whole persons where a person reads them.
/// </summary>
public static class PopulationProjectionWriter
{
    /// <summary>Format identifier of the JSON output.</summary>
    public const string JsonFormat = "sosei-population-projection/1";

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>JSON: area, scenario, assumptions, sources, a summary per year and every row (year × sex × age).</summary>
    public static void WriteJson(Stream output, PopulationProjectionRun run)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        using var w = new Utf8JsonWriter(output, JsonOptions);
        w.WriteStartObject();
        w.WriteString("format", JsonFormat);
        w.WriteStartObject("area");
        w.WriteString("code", run.AreaCode);
        w.WriteString("name", run.AreaName);
        w.WriteEndObject();
        w.WriteStartObject("scenario");
        w.WriteString("code", PopulationScenarioOptions.ScenarioCode(run.Scenario));
        w.WriteString("name", PopulationScenarioOptions.ScenarioName(run.Scenario));
        w.WriteNumber("jumpOffYear", run.Projection.JumpOffYear);
        w.WriteNumber("lastYear", run.Projection.LastYear);
        w.WriteString("edition", run.Edition.Edition);
        w.WriteString("calibratedOn", run.Edition.Title);
        if (run.Scenario != PopulationScenarioKind.Pattern1)
        {
            w.WriteStartArray("fertilityPath");
            foreach (var p in run.Options.FertilityPath)
            {
                w.WriteStartObject();
                w.WriteNumber("year", p.Year);
                w.WriteNumber("totalFertilityRate", p.TotalFertilityRate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteOptionalNumber(w, "baseTotalFertilityRate", run.BaseTotalFertilityRate);
            w.WriteString("baseTotalFertilityRateSource", run.BaseTotalFertilityRateSource);
        }

        if (run.Scenario == PopulationScenarioKind.Simulation2)
        {
            w.WriteBoolean("zeroNetMigration", true);
            w.WriteString("survivalRatios", run.SurvivalSource);
        }

        w.WriteEndObject();
        w.WriteStartArray("sources");
        foreach (var s in run.Sources)
        {
            w.WriteStartObject();
            w.WriteString("kind", s.Kind.ToString());
            w.WriteString("edition", s.Edition);
            w.WriteString("title", s.Title);
            w.WriteString("source", s.Source);
            w.WriteString("licence", s.Licence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("summary");
        foreach (var y in run.Projection.Summary())
        {
            w.WriteStartObject();
            w.WriteNumber("year", y.Year);
            w.WriteNumber("total", y.Population.Total);
            w.WriteNumber("young", y.Population.Young);
            w.WriteNumber("workingAge", y.Population.WorkingAge);
            w.WriteNumber("elderly", y.Population.Elderly);
            WriteOptionalNumber(w, "youngShare", y.Population.YoungShare);
            WriteOptionalNumber(w, "workingAgeShare", y.Population.WorkingAgeShare);
            WriteOptionalNumber(w, "elderlyShare", y.Population.ElderlyShare);
            w.WriteNumber("womenAged20To39", y.WomenAged20To39);
            WriteOptionalNumber(w, "childWomanRatio", y.ChildWomanRatio);
            WriteOptionalNumber(w, "totalFertilityRate", y.TotalFertilityRate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rows");
        foreach (var r in run.Projection.Rows())
        {
            w.WriteStartObject();
            w.WriteNumber("year", r.Year);
            w.WriteString("sex", r.SexCode);
            w.WriteString("ageGroup", r.AgeCode);
            w.WriteNumber("population", r.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// CSV in the layout of the data files (code,name,year,sex,age_group,population) with the scenario and the
    /// unrounded count: <c>population</c> is rounded to whole persons (half away from zero), <c>population_exact</c>
    /// is not. UTF-8 with BOM, CRLF (opens in Excel with Japanese intact).
    /// </summary>
    public static void WriteCsv(Stream output, PopulationProjectionRun run)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        w.WriteLine("code,name,scenario,year,sex,age_group,population,population_exact");
        var scenario = PopulationScenarioOptions.ScenarioCode(run.Scenario);
        foreach (var r in run.Projection.Rows())
        {
            w.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{run.AreaCode},{Quote(CsvCells.Neutralise(run.AreaName) ?? "")},{scenario},{r.Year},{r.SexCode},{r.AgeCode},{ThreeAgeGroups.RoundPersons(r.Count):0},{Exact(r.Count)}"));
        }
    }

    /// <summary>xlsx: 概要 (one line per year by three age groups), 男女・年齢別 (every row), 出典 (assumptions and sources).</summary>
    public static void WriteXlsx(Stream output, PopulationProjectionRun run)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(run);
        var summary = new PopulationSheet(
            "概要",
            ["年", "総人口", "年少人口（0～14歳）", "生産年齢人口（15～64歳）", "老年人口（65歳以上）", "年少人口割合（%）", "生産年齢人口割合（%）", "老年人口割合（%）", "20～39歳女性人口", "子ども女性比", "合計特殊出生率"],
            run.Projection.Summary().Select(y => (IReadOnlyList<object?>)
            [
                y.Year, y.Population.Total, y.Population.Young, y.Population.WorkingAge, y.Population.Elderly,
                y.Population.YoungShare, y.Population.WorkingAgeShare, y.Population.ElderlyShare,
                y.WomenAged20To39, y.ChildWomanRatio, y.TotalFertilityRate,
            ]).ToList(),
            [
                PopulationNumberFormat.General, PopulationNumberFormat.Persons, PopulationNumberFormat.Persons, PopulationNumberFormat.Persons, PopulationNumberFormat.Persons,
                PopulationNumberFormat.OneDecimal, PopulationNumberFormat.OneDecimal, PopulationNumberFormat.OneDecimal,
                PopulationNumberFormat.Persons, PopulationNumberFormat.General, PopulationNumberFormat.TwoDecimals,
            ]);
        var rows = new PopulationSheet(
            "男女・年齢別",
            ["年", "性別", "年齢", "人口", "人口（端数処理なし）"],
            run.Projection.Rows().Select(r => (IReadOnlyList<object?>)
            [
                r.Year,
                r.Sex switch { Sex.Male => "男", Sex.Female => "女", _ => "総数" },
                r.AgeGroup?.ToJapanese() ?? (r.IsUnknownAge ? "年齢不詳" : "総数"),
                ThreeAgeGroups.RoundPersons(r.Count),
                r.Count,
            ]).ToList(),
            [PopulationNumberFormat.General, PopulationNumberFormat.General, PopulationNumberFormat.General, PopulationNumberFormat.Persons, PopulationNumberFormat.General]);
        var about = new List<IReadOnlyList<object?>>
        {
            new object?[] { "地域", $"{run.AreaCode} {run.AreaName}" },
            new object?[] { "シナリオ", PopulationScenarioOptions.ScenarioName(run.Scenario) },
            new object?[] { "推計期間", string.Create(CultureInfo.InvariantCulture, $"{run.Projection.JumpOffYear}～{run.Projection.LastYear}年") },
            new object?[] { "基にした推計", run.Edition.Title },
        };
        if (run.Scenario != PopulationScenarioKind.Pattern1)
        {
            about.Add(["合計特殊出生率の目標", PopulationScenarioOptions.FormatFertilityPath(run.Options.FertilityPath)]);
            about.Add(["基準の合計特殊出生率", run.BaseTotalFertilityRateSource]);
        }

        if (run.SurvivalSource is not null)
        {
            about.Add(["純移動ゼロの生残率", run.SurvivalSource]);
        }

        about.Add(["端数", "人口は端数処理なしの値を保存し、表示のみ整数に丸めています（四捨五入）。年齢3区分の合計と総人口は端数の関係で一致しない場合があります。"]);
        foreach (var s in run.Sources)
        {
            about.Add(["出典", $"{s.Title}。{s.Source}（{s.Licence}）"]);
        }

        PopulationSheet.Write(output, [summary, rows, new PopulationSheet("出典", ["項目", "内容"], about)]);
    }

    private static void WriteOptionalNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Exact(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
