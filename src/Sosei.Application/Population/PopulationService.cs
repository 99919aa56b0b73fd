using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;
using Sosei.Domain.Population;

namespace Sosei.Application.Population;

/// <summary>
/// The population vision of an area (人口ビジョン): census series, the institute's projection calibrated and extended
/// (パターン1), シミュレーション1 and 2, the decomposition and 影響度, and the population targets of the plans of the
/// area's organization compared with the projections and the actuals. Loads with EF Core and calls the pure engine in
/// <c>Sosei.Domain.Population</c> (docs/population.md).
/// </summary>
public sealed class PopulationService(SoseiDbContext db, TimeProvider clock)
{
    /// <summary>Label of the survival ratios of シミュレーション2: the shipped data has no municipal survival ratios.</summary>
    public const string SurvivalApproximationLabel =
        "全国推計のコーホート変化率による生残率の近似（市町村別の生残率がないため。国際人口移動を含み、市町村と全国の死亡率の差も反映しない）";

    /// <summary>The year of 影響度 in the Cabinet Office's 手引き.</summary>
    public const int ImpactYear = 2040;

    /// <summary>Areas with population figures (municipal, prefecture, national), by code.</summary>
    public async Task<IReadOnlyList<PopulationAreaSummary>> ListAreasAsync(CancellationToken cancellationToken = default)
    {
        var datasets = await db.PopulationDatasets.AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var areas = await db.PopulationFigures.AsNoTracking()
            .Select(f => new { f.AreaCode, f.AreaName, f.DatasetId })
            .Distinct()
            .ToListAsync(cancellationToken);
        var censusIds = datasets.Values.Where(d => d.Kind == PopulationDatasetKind.Census).Select(d => d.Id).ToList();
        var census = await db.PopulationFigures.AsNoTracking()
            .Where(f => censusIds.Contains(f.DatasetId) && f.Sex != null && f.AgeGroup != PopulationFigure.Total)
            .Select(f => new { f.AreaCode, f.Year, f.Count })
            .ToListAsync(cancellationToken);
        var codes = areas.Select(a => a.AreaCode).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code))
            .ToDictionaryAsync(o => o.Code, o => o.Name, cancellationToken);
        var plansWithTargets = await db.PopulationTargets.AsNoTracking()
            .Where(t => codes.Contains(t.Plan!.Organization!.Code))
            .Select(t => new { t.PlanId, t.Plan!.Organization!.Code })
            .Distinct()
            .ToListAsync(cancellationToken);

        return areas.GroupBy(a => a.AreaCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = census.Where(c => c.AreaCode == g.Key).GroupBy(c => c.Year).MaxBy(y => y.Key);
                return new PopulationAreaSummary(
                    g.Key,
                    g.First().AreaName,
                    organizations.GetValueOrDefault(g.Key),
                    latest?.Key,
                    latest?.Sum(c => c.Count),
                    g.Select(a => datasets[a.DatasetId]).Where(d => d.Kind == PopulationDatasetKind.Projection).Select(d => d.Edition).Distinct().Order(StringComparer.Ordinal).ToList(),
                    plansWithTargets.Count(p => p.Code == g.Key));
            })
            .ToList();
    }

    /// <summary>Whether the area has any population figure or fertility rate.</summary>
    public Task<bool> AreaExistsAsync(string areaCode, CancellationToken cancellationToken = default) =>
        db.PopulationFigures.AnyAsync(f => f.AreaCode == areaCode, cancellationToken);

    /// <summary>
    /// The population vision of an area under <paramref name="options"/>; null when the area has no data. Parts that
    /// cannot be computed (no projection, no fertility rate, horizon beyond the national projection) are left null
    /// and explained in <see cref="PopulationVision.Notes"/>.
    /// </summary>
    /// <exception cref="PopulationDataException">The requested edition does not exist.</exception>
    public async Task<PopulationVision?> GetVisionAsync(string areaCode, PopulationScenarioOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(areaCode);
        options ??= new PopulationScenarioOptions();
        var data = await LoadAreaAsync(areaCode, cancellationToken);
        if (data is null)
        {
            return null;
        }

        var notes = new List<string>();
        var projection = data.FindProjection(options.Edition);
        var model = BuildModel(data, projection, options.Horizon, notes);
        PopulationProjection? pattern1 = null, sim1 = null, sim2 = null;
        if (model is not null)
        {
            pattern1 = Run(model, PopulationScenario.Pattern1, notes);
            var path = FertilityPath.Of([.. options.FertilityPath]);
            if (model.BaseTotalFertilityRate is not null)
            {
                sim1 = Run(model, PopulationScenario.Simulation1(path), notes);
                if (options.ZeroNetMigration)
                {
                    sim2 = Run(model, PopulationScenario.Simulation2(path), notes);
                }
            }
            else
            {
                notes.Add($"{data.Name}の合計特殊出生率がないため、シミュレーション1・2は計算できません（合計特殊出生率のデータを取り込んでください）。");
            }
        }

        ScenarioDecomposition? decomposition = null;
        ImpactAssessment? natural = null, social = null;
        if (pattern1 is not null && sim1 is not null && sim2 is not null)
        {
            decomposition = PopulationDecomposition.OfScenarios(pattern1, sim1, sim2);
            if (decomposition.Years.Any(y => y.Year == ImpactYear))
            {
                natural = decomposition.NaturalChangeImpact(ImpactYear);
                social = decomposition.SocialChangeImpact(ImpactYear);
            }
            else
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"影響度は {ImpactYear} 年の値で判定します。推計期間を {ImpactYear} 年以降まで延ばしてください。"));
            }
        }

        var plans = await LoadTargetsAsync(areaCode, pattern1, cancellationToken);
        var own = options.OwnScenario == PopulationScenarioKind.Simulation2 ? sim2 : sim1;
        var table = BuildTable(data, options, plans, pattern1, own, projection);
        var comparison = plans.Count > 0 ? CompareWithActuals(plans[0], data, pattern1) : [];

        var usedDatasets = new List<PopulationDataset>();
        usedDatasets.AddRange(data.CensusDatasets);
        usedDatasets.AddRange(data.RegisterDatasets);
        if (projection is not null)
        {
            usedDatasets.Add(projection);
        }

        if (model is not null)
        {
            usedDatasets.Add(data.National!);
            if (data.Tfr is not null)
            {
                usedDatasets.Add(data.Tfr.Dataset!);
            }
        }

        return new PopulationVision
        {
            AreaCode = data.Code,
            AreaName = data.Name,
            OrganizationName = data.OrganizationName,
            Options = options,
            Census = data.Census,
            Register = data.Register,
            Editions = data.Projections.Select(p => p.Edition).ToList(),
            Edition = projection is null ? null : Cite(projection),
            Pattern1 = pattern1,
            Simulation1 = sim1,
            Simulation2 = sim2,
            Decomposition = decomposition,
            NaturalImpact = natural,
            SocialImpact = social,
            BaseTotalFertilityRate = model?.BaseTotalFertilityRate,
            BaseTotalFertilityRateSource = model?.BaseTotalFertilityRateSource,
            SurvivalSource = sim2 is null ? null : model?.SurvivalSource,
            Notes = notes,
            Plans = plans,
            ActualComparison = comparison,
            Table = table,
            Sources = usedDatasets.DistinctBy(d => d.Id).Select(Cite).ToList(),
        };
    }

    /// <summary>
    /// Runs one scenario for the CLI and exports: calibrates on <see cref="PopulationScenarioOptions.Edition"/> (or the latest projection of
    /// the area), extends to <see cref="PopulationScenarioOptions.Horizon"/> and projects.
    /// </summary>
    /// <exception cref="PopulationDataException">Unknown area or edition, or data missing for the scenario; the message says which and what exists.</exception>
    public async Task<PopulationProjectionRun> ProjectAsync(
        string areaCode, PopulationScenarioKind scenario, PopulationScenarioOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(areaCode);
        ArgumentNullException.ThrowIfNull(options);
        var data = await LoadAreaAsync(areaCode, cancellationToken);
        if (data is null)
        {
            var known = (await ListAreasAsync(cancellationToken)).Select(a => $"{a.Code} {a.Name}");
            throw new PopulationDataException(
                $"地域コード「{areaCode}」の人口データがありません（データのある地域: {string.Join("、", known)}）/ no population data for area '{areaCode}'.");
        }

        var projection = data.FindProjection(options.Edition)
            ?? throw new PopulationDataException($"{data.Code} {data.Name}には将来推計（社人研推計）のデータがありません / no projection for {data.Code}.");
        var notes = new List<string>();
        var model = BuildModel(data, projection, options.Horizon, notes)
            ?? throw new PopulationDataException(string.Join(" ", notes));
        var path = FertilityPath.Of([.. options.FertilityPath]);
        var run = scenario switch
        {
            PopulationScenarioKind.Pattern1 => PopulationScenario.Pattern1,
            PopulationScenarioKind.Simulation1 => PopulationScenario.Simulation1(path),
            _ => PopulationScenario.Simulation2(path),
        };
        if (scenario != PopulationScenarioKind.Pattern1 && model.BaseTotalFertilityRate is null)
        {
            throw new PopulationDataException(
                $"{data.Code} {data.Name}の合計特殊出生率がないため {run.Name} は計算できません（sosei population import … --kind tfr で取り込めます）/ no TFR for {data.Code}: {run.Name} needs one.");
        }

        var result = Run(model, run, notes) ?? throw new PopulationDataException(string.Join(" ", notes));
        var sources = new List<PopulationDataset> { projection, data.National! };
        if (scenario != PopulationScenarioKind.Pattern1 && data.Tfr?.Dataset is { } tfr)
        {
            sources.Add(tfr);
        }

        return new PopulationProjectionRun(
            data.Code,
            data.Name,
            scenario,
            result,
            Cite(projection),
            options,
            scenario == PopulationScenarioKind.Pattern1 ? null : model.BaseTotalFertilityRate,
            scenario == PopulationScenarioKind.Pattern1 ? null : model.BaseTotalFertilityRateSource,
            scenario == PopulationScenarioKind.Simulation2 ? model.SurvivalSource : null,
            sources.Select(Cite).ToList());
    }

    private static PopulationSource Cite(PopulationDataset d) => new(d.Kind, d.Edition, d.Title, d.Source, d.Licence, d.FileName, d.ImportedAt);

    private static PopulationProjection? Run(MunicipalProjectionModel model, PopulationScenario scenario, List<string> notes)
    {
        try
        {
            return model.Project(scenario);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            notes.Add($"{scenario.Name}は計算できませんでした: {e.Message}");
            return null;
        }
    }

    private static MunicipalProjectionModel? BuildModel(AreaData data, PopulationDataset? projection, int horizon, List<string> notes)
    {
        if (projection is null)
        {
            notes.Add($"{data.Name}の将来推計（社人研推計）のデータがないため、パターン1とシミュレーションは計算できません。");
            return null;
        }

        if (data.National is null || data.NationalProjection is null)
        {
            notes.Add("全国の将来推計（日本の将来推計人口）のデータがないため、将来推計を計算できません（子ども女性比の全国値が必要です）。");
            return null;
        }

        try
        {
            var tables = data.ProjectionTables(projection);
            var model = MunicipalProjectionModel.Calibrate(projection.Title, tables, data.NationalProjection);
            var last = Math.Min(horizon, data.NationalProjection.LastYear);
            if (last != horizon)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"全国推計が {data.NationalProjection.LastYear} 年までのため、{horizon} 年ではなく {last} 年まで推計します。"));
            }

            model = model.WithHorizon(last);
            if (data.Tfr is { } tfr)
            {
                var title = tfr.Dataset!.Title.Contains(tfr.Period, StringComparison.Ordinal) ? tfr.Dataset.Title : $"{tfr.Dataset.Title}（{tfr.Period}）";
                model = model.WithBaseTotalFertilityRate(tfr.Value, $"{tfr.Value.ToString(CultureInfo.InvariantCulture)}: {title}");
            }

            return model.WithSurvivalRatios(
                data.NationalProjection.SurvivalApproximation(), $"{SurvivalApproximationLabel}: {data.National.Title}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            notes.Add($"{projection.Edition}から推計モデルを作れませんでした: {e.Message}");
            return null;
        }
    }

    private static ThreeGroupComparison? BuildTable(
        AreaData data, PopulationScenarioOptions options, IReadOnlyList<PlanTargets> plans, PopulationProjection? pattern1, PopulationProjection? own, PopulationDataset? projection)
    {
        if (pattern1 is null || data.Census.Count == 0)
        {
            return null;
        }

        var baseYear = options.BaseYear is { } b && data.Census.Any(c => c.Year == b) ? b : data.Census[^1].Year;
        var targetYears = plans.SelectMany(p => p.Years).Where(t => t.Target.Complete is not null && pattern1.Covers(t.Year)).ToList();
        var year = options.TargetYear is { } y && pattern1.Covers(y) && y > pattern1.JumpOffYear
            ? y
            : targetYears.Count > 0 ? targetYears.Max(t => t.Year) : pattern1.LastYear;
        var target = targetYears.FirstOrDefault(t => t.Year == year);
        var plan = target is null ? null : plans.First(p => p.Years.Contains(target));
        ThreeAgeGroups ownFigures;
        string ownLabel;
        if (target is not null)
        {
            ownFigures = target.Target.Complete!;
            ownLabel = $"{plan!.PlanName}の目標（{target.Term}）";
        }
        else if (own is not null && own.Covers(year))
        {
            ownFigures = own.ThreeAgeGroups(year);
            ownLabel = $"{data.Name}推計（{own.Scenario}）";
        }
        else
        {
            return null;
        }

        return new ThreeGroupComparison(
            baseYear,
            data.Census.Single(c => c.Year == baseYear).Population,
            year,
            pattern1.ThreeAgeGroups(year),
            $"社人研推計（パターン1、{projection!.Edition}）",
            ownFigures,
            ownLabel,
            target is not null);
    }

    private static List<ActualComparisonRow> CompareWithActuals(PlanTargets plan, AreaData data, PopulationProjection? pattern1)
    {
        var targets = plan.Years.Where(t => t.Target.Total is not null).OrderBy(t => t.Year).ToList();
        var actuals = new Dictionary<int, (decimal Total, string Source)>();
        foreach (var r in data.Register)
        {
            actuals[r.Year] = (r.Total, r.Date is { } d
                ? $"住民基本台帳（{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）"
                : "住民基本台帳");
        }

        // The census is the official figure of its year: it wins over a register total of the same year.
        foreach (var c in data.Census)
        {
            actuals[c.Year] = (c.Table.Total, "国勢調査");
        }

        var first = plan.StartFiscalYear - 5;
        var years = actuals.Keys.Where(y => y >= first)
            .Concat(targets.Select(t => t.Year).Where(y => y <= data.CurrentYear))
            .Distinct()
            .Order()
            .ToList();
        return years.Select(year =>
        {
            var target = targets.FirstOrDefault(t => t.Year == year);
            decimal? targetTotal = target?.Target.Total;
            var interpolated = false;
            if (target is null)
            {
                var before = targets.LastOrDefault(t => t.Year < year);
                var after = targets.FirstOrDefault(t => t.Year > year);
                if (before is not null && after is not null)
                {
                    targetTotal = Interpolate(year, before.Year, before.Target.Total!.Value, after.Year, after.Target.Total!.Value);
                    interpolated = true;
                }
            }

            var (projected, projectedInterpolated) = Pattern1Total(pattern1, year);
            var actual = actuals.TryGetValue(year, out var a) ? a : ((decimal Total, string Source)?)null;
            return new ActualComparisonRow(
                year,
                actual?.Total,
                actual?.Source,
                targetTotal,
                interpolated,
                target?.PublishedProjection.Total,
                projected,
                projectedInterpolated,
                target is not null);
        }).ToList();
    }

    private static (decimal? Value, bool Interpolated) Pattern1Total(PopulationProjection? projection, int year)
    {
        if (projection is null || year < projection.JumpOffYear || year > projection.LastYear)
        {
            return (null, false);
        }

        if (projection.Covers(year))
        {
            return (projection[year].Total, false);
        }

        var before = projection.Years.Last(y => y < year);
        var after = projection.Years.First(y => y > year);
        return (Interpolate(year, before, projection[before].Total, after, projection[after].Total), true);
    }

    private static decimal Interpolate(int year, int y0, decimal v0, int y1, decimal v1) =>
        v0 + ((v1 - v0) * (year - y0) / (y1 - y0));

    private async Task<IReadOnlyList<PlanTargets>> LoadTargetsAsync(string areaCode, PopulationProjection? pattern1, CancellationToken cancellationToken)
    {
        var rows = await db.PopulationTargets.AsNoTracking()
            .Where(t => t.Plan!.Organization!.Code == areaCode)
            .Select(t => new { t.Plan!.Code, t.Plan.Name, t.Plan.StartFiscalYear, Target = t })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => (r.Code, r.Name, r.StartFiscalYear))
            .OrderBy(g => g.Key.StartFiscalYear).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new PlanTargets(
                g.Key.Code,
                g.Key.Name,
                g.Key.StartFiscalYear,
                g.Select(r => r.Target).GroupBy(t => (t.Year, t.Term)).OrderBy(y => y.Key.Year).Select(y =>
                {
                    decimal? Target(string indicator) => y.FirstOrDefault(t => t.Indicator == indicator)?.Target;
                    decimal? Published(string indicator) => y.FirstOrDefault(t => t.Indicator == indicator)?.Projection;
                    var covered = pattern1 is not null && pattern1.Covers(y.Key.Year);
                    return new TargetYearView(
                        y.Key.Term,
                        y.Key.Year,
                        new PartialGroups(Target("Total"), Target("Young"), Target("Working"), Target("Old")),
                        new PartialGroups(Published("Total"), Published("Young"), Published("Working"), Published("Old")),
                        y.Select(t => t.ProjectionEdition).FirstOrDefault(e => e is not null),
                        covered ? pattern1!.ThreeAgeGroups(y.Key.Year) : null,
                        Target("Women20To39"),
                        Published("Women20To39"),
                        covered ? pattern1![y.Key.Year].CountInAges(Sex.Female, 20, 39) : null);
                }).ToList()))
            .ToList();
    }

    private async Task<AreaData?> LoadAreaAsync(string areaCode, CancellationToken cancellationToken)
    {
        var datasets = await db.PopulationDatasets.AsNoTracking().ToListAsync(cancellationToken);
        var figures = await db.PopulationFigures.AsNoTracking().Where(f => f.AreaCode == areaCode).ToListAsync(cancellationToken);
        if (figures.Count == 0)
        {
            return null;
        }

        var byId = datasets.ToDictionary(d => d.Id);
        foreach (var f in figures)
        {
            f.Dataset = byId[f.DatasetId];
        }

        var tfr = await db.FertilityRates.AsNoTracking().Where(r => r.AreaCode == areaCode)
            .OrderByDescending(r => r.LastYear).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (tfr is not null)
        {
            tfr.Dataset = byId[tfr.DatasetId];
        }

        // The national projection the municipal ones follow: the most recently imported one.
        var national = datasets.Where(d => d.Kind == PopulationDatasetKind.NationalProjection).OrderByDescending(d => d.ImportedAt).ThenByDescending(d => d.Id).FirstOrDefault();
        NationalProjection? nationalProjection = null;
        if (national is not null)
        {
            var rows = await db.PopulationFigures.AsNoTracking().Where(f => f.DatasetId == national.Id).ToListAsync(cancellationToken);
            nationalProjection = NationalProjection.Create(national.Title, Tables(rows).Values);
        }

        var organization = await db.Organizations.AsNoTracking().Where(o => o.Code == areaCode).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        var census = figures.Where(f => f.Dataset!.Kind == PopulationDatasetKind.Census).ToList();
        var censusTables = Tables(census);
        var register = figures.Where(f => f.Dataset!.Kind == PopulationDatasetKind.ResidentRegister)
            .GroupBy(f => (f.Year, f.DatasetId))
            .Select(g => new RegisterYear(
                g.Key.Year,
                g.First().Date,
                g.FirstOrDefault(f => f.Sex is null)?.Count ?? g.Sum(f => f.Count),
                g.FirstOrDefault(f => f.Sex == Sex.Male)?.Count,
                g.FirstOrDefault(f => f.Sex == Sex.Female)?.Count,
                g.First().Dataset!.Edition))
            .GroupBy(r => r.Year)
            .Select(g => g.Last())
            .OrderBy(r => r.Year)
            .ToList();
        var projections = figures.Where(f => f.Dataset!.Kind == PopulationDatasetKind.Projection)
            .Select(f => f.Dataset!).DistinctBy(d => d.Id)
            .OrderByDescending(d => d.ImportedAt).ThenByDescending(d => d.Id)
            .ToList();
        var today = clock.TodayInJapan();

        return new AreaData
        {
            Code = areaCode,
            Name = figures.Where(f => f.Dataset!.Kind != PopulationDatasetKind.NationalProjection).Select(f => f.AreaName).FirstOrDefault() ?? figures[0].AreaName,
            OrganizationName = organization,
            Figures = figures,
            Census = censusTables.OrderBy(t => t.Key)
                .Select(t => new CensusYear(t.Key, t.Value, t.Value.AllocateUnknownAge()))
                .ToList(),
            CensusDatasets = census.Select(f => f.Dataset!).DistinctBy(d => d.Id).ToList(),
            Register = register,
            RegisterDatasets = figures.Where(f => f.Dataset!.Kind == PopulationDatasetKind.ResidentRegister).Select(f => f.Dataset!).DistinctBy(d => d.Id).ToList(),
            Projections = projections,
            National = national,
            NationalProjection = nationalProjection,
            Tfr = tfr,
            CurrentYear = today.Year,
        };
    }

    /// <summary>Builds one table per year from figures by sex × age (finer old ages fold into 90+).</summary>
    internal static Dictionary<int, PopulationTable> Tables(IEnumerable<PopulationFigure> figures)
    {
        var result = new Dictionary<int, PopulationTable>();
        foreach (var year in figures.Where(f => f.Sex is not null && f.AgeGroup != PopulationFigure.Total).GroupBy(f => (f.AreaCode, f.Year)))
        {
            decimal Unknown(Sex sex) => year.Where(f => f.Sex == sex && f.AgeGroup == PopulationFigure.UnknownAge).Sum(f => f.Count);
            result[year.Key.Year] = PopulationTable.FromCounts(
                year.Key.AreaCode,
                year.Key.Year,
                year.Where(f => f.AgeGroup != PopulationFigure.UnknownAge).Select(f => new PopulationCount(f.Sex!.Value, AgeGroup.Parse(f.AgeGroup), f.Count)),
                unknownMale: Unknown(Sex.Male),
                unknownFemale: Unknown(Sex.Female));
        }

        return result;
    }

    private sealed record AreaData
    {
        public required string Code { get; init; }

        public required string Name { get; init; }

        public string? OrganizationName { get; init; }

        public required List<PopulationFigure> Figures { get; init; }

        public required List<CensusYear> Census { get; init; }

        public required IReadOnlyList<PopulationDataset> CensusDatasets { get; init; }

        public required IReadOnlyList<RegisterYear> Register { get; init; }

        public required IReadOnlyList<PopulationDataset> RegisterDatasets { get; init; }

        /// <summary>Projection datasets with figures for the area, most recent first.</summary>
        public required List<PopulationDataset> Projections { get; init; }

        public PopulationDataset? National { get; init; }

        public NationalProjection? NationalProjection { get; init; }

        public FertilityRateFigure? Tfr { get; init; }

        /// <summary>The calendar year today in Japan (see <see cref="JapanTime"/>).</summary>
        public int CurrentYear { get; init; }

        /// <summary>
        /// The projection named by <paramref name="edition"/> (edition name, or a part of the title), or the latest;
        /// null when the area has none.
        /// </summary>
        /// <exception cref="PopulationDataException">An edition was named and none matches.</exception>
        public PopulationDataset? FindProjection(string? edition)
        {
            if (string.IsNullOrWhiteSpace(edition))
            {
                return Projections.Count > 0 ? Projections[0] : null;
            }

            var text = edition.Trim();
            return Projections.FirstOrDefault(d => d.Edition == text)
                ?? Projections.FirstOrDefault(d => d.Title.Contains(text, StringComparison.Ordinal))
                ?? throw new PopulationDataException(Projections.Count == 0
                    ? $"{Code} {Name}には将来推計のデータがありません（指定: {text}）/ no projection for {Code}."
                    : $"将来推計「{text}」は{Code} {Name}にはありません（あるもの: {string.Join("、", Projections.Select(p => p.Edition))}）/ unknown edition '{text}' for {Code}.");
        }

        public List<PopulationTable> ProjectionTables(PopulationDataset projection) =>
            Tables(Figures.Where(f => f.DatasetId == projection.Id)).OrderBy(t => t.Key).Select(t => t.Value).ToList();
    }
}
