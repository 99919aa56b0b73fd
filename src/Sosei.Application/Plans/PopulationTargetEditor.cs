using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
using Sosei.Domain.Values;
namespace Sosei.Application.Plans;

/// <summary>The population targets of a plan as a grid of rows (人口の将来展望: 短期・中期・長期 × 総人口, 年少人口 …).</summary>
public sealed class PopulationTargetsForm
{
    /// <summary>Rows: the stored targets in their order, then blank rows for adding.</summary>
    public List<PopulationTargetRowForm> Rows { get; } = [];
}

/// <summary>One target as typed.</summary>
public sealed class PopulationTargetRowForm
{
    /// <summary>Stored id; null for a new row.</summary>
    public int? Id { get; set; }

    /// <summary>区分: 短期 / 中期 / 長期, or any label.</summary>
    public string? Term { get; set; }

    /// <summary>Target year (2020, 2020年, 令和2年, R2): the population on 1 October of that year.</summary>
    public string? Year { get; set; }

    /// <summary>指標: 総人口, 年少人口, 生産年齢人口, 老年人口, 20～39歳女性人口 (or the codes Total, Young …), or any label.</summary>
    public string? Indicator { get; set; }

    /// <summary>Target as written (26,043人, 2万6千人).</summary>
    public string? Target { get; set; }

    /// <summary>The projection compared with, as written; optional.</summary>
    public string? Projection { get; set; }

    /// <summary>Edition of the projection (社人研 平成25年3月推計); optional.</summary>
    public string? ProjectionEdition { get; set; }

    /// <summary>Note; optional.</summary>
    public string? Note { get; set; }

    /// <summary>Whether to delete the stored row.</summary>
    public bool Remove { get; set; }

    /// <summary>The stored row's version when the form was opened (<see cref="Versions"/>); 0 for a new row.</summary>
    public int Version { get; set; }
}

/// <summary>The population targets page.</summary>
public sealed record PopulationTargetsView
{
    /// <summary>Plan code.</summary>
    public required string PlanCode { get; init; }

    /// <summary>Plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Area code of the plan's organization (the population page /population/{code}).</summary>
    public required string AreaCode { get; init; }

    /// <summary>The form.</summary>
    public required PopulationTargetsForm Form { get; init; }

    /// <summary>減少抑制 (target − projection) of each stored row, by id; absent without a projection.</summary>
    public IReadOnlyDictionary<int, decimal> Suppression { get; init; } = new Dictionary<int, decimal>();
}

/// <summary>
/// Enters and edits a plan's population targets (the plan file's <c>populationTargets</c>, the workbook's 人口目標
/// sheet). Numbers are read by the value parser with the importer's rule (a number of people: unit 人 or none); every
/// row is checked first, then all rows are saved or none.
/// </summary>
public sealed class PopulationTargetEditor(SoseiDbContext db)
{
    /// <summary>The standard terms of 人口の将来展望.</summary>
    public static IReadOnlyList<string> Terms { get; } = ["短期", "中期", "長期"];

    /// <summary>The standard indicators: stored code → Japanese label.</summary>
    public static IReadOnlyList<(string Code, string Label)> Indicators { get; } =
    [
        ("Total", "総人口"),
        ("Young", "年少人口"),
        ("Working", "生産年齢人口"),
        ("Old", "老年人口"),
        ("Women20To39", "20～39歳女性人口"),
    ];

    /// <summary>Other ways documents write the standard indicators (根室市: 20～39歳女性の人口, 生産人口).</summary>
    private static readonly Message TargetYear = new("目標年", "Target year");

    private static readonly (string Code, string Label)[] Aliases =
    [
        ("Young", "年少人口(0～14歳)"),
        ("Working", "生産人口"),
        ("Working", "生産年齢人口(15～64歳)"),
        ("Old", "老年人口(65歳以上)"),
        ("Women20To39", "20～39歳女性の人口"),
        ("Women20To39", "20～39歳の女性人口"),
    ];

    /// <summary>The Japanese label of a stored indicator (free labels as they are).</summary>
    public static string IndicatorLabel(string indicator) =>
        Indicators.FirstOrDefault(i => i.Code == indicator).Label ?? indicator;

