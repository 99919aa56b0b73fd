using Sosei.Domain.Population;

namespace Sosei.Application.Population;

/// <summary>What a population dataset holds.</summary>
public enum PopulationDatasetKind
{
    /// <summary>国勢調査: census population by sex × 5-year age group, with 年齢不詳.</summary>
    Census = 0,

    /// <summary>A municipal projection of the national institute (地域別将来推計人口, e.g. 平成30年推計).</summary>
    Projection = 1,

    /// <summary>The national projection (日本の将来推計人口, e.g. 平成29年推計), area 00000 全国.</summary>
    NationalProjection = 2,

    /// <summary>住民基本台帳: resident-register totals per year (optionally by sex).</summary>
    ResidentRegister = 3,

    /// <summary>合計特殊出生率 (total fertility rates) per area and period.</summary>
    FertilityRate = 4,
}

/// <summary>
/// One imported population dataset: a kind and an edition (国勢調査, 平成30年推計 …), with the source and licence
/// text it was published under. Kind + edition is unique: importing the same edition again replaces its figures.
/// </summary>
public sealed class PopulationDataset
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>What the dataset holds.</summary>
    public PopulationDatasetKind Kind { get; set; }

    /// <summary>Short edition name used to choose it (国勢調査, 平成30年推計, 平成29年推計, 住民基本台帳).</summary>
    public required string Edition { get; set; }

    /// <summary>Full title as it should be cited (国立社会保障・人口問題研究所「日本の地域別将来推計人口（平成30年推計）」).</summary>
    public required string Title { get; set; }

    /// <summary>出典: publisher and how the data was obtained (compilation, URL).</summary>
    public string? Source { get; set; }

    /// <summary>Terms of use (政府標準利用規約 2.0, CC BY 4.0 …).</summary>
    public string? Licence { get; set; }

    /// <summary>Name of the imported file.</summary>
    public string? FileName { get; set; }

    /// <summary>When the dataset was (last) imported, UTC.</summary>
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Who imported it (user name, "demo").</summary>
    public string? ImportedBy { get; set; }
}

/// <summary>
/// One population figure of a dataset: persons of an area in a year, by sex and age group as published. Both-sexes
/// figures are not stored where the sexes are (they are computed); a resident-register total without a split is
/// stored with <see cref="Sex"/> null. Area code and name are kept on the row, so areas without an organization
/// (北海道 01000, 全国 00000) work too; an organization with the same code is linked by code.
/// </summary>
public sealed class PopulationFigure
{
    /// <summary>Age group code of 年齢不詳 rows.</summary>
    public const string UnknownAge = "unknown";

    /// <summary>Age group code of total rows (all ages, including 年齢不詳).</summary>
    public const string Total = "total";

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>Dataset.</summary>
    public int DatasetId { get; set; }

    /// <summary>Dataset.</summary>
    public PopulationDataset? Dataset { get; set; }

    /// <summary>Area code (全国地方公共団体コード, 5 digits: 01223 根室市, 01000 北海道, 00000 全国).</summary>
    public required string AreaCode { get; set; }

    /// <summary>Area name as in the file.</summary>
    public required string AreaName { get; set; }

    /// <summary>Year of the population (1 October for census and projections).</summary>
    public int Year { get; set; }

    /// <summary>Survey date (基準日) when the source gives one (住民基本台帳: 1 January, 31 March …).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Sex, or null for both sexes (only for totals given without a split).</summary>
    public Sex? Sex { get; set; }

    /// <summary>Age group as in Sosei's data files: <c>0-4</c> … <c>90+</c> (or finer: <c>95-99</c>, <c>100+</c>), <see cref="UnknownAge"/> or <see cref="Total"/>.</summary>
    public required string AgeGroup { get; set; }

    /// <summary>Persons (decimal: some published projections carry fractions).</summary>
    public decimal Count { get; set; }
}

/// <summary>合計特殊出生率 of an area for a period (e.g. 根室市 1.53, ベイズ推定値 平成20～24年).</summary>
public sealed class FertilityRateFigure
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Dataset.</summary>
    public int DatasetId { get; set; }

    /// <summary>Dataset.</summary>
    public PopulationDataset? Dataset { get; set; }

    /// <summary>Area code.</summary>
    public required string AreaCode { get; set; }

    /// <summary>Area name as in the file.</summary>
    public required string AreaName { get; set; }

    /// <summary>Period as shown (平成20～24年).</summary>
    public required string Period { get; set; }

    /// <summary>First calendar year of the period.</summary>
    public int FirstYear { get; set; }

    /// <summary>Last calendar year of the period.</summary>
    public int LastYear { get; set; }

    /// <summary>Births per woman (0 &lt; value ≤ 10).</summary>
    public decimal Value { get; set; }

    /// <summary>Source of this value as given in the file.</summary>
    public string? Source { get; set; }
}
