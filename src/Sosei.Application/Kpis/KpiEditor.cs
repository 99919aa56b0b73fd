using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;
using Sosei.Application.Plans;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
using Sosei.Domain.Values;

namespace Sosei.Application.Kpis;

/// <summary>
/// Creates and edits KPIs. A form is turned into a plan-file <see cref="KpiEntry"/> (with the KPI's stored values, so a
/// unit change that contradicts them is caught) and validated by the importer's own rules
/// (<see cref="PlanFileValidator.ValidateKpi"/>): the form and the import accept and refuse the same texts.
/// </summary>
public sealed class KpiEditor(SoseiDbContext db) : IPlanItemEditor<KpiForm, KpiFormView>
{
    /// <summary>Where the validator puts the KPI (<see cref="PlanFileValidator.ValidateKpi"/>).</summary>
    private static readonly JsonPath Item = JsonPath.Of("kpi");

    private static readonly Dictionary<string, (string Field, Message Label)> Fields = new(StringComparer.Ordinal)
    {
        ["code"] = (nameof(KpiForm.Code), new Message("KPIコード", "KPI code")),
        ["node"] = (nameof(KpiForm.NodeCode), new Message("掲載する項目", "Listed under")),
        ["level"] = (nameof(KpiForm.Level), new Message("区分", "Level")),
        ["name"] = (nameof(KpiForm.Name), new Message("指標名", "KPI name")),
        ["phrase"] = (nameof(KpiForm.Phrase), new Message("目標の文言", "Target phrase")),
        ["unit"] = (nameof(KpiForm.Unit), new Message("単位", "Unit")),
        ["decimals"] = (nameof(KpiForm.Decimals), new Message("小数点以下の桁数", "Decimals")),
        ["direction"] = (nameof(KpiForm.Direction), new Message("方向", "Direction")),
        ["targetKind"] = (nameof(KpiForm.TargetKind), new Message("目標の種類", "Target kind")),
        ["periodKind"] = (nameof(KpiForm.PeriodKind), new Message("年の種類", "Kind of year")),
        ["baseline"] = (nameof(KpiForm.Baseline), new Message("基準値", "Baseline")),
        ["baselinePeriod"] = (nameof(KpiForm.BaselinePeriod), new Message("基準年", "Baseline period")),
        ["target"] = (nameof(KpiForm.Target), new Message("目標値", "Target")),
        ["targetPeriod"] = (nameof(KpiForm.TargetPeriod), new Message("目標年", "Target period")),
        ["seriesAggregation"] = (nameof(KpiForm.SeriesAggregation), new Message("項目の評価方法", "Series aggregation")),
        ["method"] = (nameof(KpiForm.Method), new Message("達成度の算定方法", "Achievement method")),
        ["departments"] = (nameof(KpiForm.Departments), new Message("担当課", "Departments")),
    };

    private static readonly PlanItemWords Words = new(
        Fields["code"].Label,
        Fields["name"].Label,
        code => new($"KPIコード「{code}」は、この計画の別のKPIで使われています。別のコードにしてください。", $"KPI code \"{code}\" is used by another KPI of this plan. Choose another code."),
        new("掲載する項目を選んでください。", "Choose where the KPI is listed."),
        new("KPI", "KPI"));

    private static readonly Dictionary<string, (string Field, Message Label)> SeriesFields = new(StringComparer.Ordinal)
    {
        ["code"] = (nameof(SeriesForm.Code), new Message("項目コード", "Series code")),
        ["name"] = (nameof(SeriesForm.Name), new Message("項目名", "Series name")),
        ["baseline"] = (nameof(SeriesForm.Baseline), new Message("項目の基準値", "Series baseline")),
        ["target"] = (nameof(SeriesForm.Target), new Message("項目の目標値", "Series target")),
    };

