using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;
namespace Sosei.Application.Kpis;

/// <summary>The values grid as posted: one row per period, one cell per series.</summary>
public sealed class ValuesForm
{
    /// <summary>Rows, in the order of <see cref="ValuesGrid.Rows"/>.</summary>
    public List<ValueRowForm> Rows { get; } = [];
}

/// <summary>One row of the values grid.</summary>
public sealed class ValueRowForm
{
    /// <summary>The row's period in the invariant form (FY2018) for a listed period; null for a row adding a period.</summary>
    public string? Key { get; set; }

    /// <summary>The period as typed, for a row adding a period (H30, 平成30年度, 2018年度).</summary>
    public string? Period { get; set; }

    /// <summary>One cell per column (series), in the order of <see cref="ValuesGrid.Columns"/>.</summary>
    public List<ValueCellForm> Cells { get; } = [];
}

/// <summary>One cell: the value exactly as written and an optional comment.</summary>
public sealed class ValueCellForm
{
    /// <summary>The value as written (15,757人, 141万5千人, 未確定 (313千㎡), (1.64), —); blank deletes the value.</summary>
    public string? Text { get; set; }

    /// <summary>Comment (self-evaluation, source detail); optional.</summary>
    public string? Comment { get; set; }

    /// <summary>
    /// The stored value's version when the grid was opened; null when the cell was empty. A cell whose stored value
    /// moved on since (another person saved it) is refused unless this form writes the same (optimistic concurrency).
    /// </summary>
    public int? Version { get; set; }
}

/// <summary>A column of the grid: the KPI itself (no series) or one series.</summary>
/// <param name="SeriesId">Series id; null for a KPI without series.</param>
/// <param name="Name">Series name; the KPI's name without series.</param>
/// <param name="Unit">Unit expected in this column ("" for a pure number).</param>
/// <param name="Baseline">The series' baseline as written; null for the KPI itself or when none.</param>
/// <param name="Target">The series' target as written; null for the KPI itself or when none.</param>
public sealed record ValueColumn(int? SeriesId, string Name, string Unit, string? Baseline = null, string? Target = null);

