using Sosei.Domain.Population;

namespace Sosei.Application.Population;

/// <summary>An area with population data, for the list page.</summary>
/// <param name="Code">Area code (01223).</param>
/// <param name="Name">Name (根室市).</param>
/// <param name="OrganizationName">Name of the organization with the same code, if one exists.</param>
/// <param name="LatestCensusYear">Latest census year, if any.</param>
/// <param name="LatestCensusTotal">Its total (including 年齢不詳).</param>
/// <param name="ProjectionEditions">Projection editions with figures for the area (平成30年推計).</param>
/// <param name="PlanCount">Plans of the organization with population targets.</param>
public sealed record PopulationAreaSummary(
    string Code,
    string Name,
    string? OrganizationName,
    int? LatestCensusYear,
    decimal? LatestCensusTotal,
    IReadOnlyList<string> ProjectionEditions,
    int PlanCount);

/// <summary>A dataset as cited on pages and in exports.</summary>
/// <param name="Kind">Kind.</param>
/// <param name="Edition">Edition name.</param>
/// <param name="Title">Title to cite.</param>
/// <param name="Source">出典.</param>
/// <param name="Licence">Terms of use.</param>
/// <param name="FileName">Imported file.</param>
/// <param name="ImportedAt">When imported (UTC).</param>
public sealed record PopulationSource(
    PopulationDatasetKind Kind, string Edition, string Title, string? Source, string? Licence, string? FileName, DateTimeOffset ImportedAt);

/// <summary>One census year of an area.</summary>
/// <param name="Year">Census year (1 October).</param>
/// <param name="Table">The table as published, with 年齢不詳.</param>
/// <param name="Allocated">The table with 年齢不詳 allocated pro rata (按分).</param>
public sealed record CensusYear(int Year, PopulationTable Table, PopulationTable Allocated)
{
    /// <summary>Total and three age groups with 年齢不詳 allocated (total unchanged).</summary>
    public ThreeAgeGroups Population => Allocated.ThreeAgeGroups;

    /// <summary>Persons of unknown age before allocation.</summary>
    public decimal UnknownAge => Table.UnknownAge(Sex.Male) + Table.UnknownAge(Sex.Female);
}

/// <summary>A resident-register total (住民基本台帳).</summary>
/// <param name="Year">Year.</param>
/// <param name="Date">Survey date, if given.</param>
/// <param name="Total">Persons.</param>
/// <param name="Male">Men, if given.</param>
/// <param name="Female">Women, if given.</param>
/// <param name="Edition">Dataset edition.</param>
public sealed record RegisterYear(int Year, DateOnly? Date, decimal Total, decimal? Male, decimal? Female, string Edition);

/// <summary>A plan's target for one year as published (parts may be missing), with the projection the plan quoted.</summary>
/// <param name="Term">短期 / 中期 / 長期.</param>
/// <param name="Year">Target year.</param>
/// <param name="Target">Target figures (total, 年少, 生産年齢, 老年); a part the plan does not give is null.</param>
/// <param name="PublishedProjection">The projection the plan compared with (e.g. 社人研 平成25年推計), parts null when not given.</param>
/// <param name="PublishedEdition">Edition of that projection.</param>
/// <param name="Pattern1">パターン1 of the chosen edition in the target year, when it covers the year.</param>
/// <param name="WomenAged20To39">20～39歳女性人口 target, when the plan has one.</param>
/// <param name="WomenAged20To39Published">The projection of it the plan quoted.</param>
/// <param name="WomenAged20To39Pattern1">パターン1's 20～39歳女性人口 in the target year.</param>
public sealed record TargetYearView(
    string Term,
    int Year,
    PartialGroups Target,
    PartialGroups PublishedProjection,
    string? PublishedEdition,
    ThreeAgeGroups? Pattern1,
    decimal? WomenAged20To39,
    decimal? WomenAged20To39Published,
    decimal? WomenAged20To39Pattern1)
{
    /// <summary>減少抑制 as published: target − the plan's projection (domain <see cref="TargetComparison"/>), when both are complete.</summary>
    public ThreeAgeGroups? PublishedSuppression =>
        Target.Complete is { } t && PublishedProjection.Complete is { } p ? new PopulationTarget(Year, t).CompareWith(p).Suppression : null;

    /// <summary>Target − パターン1 of the chosen edition, when both exist.</summary>
    public ThreeAgeGroups? Pattern1Suppression =>
        Target.Complete is { } t && Pattern1 is { } p ? new PopulationTarget(Year, t).CompareWith(p).Suppression : null;
}

