using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>How <see cref="MunicipalProjectionModel.Calibrate"/> sets the fertility assumptions.</summary>
public enum CalibrationMode
{
    /// <summary>
    /// Everything per period from the published table: the child-woman ratio relative to the national one and the
    /// boys' share of 0–4 of each projected year. Re-projection gives back the published figures exactly, so
    /// パターン1 shows exactly the numbers municipalities quote. The default.
    /// </summary>
    ReproducePublished = 0,

    /// <summary>
    /// The institute's stated assumptions: the municipality's child-woman ratio relative to the national one is fixed
    /// at its jump-off value, and the 0–4 sex ratio is the national projection's. Re-projection lands within 3
    /// persons of the published totals (the institute also adjusts municipalities to prefecture totals); useful to
    /// check that the method is understood, and as a basis that does not depend on the published rounding.
    /// </summary>
    InstituteAssumptions = 1,
}

/// <summary>How <see cref="MunicipalProjectionModel.WithHorizon"/> extends the assumptions beyond the published horizon.</summary>
public enum ExtensionConvention
{
    /// <summary>
    /// The Cabinet Office worksheet convention (内閣府・まち・ひと・しごと創生本部「人口推計ワークシート」): keep the last
    /// published period's cohort change ratios, keep the child-woman ratio relative to the national one constant
    /// (so it follows the national projection's path), keep the 0–4 sex ratio. The default.
    /// </summary>
    HoldLastPeriod = 0,

    /// <summary>As <see cref="HoldLastPeriod"/>, but the municipal child-woman ratio itself is held at its last value.</summary>
    HoldMunicipalChildWomanRatio = 1,

    /// <summary>As <see cref="HoldLastPeriod"/>, but the cohort change ratios are the mean of the last two published periods.</summary>
    MeanOfLastTwoPeriods = 2,
}

/// <summary>Where the assumptions of a <see cref="MunicipalPeriod"/> come from.</summary>
public enum PeriodOrigin
{
    /// <summary>Derived from the published projection.</summary>
    Calibrated = 0,

    /// <summary>Beyond the published horizon, by an <see cref="ExtensionConvention"/>.</summary>
    Extended = 1,
}

/// <summary>The assumptions of one 5-year period of a municipality (パターン1).</summary>
public sealed record MunicipalPeriod
{
    /// <summary>First year of the period.</summary>
    public required int FromYear { get; init; }

    /// <summary>Last year of the period (FromYear + 5).</summary>
    public int ToYear => FromYear + AgeGroup.Width;

    /// <summary>Cohort change ratios (survival × net migration).</summary>
    public required CohortChangeRatios CohortChangeRatios { get; init; }

    /// <summary>Municipal child-woman ratio at <see cref="ToYear"/> divided by the national one (e.g. 1.023 for 根室市).</summary>
    public required decimal RelativeChildWomanRatio { get; init; }

    /// <summary>Boys' share of children 0–4 at <see cref="ToYear"/>.</summary>
    public required decimal MaleShareOfChildrenUnderFive { get; init; }

    /// <summary>Calibrated or extended.</summary>
    public required PeriodOrigin Origin { get; init; }
}

/// <summary>
/// A municipality's projection model in the institute's style: the jump-off population, per-period cohort change
/// ratios, child-woman ratios relative to the national path and 0–4 sex ratios, calibrated on a published
/// projection and extendable to the horizon of the national projection. Immutable: the <c>With…</c> methods return
/// new models. <see cref="Project"/> runs a <see cref="PopulationScenario"/>.
/// </summary>
/// <remarks>
/// Typical use: <c>MunicipalProjectionModel.Calibrate(edition, tables2015To2045, national).WithHorizon(2060)
/// .WithBaseTotalFertilityRate(1.53m, "平成20～24年 ベイズ推定値").WithSurvivalRatios(national.SurvivalApproximation(), label)</c>,
/// then <c>Project(PopulationScenario.Pattern1)</c>, <c>Project(PopulationScenario.Simulation1(FertilityPath.NationalVision))</c> ….
/// </remarks>
public sealed class MunicipalProjectionModel
{
    private readonly IReadOnlyList<MunicipalPeriod> _calibrated;