/// <summary>What Sosei understood of a stored value, for display next to the text.</summary>
/// <param name="OriginalText">The text as written.</param>
/// <param name="Amount">The amount in the base unit with thousands separators (141万5千人 → 1,415,000人); null without amount.</param>
/// <param name="NoValueReason">Why there is no amount (—, 未確定, 空欄); null with an amount.</param>
/// <param name="Qualifiers">Reference, provisional, cumulative …</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="UpdatedBy">Who changed it last.</param>
public sealed record ValueCellView(string OriginalText, string? Amount, string? NoValueReason, ValueQualifiers Qualifiers, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>A row of the grid: its period (null for the row adding one) and the stored value of each column.</summary>
/// <param name="Period">The period; null for the row adding a period.</param>
/// <param name="InPlanPeriod">Whether the period is one of the plan's years.</param>
/// <param name="Cells">Stored values per column (null where there is none).</param>
public sealed record ValueRowView(Period? Period, bool InPlanPeriod, IReadOnlyList<ValueCellView?> Cells);

/// <summary>The values page.</summary>
public sealed record ValuesGrid
{
    /// <summary>Plan code.</summary>
    public required string PlanCode { get; init; }

    /// <summary>Plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>KPI code.</summary>
    public required string KpiCode { get; init; }

    /// <summary>KPI name.</summary>
    public required string KpiName { get; init; }

    /// <summary>How bare years (H30, 2018) are read for this KPI.</summary>
    public required PeriodKind YearKind { get; init; }

    /// <summary>Baseline as written, with its period; null when none.</summary>
    public string? Baseline { get; init; }

    /// <summary>Target as written, with its period; null when none.</summary>
    public string? Target { get; init; }

    /// <summary>Baseline period in Japanese (平成26年度); null when none.</summary>
    public string? BaselinePeriod { get; init; }

    /// <summary>Target period in Japanese; null when none.</summary>
    public string? TargetPeriod { get; init; }

    /// <summary>Columns.</summary>
    public required IReadOnlyList<ValueColumn> Columns { get; init; }

    /// <summary>Rows: stored periods and the plan's years, then one row to add a period.</summary>
    public required IReadOnlyList<ValueRowView> Rows { get; init; }

    /// <summary>The form for the rows.</summary>
    public required ValuesForm Form { get; init; }
}

/// <summary>
/// Entry of actual values: a grid of periods × series where each cell is the value as written. Saving checks every
/// cell first (period with the KPI's kind of year, value, unit) and then writes all of them or none; a cleared cell
/// deletes its value, "—" is kept as a value without amount. Who and when are recorded on every changed value.
/// </summary>
public sealed class KpiValuesEditor(SoseiDbContext db, TimeProvider clock)
{
    private static readonly Message PeriodLabel = new("期間", "Period");

    /// <summary>The grid; null when the plan or the KPI (in that plan) is not found.</summary>
    public async Task<ValuesGrid?> GetAsync(string planCode, string kpiCode, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(planCode, kpiCode, tracking: false, cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var (plan, kpi) = loaded.Value;
        var yearKind = kpi.ValuePeriodKind;
        var columns = Columns(kpi);
        var planYears = Enumerable.Range(plan.StartFiscalYear, plan.EndFiscalYear - plan.StartFiscalYear + 1).Select(y => Period.OfYear(y, yearKind)).ToList();
        var periods = kpi.Values.Select(v => v.Period).Concat(planYears).Distinct().Order().ToList();
        var form = new ValuesForm();
        var rows = new List<ValueRowView>();
        foreach (var period in periods)
        {
            var row = new ValueRowForm { Key = PeriodCodec.Format(period) };
            var cells = new List<ValueCellView?>();
            foreach (var column in columns)
            {
                var value = kpi.Values.SingleOrDefault(v => v.SeriesId == column.SeriesId && v.Period == period);
                row.Cells.Add(new ValueCellForm { Text = value?.OriginalText, Comment = value?.Comment, Version = value?.Version });
                cells.Add(value is null ? null : View(value, column.Unit));
            }

            form.Rows.Add(row);
            rows.Add(new ValueRowView(period, planYears.Contains(period), cells));
        }

        var added = new ValueRowForm();
        added.Cells.AddRange(columns.Select(_ => new ValueCellForm()));
        form.Rows.Add(added);
        rows.Add(new ValueRowView(null, false, columns.Select(_ => (ValueCellView?)null).ToList()));
        return new ValuesGrid
        {
            PlanCode = plan.Code,
            PlanName = plan.Name,
            KpiCode = kpi.Code,
            KpiName = kpi.Name,
            YearKind = yearKind,
            Baseline = Stated(kpi.BaselineText, kpi.BaselinePeriod),
            Target = Stated(kpi.TargetText ?? kpi.TargetReference, kpi.TargetPeriod),
            BaselinePeriod = kpi.BaselinePeriod is null ? null : PeriodCodec.ParseRange(kpi.BaselinePeriod).ToJapanese(),
            TargetPeriod = kpi.TargetPeriod is null ? null : PeriodCodec.ParseRange(kpi.TargetPeriod).ToJapanese(),
            Columns = columns,
            Rows = rows,
            Form = form,
        };
    }

    /// <summary>Validates every cell, then saves all of them or none.</summary>
    /// <param name="planCode">Plan code.</param>
    /// <param name="kpiCode">KPI code (of that plan).</param>
    /// <param name="form">The posted grid.</param>
    /// <param name="user">Who saves (recorded on each changed value).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<EditResult> SaveAsync(string planCode, string kpiCode, ValuesForm form, string? user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);

        // A double submit (or two people) can pass the checks at once; the unique indexes on values refuse the second
        // insert. Saving again then finds the first save's rows and writes the same values over them, so the same form
        // saved twice gives the same stored values (and "nothing changed" the second time), never a second row.
        for (var attempt = 1; ; attempt++)
        {
            var result = await TrySaveAsync(planCode, kpiCode, form, user, cancellationToken);
            if (result is not null)
            {
                return result;
            }

            if (attempt == 3)
            {
                return EditResult.Failed(string.Empty, new Message(
                    "ほかの保存と重なったため保存できませんでした。ページを開き直して、もう一度保存してください。",
                    "The save collided with other saves. Reload the page and save again."));
            }
        }
    }

    /// <summary>One attempt of <see cref="SaveAsync"/>; null when a unique index refused the save (nothing was written).</summary>
    private async Task<EditResult?> TrySaveAsync(string planCode, string kpiCode, ValuesForm form, string? user, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(planCode, kpiCode, tracking: true, cancellationToken);
        if (loaded is null)
        {
            return EditResult.NotFound();
        }

        var (_, kpi) = loaded.Value;
        var yearKind = kpi.ValuePeriodKind;
        var columns = Columns(kpi);
        var errors = new EditErrors();
        var listed = new HashSet<Period>();
        var keys = new List<Period?>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            Period? key = null;
            if (form.Rows[i].Key is { } k)
            {
                try
                {
                    key = PeriodCodec.ParsePeriod(k);
                    listed.Add(key.Value);
                }
                catch (FormatException)
                {
                    errors.Add(Row(i) + ".Period", $"行の期間「{EditText.Quote(k)}」が正しくありません。ページを開き直してください。", $"The row's period \"{EditText.Quote(k)}\" is not valid. Reload the page.");
                }
            }

            keys.Add(key);
        }

        var desired = new Dictionary<(int? Series, Period Period), (MeasuredValue Value, string? Comment)>();
        var posted = new List<(string Field, Message Label, int? Series, Period Period, ValueCellForm Cell)>();
        var added = new HashSet<Period>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            var period = keys[i];
            if (row.Key is null)
            {
                period = NewPeriod(errors, i, row, yearKind, listed, added);
                if (period is null)
                {
                    continue;
                }
            }
            else if (period is null)
            {
                continue;
            }

            if (row.Cells.Count != columns.Count)
            {
                errors.Add(Row(i) + ".Period", "表の列が変わっています。ページを開き直してください。", "The table's columns have changed. Reload the page.");
                continue;
            }

            for (var j = 0; j < columns.Count; j++)
            {
                var cell = row.Cells[j];
                var field = $"{Row(i)}.Cells[{j.ToString(CultureInfo.InvariantCulture)}]";
                var label = columns.Count == 1 && columns[0].SeriesId is null
                    ? new Message($"{period.Value.ToJapanese()}の実績値", $"Value for {period.Value.ToJapanese()}")
                    : new Message($"{period.Value.ToJapanese()}・{columns[j].Name}の実績値", $"Value for {period.Value.ToJapanese()}, {columns[j].Name}");
                var text = EditText.Clean(cell.Text);
                var comment = EditText.Text(errors, field + ".Comment", new("コメント", "Comment"), cell.Comment);
                posted.Add((field, label, columns[j].SeriesId, period.Value, cell));
                if (text is null)
                {
                    if (comment is not null)
                    {
                        errors.Add(field + ".Comment", new Message(
                            "値が空のままコメントだけは保存できません。値を入力するか、値がないことを「—」で入力してください。",
                            "a comment cannot be saved without a value: enter the value, or — for no value.").After($"{label.Japanese}: ", $"{label.English}: "));
                    }

                    continue;
                }

                if (text.Length > FieldLimits.Text)
                {
                    errors.Add(field + ".Text", FieldLimits.TooLong(label, FieldLimits.Text, text.Length));
                    continue;
                }

                if (!ValueParser.TryParse(text, yearKind, out var value, out var error))
                {
                    errors.Add(field + ".Text", EditText.Field(label, text, EditText.Why(error)));
                    continue;
                }

                var expected = columns[j].Unit;
                if (value.Unit.Length > 0 && value.Unit != expected)
                {
                    errors.Add(field + ".Text", EditText.Field(label, text, expected.Length == 0
                        ? new($"この指標は単位のない数値です（単位「{value.Unit}」は付けられません）。", $"this KPI has no unit (the unit \"{value.Unit}\" cannot be given).")
                        : new($"単位「{value.Unit}」が指標の単位（{expected}）と違います。", $"the unit \"{value.Unit}\" differs from the KPI's unit ({expected}).")));
                    continue;
                }

                desired[(columns[j].SeriesId, period.Value)] = (value, comment);
            }
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        CheckVersions(errors, kpi, posted, desired);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var managed = listed.Concat(added).ToHashSet();
        var now = clock.GetUtcNow();
        int created = 0, changed = 0, deleted = 0;
        var opened = new Dictionary<(int? Series, Period Period), int?>();
        foreach (var p in posted)
        {
            opened[(p.Series, p.Period)] = p.Cell.Version;
        }

        foreach (var value in kpi.Values.Where(v => managed.Contains(v.Period) && columns.Any(c => c.SeriesId == v.SeriesId) && !desired.ContainsKey((v.SeriesId, v.Period))).ToList())
        {
            // The DELETE checks the version this form saw (CheckVersions let it through), so a save in between wins.
            db.Entry(value).Property(v => v.Version).OriginalValue = opened.GetValueOrDefault((value.SeriesId, value.Period)) ?? value.Version;
            kpi.Values.Remove(value);
            db.KpiValues.Remove(value);
            deleted++;
        }

        foreach (var ((seriesId, period), (parsed, comment)) in desired)
        {
            var value = kpi.Values.SingleOrDefault(v => v.SeriesId == seriesId && v.Period == period);
            if (value is null)
            {
                value = new KpiValue { OriginalText = parsed.OriginalText, SeriesId = seriesId, Period = period };
                kpi.Values.Add(value);
                created++;
            }
            else if (value.OriginalText == parsed.OriginalText && value.Comment == comment)
            {
                continue;
            }
            else
            {
                changed++;
                if (opened.GetValueOrDefault((seriesId, period)) is { } seen)
                {
                    db.Entry(value).Property(v => v.Version).OriginalValue = seen;
                }
            }

            value.OriginalText = parsed.OriginalText;
            value.Amount = parsed.Amount;
            value.Unit = parsed.Unit;
            value.DisplayUnit = parsed.DisplayUnit;
            value.Qualifiers = parsed.Qualifiers;
            value.NoValueReason = parsed.NoValueReason;
            value.Comment = comment;
            value.UpdatedAt = now;
            value.UpdatedBy = user;
        }

        if (await UniqueSave.SaveAsync(db, cancellationToken) != SaveOutcome.Saved)
        {
            // A duplicate period or a version that moved on between the check and the save: the next attempt reads
            // the other save and either writes over the same values or names the conflict.
            return null;
        }

        var message = created + changed + deleted == 0
            ? new Message("変更はありませんでした。", "Nothing changed.")
            : new Message(
                string.Create(CultureInfo.InvariantCulture, $"実績値を保存しました（追加 {created}件、変更 {changed}件、削除 {deleted}件）。"),
                string.Create(CultureInfo.InvariantCulture, $"Values saved ({created} added, {changed} changed, {deleted} deleted)."));
        return EditResult.Success(kpi.Code, message);
    }

    /// <summary>
    /// Refuses each cell whose stored value changed since the grid was opened (added, changed or deleted by another
    /// save) when this form writes something else there; the message quotes the other save and the cell takes the
    /// stored version, so saving again overwrites knowingly. A cell this form writes the same as stored passes (the
    /// same grid saved twice).
    /// </summary>
    private static void CheckVersions(
        EditErrors errors, Kpi kpi, List<(string Field, Message Label, int? Series, Period Period, ValueCellForm Cell)> posted,
        Dictionary<(int? Series, Period Period), (MeasuredValue Value, string? Comment)> desired)
    {
        foreach (var (field, label, series, period, cell) in posted)
        {
            var stored = kpi.Values.SingleOrDefault(v => v.SeriesId == series && v.Period == period);
            var moved = stored is null ? cell.Version is not null : cell.Version != stored.Version;
            if (!moved)
            {
                continue;
            }

            var mine = desired.TryGetValue((series, period), out var d) ? d : ((MeasuredValue Value, string? Comment)?)null;
            var same = stored is null ? mine is null : mine is { } m && m.Value.OriginalText == stored.OriginalText && m.Comment == stored.Comment;
            cell.Version = stored?.Version;
            if (same)
            {
                continue;
            }

            var who = stored?.UpdatedBy is { Length: > 0 } by ? by : null;
            var when = stored?.UpdatedAt.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            errors.Add(field + ".Text", (stored is null
                ? new Message(
                    "このページを開いた後に、ほかの人がこの値を削除しました。",
                    "someone else deleted this value after you opened the page.")
                : new Message(
                    $"このページを開いた後に、ほかの人（{who ?? "不明"}、{when}）がこの値を「{EditText.Quote(stored.OriginalText)}」にしました。",
                    $"someone else ({who ?? "unknown"}, {when}) set this value to \"{EditText.Quote(stored.OriginalText)}\" after you opened the page."))
                .After($"{label.Japanese}: ", $"{label.English}: ")
                .Then(new Message("あなたの入力は残しています。確かめて、このままでよければもう一度保存してください。", "Your input is kept; check it and save again to keep yours.")));
        }
    }

    /// <summary>What Sosei understood of a stored value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="unit">The column's unit, used when the text omitted it.</param>
    public static ValueCellView View(KpiValue value, string unit)
    {
        ArgumentNullException.ThrowIfNull(value);
        string? amount = null;
        if (value.Amount is { } a)
        {
            var shownUnit = value.Unit.Length > 0 ? value.Unit : unit;
            // The exact amount (the stored scale depends on the database engine), as the formatter writes it.
            amount = ValueFormatter.Format(a, shownUnit, null, Math.Min(8, ValueFormatter.ScaleOf(a)));
        }

        return new ValueCellView(value.OriginalText, amount, value.Amount is null ? value.NoValueReason : null, value.Qualifiers, value.UpdatedAt, value.UpdatedBy);
    }

    private static string Row(int i) => $"Rows[{i.ToString(CultureInfo.InvariantCulture)}]";

    private static Period? NewPeriod(EditErrors errors, int i, ValueRowForm row, PeriodKind yearKind, HashSet<Period> listed, HashSet<Period> added)
    {
        var text = EditText.Clean(row.Period);
        var anything = row.Cells.Any(c => EditText.Clean(c.Text) is not null || EditText.Clean(c.Comment) is not null);
        if (text is null)
        {
            if (anything)
            {
                errors.Add(Row(i) + ".Period", "期間を入力してください（例: H30, 平成30年度, R1, 2018年度）。", "Enter a period (e.g. H30, 平成30年度, R1, 2018年度).");
            }

            return null;
        }

        if (!PeriodParser.TryParse(text, yearKind, out var period, out var error))
        {
            errors.Add(Row(i) + ".Period", EditText.Field(PeriodLabel, text, EditText.Why(error)));
            return null;
        }

        if (listed.Contains(period) || !added.Add(period))
        {
            errors.Add(Row(i) + ".Period", EditText.Field(PeriodLabel, text, new($"{period.ToJapanese()}の行は既にあります。その行に入力してください。", $"there is already a row for {period.ToJapanese()}: enter the value there.")));
            return null;
        }

        return anything ? period : null;
    }

    private static List<ValueColumn> Columns(Kpi kpi) => kpi.Series.Count == 0
        ? [new ValueColumn(null, kpi.Name, kpi.Unit)]
        : kpi.Series.OrderBy(s => s.SortOrder).Select(s => new ValueColumn(s.Id, s.Name, s.Unit ?? kpi.Unit, s.BaselineText, s.TargetText)).ToList();

    private static string? Stated(string? text, string? period) =>
        text is null ? null : period is null ? text : $"{text}（{PeriodCodec.ParseRange(period).ToJapanese()}）";

    private async Task<(Plans.Plan Plan, Kpi Kpi)?> LoadAsync(string planCode, string kpiCode, bool tracking, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var query = db.Kpis.Include(k => k.Series).Include(k => k.Values).AsSplitQuery();
        var kpi = await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == kpiCode, cancellationToken);
        return kpi is null ? null : (plan, kpi);
    }
}
