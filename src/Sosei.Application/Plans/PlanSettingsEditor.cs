using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;
using Sosei.Domain.Achievement;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
namespace Sosei.Application.Plans;

/// <summary>The plan settings form, as texts exactly as typed.</summary>
public sealed class PlanSettingsForm
{
    /// <summary>The plan's version when the form was opened (optimistic concurrency).</summary>
    public int Version { get; set; }

    /// <summary>計画名.</summary>
    public string? Name { get; set; }

    /// <summary>副題 / 戦略理念.</summary>
    public string? Subtitle { get; set; }

    /// <summary>対象期間 as written: 平成27年度～平成31年度, H27～H31, 2015～2019年度.</summary>
    public string? Period { get; set; }

    /// <summary>Level names, top first (基本目標, 施策 …).</summary>
    public List<string?> Levels { get; } = [];

    /// <summary>Default achievement method (enum name).</summary>
    public string? DefaultMethod { get; set; }

    /// <summary><see cref="PlanSettingsEditor.Presets"/> key, or <see cref="PlanSettingsEditor.CustomScale"/> for the bands below.</summary>
    public string? ScalePreset { get; set; }

    /// <summary>Which actual counts (<see cref="ActualSelection"/> name).</summary>
    public string? Actuals { get; set; }

    /// <summary>以上 or 超 (<see cref="ThresholdComparison"/> name).</summary>
    public string? Thresholds { get; set; }

    /// <summary>How sub-items combine unless a KPI overrides it (<see cref="Domain.Kpis.SeriesAggregation"/> name).</summary>
    public string? SeriesAggregation { get; set; }

    /// <summary>How 全国平均 targets are judged (<see cref="RelativeTargetReading"/> name).</summary>
    public string? RelativeTargets { get; set; }

    /// <summary>The fiscal year the preview tallies (2018, H30, 平成30年度); blank for the plan's default year. Not saved.</summary>
    public string? PreviewYear { get; set; }

    /// <summary>Bands of a custom scale, best first; blank rows are ignored.</summary>
    public List<GradeBandForm> Bands { get; } = [];

    /// <summary>策定 / 改訂; blank rows are ignored (a cleared row removes the revision).</summary>
    public List<RevisionForm> Revisions { get; } = [];
}

/// <summary>One band of a custom grade scale.</summary>
public sealed class GradeBandForm
{
    /// <summary>Code (A, ◎, 80%以上).</summary>
    public string? Code { get; set; }

    /// <summary>Label; the code when blank.</summary>
    public string? Label { get; set; }

    /// <summary>Lowest achievement in percent (80, 80%, ８０％); blank for the catch-all band and the no-data band.</summary>
    public string? MinPercent { get; set; }

    /// <summary>Whether this is the band of KPIs without data (—).</summary>
    public bool NoData { get; set; }
}

/// <summary>One 策定 / 改訂 row.</summary>
public sealed class RevisionForm
{
    /// <summary>Date as written (平成27年10月30日, 2015-10-30, H27.10.30).</summary>
    public string? Date { get; set; }

    /// <summary>Adopted (策定) or Revised (改訂).</summary>
    public string? Kind { get; set; }

    /// <summary>What changed; optional.</summary>
    public string? Note { get; set; }
}

/// <summary>What the settings page shows.</summary>
/// <param name="PlanCode">Plan code.</param>
/// <param name="PlanName">Plan name as stored.</param>
/// <param name="NodeDepths">Number of tree levels in use (level names are needed for each).</param>
/// <param name="Form">The form.</param>
public sealed record PlanSettingsView(string PlanCode, string PlanName, int NodeDepths, PlanSettingsForm Form);

/// <summary>
/// Plan settings: name, subtitle, period, level names, default achievement method, grade scale and revisions. The
/// grade scale is validated by the domain <see cref="GradeScale"/> constructor; a scale that would drop a band used by a
/// grade override is refused.
/// </summary>
public sealed class PlanSettingsEditor(SoseiDbContext db)
{
    /// <summary>Form value for a scale edited band by band.</summary>
    public const string CustomScale = "Custom";

