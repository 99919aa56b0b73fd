using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Organizations;
using Sosei.Application.Persistence;

namespace Sosei.Application.Plans;

/// <summary>The words a KPI's or a project's form uses in the checks both make (<see cref="PlanItemForm"/>).</summary>
/// <param name="CodeLabel">The code field's label (KPIコード, 事業コード).</param>
/// <param name="NameLabel">The name field's label (指標名, 事業名).</param>
/// <param name="CodeTaken">The message for a code another item of the plan already uses, quoting the code.</param>
/// <param name="ChooseNode">The message for a form that names no node to list the item under.</param>
/// <param name="Kind">What the item is called in the messages of a refused save (KPI, 事業 / project).</param>
internal sealed record PlanItemWords(Message CodeLabel, Message NameLabel, Func<string, Message> CodeTaken, Message ChooseNode, Message Kind);

/// <summary>
/// What the KPI and project editors have in common (ADR 0005: one check for forms and files): the plan and the stored
/// item loaded for a form page or a save (with the version check), the checks of the item's identity — a code free
/// within the plan, a name, a home node —, the lengths of free texts, a new department, the place under the home node,
/// and the save itself. The rest of each form (values, series, budget …) is checked by the plan-file validator the
/// import uses.
/// </summary>
internal static class PlanItemForm
{
    /// <summary>The form fields the identity checks report on (the same names in <c>KpiForm</c> and <c>ProjectForm</c>).</summary>
    internal const string CodeField = "Code";

    /// <inheritdoc cref="CodeField"/>
    internal const string NameField = "Name";

    /// <inheritdoc cref="CodeField"/>
    internal const string NodeField = "NodeCode";

    /// <summary>The form field of a department not yet listed (the same name in <c>KpiForm</c> and <c>ProjectForm</c>).</summary>
    private const string NewDepartmentField = "NewDepartment";