    /// <summary>The page; null when there is no plan with that code.</summary>
    public async Task<PopulationTargetsView?> GetAsync(string planCode, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var targets = await Stored(plan.Id).AsNoTracking().ToListAsync(cancellationToken);
        var form = new PopulationTargetsForm();
        form.Rows.AddRange(targets.Select(t => new PopulationTargetRowForm
        {
            Id = t.Id,
            Version = t.Version,
            Term = t.Term,
            Year = t.Year.ToString(CultureInfo.InvariantCulture),
            Indicator = IndicatorLabel(t.Indicator),
            Target = People(t.Target),
            Projection = t.Projection is { } p ? People(p) : null,
            ProjectionEdition = t.ProjectionEdition,
            Note = t.Note,
        }));
        return View(plan, form, targets);
    }

    /// <summary>The page for a form posted back with errors; null when there is no plan with that code.</summary>
    public async Task<PopulationTargetsView?> RedisplayAsync(string planCode, PopulationTargetsForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        return plan is null ? null : View(plan, form, await Stored(plan.Id).AsNoTracking().ToListAsync(cancellationToken));
    }

    /// <summary>Checks every row, then adds, changes and deletes all of them or none.</summary>
    public async Task<EditResult> SaveAsync(string planCode, PopulationTargetsForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return EditResult.NotFound();
        }

        var stored = await Stored(plan.Id).ToListAsync(cancellationToken);
        var errors = new EditErrors();
        var kept = new List<(int Row, PopulationTarget? Entity, Target Target)>();
        var removed = new List<PopulationTarget>();
        var keys = new Dictionary<(string, int, string), int>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            var field = $"Rows[{i.ToString(CultureInfo.InvariantCulture)}]";
            var entity = row.Id is { } id ? stored.SingleOrDefault(t => t.Id == id) : null;
            if (row.Id is not null && entity is null)
            {
                // Another plan's row, or one deleted meanwhile.
                errors.Add(field + ".Term", "この行は既にありません。ページを開き直してください。", "This row no longer exists. Reload the page.");
                continue;
            }

            if (entity is not null && row.Remove)
            {
                if (Versions.HasMoved(entity, row.Version))
                {
                    // Someone changed the row after this form was opened: it is not deleted unseen.
                    errors.Add(field + ".Target", RowConflict(i, entity, null));
                    row.Version = entity.Version;
                    continue;
                }

                removed.Add(entity);
                continue;
            }

            if (entity is null && new[] { row.Term, row.Year, row.Indicator, row.Target, row.Projection, row.ProjectionEdition, row.Note }.All(t => EditText.Clean(t) is null))
            {
                continue;
            }

            var target = Read(errors, field, row);
            if (target is null)
            {
                continue;
            }

            if (entity is not null && Versions.HasMoved(entity, row.Version) && !Same(entity, target))
            {
                // Someone saved this row after the form was opened, and the form writes something else: refused with
                // the stored values; the form takes the stored version, so saving again overwrites knowingly.
                errors.Add(field + ".Target", RowConflict(i, entity, target));
                row.Version = entity.Version;
                continue;
            }

            var key = (target.Term, target.Year, target.Indicator);
            if (keys.TryGetValue(key, out var first))
            {
                var firstRow = (first + 1).ToString(CultureInfo.InvariantCulture);
                errors.Add(field + ".Indicator", $"{firstRow}行目と区分・目標年・指標が同じです。1つの行にまとめてください。", $"Same term, year and indicator as row {firstRow}: merge them into one row.");
                continue;
            }