    private MunicipalProjectionModel(
        string edition,
        PopulationTable jumpOff,
        NationalProjection national,
        CalibrationMode mode,
        IReadOnlyList<MunicipalPeriod> calibrated,
        IReadOnlyList<MunicipalPeriod> periods,
        ExtensionConvention convention,
        IReadOnlyDictionary<int, CohortChangeRatios> survival,
        string? survivalSource,
        decimal? baseTfr,
        string? baseTfrSource)
    {
        Edition = edition;
        JumpOff = jumpOff;
        National = national;
        Mode = mode;
        _calibrated = calibrated;
        Periods = periods;
        Convention = convention;
        SurvivalRatios = survival;
        SurvivalSource = survivalSource;
        BaseTotalFertilityRate = baseTfr;
        BaseTotalFertilityRateSource = baseTfrSource;
    }

    /// <summary>Edition of the published projection calibrated on, e.g. 「日本の地域別将来推計人口（平成30年推計）」.</summary>
    public string Edition { get; }

    /// <summary>Area code.</summary>
    public string AreaCode => JumpOff.AreaCode;

    /// <summary>Jump-off population (基準人口).</summary>
    public PopulationTable JumpOff { get; }

    /// <summary>The national projection whose child-woman ratio path the municipality follows.</summary>
    public NationalProjection National { get; }

    /// <summary>How the fertility assumptions were calibrated.</summary>
    public CalibrationMode Mode { get; }

    /// <summary>Last year of the published projection.</summary>
    public int PublishedLastYear => _calibrated[^1].ToYear;

    /// <summary>Last year of the model (<see cref="PublishedLastYear"/> until <see cref="WithHorizon"/> changes it).</summary>
    public int LastYear => Periods[^1].ToYear;

    /// <summary>Convention used for periods beyond the published horizon.</summary>
    public ExtensionConvention Convention { get; }

    /// <summary>The assumptions of each period from the jump-off to <see cref="LastYear"/>.</summary>
    public IReadOnlyList<MunicipalPeriod> Periods { get; }

    /// <summary>Survival ratios by the first year of the period (empty unless <see cref="WithSurvivalRatios"/> set them).</summary>
    public IReadOnlyDictionary<int, CohortChangeRatios> SurvivalRatios { get; }

    /// <summary>Where the survival ratios come from (shown with zero-migration results).</summary>
    public string? SurvivalSource { get; }

    /// <summary>The municipality's total fertility rate for the base period (e.g. 1.53, 根室市 平成20～24年), or null.</summary>
    public decimal? BaseTotalFertilityRate { get; }

    /// <summary>What <see cref="BaseTotalFertilityRate"/> is (period, estimate), for display.</summary>
    public string? BaseTotalFertilityRateSource { get; }

    /// <summary>
    /// k = CWR / TFR in the base period: the jump-off child-woman ratio divided by the base TFR. A scenario's TFR
    /// becomes the child-woman ratio k × TFR. Null without a base TFR.
    /// </summary>
    public decimal? FertilityConversionFactor => BaseTotalFertilityRate is { } tfr ? JumpOff.ChildWomanRatio / tfr : null;

    /// <summary>The municipal child-woman ratio of パターン1 at <paramref name="year"/> (relative ratio × national ratio).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No period of the model ends in that year.</exception>
    public decimal ChildWomanRatio(int year)
    {
        var period = Periods.FirstOrDefault(p => p.ToYear == year)
            ?? throw new ArgumentOutOfRangeException(
                nameof(year), year, string.Create(CultureInfo.InvariantCulture, $"The model of {AreaCode} has no period ending in {year}."));
        return period.RelativeChildWomanRatio * National.ChildWomanRatio(year);
    }

    /// <summary>
    /// Calibrates on a published projection (e.g. the 平成30年推計 table of one municipality, 2015–2045): cohort change
    /// ratios per sex, age and period (<see cref="CohortChangeRatios.Between"/>), and the fertility assumptions per
    /// <paramref name="mode"/>. The first table is the jump-off; it must have no unknown ages (the institute's
    /// jump-off has them allocated).
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Fewer than two tables, several areas, years not every 5 years, unknown ages, or the national projection does
    /// not cover the years; the message says which.
    /// </exception>
    public static MunicipalProjectionModel Calibrate(
        string edition,
        IEnumerable<PopulationTable> published,
        NationalProjection national,
        CalibrationMode mode = CalibrationMode.ReproducePublished)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(edition);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(national);
        var tables = published.OrderBy(t => t.Year).ToArray();
        if (tables.Length < 2)
        {
            throw new ArgumentException($"Calibration on {edition} needs the jump-off and at least one projected year.", nameof(published));
        }