    /// <summary>The form of a new KPI under a node (with a generated code); null when the plan or node is not found.</summary>
    public async Task<KpiFormView?> NewAsync(string planCode, string? nodeCode, CancellationToken cancellationToken = default)
    {
        if (await PlanItemForm.LoadForNewAsync(db, planCode, nodeCode, cancellationToken) is not var (plan, node))
        {
            return null;
        }

        var form = new KpiForm
        {
            NodeCode = node?.Code,
            Level = (node?.Depth == 0 ? KpiLevel.Goal : KpiLevel.Measure).ToString(),
            PeriodKind = PeriodKind.FiscalYear.ToString(),
            SeriesAggregation = null,
            Code = node is null ? null : await NewCodeAsync(plan, node, cancellationToken),
        };
        return await ViewAsync(plan, null, form, cancellationToken);
    }

    /// <summary>The form of a stored KPI; null when the plan or the KPI (in that plan) is not found.</summary>
    public async Task<KpiFormView?> GetAsync(string planCode, string itemCode, CancellationToken cancellationToken = default) =>
        await LoadForViewAsync(planCode, itemCode, cancellationToken) is var (plan, kpi)
            ? await ViewAsync(plan, kpi, FormOf(plan, kpi!), cancellationToken)
            : null;

    /// <summary>The form showing a stored KPI as it is now.</summary>
    private static KpiForm FormOf(Plan plan, Kpi kpi)
    {
        var form = new KpiForm
        {
            Version = kpi.Version,
            Code = kpi.Code,
            Name = kpi.Name,
            NodeCode = plan.Nodes.Single(n => n.Id == kpi.HomeNodeId).Code,
            Level = kpi.Level.ToString(),
            Phrase = kpi.TargetPhrase,
            Unit = kpi.Unit,
            Decimals = kpi.Decimals.ToString(CultureInfo.InvariantCulture),
            Direction = kpi.Direction.ToString(),
            TargetKind = kpi.TargetKind.ToString(),
            PeriodKind = kpi.ValuePeriodKind.ToString(),
            Baseline = kpi.BaselineText,
            BaselinePeriod = kpi.BaselinePeriod is null ? null : PeriodCodec.ParseRange(kpi.BaselinePeriod).ToJapanese(),
            Target = kpi.TargetText,
            TargetPeriod = kpi.TargetPeriod is null ? null : PeriodCodec.ParseRange(kpi.TargetPeriod).ToJapanese(),
            Source = kpi.Source,
            SurveyTiming = kpi.SurveyTiming,
            PublicationTiming = kpi.PublicationTiming,
            Note = kpi.Note,
            Method = kpi.MethodOverride?.ToString(),
            SeriesAggregation = kpi.SeriesAggregationOverride?.ToString(),
        };
        form.InterimTargets.AddRange(kpi.InterimTargets.Where(i => i.SeriesId is null).OrderBy(i => i.Period, StringComparer.Ordinal)
            .Select(i => new PeriodValueForm { Period = PeriodCodec.ParseRange(i.Period).ToJapanese(), Value = i.Text ?? i.Value.ToString(CultureInfo.InvariantCulture) + kpi.Unit }));
        form.Series.AddRange(kpi.Series.OrderBy(s => s.SortOrder).Select(s => new SeriesForm
        {
            Id = s.Id,
            Code = s.Code,
            Name = s.Name,
            Baseline = s.BaselineText,
            Target = s.TargetText,
        }));
        form.Departments.AddRange(kpi.Departments.OrderBy(d => d.SortOrder).Select(d => d.Department!.Name));
        return form;
    }

