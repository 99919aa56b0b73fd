using System.Globalization;
using Sosei.Application.Common;

namespace Sosei.Application.Population;

/// <summary>The file formats <see cref="PopulationCsvImporter"/> reads (docs/formats/population-csv.md).</summary>
public enum PopulationFileKind
{
    /// <summary>国勢調査 by sex × 5-year age (census_1980_2015_by_sex_age5.csv): code,name,year,sex,age_group,population.</summary>
    Census = 0,

    /// <summary>A municipal projection (ipss2018_projection_by_sex_age5.csv), same columns, no 年齢不詳.</summary>
    Projection = 1,

    /// <summary>The national projection (ipss2017_national_projection_by_sex_age5.csv): year,sex,age,value.</summary>
    National = 2,

    /// <summary>合計特殊出生率 (municipal_tfr_bayes_2008_2012.csv): code,name,tfr_…_YYYY_YYYY,source — or code,name,period,tfr,source.</summary>
    Tfr = 3,

    /// <summary>住民基本台帳 totals: code,name,date,total[,male,female].</summary>
    Register = 4,
}

/// <summary>Names of <see cref="PopulationFileKind"/> on the command line and in forms.</summary>
public static class PopulationFileKinds
{
    /// <summary>census, projection, national, tfr, register.</summary>
    public static IReadOnlyList<string> Names { get; } = ["census", "projection", "national", "tfr", "register"];

    /// <summary>Reads census|projection|national|tfr|register (case-insensitive); null when unknown.</summary>
    public static PopulationFileKind? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "CENSUS" => PopulationFileKind.Census,
        "PROJECTION" => PopulationFileKind.Projection,
        "NATIONAL" => PopulationFileKind.National,
        "TFR" => PopulationFileKind.Tfr,
        "REGISTER" => PopulationFileKind.Register,
        _ => null,
    };

    /// <summary>The dataset kind a file kind fills.</summary>
    public static PopulationDatasetKind DatasetKind(this PopulationFileKind kind) => kind switch
    {
        PopulationFileKind.Census => PopulationDatasetKind.Census,
        PopulationFileKind.Projection => PopulationDatasetKind.Projection,
        PopulationFileKind.National => PopulationDatasetKind.NationalProjection,
        PopulationFileKind.Tfr => PopulationDatasetKind.FertilityRate,
        PopulationFileKind.Register => PopulationDatasetKind.ResidentRegister,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown population file kind."),
    };
}

/// <summary>What to import and how to label it.</summary>
public sealed record PopulationImportRequest
{
    /// <summary>File format.</summary>
    public required PopulationFileKind Kind { get; init; }

    /// <summary>Edition name (国勢調査, 平成30年推計, 平成29年推計, 住民基本台帳 …); kind + edition identify the dataset.</summary>
    public required string Edition { get; init; }

    /// <summary>File name, for messages and the dataset record.</summary>
    public string FileName { get; init; } = "population.csv";

    /// <summary>Full title to cite; defaults to the edition.</summary>
    public string? Title { get; init; }

    /// <summary>出典 text.</summary>
    public string? Source { get; init; }

    /// <summary>Terms of use.</summary>
    public string? Licence { get; init; }

    /// <summary>Who imports.</summary>
    public string? User { get; init; }

    /// <summary>Validate only, write nothing.</summary>
    public bool DryRun { get; init; }
}

/// <summary>
/// A problem in a population file: where (the file, and a <see cref="CsvCell"/> row and column inside it), the
/// offending text and what was expected. Row is the line number in the file (the header is row 1).
/// </summary>
/// <param name="Place">Where the problem is: the file, with the row and column when known.</param>
/// <param name="Text">The offending text as written, or null when something is missing.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record PopulationImportProblem(InFile Place, string? Text, Message Message)
{
    /// <summary>The offending text, cut to about <see cref="ProblemList.MaxQuoted"/> characters; null when something is missing.</summary>
    public string? Text { get; init; } = ProblemList.Quote(Text);

    /// <summary>What is wrong and what was expected.</summary>
    public Message Message { get; init; } = ProblemList.Shortened(Message);

    /// <summary>File name.</summary>
    public string File => Place.File;

    /// <summary>Line number (1 = header), or null when the problem concerns the whole file or a column.</summary>
    public int? Row => Place.Within is CsvCell { Row: > 0 } cell ? cell.Row : null;

    /// <summary>Column name, or null.</summary>
    public string? Column => (Place.Within as CsvCell)?.Column;

    /// <summary>The problem as one line in a UI language: place, quoted text, message.</summary>
    public string In(CultureInfo culture) => Place.ProblemText(Text, Message, culture);

    /// <summary>Debugging text only (the Japanese line); use <see cref="In(CultureInfo)"/>.</summary>
    public override string ToString() => In(Message.JapaneseUi);
}

/// <summary>The result of a population import (or dry run).</summary>
public sealed record PopulationImportResult
{
    /// <summary>Whether the file was valid (and, unless a dry run, written).</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Problems; when any, nothing was written. At most <see cref="ProblemList.MaxProblems"/> and one line
    /// counting the rest.</summary>
    public IReadOnlyList<PopulationImportProblem> Problems
    {
        get;
        init => field = ProblemList.Capped(value, m => new PopulationImportProblem(new InFile(FileOf(value), ProblemList.MorePlace), null, m));
    } = [];

    /// <summary>Whether nothing was written because it was a dry run.</summary>
    public bool DryRun { get; init; }

    /// <summary>Dataset kind.</summary>
    public PopulationDatasetKind Kind { get; init; }

    /// <summary>Edition.</summary>
    public string Edition { get; init; } = "";

    /// <summary>Whether an existing dataset of the same kind and edition was replaced.</summary>
    public bool Replaced { get; init; }

    /// <summary>Figures stored (population figures or fertility rates).</summary>
    public int Figures { get; init; }

    /// <summary>Areas in the file (code name).</summary>
    public IReadOnlyList<string> Areas { get; init; } = [];

    /// <summary>Years in the file.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];

    private static string FileOf(IReadOnlyList<PopulationImportProblem> problems) => problems.Count > 0 ? problems[0].File : "";
}