        var jumpOff = tables[0];
        for (var i = 1; i < tables.Length; i++)
        {
            if (tables[i].AreaCode != jumpOff.AreaCode)
            {
                throw new ArgumentException(
                    $"Calibration on {edition} mixes areas {jumpOff.AreaCode} and {tables[i].AreaCode}.", nameof(published));
            }

            if (tables[i].Year != tables[i - 1].Year + AgeGroup.Width)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Calibration on {edition} ({jumpOff.AreaCode}) needs a table every 5 years: {tables[i - 1].Year} is followed by {tables[i].Year}."),
                    nameof(published));
            }
        }

        foreach (var table in tables)
        {
            if (!national.Covers(table.Year))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The national projection {national.Edition} does not cover {table.Year}, needed to calibrate {jumpOff.AreaCode}."),
                    nameof(national));
            }
        }

        var jumpOffRelative = jumpOff.ChildWomanRatio / national.ChildWomanRatio(jumpOff.Year);
        var periods = new MunicipalPeriod[tables.Length - 1];
        for (var i = 0; i < periods.Length; i++)
        {
            var end = tables[i + 1];
            periods[i] = new MunicipalPeriod
            {
                FromYear = tables[i].Year,
                CohortChangeRatios = CohortChangeRatios.Between(tables[i], end),
                RelativeChildWomanRatio = mode == CalibrationMode.ReproducePublished
                    ? end.ChildWomanRatio / national.ChildWomanRatio(end.Year)
                    : jumpOffRelative,
                MaleShareOfChildrenUnderFive = mode == CalibrationMode.ReproducePublished
                    ? end.MaleShareOfChildrenUnderFive
                    : national.MaleShareOfChildrenUnderFive(end.Year),
                Origin = PeriodOrigin.Calibrated,
            };
        }

        return new MunicipalProjectionModel(
            edition.Trim(), jumpOff, national, mode, periods, periods, ExtensionConvention.HoldLastPeriod,
            new Dictionary<int, CohortChangeRatios>(), survivalSource: null, baseTfr: null, baseTfrSource: null);
    }

    /// <summary>
    /// The model with its last year set to <paramref name="lastYear"/>: beyond the published horizon, periods are
    /// added by <paramref name="convention"/> (always from the published periods, so the call can be repeated);
    /// at or before it, later periods are dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The year is not the jump-off year plus a multiple of 5 (at least one period), or lies beyond the national
    /// projection (its child-woman ratio path is needed; 2065 for the 平成29年推計).
    /// </exception>
    public MunicipalProjectionModel WithHorizon(int lastYear, ExtensionConvention convention = ExtensionConvention.HoldLastPeriod)
    {
        if (lastYear <= JumpOff.Year || (lastYear - JumpOff.Year) % AgeGroup.Width != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(lastYear), lastYear, string.Create(CultureInfo.InvariantCulture, $"A horizon must be {JumpOff.Year} plus a multiple of 5 years."));
        }

        if (lastYear > National.LastYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(lastYear),
                lastYear,
                string.Create(CultureInfo.InvariantCulture, $"The model of {AreaCode} can reach {National.LastYear} at most: beyond it the national projection {National.Edition} gives no child-woman ratio to follow."));
        }

        var periods = _calibrated.Where(p => p.ToYear <= lastYear).ToList();
        var last = _calibrated[^1];
        var ratios = convention == ExtensionConvention.MeanOfLastTwoPeriods && _calibrated.Count >= 2
            ? CohortChangeRatios.Mean(_calibrated[^2].CohortChangeRatios, last.CohortChangeRatios)
            : last.CohortChangeRatios;
        var lastMunicipalCwr = last.RelativeChildWomanRatio * National.ChildWomanRatio(last.ToYear);
        for (var from = last.ToYear; from < lastYear; from += AgeGroup.Width)
        {
            var to = from + AgeGroup.Width;
            periods.Add(new MunicipalPeriod
            {
                FromYear = from,
                CohortChangeRatios = ratios,
                RelativeChildWomanRatio = convention == ExtensionConvention.HoldMunicipalChildWomanRatio
                    ? lastMunicipalCwr / National.ChildWomanRatio(to)
                    : last.RelativeChildWomanRatio,
                MaleShareOfChildrenUnderFive = last.MaleShareOfChildrenUnderFive,
                Origin = PeriodOrigin.Extended,
            });
        }

        return new MunicipalProjectionModel(
            Edition, JumpOff, National, Mode, _calibrated, periods, convention,
            SurvivalRatios, SurvivalSource, BaseTotalFertilityRate, BaseTotalFertilityRateSource);
    }

    /// <summary>
    /// The model with survival ratios (by the first year of each period), needed for zero net migration
    /// (シミュレーション2). <paramref name="source"/> says where they come from; for
    /// <see cref="NationalProjection.SurvivalApproximation"/> say that it is an approximation.
    /// </summary>
    /// <exception cref="ArgumentException">Ratios for another age scheme.</exception>
    public MunicipalProjectionModel WithSurvivalRatios(IReadOnlyDictionary<int, CohortChangeRatios> survivalRatios, string source)
    {
        ArgumentNullException.ThrowIfNull(survivalRatios);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        foreach (var (year, ratios) in survivalRatios)
        {
            if (ratios.OpenAgeStart != JumpOff.OpenAgeStart)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Survival ratios for {year}: they are for tables open at {ratios.OpenAgeStart}+, the model is open at {JumpOff.OpenAgeStart}+."),
                    nameof(survivalRatios));
            }
        }

        return new MunicipalProjectionModel(
            Edition, JumpOff, National, Mode, _calibrated, Periods, Convention,
            new Dictionary<int, CohortChangeRatios>(survivalRatios), source.Trim(), BaseTotalFertilityRate, BaseTotalFertilityRateSource);
    }

    /// <summary>
    /// The model with the municipality's total fertility rate of the base period (e.g. 1.53 for 根室市, ベイズ推定値
    /// 平成20～24年), which converts a scenario's TFR into a child-woman ratio (<see cref="FertilityConversionFactor"/>).
    /// The child-woman ratio of the base is the jump-off's (2015 for the 平成30年推計).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not above 0 and at most 10.</exception>
    public MunicipalProjectionModel WithBaseTotalFertilityRate(decimal totalFertilityRate, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (totalFertilityRate is <= 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(totalFertilityRate), totalFertilityRate, "A total fertility rate is above 0 and at most 10.");
        }

        return new MunicipalProjectionModel(
            Edition, JumpOff, National, Mode, _calibrated, Periods, Convention,
            SurvivalRatios, SurvivalSource, totalFertilityRate, source.Trim());
    }

    /// <summary>The step assumptions of <paramref name="scenario"/> (shown with results, and for checks).</summary>
    /// <exception cref="InvalidOperationException">
    /// The scenario needs survival ratios (zero net migration) or a base TFR (fertility path, TFR override) that the
    /// model lacks; the message says what to provide.
    /// </exception>
    /// <exception cref="ArgumentException">An adjustment's ages do not fall on group limits, or a value is out of range.</exception>
    public IReadOnlyList<ProjectionStep> Steps(PopulationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var steps = new List<ProjectionStep>(Periods.Count);
        foreach (var period in Periods)
        {
            var ratios = period.CohortChangeRatios;
            if (scenario.ZeroNetMigration)
            {
                ratios = SurvivalRatios.TryGetValue(period.FromYear, out var survival)
                    ? survival
                    : throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{scenario.Name} assumes zero net migration, which needs survival ratios (生残率) separate from migration; the model of {AreaCode} has none for {period.FromYear}→{period.ToYear}. Provide survival ratios per sex and age for every period (WithSurvivalRatios), e.g. the national projection's cohort change ratios as an approximation (NationalProjection.SurvivalApproximation)."));
            }

            decimal? tfr = null;
            var cwr = period.RelativeChildWomanRatio * National.ChildWomanRatio(period.ToYear);
            if (scenario.Fertility is { } path)
            {
                tfr = path.RateAt(period.ToYear, JumpOff.Year, RequireBaseTfr(scenario));
                cwr = FertilityConversionFactor!.Value * tfr.Value;
            }

            var migration = new List<PopulationCount>();
            foreach (var adjustment in scenario.Adjustments.Where(a => a.AppliesTo(period.ToYear)))
            {
                switch (adjustment)
                {
                    case ScaleCohortChangeRatios scale:
                        CheckNotNegative(scale.Factor, "factor", scale);
                        ratios = Change(ratios, scale.Sex, scale.FromAge, scale.ToAge, r => r * scale.Factor, scale);
                        break;
                    case SetCohortChangeRatios set:
                        ratios = Change(ratios, set.Sex, set.FromAge, set.ToAge, _ => set.Ratio, set);
                        break;
                    case SetChildWomanRatio setCwr:
                        cwr = setCwr.ChildWomanRatio;
                        tfr = null;
                        break;
                    case SetTotalFertilityRate setTfr:
                        if (setTfr.TotalFertilityRate is <= 0 or > 10)
                        {
                            throw new ArgumentException(
                                string.Create(CultureInfo.InvariantCulture, $"{setTfr}: the TFR is outside (0, 10]."), nameof(scenario));
                        }

                        RequireBaseTfr(scenario);
                        tfr = setTfr.TotalFertilityRate;
                        cwr = FertilityConversionFactor!.Value * tfr.Value;
                        break;
                    case AddNetMigration add:
                        migration.AddRange(Spread(add));
                        break;
                    default:
                        throw new ArgumentException($"Unknown scenario adjustment {adjustment.GetType().Name}.", nameof(scenario));
                }
            }

            steps.Add(new ProjectionStep
            {
                FromYear = period.FromYear,
                CohortChangeRatios = ratios,
                ChildWomanRatio = cwr,
                MaleShareOfChildrenUnderFive = period.MaleShareOfChildrenUnderFive,
                TotalFertilityRate = tfr,
                NetMigrationAdjustments = migration,
            });
        }

        return steps;
    }

    /// <summary>Runs <paramref name="scenario"/> from the jump-off to <see cref="LastYear"/>.</summary>
    /// <exception cref="InvalidOperationException">See <see cref="Steps"/> and <see cref="CohortChangeProjection.Project"/>.</exception>
    /// <exception cref="ArgumentException">See <see cref="Steps"/>.</exception>
    public PopulationProjection Project(PopulationScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return CohortChangeProjection.Project(JumpOff, Steps(scenario), scenario.Name);
    }

    private decimal RequireBaseTfr(PopulationScenario scenario) =>
        BaseTotalFertilityRate ?? throw new InvalidOperationException(
            $"{scenario.Name} sets a total fertility rate, which becomes a child-woman ratio through the municipality's base TFR; the model of {AreaCode} has none (WithBaseTotalFertilityRate).");

    private static void CheckNotNegative(decimal value, string what, ScenarioAdjustment adjustment)
    {
        if (value < 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{adjustment}: the {what} {value} is negative."), nameof(adjustment));
        }
    }

    private static CohortChangeRatios Change(
        CohortChangeRatios ratios, Sex? sex, int fromAge, int? toAge, Func<decimal, decimal> change, ScenarioAdjustment adjustment)
    {
        var origins = ratios.Origins;
        var (first, last) = AgeRange(origins, fromAge, toAge, adjustment);
        return ratios.Select((s, origin, r) =>
            (sex is null || sex == s) && origin >= origins[first] && origin <= origins[last] ? change(r) : r);
    }

    private IEnumerable<PopulationCount> Spread(AddNetMigration add)
    {
        var (first, last) = AgeRange(JumpOff.AgeGroups, add.FromAge, add.ToAge, add);
        IReadOnlyList<Sex> sexes = add.Sex is { } one ? [one] : Sexes.All;
        var cells = (last - first + 1) * sexes.Count;
        var each = add.PersonsPerStep / cells;
        return sexes.SelectMany(sex => Enumerable.Range(first, last - first + 1)
            .Select(i => new PopulationCount(sex, JumpOff.AgeGroups[i], each)));
    }

    private static (int First, int Last) AgeRange(IReadOnlyList<AgeGroup> groups, int fromAge, int? toAge, ScenarioAdjustment adjustment)
    {
        var first = groups.ToList().FindIndex(g => g.Start == fromAge);
        var last = toAge is null ? groups.Count - 1 : groups.ToList().FindIndex(g => g.End == toAge);
        return first >= 0 && last >= first
            ? (first, last)
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{adjustment}: ages {fromAge}–{toAge} do not fall on the limits of the groups {groups[0]} … {groups[^1]}."),
                nameof(adjustment));
    }
}
