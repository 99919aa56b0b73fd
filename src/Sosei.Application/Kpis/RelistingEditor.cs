using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
namespace Sosei.Application.Kpis;

/// <summary>What is relisted: a KPI or a project.</summary>
public enum RelistedItem
{
    /// <summary>A KPI.</summary>
    Kpi = 0,

    /// <summary>A project.</summary>
    Project = 1,
}

/// <summary>The form adding a 再掲.</summary>
public sealed class RelistingForm
{
    /// <summary>Node where the item is shown again.</summary>
    public string? NodeCode { get; set; }

    /// <summary>Name written at that place, when it differs (高校卒業就職者市内就職率(再掲)); optional.</summary>
    public string? DisplayName { get; set; }

    /// <summary>What the item means at that place, when the document says something different there; optional.</summary>
    public string? Content { get; set; }
}

/// <summary>
/// 再掲: shows a KPI or a project again under another node. The item keeps one home where it counts; a relisting is
/// never at the home node and never twice at the same node.
/// </summary>
public sealed class RelistingEditor(SoseiDbContext db)
{
    /// <summary>Adds a relisting of a KPI or project of the plan.</summary>
    public async Task<EditResult> AddAsync(string planCode, RelistedItem item, string itemCode, RelistingForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await db.Plans.Include(p => p.Nodes).SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        var target = plan is null ? null : await FindAsync(plan, item, itemCode, cancellationToken);
        if (plan is null || target is null)
        {
            return EditResult.NotFound();
        }

        var errors = new EditErrors();
        var nodeCode = EditText.Clean(form.NodeCode);
        var node = nodeCode is null ? null : plan.Nodes.SingleOrDefault(n => n.Code == nodeCode);
        if (node is null)
        {
            errors.Add(nameof(form.NodeCode), nodeCode is null
                ? new Message("再掲する項目を選んでください。", "Choose where to relist the item.")
                : new Message($"項目「{EditText.Quote(nodeCode)}」はこの計画にありません。", $"The plan has no item \"{EditText.Quote(nodeCode)}\"."));
        }
        else if (node.Id == target.Value.HomeNodeId)
        {
            errors.Add(nameof(form.NodeCode), $"「{node.Title}」は本来の掲載場所です。再掲は別の項目にしてください。", $"\"{node.Title}\" is the item's home: relist it somewhere else.");
        }
        else if (await db.Relistings.AnyAsync(r => r.NodeId == node.Id && (item == RelistedItem.Kpi ? r.KpiId == target.Value.Id : r.ProjectId == target.Value.Id), cancellationToken))
        {
            errors.Add(nameof(form.NodeCode), AlreadyRelisted(node.Title));
        }

        var name = EditText.Text(errors, nameof(form.DisplayName), new("再掲での名称", "Name where relisted"), form.DisplayName, FieldLimits.Name);
        var content = EditText.Text(errors, nameof(form.Content), new("再掲での内容", "Content where relisted"), form.Content);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var order = await db.Relistings.Where(r => r.NodeId == node!.Id).Select(r => (int?)r.SortOrder).MaxAsync(cancellationToken);
        db.Relistings.Add(new Relisting
        {
            PlanId = plan.Id,
            NodeId = node!.Id,
            KpiId = item == RelistedItem.Kpi ? target.Value.Id : null,
            ProjectId = item == RelistedItem.Project ? target.Value.Id : null,
            DisplayName = name,
            Content = content,
            SortOrder = (order ?? -1) + 1,
        });
        if (await UniqueSave.SaveAsync(db, cancellationToken) == SaveOutcome.Duplicate)
        {
            // The same relisting saved at the same moment (a double submit): it is there once.
            return EditResult.Failed(nameof(form.NodeCode), AlreadyRelisted(node!.Title));
        }

        return EditResult.Success(itemCode, new($"「{node.Title}」に再掲しました。", $"Relisted under \"{node.Title}\"."));
    }

    private static Message AlreadyRelisted(string title) =>
        new($"「{title}」には既に再掲されています。", $"It is already relisted under \"{title}\".");

    /// <summary>Removes a relisting of a KPI or project of the plan.</summary>
    public async Task<EditResult> RemoveAsync(string planCode, RelistedItem item, string itemCode, int relistingId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        var target = plan is null ? null : await FindAsync(plan, item, itemCode, cancellationToken);
        if (plan is null || target is null)
        {
            return EditResult.NotFound();
        }

        var relisting = await db.Relistings.Include(r => r.Node).SingleOrDefaultAsync(
            r => r.Id == relistingId && r.PlanId == plan.Id && (item == RelistedItem.Kpi ? r.KpiId == target.Value.Id : r.ProjectId == target.Value.Id),
            cancellationToken);
        if (relisting is null)
        {
            return EditResult.NotFound();
        }

        db.Relistings.Remove(relisting);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(itemCode, new($"「{relisting.Node!.Title}」への再掲を削除しました。", $"The relisting under \"{relisting.Node!.Title}\" was deleted."));
    }

    /// <summary>The relistings of a KPI or a project.</summary>
    internal static async Task<IReadOnlyList<RelistingView>> ListAsync(SoseiDbContext db, Plan plan, int? kpiId, int? projectId, CancellationToken cancellationToken)
    {
        var list = await db.Relistings.AsNoTracking()
            .Where(r => r.PlanId == plan.Id && (kpiId != null ? r.KpiId == kpiId : r.ProjectId == projectId))
            .ToListAsync(cancellationToken);
        var nodes = plan.Nodes.ToDictionary(n => n.Id);
        var order = Evaluation.PlanEvaluator.TreeOrder(plan);
        return list.OrderBy(r => order.GetValueOrDefault(r.NodeId))
            .Select(r => new RelistingView(
                r.Id,
                nodes[r.NodeId].Code,
                $"{PlanStructureEditor.LevelName(plan, nodes[r.NodeId].Depth)} {(string.IsNullOrEmpty(nodes[r.NodeId].Label) ? "" : nodes[r.NodeId].Label + " ")}{nodes[r.NodeId].Title}",
                r.DisplayName,
                r.Content))
            .ToList();
    }

    private async Task<(int Id, int HomeNodeId)?> FindAsync(Plan plan, RelistedItem item, string code, CancellationToken cancellationToken)
    {
        if (item == RelistedItem.Kpi)
        {
            var k = await db.Kpis.AsNoTracking().Where(x => x.PlanId == plan.Id && x.Code == code).Select(x => new { x.Id, x.HomeNodeId }).SingleOrDefaultAsync(cancellationToken);
            return k is null ? null : (k.Id, k.HomeNodeId);
        }

        var p = await db.Projects.AsNoTracking().Where(x => x.PlanId == plan.Id && x.Code == code).Select(x => new { x.Id, x.HomeNodeId }).SingleOrDefaultAsync(cancellationToken);
        return p is null ? null : (p.Id, p.HomeNodeId);
    }
}