            keys[key] = i;
            kept.Add((i, entity, target));
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        int added = 0, changed = 0;
        for (var order = 0; order < kept.Count; order++)
        {
            var (_, entity, t) = kept[order];
            if (entity is null)
            {
                db.PopulationTargets.Add(new PopulationTarget
                {
                    PlanId = plan.Id,
                    Term = t.Term,
                    Year = t.Year,
                    Indicator = t.Indicator,
                    Target = t.Value,
                    Projection = t.Projection,
                    ProjectionEdition = t.Edition,
                    Note = t.Note,
                    SortOrder = order,
                });
                added++;
                continue;
            }

            if (!Same(entity, t))
            {
                changed++;
            }

            if (!Same(entity, t) || entity.SortOrder != order)
            {
                // The UPDATE checks the version: a save at the same moment cannot also win.
                Versions.Claim(db, entity, entity.Version);
            }

            entity.Term = t.Term;
            entity.Year = t.Year;
            entity.Indicator = t.Indicator;
            entity.Target = t.Value;
            entity.Projection = t.Projection;
            entity.ProjectionEdition = t.Edition;
            entity.Note = t.Note;
            entity.SortOrder = order;
        }

        foreach (var entity in removed)
        {
            Versions.Claim(db, entity, entity.Version);
        }

        db.PopulationTargets.RemoveRange(removed);
        switch (await UniqueSave.SaveAsync(db, cancellationToken))
        {
            case SaveOutcome.Duplicate:
                // The same new row saved at the same moment by another submit (a double click): it is there once.
                return EditResult.Failed(string.Empty, new Message(
                    "同じ区分・目標年・指標の目標が、同時に行われたほかの保存で追加されました。入力はそのまま残しています。ページを開き直して確かめてください。",
                    "A target with the same term, year and indicator was added by another save at the same moment; your input is kept. Reload the page and check."));
            case SaveOutcome.Conflict:
                return EditResult.Failed(string.Empty, UniqueSave.Collided);
        }