/// <summary>Figures by three age groups where some parts may be missing (a plan may give only the total).</summary>
/// <param name="Total">総人口.</param>
/// <param name="Young">年少人口.</param>
/// <param name="WorkingAge">生産年齢人口.</param>
/// <param name="Elderly">老年人口.</param>
public sealed record PartialGroups(decimal? Total, decimal? Young, decimal? WorkingAge, decimal? Elderly)
{
    /// <summary>The figures as <see cref="ThreeAgeGroups"/> when all four are given.</summary>
    public ThreeAgeGroups? Complete => Total is { } t && Young is { } y && WorkingAge is { } w && Elderly is { } e ? new ThreeAgeGroups(t, y, w, e) : null;
}

/// <summary>The population targets of one plan of the area's organization.</summary>
/// <param name="PlanCode">Plan code.</param>
/// <param name="PlanName">Plan name.</param>
/// <param name="StartFiscalYear">First fiscal year of the plan.</param>
/// <param name="Years">Targets by year.</param>
public sealed record PlanTargets(string PlanCode, string PlanName, int StartFiscalYear, IReadOnlyList<TargetYearView> Years);

/// <summary>
/// One year of "targets compared with actuals": the actual (census or resident register), the target (in a target
/// year, or interpolated between two target years), and the projections, for totals.
/// </summary>
/// <param name="Year">Year.</param>
/// <param name="Actual">Actual total, if any.</param>
/// <param name="ActualSource">国勢調査 / 住民基本台帳 (with date).</param>
/// <param name="Target">Target total (the plan's, or interpolated).</param>
/// <param name="TargetInterpolated">Whether the target is a straight-line value between two target years.</param>
/// <param name="PublishedProjection">The projection the plan quoted for that year, if it is a target year.</param>
/// <param name="Pattern1">パターン1 of the chosen edition (interpolated between its 5-year points).</param>
/// <param name="Pattern1Interpolated">Whether <paramref name="Pattern1"/> is interpolated.</param>
/// <param name="IsTargetYear">Whether the plan has a target in this year.</param>
public sealed record ActualComparisonRow(
    int Year,
    decimal? Actual,
    string? ActualSource,
    decimal? Target,
    bool TargetInterpolated,
    decimal? PublishedProjection,
    decimal? Pattern1,
    bool Pattern1Interpolated,
    bool IsTargetYear)
{
    /// <summary>Actual − target (positive: more people than the target).</summary>
    public decimal? ActualMinusTarget => Actual is { } a && Target is { } t ? a - t : null;

    /// <summary>Actual − パターン1.</summary>
    public decimal? ActualMinusPattern1 => Actual is { } a && Pattern1 is { } p ? a - p : null;
}

/// <summary>
/// The three-age-group table in the layout of 根室市創生総合戦略 第2章 (人口推計比較表): a base year, the institute's
/// projection and the municipality's figures (its target, or its scenario) in a chosen year, the changes from the base,
/// and 減少抑制 = municipality − projection.
/// </summary>
/// <param name="BaseYear">Base year (a census year).</param>
/// <param name="Base">Base figures (年齢不詳 allocated).</param>
/// <param name="Year">Compared year.</param>
/// <param name="Projection">パターン1 (社人研推計準拠) in <paramref name="Year"/>.</param>
/// <param name="ProjectionLabel">What the projection is (edition).</param>
/// <param name="Own">The municipality's figures in <paramref name="Year"/>.</param>
/// <param name="OwnLabel">What they are: the plan's target, or a scenario.</param>
/// <param name="OwnIsTarget">Whether <paramref name="Own"/> is a plan target (as published) rather than a computed scenario.</param>
public sealed record ThreeGroupComparison(
    int BaseYear,
    ThreeAgeGroups Base,
    int Year,
    ThreeAgeGroups Projection,
    string ProjectionLabel,
    ThreeAgeGroups Own,
    string OwnLabel,
    bool OwnIsTarget)
{
    /// <summary>Projection − base (増減, 社人研推計).</summary>
    public ThreeAgeGroups ProjectionChange => Projection - Base;

    /// <summary>Own − base (増減, the municipality).</summary>
    public ThreeAgeGroups OwnChange => Own - Base;

    /// <summary>減少抑制 = own − projection (domain <see cref="TargetComparison"/>).</summary>
    public ThreeAgeGroups Suppression => new PopulationTarget(Year, Own).CompareWith(Projection).Suppression;
}

/// <summary>Everything the population page of an area shows.</summary>
public sealed record PopulationVision
{
    /// <summary>Area code.</summary>
    public required string AreaCode { get; init; }

    /// <summary>Area name.</summary>
    public required string AreaName { get; init; }

    /// <summary>Organization with the same code, if any.</summary>
    public string? OrganizationName { get; init; }

    /// <summary>The options used (after defaults).</summary>
    public required PopulationScenarioOptions Options { get; init; }

    /// <summary>Census years, oldest first.</summary>
    public IReadOnlyList<CensusYear> Census { get; init; } = [];

    /// <summary>Resident-register totals, oldest first.</summary>
    public IReadOnlyList<RegisterYear> Register { get; init; } = [];

