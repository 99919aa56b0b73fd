using System.Globalization;
using System.Text;
using System.Text.Json;
using Sosei.Domain.Population;

namespace Sosei.Domain.Tests.Population;

/// <summary>
/// Test-side reader of the shipped population data (repository data/population, copied to the test output folder
/// PopulationData/ by the test project). Invariant culture; every file's own total rows are checked on reading.
/// </summary>
internal static class PopulationData
{
    public const string Nemuro = "01223";

    /// <summary>The six municipalities of the reference documents.</summary>
    public static readonly string[] Municipalities = ["01223", "01211", "01691", "01692", "01693", "01694"];

    public const string Ipss2018Edition = "国立社会保障・人口問題研究所「日本の地域別将来推計人口（平成30年推計）」";
    public const string Ipss2017Edition = "国立社会保障・人口問題研究所「日本の将来推計人口（平成29年推計）」出生中位・死亡中位";
    public const string SurvivalApproximationLabel = "全国推計（平成29年推計）のコーホート変化率による生残率の近似";

    private static readonly Lazy<IReadOnlyDictionary<(string Code, int Year), PopulationTable>> Ipss2018Tables =
        new(() => ReadMunicipalTable("ipss2018_projection_by_sex_age5.csv"));

    private static readonly Lazy<IReadOnlyDictionary<(string Code, int Year), PopulationTable>> CensusTables =
        new(() => ReadMunicipalTable("census_1980_2015_by_sex_age5.csv"));

    private static readonly Lazy<NationalProjection> National2017 = new(ReadNational);

    private static readonly Lazy<IReadOnlyDictionary<string, decimal>> Tfr = new(ReadTfr);

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "PopulationData", file);

    /// <summary>平成30年推計 table of one area and year (2015 jump-off … 2045).</summary>
    public static PopulationTable Ipss2018(string code, int year) => Ipss2018Tables.Value[(code, year)];

    /// <summary>平成30年推計 tables of one area, 2015 … 2045.</summary>
    public static IReadOnlyList<PopulationTable> Ipss2018Series(string code) =>
        Enumerable.Range(0, 7).Select(i => Ipss2018(code, 2015 + (5 * i))).ToArray();

    /// <summary>国勢調査 table (with 年齢不詳) of one municipality and census year.</summary>
    public static PopulationTable Census(string code, int year) => CensusTables.Value[(code, year)];

    /// <summary>平成29年推計 national projection 2015–2065, folded to 90+.</summary>
    public static NationalProjection National => National2017.Value;

    /// <summary>合計特殊出生率 (ベイズ推定値) 平成20～24年.</summary>
    public static decimal MunicipalTfr(string code) => Tfr.Value[code];

    /// <summary>Calibrated model of a municipality on the 平成30年推計.</summary>
    public static MunicipalProjectionModel Model(string code, CalibrationMode mode = CalibrationMode.ReproducePublished) =>
        MunicipalProjectionModel.Calibrate(Ipss2018Edition, Ipss2018Series(code), National, mode);

    /// <summary>The model prepared for the three scenarios: extended to 2060, base TFR and approximate survival.</summary>
    public static MunicipalProjectionModel VisionModel(string code) =>
        Model(code)
            .WithHorizon(2060)
            .WithBaseTotalFertilityRate(MunicipalTfr(code), "合計特殊出生率（ベイズ推定値）平成20～24年")
            .WithSurvivalRatios(National.SurvivalApproximation(), SurvivalApproximationLabel);

    public static JsonElement PrestonFixture()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf("preston_box6_2_sweden_fixture.json"), Encoding.UTF8));
        return document.RootElement.Clone();
    }

    public static decimal[] Decimals(JsonElement element) =>
        element.EnumerateArray().Select(e => e.GetDecimal()).ToArray();

    public static decimal ParseNumber(string text) =>
        decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A minimal RFC 4180 reader: header row, quoted fields with commas and doubled quotes, CRLF or LF.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string file)
    {
        using var reader = new StreamReader(PathOf(file), Encoding.UTF8);
        string[]? header = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitCsvLine(line);
            if (header is null)
            {
                header = fields;
                continue;
            }

            if (fields.Length != header.Length)
            {
                throw new FormatException(
                    string.Create(CultureInfo.InvariantCulture, $"{file} line {lineNumber}: {fields.Length} fields, expected {header.Length}: '{line}'."));
            }

            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second);
        }
    }

    private static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields.ToArray();
    }

    private static Dictionary<(string Code, int Year), PopulationTable> ReadMunicipalTable(string file)
    {
        var rows = ReadCsv(file).Select(r => (
            Code: r["code"],
            Year: int.Parse(r["year"], CultureInfo.InvariantCulture),
            Sex: r["sex"],
            Age: r["age_group"],
            Value: ParseNumber(r["population"])));
        var tables = new Dictionary<(string, int), PopulationTable>();
        foreach (var group in rows.GroupBy(r => (r.Code, r.Year)))
        {
            var counts = group.Where(r => r.Sex != "T" && r.Age is not ("unknown" or "total"))
                .Select(r => new PopulationCount(Sexes.Parse(r.Sex), AgeGroup.Parse(r.Age), r.Value));
            decimal Cell(string sex, string age) =>
                group.Where(r => r.Sex == sex && r.Age == age).Select(r => r.Value).SingleOrDefault();
            var table = PopulationTable.FromCounts(
                group.Key.Code, group.Key.Year, counts, unknownMale: Cell("M", "unknown"), unknownFemale: Cell("F", "unknown"));

            // The files carry their own totals: check them while reading, so a bad copy fails loudly.
            foreach (var sex in Sexes.All)
            {
                var code = sex == Sex.Male ? "M" : "F";
                if (table.TotalOf(sex) != Cell(code, "total"))
                {
                    throw new InvalidDataException($"{file} {group.Key}: {code} total {Cell(code, "total")} ≠ sum {table.TotalOf(sex)}.");
                }
            }

            if (table.Total != Cell("T", "total"))
            {
                throw new InvalidDataException($"{file} {group.Key}: T total {Cell("T", "total")} ≠ sum {table.Total}.");
            }

            tables[group.Key] = table;
        }

        return tables;
    }

    private static NationalProjection ReadNational()
    {
        var tables = ReadCsv("ipss2017_national_projection_by_sex_age5.csv")
            .GroupBy(r => int.Parse(r["year"], CultureInfo.InvariantCulture))
            .Select(g => PopulationTable.FromCounts(
                "00000",
                g.Key,
                g.Select(r => new PopulationCount(Sexes.Parse(r["sex"]), AgeGroup.Parse(r["age"]), ParseNumber(r["value"])))));
        return NationalProjection.Create(Ipss2017Edition, tables);
    }

    private static Dictionary<string, decimal> ReadTfr() =>
        ReadCsv("municipal_tfr_bayes_2008_2012.csv").ToDictionary(r => r["code"], r => ParseNumber(r["tfr_bayes_2008_2012"]));
}