    /// <summary>
    /// The refusal of a form opened before another save of the KPI: the fields that now differ, with their stored
    /// values; the form takes the stored version, so saving it again overwrites knowingly.
    /// </summary>
    private static EditResult Conflict(Plan plan, Kpi kpi, KpiForm form)
    {
        var stored = FormOf(plan, kpi);
        form.Version = stored.Version;
        static string Series(KpiForm f) => string.Join(" / ", f.Series.Select(s => s.Name).Where(n => !string.IsNullOrWhiteSpace(n)));
        static string Departments(KpiForm f) => string.Join("、", f.Departments.Where(d => !string.IsNullOrWhiteSpace(d)));
        return EditResult.Failed(string.Empty, Versions.Conflict(new($"KPI「{kpi.Name}」", $"KPI \"{kpi.Name}\""),
        [
            (Fields["name"].Label, form.Name, stored.Name), (Fields["node"].Label, form.NodeCode, stored.NodeCode),
            (Fields["phrase"].Label, form.Phrase, stored.Phrase), (Fields["unit"].Label, form.Unit, stored.Unit),
            (Fields["baseline"].Label, form.Baseline, stored.Baseline), (Fields["baselinePeriod"].Label, form.BaselinePeriod, stored.BaselinePeriod),
            (Fields["target"].Label, form.Target, stored.Target), (Fields["targetPeriod"].Label, form.TargetPeriod, stored.TargetPeriod),
            (Fields["direction"].Label, form.Direction, stored.Direction), (Fields["departments"].Label, Departments(form), Departments(stored)),
            (new Message("項目", "Series"), Series(form), Series(stored)), (new Message("備考", "Note"), form.Note, stored.Note),
        ]));
    }

    /// <summary>
    /// The page for a form posted back with errors (or a preview): the same options as <see cref="GetAsync"/> with
    /// the posted form. Null when the plan or the KPI is not found.
    /// </summary>
    public async Task<KpiFormView?> RedisplayAsync(string planCode, string? itemCode, KpiForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await LoadForViewAsync(planCode, itemCode, cancellationToken) is var (plan, kpi)
            ? await ViewAsync(plan, kpi, form, cancellationToken)
            : null;
    }

    /// <summary>
    /// What the target phrase of the form reads as, in the plan's period and with the form's level, baseline year,
    /// direction and target kind; null when the plan is not found.
    /// </summary>
    public async Task<PhrasePreview?> PreviewPhraseAsync(string planCode, KpiForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        return plan is null ? null : Preview(plan, form);
    }

    /// <summary>What a phrase reads as for a plan (see <see cref="PreviewPhraseAsync"/>).</summary>
    public static PhrasePreview Preview(Plan plan, KpiForm form)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(form);
        var phrase = EditText.Clean(form.Phrase);
        if (phrase is null)
        {
            return new PhrasePreview(null, EditText.Required(Fields["phrase"].Label));
        }

        var ignored = new EditErrors();
        var yearKind = EditText.Enum(ignored, "", Fields["periodKind"].Label, form.PeriodKind, PeriodKind.FiscalYear);
        if (yearKind is not (PeriodKind.FiscalYear or PeriodKind.CalendarYear))
        {
            yearKind = PeriodKind.FiscalYear;
        }