    /// <summary>The plan to save into, tracked, with its nodes and its organization's departments; null when not found.</summary>
    internal static Task<Plan?> LoadPlanForSaveAsync(SoseiDbContext db, string planCode, CancellationToken cancellationToken) =>
        db.Plans.Include(p => p.Nodes).Include(p => p.Organization!).ThenInclude(o => o.Departments)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);

    /// <summary>The plan a form page shows, untracked, with its levels, nodes and its organization's departments; null when not found.</summary>
    internal static Task<Plan?> LoadPlanForViewAsync(SoseiDbContext db, string planCode, CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().Include(p => p.Levels).Include(p => p.Nodes).Include(p => p.Organization!).ThenInclude(o => o.Departments)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);

    /// <summary>
    /// The plan of a new item's form and the node it starts under (none when <paramref name="nodeCode"/> is blank); null
    /// when the plan, or the named node, is not found.
    /// </summary>
    internal static async Task<(Plan Plan, PlanNode? Node)?> LoadForNewAsync(SoseiDbContext db, string planCode, string? nodeCode, CancellationToken cancellationToken)
    {
        var plan = await LoadPlanForViewAsync(db, planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var node = string.IsNullOrEmpty(nodeCode) ? null : plan.Nodes.SingleOrDefault(n => n.Code == nodeCode);
        if (!string.IsNullOrEmpty(nodeCode) && node is null)
        {
            return null;
        }

        return (plan, node);
    }

    /// <summary>
    /// The plan and the stored item (untracked) a form page shows; the item is null for a new one (no
    /// <paramref name="itemCode"/>). Null when the plan, or the named item, is not found.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="planCode">The plan's code.</param>
    /// <param name="itemCode">The item's code; null for a new item.</param>
    /// <param name="loadItem">Loads the item of a plan by its code, with what its form shows; null when not found.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    internal static async Task<(Plan Plan, TItem? Item)?> LoadForViewAsync<TItem>(
        SoseiDbContext db, string planCode, string? itemCode, Func<Plan, string, Task<TItem?>> loadItem, CancellationToken cancellationToken)
        where TItem : PlanItem
    {
        var plan = await LoadPlanForViewAsync(db, planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        TItem? item = null;
        if (itemCode is not null)
        {
            item = await loadItem(plan, itemCode);
            if (item is null)
            {
                return null;
            }
        }

        return (plan, item);
    }

    /// <summary>
    /// Loads what a save writes into and hands it to <paramref name="save"/>: the plan (<see cref="LoadPlanForSaveAsync"/>)
    /// and the stored item, tracked (null for a new one, when <paramref name="itemCode"/> is null). Refuses first, before
    /// any check of the form: not found, when the plan or the named item is not; the conflict, when the item was saved
    /// again after the form was opened at <paramref name="version"/>.
    /// </summary>
    /// <param name="db">The context.</param>
    /// <param name="planCode">The plan's code.</param>
    /// <param name="itemCode">The item's code; null for a new item.</param>
    /// <param name="version">The item's version when the form was opened.</param>
    /// <param name="loadItem">Loads the item of a plan by its code, tracked; null when not found.</param>
    /// <param name="conflict">The refusal of a form opened before another save of the item.</param>
    /// <param name="save">Checks the form and saves it into the plan and the item.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    internal static async Task<EditResult> SaveAsync<TItem>(
        SoseiDbContext db, string planCode, string? itemCode, int version, Func<Plan, string, Task<TItem?>> loadItem,
        Func<Plan, TItem, EditResult> conflict, Func<Plan, TItem?, Task<EditResult>> save, CancellationToken cancellationToken)
        where TItem : PlanItem
    {
        var plan = await LoadPlanForSaveAsync(db, planCode, cancellationToken);
        if (plan is null)
        {
            return EditResult.NotFound();
        }

        TItem? item = null;
        if (itemCode is not null)
        {
            item = await loadItem(plan, itemCode);
            if (item is null)
            {
                return EditResult.NotFound();
            }

            if (Versions.HasMoved(item, version))
            {
                return conflict(plan, item);
            }
        }

        return await save(plan, item);
    }

    /// <summary>
    /// Checks the code (well-formed, and not used by another item of the same kind in the plan), the name (given) and
    /// the home node (chosen); adds a message per field to <paramref name="errors"/>. Returns the cleaned code, or null
    /// when it is not usable.
    /// </summary>
    /// <param name="errors">Where the messages go.</param>
    /// <param name="items">The items of this kind (<c>db.Kpis</c>, <c>db.Projects</c>).</param>
    /// <param name="plan">The plan saved into.</param>
    /// <param name="editing">The stored item being edited; null for a new one.</param>
    /// <param name="code">The posted code.</param>
    /// <param name="name">The posted name.</param>
    /// <param name="nodeCode">The posted home node's code.</param>
    /// <param name="words">The labels and messages of this kind of item.</param>
    /// <param name="cancellationToken">Cancels the code lookup.</param>
    internal static async Task<string?> CheckIdentityAsync<TItem>(
        EditErrors errors, IQueryable<TItem> items, Plan plan, TItem? editing, string? code, string? name, string? nodeCode,
        PlanItemWords words, CancellationToken cancellationToken)
        where TItem : PlanItem
    {
        var cleaned = EditText.Code(errors, CodeField, words.CodeLabel, code);
        var planId = plan.Id;
        var editingId = editing?.Id;
        if (cleaned is not null && await items.AnyAsync(x => x.PlanId == planId && x.Code == cleaned && (editingId == null || x.Id != editingId), cancellationToken))
        {
            errors.Add(CodeField, words.CodeTaken(cleaned));
        }

        if (EditText.Clean(name) is null)
        {
            errors.Add(NameField, EditText.Required(words.NameLabel));
        }

        if (EditText.Clean(nodeCode) is null)
        {
            errors.Add(NodeField, words.ChooseNode);
        }

        return cleaned;
    }

    /// <summary>Checks the lengths of free texts: a message per field longer than its limit.</summary>
    internal static void CheckLengths(EditErrors errors, params (string Field, Message Label, string? Text, int Limit)[] fields)
    {
        foreach (var (field, label, text, limit) in fields)
        {
            EditText.Text(errors, field, label, text, limit);
        }
    }

    /// <summary>The department typed in to be added and chosen on save (新しい担当課); null when blank or too long.</summary>
    internal static string? NewDepartment(EditErrors errors, string? text) =>
        EditText.Text(errors, NewDepartmentField, new("新しい担当課", "New department"), text, FieldLimits.OrganizationName);

    /// <summary>Adds a new department (see <see cref="NewDepartment"/>) to the organization, last, unless it is already listed.</summary>
    internal static void AddDepartment(Organization organization, string? name)
    {
        if (name is not null && organization.Departments.All(d => d.Name != name))
        {
            organization.Departments.Add(new Department { Name = name, SortOrder = organization.Departments.Select(d => d.SortOrder).DefaultIfEmpty(-1).Max() + 1 });
        }
    }

    /// <summary>Lists the item under its home node: an added or moved item goes last under its (new) home.</summary>
    /// <param name="items">The items of this kind (<c>db.Kpis</c>, <c>db.Projects</c>).</param>
    /// <param name="plan">The plan saved into.</param>
    /// <param name="item">The item saved (new or stored).</param>
    /// <param name="nodeCode">The home node's code, checked.</param>
    /// <param name="cancellationToken">Cancels the lookup of the last place.</param>
    internal static async Task PlaceUnderHomeAsync<TItem>(IQueryable<TItem> items, Plan plan, TItem item, string nodeCode, CancellationToken cancellationToken)
        where TItem : PlanItem
    {
        var home = plan.Nodes.Single(n => n.Code == nodeCode);
        if (item.Id == 0 || item.HomeNodeId != home.Id)
        {
            var homeId = home.Id;
            var itemId = item.Id;
            item.SortOrder = await items.Where(x => x.HomeNodeId == homeId && x.Id != itemId).Select(x => (int?)x.SortOrder).MaxAsync(cancellationToken) + 1 ?? 0;
            item.HomeNodeId = home.Id;
        }
    }

    /// <summary>
    /// The refusal of a form whose checks failed: the errors, or (when the validator gave no item and no error) that the
    /// item could not be saved.
    /// </summary>
    internal static EditResult Refused(EditErrors errors, PlanItemWords words) =>
        errors.Any ? errors.ToResult() : EditResult.Failed("", new($"{words.Kind.Japanese}を保存できませんでした。", $"The {words.Kind.English} could not be saved."));

    /// <summary>
    /// Saves the changes; null when saved, otherwise the refusal: the code taken by another save meanwhile, or the item
    /// changed by another save since it was claimed.
    /// </summary>
    internal static async Task<EditResult?> SaveChangesAsync(SoseiDbContext db, PlanItemWords words, string code, CancellationToken cancellationToken) =>
        await UniqueSave.SaveAsync(db, cancellationToken) switch
        {
            SaveOutcome.Duplicate => EditResult.Failed(CodeField, UniqueSave.CodeTaken(words.Kind, code)),
            SaveOutcome.Conflict => EditResult.Failed(string.Empty, UniqueSave.Collided),
            _ => null,
        };
}