        var message = added + changed + removed.Count == 0
            ? new Message("変更はありませんでした。", "Nothing changed.")
            : new Message(
                string.Create(CultureInfo.InvariantCulture, $"目標人口を保存しました（追加 {added}件、変更 {changed}件、削除 {removed.Count}件）。"),
                string.Create(CultureInfo.InvariantCulture, $"Population targets saved ({added} added, {changed} changed, {removed.Count} deleted)."));
        return EditResult.Success(plan.Code, message);
    }

    private static bool Same(PopulationTarget stored, Target posted) =>
        stored.Term == posted.Term && stored.Year == posted.Year && stored.Indicator == posted.Indicator && stored.Target == posted.Value
        && stored.Projection == posted.Projection && stored.ProjectionEdition == posted.Edition && stored.Note == posted.Note;

    private static Message RowConflict(int index, PopulationTarget stored, Target? posted)
    {
        var row = (index + 1).ToString(CultureInfo.InvariantCulture);
        return Versions.Conflict(
            new($"{row}行目の目標（{stored.Term} {stored.Year.ToString(CultureInfo.InvariantCulture)}年 {IndicatorLabel(stored.Indicator)}）", $"The target in row {row}"),
            [
                (new("目標", "Target"), posted is null ? null : People(posted.Value), People(stored.Target)),
                (new("推計", "Projection"), posted?.Projection is { } p ? People(p) : null, stored.Projection is { } q ? People(q) : null),
                (new("備考", "Note"), posted?.Note, stored.Note),
            ]);
    }

    private IQueryable<PopulationTarget> Stored(int planId) =>
        db.PopulationTargets.Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id);

    private static PopulationTargetsView View(Plan plan, PopulationTargetsForm form, List<PopulationTarget> stored) => new()
    {
        PlanCode = plan.Code,
        PlanName = plan.Name,
        AreaCode = plan.Organization!.Code,
        Form = form,
        Suppression = stored.Where(t => t.Suppression is not null).ToDictionary(t => t.Id, t => t.Suppression!.Value),
    };

    /// <summary>A number of people as the form shows it: 26,043人.</summary>
    private static string People(decimal amount) =>
        (amount / 1.0000000000000000000000000000m).ToString("#,0.########", CultureInfo.InvariantCulture) + "人";

    private static Target? Read(EditErrors errors, string field, PopulationTargetRowForm row)
    {
        var before = errors.All.Count;
        var term = EditText.Text(errors, field + ".Term", new("区分", "Term"), row.Term, FieldLimits.Text);
        if (EditText.Clean(row.Term) is null)
        {
            errors.Add(field + ".Term", EditText.Required(new("区分（短期・中期・長期など）", "Term (short, medium, long …)")));
        }

        var year = ReadYear(errors, field + ".Year", row.Year);
        var indicator = ReadIndicator(errors, field + ".Indicator", row.Indicator);
        var target = ReadPeople(errors, field + ".Target", new("目標人口", "Target population"), row.Target, required: true);
        var projection = ReadPeople(errors, field + ".Projection", new("推計人口", "Projected population"), row.Projection, required: false);
        var edition = EditText.Text(errors, field + ".ProjectionEdition", new("推計の版", "Projection edition"), row.ProjectionEdition, FieldLimits.Name);
        var note = EditText.Text(errors, field + ".Note", new("備考", "Note"), row.Note);
        return errors.All.Count > before || term is null || year is null || indicator is null || target is null
            ? null
            : new Target(term, year.Value, indicator, target.Value, projection, edition, note);
    }

    private static int? ReadYear(EditErrors errors, string field, string? text)
    {
        var clean = EditText.Clean(text);
        if (clean is null)
        {
            errors.Add(field, EditText.Required(TargetYear));
            return null;
        }

        if (!PeriodParser.TryParse(clean, PeriodKind.CalendarYear, out var period, out var error))
        {
            errors.Add(field, EditText.Field(TargetYear, clean, EditText.Why(error)));
            return null;
        }

        if (period.Kind is not (PeriodKind.CalendarYear or PeriodKind.Date))
        {
            errors.Add(field, EditText.Field(TargetYear, clean, new("人口は年（10月1日現在）で数えます。年で入力してください（例: 2020、2020年、令和2年）。", "population is counted by calendar year (1 October): enter a year (e.g. 2020, 2020年, 令和2年).")));
            return null;
        }

        return period.Year;
    }

    private static string? ReadIndicator(EditErrors errors, string field, string? text)
    {
        var clean = EditText.Text(errors, field, new("指標", "Indicator"), text, FieldLimits.Name);
        if (clean is null)
        {
            if (EditText.Clean(text) is null)
            {
                errors.Add(field, EditText.Required(new("指標（総人口・年少人口など）", "Indicator (総人口, 年少人口 …)")));
            }

            return null;
        }

        // Width, spaces and brackets do not matter: 「年少人口（0～14歳）」 is 「年少人口(0~14歳)」.
        static string Key(string t) => new(JapaneseText.FoldWidth(t).Where(c => c is not (' ' or '　' or '(' or ')')).ToArray());
        var key = Key(clean);
        foreach (var (code, label) in Indicators.Concat(Aliases))
        {
            if (string.Equals(key, code, StringComparison.OrdinalIgnoreCase) || key == Key(label))
            {
                return code;
            }
        }

        return clean;
    }

    private static decimal? ReadPeople(EditErrors errors, string field, Message label, string? text, bool required)
    {
        var clean = EditText.Clean(text);
        if (clean is null)
        {
            if (required)
            {
                errors.Add(field, EditText.Required(label));
            }

            return null;
        }

        if (!ValueParser.TryParse(clean, PeriodKind.CalendarYear, out var value, out var error))
        {
            errors.Add(field, EditText.Field(label, clean, EditText.Why(error)));
            return null;
        }

        if (!value.HasAmount || value.Unit is not ("" or "人"))
        {
            errors.Add(field, EditText.Field(label, clean, new("人数（人）を入力してください（例: 26,043人、2万6千人）。", "enter a number of people (人) (e.g. 26,043人, 2万6千人).")));
            return null;
        }

        if (value.Qualifiers != ValueQualifiers.None || value.Period is not null)
        {
            errors.Add(field, EditText.Field(label, clean, new("人数だけを入力してください（参考値・未確定などの印や期間は付けられません）。", "enter the number only (no marks such as 参考値 or 未確定, no period).")));
            return null;
        }

        if (value.Amount < 0)
        {
            errors.Add(field, EditText.Field(label, clean, new("人数は0以上で入力してください。", "the number must be 0 or more.")));
            return null;
        }

        return value.Amount;
    }

    private sealed record Target(string Term, int Year, string Indicator, decimal Value, decimal? Projection, string? Edition, string? Note);
}
