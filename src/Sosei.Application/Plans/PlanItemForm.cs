using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;

namespace Sosei.Application.Plans;

/// <summary>The words a KPI's or a project's form uses in the checks both make (<see cref="PlanItemForm"/>).</summary>
/// <param name="CodeLabel">The code field's label (KPIコード, 事業コード).</param>
/// <param name="NameLabel">The name field's label (指標名, 事業名).</param>
/// <param name="CodeTaken">The message for a code another item of the plan already uses, quoting the code.</param>
/// <param name="ChooseNode">The message for a form that names no node to list the item under.</param>
internal sealed record PlanItemWords(Message CodeLabel, Message NameLabel, Func<string, Message> CodeTaken, Message ChooseNode);

/// <summary>
/// What saving a KPI and saving a project have in common (ADR 0005: one check for forms and files): the plan loaded for
/// the save, and the checks of the item's identity — a code free within the plan, a name, a home node. The rest of each
/// form (values, series, budget …) is checked by the plan-file validator the import uses.
/// </summary>
internal static class PlanItemForm
{
    /// <summary>The form fields the identity checks report on (the same names in <c>KpiForm</c> and <c>ProjectForm</c>).</summary>
    internal const string CodeField = "Code";

    /// <inheritdoc cref="CodeField"/>
    internal const string NameField = "Name";

    /// <inheritdoc cref="CodeField"/>
    internal const string NodeField = "NodeCode";

    /// <summary>The plan to save into, tracked, with its nodes and its organization's departments; null when not found.</summary>
    internal static Task<Plan?> LoadPlanForSaveAsync(SoseiDbContext db, string planCode, CancellationToken cancellationToken) =>
        db.Plans.Include(p => p.Nodes).Include(p => p.Organization!).ThenInclude(o => o.Departments)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);

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
}