    /// <summary>Projection editions available for the area.</summary>
    public IReadOnlyList<string> Editions { get; init; } = [];

    /// <summary>The projection dataset used, if any.</summary>
    public PopulationSource? Edition { get; init; }

    /// <summary>パターン1 (null when it cannot be computed; see <see cref="Notes"/>).</summary>
    public PopulationProjection? Pattern1 { get; init; }

    /// <summary>シミュレーション1.</summary>
    public PopulationProjection? Simulation1 { get; init; }

    /// <summary>シミュレーション2 (only with zero migration on).</summary>
    public PopulationProjection? Simulation2 { get; init; }

    /// <summary>The decomposition, when all three scenarios exist.</summary>
    public ScenarioDecomposition? Decomposition { get; init; }

    /// <summary>自然増減の影響度 (2040).</summary>
    public ImpactAssessment? NaturalImpact { get; init; }

    /// <summary>社会増減の影響度 (2040).</summary>
    public ImpactAssessment? SocialImpact { get; init; }

    /// <summary>Base TFR of the fertility path.</summary>
    public decimal? BaseTotalFertilityRate { get; init; }

    /// <summary>What the base TFR is.</summary>
    public string? BaseTotalFertilityRateSource { get; init; }

    /// <summary>Where the survival ratios of シミュレーション2 come from (an approximation).</summary>
    public string? SurvivalSource { get; init; }

    /// <summary>Why something could not be computed (Japanese).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Targets of the plans of the area's organization.</summary>
    public IReadOnlyList<PlanTargets> Plans { get; init; } = [];

    /// <summary>Targets compared with actuals, year by year (the first plan with targets).</summary>
    public IReadOnlyList<ActualComparisonRow> ActualComparison { get; init; } = [];

    /// <summary>The three-age-group table, when a base and a projection exist.</summary>
    public ThreeGroupComparison? Table { get; init; }

    /// <summary>Every dataset the page uses, with attribution.</summary>
    public IReadOnlyList<PopulationSource> Sources { get; init; } = [];

    /// <summary>Years a pyramid can show: census years, then projection years (パターン1).</summary>
    public IReadOnlyList<int> PyramidYears =>
        Census.Select(c => c.Year).Concat(Pattern1?.Years ?? []).Distinct().Order().ToList();

    /// <summary>
    /// The table of a year for the pyramid: the census (年齢不詳 allocated) for census years, else パターン1; null when
    /// neither covers the year.
    /// </summary>
    public PopulationTable? PyramidTable(int year) =>
        Census.FirstOrDefault(c => c.Year == year)?.Allocated
        ?? (Pattern1 is { } p && p.Covers(year) ? p[year] : null);

    /// <summary>
    /// What the pyramid table of a year is: 国勢調査, 基準人口 (the projection's published jump-off, for an area without
    /// census data) or パターン1.
    /// </summary>
    public string PyramidSource(int year) =>
        Census.Any(c => c.Year == year) ? "国勢調査" : Pattern1 is { } p && p.JumpOffYear == year ? "基準人口" : "パターン1";

    /// <summary>The projection of a scenario, if computed.</summary>
    public PopulationProjection? Scenario(PopulationScenarioKind kind) => kind switch
    {
        PopulationScenarioKind.Pattern1 => Pattern1,
        PopulationScenarioKind.Simulation1 => Simulation1,
        _ => Simulation2,
    };
}

/// <summary>A projection run for the CLI and exports: the projection with everything needed to cite it.</summary>
/// <param name="AreaCode">Area code.</param>
/// <param name="AreaName">Area name.</param>
/// <param name="Scenario">Scenario.</param>
/// <param name="Projection">The projection.</param>
/// <param name="Edition">Projection dataset calibrated on.</param>
/// <param name="Options">Options used.</param>
/// <param name="BaseTotalFertilityRate">Base TFR (scenarios with a fertility path).</param>
/// <param name="BaseTotalFertilityRateSource">What it is.</param>
/// <param name="SurvivalSource">Survival ratios (シミュレーション2), an approximation.</param>
/// <param name="Sources">Datasets used.</param>
public sealed record PopulationProjectionRun(
    string AreaCode,
    string AreaName,
    PopulationScenarioKind Scenario,
    PopulationProjection Projection,
    PopulationSource Edition,
    PopulationScenarioOptions Options,
    decimal? BaseTotalFertilityRate,
    string? BaseTotalFertilityRateSource,
    string? SurvivalSource,
    IReadOnlyList<PopulationSource> Sources);

/// <summary>A request the population data cannot answer (unknown area or edition, missing data); the message says why.</summary>
public sealed class PopulationDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PopulationDataException()
    {
    }

    /// <summary>Creates the exception with a message (Japanese / English).</summary>
    public PopulationDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public PopulationDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