    /// <summary>The preset scales by key (the plan-file preset names).</summary>
    public static IReadOnlyDictionary<string, GradeScale> Presets { get; } = new Dictionary<string, GradeScale>(StringComparer.Ordinal)
    {
        ["TwoBand80"] = GradeScale.TwoBand80,
        ["Abcd"] = GradeScale.Abcd,
        ["Symbols"] = GradeScale.Symbols,
    };

    /// <summary>Loads the form; null when no plan has that code.</summary>
    public async Task<PlanSettingsView?> GetAsync(string planCode, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.Levels).Include(p => p.GradeBands).Include(p => p.Revisions).Include(p => p.Nodes)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var form = new PlanSettingsForm
        {
            Version = plan.Version,
            Name = plan.Name,
            Subtitle = plan.Subtitle,
            Period = PeriodRange.FiscalYears(plan.StartFiscalYear, plan.EndFiscalYear).ToJapanese(),
            DefaultMethod = plan.DefaultAchievementMethod.ToString(),
            Actuals = plan.ActualSelection.ToString(),
            Thresholds = plan.ThresholdComparison.ToString(),
            SeriesAggregation = plan.SeriesAggregation.ToString(),
            RelativeTargets = plan.RelativeTargetReading.ToString(),
        };
        form.Levels.AddRange(plan.Levels.OrderBy(l => l.Depth).Select(l => (string?)l.Name));
        var bands = plan.GradeBands.OrderBy(b => b.SortOrder).ToList();
        form.ScalePreset = Presets.FirstOrDefault(p => SameBands(p.Value, bands)).Key ?? (bands.Count == 0 ? "TwoBand80" : CustomScale);
        form.Bands.AddRange(bands.Select(b => new GradeBandForm
        {
            Code = b.Code,
            Label = b.Label,
            MinPercent = b.MinRate is { } r ? (r * 100m).ToString("0.##", CultureInfo.InvariantCulture) : null,
            NoData = b.IsNoData,
        }));
        form.Revisions.AddRange(plan.Revisions.OrderBy(r => r.Date).Select(r => new RevisionForm
        {
            Date = Period.OfDate(r.Date).ToJapanese(),
            Kind = r.Kind.ToString(),
            Note = r.Note,
        }));
        var depths = plan.Nodes.Count == 0 ? 0 : plan.Nodes.Max(n => n.Depth) + 1;
        return new PlanSettingsView(plan.Code, plan.Name, depths, form);
    }

    /// <summary>Validates and saves the settings, all or nothing.</summary>
    public async Task<EditResult> SaveAsync(string planCode, PlanSettingsForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.Plans
            .Include(p => p.Levels).Include(p => p.GradeBands).Include(p => p.Revisions).Include(p => p.Nodes)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return EditResult.NotFound();
        }

        if (Versions.HasMoved(plan, form.Version))
        {
            var stored = (await GetAsync(planCode, cancellationToken))!.Form;
            form.Version = stored.Version;
            return EditResult.Failed(string.Empty, Versions.Conflict(new("計画の設定", "The plan settings"),
            [
                (Labels.Name, form.Name, stored.Name), (new("副題", "Subtitle"), form.Subtitle, stored.Subtitle),
                (new("計画期間", "Plan period"), form.Period, stored.Period), (new("達成度の算定方法", "Achievement method"), form.DefaultMethod, stored.DefaultMethod),
                (new("評価に使う実績", "Actual used"), form.Actuals, stored.Actuals), (new("基準値の扱い", "Thresholds"), form.Thresholds, stored.Thresholds),
                (new("項目の評価方法", "Series aggregation"), form.SeriesAggregation, stored.SeriesAggregation),
                (new("全国平均との比較", "Relative targets"), form.RelativeTargets, stored.RelativeTargets),
                (new("評価の段階", "Grade scale"), form.ScalePreset, stored.ScalePreset),
            ]));
        }

        var errors = new EditErrors();
        var name = EditText.Text(errors, nameof(form.Name), Labels.Name, form.Name, FieldLimits.PlanName);
        if (EditText.Clean(form.Name) is null)
        {
            errors.Add(nameof(form.Name), EditText.Required(Labels.Name));
        }

        var subtitle = EditText.Text(errors, nameof(form.Subtitle), new("副題", "Subtitle"), form.Subtitle, FieldLimits.Name);
        var period = ReadPeriod(errors, form.Period);
        var levels = ReadLevels(errors, form, plan);
        var method = EditText.Enum(errors, nameof(form.DefaultMethod), new("達成度の算定方法", "Achievement method"), form.DefaultMethod, plan.DefaultAchievementMethod);
        var rules = ReadRules(errors, form, plan.GradingRules);
        var bands = ReadScale(errors, form, plan.Name);
        if (bands is not null)
        {
            await CheckOverridesAsync(errors, plan, bands, cancellationToken);
        }

        var revisions = ReadRevisions(errors, form);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        plan.Name = name!;
        plan.Subtitle = subtitle;
        plan.StartFiscalYear = period!.First.Year;
        plan.EndFiscalYear = period.Last.Year;
        plan.DefaultAchievementMethod = method;
        plan.ActualSelection = rules.Actuals;
        plan.ThresholdComparison = rules.Thresholds;
        plan.SeriesAggregation = rules.SeriesAggregation;
        plan.RelativeTargetReading = rules.RelativeTargets;
        ApplyLevels(plan, levels);
        ApplyBands(plan, bands!);
        ApplyRevisions(plan, revisions);
        Versions.Claim(db, plan, form.Version);
        if (await UniqueSave.SaveAsync(db, cancellationToken) != SaveOutcome.Saved)
        {
            return EditResult.Failed(string.Empty, UniqueSave.Collided);
        }

        return EditResult.Success(plan.Code, new("計画の設定を保存しました。", "The plan settings were saved."));
    }

    /// <summary>
    /// The grading rules of the form: each field a rule's name, blank for the current rule; a name that is not a rule is
    /// an error on its field. Shared by saving and by the preview, so both read the form alike.
    /// </summary>
    /// <param name="errors">Where problems go, by form field.</param>
    /// <param name="form">The form.</param>
    /// <param name="current">The rules kept for blank fields (the plan's).</param>
    public static GradingRules ReadRules(EditErrors errors, PlanSettingsForm form, GradingRules current)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(current);
        return new GradingRules
        {
            Actuals = EditText.Enum(errors, nameof(form.Actuals), Terms.ActualsRule, form.Actuals, current.Actuals),
            Thresholds = EditText.Enum(errors, nameof(form.Thresholds), Terms.ThresholdsRule, form.Thresholds, current.Thresholds),
            SeriesAggregation = EditText.Enum(errors, nameof(form.SeriesAggregation), Terms.SeriesRule, form.SeriesAggregation, current.SeriesAggregation),
            RelativeTargets = EditText.Enum(errors, nameof(form.RelativeTargets), Terms.RelativeTargetsRule, form.RelativeTargets, current.RelativeTargets),
        };
    }

    private static PeriodRange? ReadPeriod(EditErrors errors, string? text)
    {
        const string field = nameof(PlanSettingsForm.Period);
        if (EditText.Clean(text) is null)
        {
            errors.Add(field, EditText.Required(Labels.Period));
            return null;
        }

        if (!PeriodParser.TryParseRange(text, PeriodKind.FiscalYear, out var range, out var error))
        {
            errors.Add(field, EditText.Field(Labels.Period, text, EditText.Why(error)));
            return null;
        }

        if (range.Kind != PeriodKind.FiscalYear)
        {
            errors.Add(field, EditText.Field(Labels.Period, text, new(
                "年度の範囲で入力してください（例: 平成27年度～平成31年度, H27～H31, R3~R7）。",
                "enter a range of fiscal years (e.g. 平成27年度～平成31年度, H27～H31, R3~R7).")));
            return null;
        }

        return range;
    }

    private static List<string> ReadLevels(EditErrors errors, PlanSettingsForm form, Plan plan)
    {
        var texts = form.Levels.Select(EditText.Clean).ToList();
        while (texts.Count > 0 && texts[^1] is null)
        {
            texts.RemoveAt(texts.Count - 1);
        }

        var levels = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var field = $"Levels[{i.ToString(CultureInfo.InvariantCulture)}]";
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            var label = new Message($"第{n}階層の名称", $"Name of level {n}");
            if (texts[i] is null)
            {
                errors.Add(field, EditText.Required(label).Then(new("途中の階層を空にはできません。", "A level in the middle cannot be blank.")));
                continue;
            }

            levels.Add(EditText.Text(errors, field, label, texts[i], FieldLimits.Name) ?? "");
        }

        var depths = plan.Nodes.Count == 0 ? 0 : plan.Nodes.Max(n => n.Depth) + 1;
        if (texts.Count < depths)
        {
            var missing = texts.Count;
            var level = (missing + 1).ToString(CultureInfo.InvariantCulture);
            var count = depths.ToString(CultureInfo.InvariantCulture);
            errors.Add(
                $"Levels[{missing.ToString(CultureInfo.InvariantCulture)}]",
                $"第{level}階層のノードがあるため、階層の名称が必要です（体系は{count}階層あります）。",
                $"level {level} has nodes, so it needs a name (the tree has {count} levels).");
        }

        return levels;
    }

    private static List<PlanGradeBand>? ReadScale(EditErrors errors, PlanSettingsForm form, string planName)
    {
        var preset = EditText.Clean(form.ScalePreset) ?? "TwoBand80";
        if (Presets.TryGetValue(preset, out var scale))
        {
            return ToBands(scale);
        }

        if (preset != CustomScale)
        {
            errors.Add(nameof(form.ScalePreset), EditText.NotAChoice(new("評価基準", "Grade scale"), preset));
            return null;
        }

        var rows = new List<(int Row, ResolvedBand Band)>();
        var ok = true;
        for (var i = 0; i < form.Bands.Count; i++)
        {
            var b = form.Bands[i];
            var field = $"Bands[{i.ToString(CultureInfo.InvariantCulture)}]";
            var code = EditText.Clean(b.Code);
            var label = EditText.Clean(b.Label);
            var min = EditText.Clean(b.MinPercent);
            if (code is null && label is null && min is null && !b.NoData)
            {
                continue;
            }

            if (code is null)
            {
                errors.Add(field + ".Code", EditText.Required(new("評価区分のコード", "Band code")));
                ok = false;
                continue;
            }

            if (code.Length > FieldLimits.GradeCode)
            {
                errors.Add(field + ".Code", FieldLimits.TooLong(new("評価区分のコード", "Band code"), FieldLimits.GradeCode, code.Length));
                ok = false;
            }

            if (FieldLimits.IsTooLong(label, FieldLimits.Text))
            {
                errors.Add(field + ".Label", FieldLimits.TooLong(new("評価区分の表示", "Band label"), FieldLimits.Text, label!.Length));
                ok = false;
            }

            decimal? rate = null;
            if (min is not null)
            {
                if (b.NoData)
                {
                    errors.Add(field + ".MinPercent", $"下限「{min}」: 「データなし」の区分には下限を付けられません。", $"Lower bound \"{min}\": the no-data band cannot have a lower bound.");
                    ok = false;
                }
                else if (TryPercent(min, out var percent))
                {
                    rate = percent / 100m;
                }
                else
                {
                    errors.Add(field + ".MinPercent", $"下限「{EditText.Quote(min)}」は百分率の数値として読めません。例: 100, 80%, 50.5", $"Lower bound \"{EditText.Quote(min)}\" is not a percentage. Examples: 100, 80%, 50.5");
                    ok = false;
                }
            }

            rows.Add((i, new ResolvedBand(code, label ?? code, rate, b.NoData)));
        }

        if (!ok)
        {
            return null;
        }

        var noData = rows.Where(r => r.Band.NoData).ToList();
        if (noData.Count > 1)
        {
            var n = noData.Count.ToString(CultureInfo.InvariantCulture);
            errors.Add(
                nameof(form.Bands),
                $"「データなし」の区分が{n}つあります（{string.Join("、", noData.Select(r => "「" + r.Band.Code + "」"))}）。ちょうど1つにしてください。",
                $"{n} bands are no-data bands ({string.Join(", ", noData.Select(r => r.Band.Code))}): mark exactly one.");
            return null;
        }

        if (rows.Count == 0 || noData.Count == 0)
        {
            errors.Add(
                nameof(form.Bands),
                "「データなし」の区分（実績がないKPIの評価、例: —）をちょうど1つ指定してください。",
                "mark exactly one band as the no-data band (the grade of KPIs without data, e.g. —).");
            return null;
        }

        // The import's check (ADR 0005: a form and a file agree); the message goes next to the band it names.
        if (PlanFileValidator.CheckBands(planName, rows.Select(r => r.Band).ToList()) is { } problem)
        {
            var row = problem.BandCode is null ? -1 : rows.Where(r => r.Band.Code == problem.BandCode).Select(r => r.Row).DefaultIfEmpty(-1).Last();
            var field = row < 0 ? nameof(form.Bands)
                : $"Bands[{row.ToString(CultureInfo.InvariantCulture)}].{(problem.Kind == GradeScaleProblemKind.MinRate ? nameof(GradeBandForm.MinPercent) : nameof(GradeBandForm.Code))}";
            errors.Add(field, problem.Message.After("評価区分: ", "Grade bands: "));
            return null;
        }

        return rows.Select((r, i) => new PlanGradeBand { Code = r.Band.Code, Label = r.Band.Label, MinRate = r.Band.MinRate, IsNoData = r.Band.NoData, SortOrder = i })
            .OrderBy(b => b.IsNoData).Select((b, i) => { b.SortOrder = i; return b; }).ToList();
    }

    private static bool TryPercent(string text, out decimal percent)
    {
        var s = JapaneseText.FoldWidth(text).Trim().TrimEnd('%').Trim();
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out percent)
            && percent is >= -100_000m and <= 100_000m;
    }

    private static List<PlanGradeBand> ToBands(GradeScale scale) =>
        scale.Bands.Select((b, i) => new PlanGradeBand { Code = b.Code, Label = b.Label, MinRate = b.MinRate, SortOrder = i })
            .Append(new PlanGradeBand { Code = scale.NoDataBand.Code, Label = scale.NoDataBand.Label, IsNoData = true, SortOrder = scale.Bands.Count })
            .ToList();

    private static bool SameBands(GradeScale scale, List<PlanGradeBand> bands) =>
        ToBands(scale).Select(b => (b.Code, b.Label, b.MinRate, b.IsNoData))
            .SequenceEqual(bands.Select(b => (b.Code, b.Label, b.MinRate, b.IsNoData)));

    private async Task CheckOverridesAsync(EditErrors errors, Plan plan, List<PlanGradeBand> bands, CancellationToken cancellationToken)
    {
        var used = await db.GradeOverrides.AsNoTracking()
            .Where(o => db.Kpis.Any(k => k.Id == o.KpiId && k.PlanId == plan.Id))
            .Select(o => new { o.GradeCode, o.FiscalYear, Kpi = db.Kpis.Where(k => k.Id == o.KpiId).Select(k => k.Code).First() })
            .ToListAsync(cancellationToken);
        var lost = used.Where(o => bands.All(b => b.Code != o.GradeCode)).ToList();
        if (lost.Count > 0)
        {
            var list = string.Join("、", lost.Take(5).Select(o => $"{o.Kpi} {new FiscalYear(o.FiscalYear).ToJapanese()}「{o.GradeCode}」"));
            var count = lost.Count.ToString(CultureInfo.InvariantCulture);
            errors.Add(
                nameof(PlanSettingsForm.ScalePreset),
                $"評価の上書き{count}件（{list}{(lost.Count > 5 ? " ほか" : "")}）が新しい評価基準にない区分を使っています。先に評価の上書きを削除するか、その区分を残してください。",
                $"{count} grade override(s) ({list}{(lost.Count > 5 ? " and more" : "")}) use a band the new scale does not have. Delete the overrides first, or keep the band.");
        }
    }

    private static List<PlanRevision> ReadRevisions(EditErrors errors, PlanSettingsForm form)
    {
        var list = new List<PlanRevision>();
        for (var i = 0; i < form.Revisions.Count; i++)
        {
            var r = form.Revisions[i];
            var field = $"Revisions[{i.ToString(CultureInfo.InvariantCulture)}]";
            var text = EditText.Clean(r.Date);
            var note = EditText.Text(errors, field + ".Note", new("策定・改訂の内容", "What changed"), r.Note);
            if (text is null)
            {
                if (EditText.Clean(r.Note) is not null)
                {
                    errors.Add(field + ".Date", EditText.Required(Labels.RevisionDate));
                }

                continue;
            }

            var kind = EditText.Enum(errors, field + ".Kind", new("策定・改訂の区分", "Adopted or revised"), r.Kind, RevisionKind.Adopted);
            if (!PeriodParser.TryParse(text, PeriodKind.FiscalYear, out var period, out var error))
            {
                errors.Add(field + ".Date", EditText.Field(Labels.RevisionDate, text, EditText.Why(error)));
                continue;
            }

            if (period.Kind != PeriodKind.Date)
            {
                errors.Add(field + ".Date", EditText.Field(Labels.RevisionDate, text, new(
                    "年月日まで入力してください（例: 平成27年10月30日, H27.10.30, 2015-10-30）。",
                    "enter a full date (e.g. 平成27年10月30日, H27.10.30, 2015-10-30).")));
                continue;
            }

            list.Add(new PlanRevision { Date = period.Start, Kind = kind, Note = note });
        }

        return list;
    }

    private static void ApplyLevels(Plan plan, List<string> levels)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            var level = plan.Levels.SingleOrDefault(l => l.Depth == i);
            if (level is null)
            {
                plan.Levels.Add(new PlanLevel { Depth = i, Name = levels[i] });
            }
            else
            {
                level.Name = levels[i];
            }
        }

        foreach (var extra in plan.Levels.Where(l => l.Depth >= levels.Count).ToList())
        {
            plan.Levels.Remove(extra);
        }
    }

    private static void ApplyBands(Plan plan, List<PlanGradeBand> bands)
    {
        // Bands are matched by code and updated in place, so the unique (plan, code) index never sees two rows at once.
        foreach (var extra in plan.GradeBands.Where(x => bands.All(b => b.Code != x.Code)).ToList())
        {
            plan.GradeBands.Remove(extra);
        }

        foreach (var b in bands)
        {
            var band = plan.GradeBands.SingleOrDefault(x => x.Code == b.Code);
            if (band is null)
            {
                plan.GradeBands.Add(b);
            }
            else
            {
                band.Label = b.Label;
                band.MinRate = b.MinRate;
                band.IsNoData = b.IsNoData;
                band.SortOrder = b.SortOrder;
            }
        }
    }

    private static void ApplyRevisions(Plan plan, List<PlanRevision> revisions)
    {
        var existing = plan.Revisions.OrderBy(r => r.Date).ThenBy(r => r.Id).ToList();
        for (var i = 0; i < revisions.Count; i++)
        {
            if (i < existing.Count)
            {
                existing[i].Date = revisions[i].Date;
                existing[i].Kind = revisions[i].Kind;
                existing[i].Note = revisions[i].Note;
            }
            else
            {
                plan.Revisions.Add(revisions[i]);
            }
        }

        foreach (var extra in existing.Skip(revisions.Count))
        {
            plan.Revisions.Remove(extra);
        }
    }

    private static class Labels
    {
        public static readonly Message Name = new("計画名", "Plan name");
        public static readonly Message Period = new("対象期間", "Plan period");
        public static readonly Message RevisionDate = new("策定・改訂の日付", "Date adopted or revised");
    }
}