        var baselinePeriod = PeriodParser.TryParseRange(EditText.Clean(form.BaselinePeriod), yearKind, out var range, out _) ? range.First : (Period?)null;
        var context = new TargetPhraseContext(
            new FiscalYear(plan.StartFiscalYear),
            new FiscalYear(plan.EndFiscalYear),
            EditText.Enum(ignored, "", Fields["level"].Label, form.Level, KpiLevel.Measure),
            baselinePeriod,
            EditText.Clean(form.Direction) is null ? null : EditText.Enum(ignored, "", Fields["direction"].Label, form.Direction, KpiDirection.Increase),
            EditText.Clean(form.TargetKind) is null ? null : EditText.Enum(ignored, "", Fields["targetKind"].Label, form.TargetKind, TargetKind.Level));
        return TargetPhraseParser.TryParse(EditText.Clean(form.Name) ?? "", phrase, context, out var definition, out var error)
            ? new PhrasePreview(definition, null)
            : new PhrasePreview(null, EditText.Why(error).After("目標の文言: ", "Target phrase: "));
    }

    /// <summary>
    /// Validates and saves a KPI (creates it when <paramref name="itemCode"/> is null), all or nothing; the result
    /// carries the KPI's code.
    /// </summary>
    public async Task<EditResult> SaveAsync(string planCode, string? itemCode, KpiForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await PlanItemForm.SaveAsync(
            db, planCode, itemCode, form.Version, (plan, code) => LoadKpiAsync(plan, code, tracking: true, cancellationToken),
            (plan, kpi) => Conflict(plan, kpi, form), (plan, kpi) => SaveIntoAsync(plan, kpi, form, cancellationToken), cancellationToken);
    }

    /// <summary>Checks the form and saves it into the plan: into the stored KPI, or a new one when <paramref name="kpi"/> is null.</summary>
    private async Task<EditResult> SaveIntoAsync(Plan plan, Kpi? kpi, KpiForm form, CancellationToken cancellationToken)
    {
        var errors = new EditErrors();
        var code = await PlanItemForm.CheckIdentityAsync(errors, db.Kpis, plan, kpi, form.Code, form.Name, form.NodeCode, Words, cancellationToken);

        var unit = ReadUnit(errors, form.Unit);
        int? decimals = null;
        if (EditText.Clean(form.Decimals) is { } d)
        {
            if (int.TryParse(JapaneseText.FoldWidth(d), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                decimals = n;
            }
            else
            {
                errors.Add(nameof(form.Decimals), $"小数点以下の桁数「{EditText.Quote(d)}」は整数（0～8）で入力してください。", $"Decimals \"{EditText.Quote(d)}\" must be a whole number (0–8).");
            }
        }

        PlanItemForm.CheckLengths(
            errors,
            (nameof(form.Name), Fields["name"].Label, form.Name, FieldLimits.Name), (nameof(form.Phrase), Fields["phrase"].Label, form.Phrase, FieldLimits.Name),
            (nameof(form.Source), new Message("確認方法・出典", "Source"), form.Source, FieldLimits.LongText),
            (nameof(form.SurveyTiming), new Message("基準日", "Survey timing"), form.SurveyTiming, FieldLimits.Text),
            (nameof(form.PublicationTiming), new Message("結果公表日", "Publication timing"), form.PublicationTiming, FieldLimits.Text),
            (nameof(form.Note), new Message("備考", "Note"), form.Note, FieldLimits.LongText));

        var departments = plan.Organization!.Departments;
        var newDepartment = PlanItemForm.NewDepartment(errors, form.NewDepartment);
        var departmentNames = form.Departments.Select(EditText.Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (newDepartment is not null && !departmentNames.Contains(newDepartment))
        {
            departmentNames.Add(newDepartment);
        }

        var (entry, seriesRows, interimRows, removed) = ToEntry(errors, form, kpi, code, unit, decimals, departmentNames);
        var known = departments.Select(x => x.Name).Append(newDepartment).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var (resolved, problems) = PlanFileValidator.ValidateKpi(entry, plan.StartFiscalYear, plan.EndFiscalYear, plan.Nodes.Select(n => n.Code).ToHashSet(StringComparer.Ordinal), known);
        FormProblems.AddTo(errors, problems, p => Map(p, seriesRows, interimRows, form));
        if (errors.Any || resolved is null)
        {
            return PlanItemForm.Refused(errors, Words);
        }

        if (kpi is null)
        {
            kpi = new Kpi { Code = resolved.Code, Name = resolved.Name, PlanId = plan.Id };
            db.Kpis.Add(kpi);
        }
        else
        {
            Versions.Claim(db, kpi, form.Version);
        }

        await PlanItemForm.PlaceUnderHomeAsync(db.Kpis, plan, kpi, resolved.NodeCode, cancellationToken);
        var relabelled = Apply(plan, kpi, resolved, seriesRows.Select(i => form.Series[i]).ToList(), removed, newDepartment);
        if (await PlanItemForm.SaveChangesAsync(db, Words, resolved.Code, cancellationToken) is { } refused)
        {
            return refused;
        }

        var count = relabelled.ToString(CultureInfo.InvariantCulture);
        var calendar = resolved.PeriodKind == PeriodKind.CalendarYear;
        var saved = new Message($"KPI「{kpi.Name}」を保存しました。", $"KPI \"{kpi.Name}\" was saved.");
        return EditResult.Success(kpi.Code, relabelled == 0 ? saved : new Message(
            saved.Japanese + $"登録済みの実績値{count}件の期間を{(calendar ? "暦年" : "年度")}として読み替えました。",
            saved.English + $" The periods of {count} stored value(s) now read as {(calendar ? "calendar" : "fiscal")} years."));
    }

    /// <summary>Options for node selects: every node of the plan in tree order.</summary>
    public static IReadOnlyList<NodeOption> NodeOptions(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var order = PlanEvaluator.TreeOrder(plan);
        return plan.Nodes.OrderBy(n => order.GetValueOrDefault(n.Id))
            .Select(n => new NodeOption(n.Code, $"{PlanStructureEditor.LevelName(plan, n.Depth)} {(string.IsNullOrEmpty(n.Label) ? "" : n.Label + " ")}{n.Title}", n.Depth))
            .ToList();
    }

    private Task<(Plan Plan, Kpi? Kpi)?> LoadForViewAsync(string planCode, string? kpiCode, CancellationToken cancellationToken) =>
        PlanItemForm.LoadForViewAsync(db, planCode, kpiCode, (plan, code) => LoadKpiAsync(plan, code, tracking: false, cancellationToken), cancellationToken);

    private async Task<Kpi?> LoadKpiAsync(Plan plan, string kpiCode, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Kpis.Include(k => k.Series).Include(k => k.Values).Include(k => k.InterimTargets)
            .Include(k => k.Departments).ThenInclude(d => d.Department).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == kpiCode, cancellationToken);
    }

    private async Task<string> NewCodeAsync(Plan plan, PlanNode node, CancellationToken cancellationToken)
    {
        var codes = await db.Kpis.Where(k => k.PlanId == plan.Id).Select(k => k.Code).ToListAsync(cancellationToken);
        var atNode = await db.Kpis.CountAsync(k => k.HomeNodeId == node.Id, cancellationToken);
        return EditText.NewCode(node.Code + (node.Depth == 0 ? "-N" : "-K"), atNode + 1, codes.Contains);
    }

    private async Task<KpiFormView> ViewAsync(Plan plan, Kpi? kpi, KpiForm form, CancellationToken cancellationToken)
    {
        var relistings = kpi is null ? [] : await RelistingEditor.ListAsync(db, plan, kpi.Id, null, cancellationToken);
        var departments = plan.Organization!.Departments.OrderBy(d => d.SortOrder).Select(d => d.Name).ToList();

        // The KPI's departments first, in their order (the first is the lead), then the others.
        var chosen = form.Departments.Where(departments.Contains).ToList();
        return new KpiFormView
        {
            PlanCode = plan.Code,
            PlanName = plan.Name,
            IsNew = kpi is null,
            KpiCode = kpi?.Code,
            KpiName = kpi?.Name,
            Form = form,
            Nodes = NodeOptions(plan),
            DepartmentOptions = chosen.Concat(departments.Except(chosen)).ToList(),
            SeriesValueCounts = kpi?.Values.Where(v => v.SeriesId is not null).GroupBy(v => v.SeriesId!.Value).ToDictionary(g => g.Key, g => g.Count()) ?? [],
            OwnValueCount = kpi?.Values.Count(v => v.SeriesId is null) ?? 0,
            Relistings = relistings,
            PlanMethod = plan.DefaultAchievementMethod,
            PlanSeriesAggregation = plan.SeriesAggregation,
        };
    }

    private static string? ReadUnit(EditErrors errors, string? text)
    {
        var unit = EditText.Clean(text);
        if (unit is null)
        {
            return null;
        }

        var folded = JapaneseText.FoldWidth(unit);
        if (!Units.TryNormalize(folded, out _, out var problem))
        {
            errors.Add(
                nameof(KpiForm.Unit),
                $"単位「{EditText.Quote(unit)}」は使えません（{problem}）。倍数を付けない単位を入力してください（例: 人, %, 円, 件, t）。",
                $"Unit \"{EditText.Quote(unit)}\" cannot be used ({problem}). Enter a unit without multiplier (e.g. 人, %, 円, 件, t).");
            return null;
        }

        return folded;
    }

    private static (KpiEntry Entry, List<int> SeriesRows, List<int> InterimRows, List<int> Removed) ToEntry(
        EditErrors errors, KpiForm form, Kpi? kpi, string? code, string? unit, int? decimals, List<string> departments)
    {
        var yearKind = EditText.Enum(errors, nameof(form.PeriodKind), Fields["periodKind"].Label, form.PeriodKind, PeriodKind.FiscalYear);
        var stored = kpi?.Values ?? [];

        // The stored values are not on the form: when the kind of year changes, the years they were entered as follow it
        // (平成27年度 becomes 平成27年), which is what correcting a KPI imported with the wrong kind means.
        var relabel = kpi is not null && kpi.ValuePeriodKind != yearKind && yearKind is PeriodKind.FiscalYear or PeriodKind.CalendarYear;
        Period Relabel(Period p) => relabel && p.Kind == kpi!.ValuePeriodKind ? Period.OfYear(p.Year, yearKind) : p;
        if (relabel)
        {
            var clash = stored.GroupBy(v => (v.SeriesId, Period: Relabel(v.Period))).FirstOrDefault(g => g.Count() > 1);
            if (clash is not null)
            {
                errors.Add(
                    nameof(form.PeriodKind),
                    $"年の種類を変えると、登録済みの実績値の期間が重なります（{string.Join("と", clash.Select(v => v.Period.ToJapanese()))}）。先にどちらかの実績値を削除してください。",
                    $"Changing the kind of year makes stored values fall on the same period ({string.Join(", ", clash.Select(v => v.Period.ToJapanese()))}). Delete one of them first.");
                relabel = false;
            }
        }

        var seriesRows = new List<int>();
        var removed = new List<int>();
        var series = new List<SeriesEntry>();
        var usedCodes = form.Series.Where(s => !s.Remove).Select(s => EditText.Clean(s.Code)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < form.Series.Count; i++)
        {
            var s = form.Series[i];
            var field = $"Series[{i.ToString(CultureInfo.InvariantCulture)}]";
            var existing = s.Id is { } id ? kpi?.Series.SingleOrDefault(x => x.Id == id) : null;
            if (s.Id is not null && existing is null)
            {
                errors.Add(field + ".Name", "この項目は既にありません。ページを開き直してください。", "This series no longer exists. Reload the page.");
                continue;
            }

            if (s.Remove)
            {
                if (existing is not null)
                {
                    var count = stored.Count(v => v.SeriesId == existing.Id);
                    if (count > 0)
                    {
                        errors.Add(
                            field + ".Name",
                            $"項目「{existing.Name}」には実績値が{count.ToString(CultureInfo.InvariantCulture)}件あるため削除できません。先に実績値を削除してください。",
                            $"Series \"{existing.Name}\" has {count.ToString(CultureInfo.InvariantCulture)} value(s) and cannot be deleted. Delete the values first.");
                    }
                    else
                    {
                        removed.Add(existing.Id);
                    }
                }

                continue;
            }

            var name = EditText.Clean(s.Name);
            var sCode = EditText.Clean(s.Code);
            if (existing is null && name is null && sCode is null && EditText.Clean(s.Baseline) is null && EditText.Clean(s.Target) is null)
            {
                continue;
            }

            if (sCode is null && name is not null)
            {
                sCode = EditText.NewCode("S", usedCodes.Count + 1, usedCodes.Contains);
                usedCodes.Add(sCode);
                s.Code = sCode;
            }
            else if (sCode is not null && !EditText.IsValidCode(sCode))
            {
                errors.Add(field + ".Code", EditText.BadCode(SeriesFields["code"].Label, sCode));
            }

            seriesRows.Add(i);
            series.Add(new SeriesEntry
            {
                Code = sCode ?? "",
                Name = name ?? "",
                Baseline = EditText.Clean(s.Baseline),
                Target = EditText.Clean(s.Target),
                Values = existing is null ? [] : Values(stored.Where(v => v.SeriesId == existing.Id)),
            });
        }

        var own = stored.Where(v => v.SeriesId is null).ToList();
        if (series.Count > 0 && own.Count > 0)
        {
            errors.Add(
                nameof(form.Series),
                $"項目のない実績値が{own.Count.ToString(CultureInfo.InvariantCulture)}件あるため、項目を追加できません。先に実績値を削除してください。",
                $"The KPI has {own.Count.ToString(CultureInfo.InvariantCulture)} value(s) without a series, so series cannot be added. Delete those values first.");
            own = [];
        }

        var interimRows = new List<int>();
        var interim = new List<PeriodValueEntry>();
        for (var i = 0; i < form.InterimTargets.Count; i++)
        {
            var t = form.InterimTargets[i];
            if (EditText.Clean(t.Period) is null && EditText.Clean(t.Value) is null)
            {
                continue;
            }

            interimRows.Add(i);
            interim.Add(new PeriodValueEntry(EditText.Clean(t.Period) ?? "", EditText.Clean(t.Value) ?? ""));
        }

        var entry = new KpiEntry
        {
            Code = code ?? "_",
            Node = EditText.Clean(form.NodeCode) ?? "",
            Level = EditText.Clean(form.Level) ?? nameof(KpiLevel.Measure),
            Name = EditText.Clean(form.Name) ?? "",
            Phrase = EditText.Clean(form.Phrase),
            Unit = unit,
            Decimals = decimals,
            Direction = EditText.Clean(form.Direction),
            TargetKind = EditText.Clean(form.TargetKind),
            Baseline = EditText.Clean(form.Baseline),
            BaselinePeriod = EditText.Clean(form.BaselinePeriod),
            Target = EditText.Clean(form.Target),
            TargetPeriod = EditText.Clean(form.TargetPeriod),
            InterimTargets = interim,
            PeriodKind = yearKind.ToString(),
            SeriesAggregation = EditText.Clean(form.SeriesAggregation),
            Method = EditText.Clean(form.Method),
            SurveyTiming = EditText.Clean(form.SurveyTiming),
            PublicationTiming = EditText.Clean(form.PublicationTiming),
            Source = EditText.Clean(form.Source),
            Departments = departments,
            Note = EditText.Clean(form.Note),
            Series = series,
            Values = Values(own),
        };
        return (entry, seriesRows, interimRows, removed);

        List<PeriodValueEntry> Values(IEnumerable<KpiValue> values) =>
            values.OrderBy(v => v.Period).Select(v => new PeriodValueEntry(Relabel(v.Period).ToJapanese(), v.OriginalText, v.Comment, PlanFileExporter.ScoreText(v.ReferenceScore))).ToList();
    }

    private static (string Field, Message Message) Map(ImportProblem problem, List<int> seriesRows, List<int> interimRows, KpiForm form)
    {
        if (FormProblems.Under(problem, Item) is not var (a, i, b))
        {
            return ("", problem.Message);
        }

        switch (a)
        {
            case "series" when i >= 0 && i < seriesRows.Count:
                {
                    var row = seriesRows[i];
                    var prefix = $"Series[{FormProblems.Row(row)}]";
                    if (b == "values")
                    {
                        var name = form.Series[row].Name;
                        return (nameof(form.Unit), FormProblems.On(new($"項目「{name}」の実績値", $"Values of series \"{name}\""), problem));
                    }

                    var (field, label) = SeriesFields.GetValueOrDefault(b ?? "", (nameof(SeriesForm.Name), new Message("項目", "Series")));
                    return ($"{prefix}.{field}", FormProblems.On(label, problem));
                }

            case "interimTargets" when i >= 0 && i < interimRows.Count:
                {
                    var prefix = $"InterimTargets[{FormProblems.Row(interimRows[i])}]";
                    return b == "period"
                        ? ($"{prefix}.Period", FormProblems.On(new("年度別目標の年度", "Interim target year"), problem))
                        : ($"{prefix}.Value", FormProblems.On(new("年度別目標の値", "Interim target value"), problem));
                }

            case "values":
                return (nameof(form.Unit), FormProblems.On(new("登録済みの実績値", "Stored value"), problem));
            default:
                return Fields.TryGetValue(a, out var f) ? (f.Field, FormProblems.On(f.Label, problem)) : ("", problem.Message);
        }
    }

    /// <summary>Writes the resolved KPI (placed under its home already); returns how many stored values were relabelled to the KPI's new kind of year.</summary>
    private int Apply(Plan plan, Kpi kpi, ResolvedKpi r, List<SeriesForm> seriesForms, List<int> removed, string? newDepartment)
    {
        kpi.Code = r.Code;
        kpi.Name = r.Name;
        kpi.Level = r.Level;
        kpi.Unit = r.Unit;
        kpi.DisplayUnit = r.DisplayUnit;
        kpi.Decimals = r.Decimals;
        kpi.Direction = r.Direction;
        kpi.TargetKind = r.TargetKind;
        kpi.BaselineValue = r.BaselineValue;
        kpi.BaselinePeriod = r.BaselinePeriod is null ? null : PeriodCodec.Format(r.BaselinePeriod);
        kpi.BaselineText = r.BaselineText;
        kpi.TargetValue = r.TargetValue;
        kpi.TargetPeriod = r.TargetPeriod is null ? null : PeriodCodec.Format(r.TargetPeriod);
        kpi.TargetReference = r.TargetReference;
        kpi.TargetText = r.TargetText;
        kpi.TargetPhrase = r.Phrase;
        kpi.SeriesAggregationOverride = r.SeriesAggregation;
        var relabelled = 0;
        if (kpi.Id != 0 && kpi.ValuePeriodKind != r.PeriodKind)
        {
            foreach (var value in kpi.Values.Where(v => v.PeriodKind == kpi.ValuePeriodKind))
            {
                value.Period = Period.OfYear(value.PeriodYear, r.PeriodKind);
                relabelled++;
            }
        }

        kpi.ValuePeriodKind = r.PeriodKind;
        kpi.MethodOverride = r.Method;
        kpi.SurveyTiming = r.SurveyTiming;
        kpi.PublicationTiming = r.PublicationTiming;
        kpi.Source = r.Source;
        kpi.Note = r.Note;

        foreach (var id in removed)
        {
            var gone = kpi.Series.Single(x => x.Id == id);
            kpi.Series.Remove(gone);
            db.KpiSeries.Remove(gone);
        }

        for (var i = 0; i < r.Series.Count; i++)
        {
            var s = r.Series[i];
            var entity = seriesForms[i].Id is { } id ? kpi.Series.Single(x => x.Id == id) : null;
            if (entity is null)
            {
                entity = new KpiSeries { Code = s.Code, Name = s.Name };
                kpi.Series.Add(entity);
            }

            entity.Code = s.Code;
            entity.Name = s.Name;
            entity.Unit = s.Unit;
            entity.DisplayUnit = s.DisplayUnit;
            entity.BaselineValue = s.Baseline;
            entity.BaselineText = s.BaselineText;
            entity.TargetValue = s.Target;
            entity.TargetText = s.TargetText;
            entity.SortOrder = i;
        }

        foreach (var old in kpi.InterimTargets.Where(t => t.SeriesId is null).ToList())
        {
            kpi.InterimTargets.Remove(old);
        }

        kpi.InterimTargets.AddRange(r.InterimTargets.Select(t => new KpiInterimTarget { Period = PeriodCodec.Format(t.Period), Value = t.Value, Text = t.Text }));

        var organization = plan.Organization!;
        PlanItemForm.AddDepartment(organization, newDepartment);

        // Updated in place: the link's key is (KPI, department), so a removed and re-added link would clash.
        var wanted = r.Departments.Select(name => organization.Departments.Single(x => x.Name == name)).ToList();
        foreach (var link in kpi.Departments.Where(x => wanted.All(w => w.Id == 0 || w.Id != x.DepartmentId)).ToList())
        {
            kpi.Departments.Remove(link);
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            var link = wanted[i].Id == 0 ? null : kpi.Departments.SingleOrDefault(x => x.DepartmentId == wanted[i].Id);
            if (link is null)
            {
                kpi.Departments.Add(new KpiDepartment { Department = wanted[i], SortOrder = i });
            }
            else if (link.SortOrder != i)
            {
                link.SortOrder = i;
            }
        }

        return relabelled;
    }
}
