using Sosei.Application.Evaluation;

namespace Sosei.Application.Plans;

/// <summary>A KPI as it appears at one node: at its home, or relisted (再掲) there.</summary>
/// <param name="Evaluation">The KPI evaluated for the plan's year.</param>
/// <param name="HomeNode">The KPI's home node.</param>
/// <param name="Relisting">The relisting that shows it here; null at its home.</param>
public sealed record PlanTreeKpi(KpiEvaluation Evaluation, NodeView HomeNode, PlanRelistingView? Relisting)
{
    /// <summary>The KPI as read.</summary>
    public KpiView Kpi => Evaluation.Kpi;

    /// <summary>Whether this is a 再掲 appearance (counted at its home, not here).</summary>
    public bool IsRelisted => Relisting is not null;

    /// <summary>The name as the document writes it at this place.</summary>
    public string Name => Relisting?.DisplayName is { Length: > 0 } n ? n : Kpi.Name;
}

/// <summary>A project as it appears at one node: at its home, or relisted (再掲) there.</summary>
/// <param name="Project">The project as read.</param>
/// <param name="HomeNode">The project's home node.</param>
/// <param name="Relisting">The relisting that shows it here; null at its home.</param>
public sealed record PlanTreeProject(ProjectView Project, NodeView HomeNode, PlanRelistingView? Relisting)
{
    /// <summary>Whether this is a 再掲 appearance.</summary>
    public bool IsRelisted => Relisting is not null;

    /// <summary>The name as the document writes it at this place.</summary>
    public string Name => Relisting?.DisplayName is { Length: > 0 } n ? n : Project.Name;

    /// <summary>The content at this place: the relisting's own wording when the document gives one.</summary>
    public string? Content => Relisting?.Content is { Length: > 0 } c ? c : Project.Content;
}

/// <summary>One node of the plan tree with what the document lists under it.</summary>
/// <param name="Node">The node.</param>
/// <param name="LevelName">The plan's name for the node's level (基本目標, 施策 …); empty when the plan names none.</param>
/// <param name="Children">Child nodes in document order.</param>
/// <param name="Kpis">KPIs at this node: its own (goal KPIs = 数値目標 first), then relisted ones.</param>
/// <param name="Projects">Projects at this node: its own, then relisted ones.</param>
public sealed record PlanTreeNode(
    NodeView Node,
    string LevelName,
    IReadOnlyList<PlanTreeNode> Children,
    IReadOnlyList<PlanTreeKpi> Kpis,
    IReadOnlyList<PlanTreeProject> Projects)
{
    /// <summary>Goal-level KPIs (数値目標) shown here.</summary>
    public IEnumerable<PlanTreeKpi> GoalKpis => Kpis.Where(k => k.Kpi.Level == Domain.Kpis.KpiLevel.Goal);

    /// <summary>Measure and project KPIs shown here.</summary>
    public IEnumerable<PlanTreeKpi> OtherKpis => Kpis.Where(k => k.Kpi.Level != Domain.Kpis.KpiLevel.Goal);

    /// <summary>Every node of this subtree, this one first, in document order.</summary>
    public IEnumerable<PlanTreeNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var c in Children)
        {
            foreach (var d in c.SelfAndDescendants())
            {
                yield return d;
            }
        }
    }
}

/// <summary>
/// Arranges an evaluated plan as the document does: nodes in order, each with its KPIs and projects, and the 再掲
/// items where the document repeats them. Pure: works on one <see cref="PlanEvaluation"/>, no database.
/// </summary>
public static class PlanTree
{
    /// <summary>The top-level nodes (基本目標) with their subtrees.</summary>
    public static IReadOnlyList<PlanTreeNode> Build(PlanEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var plan = evaluation.Plan;
        var nodes = plan.Nodes.ToDictionary(n => n.Id);
        var children = plan.Nodes.ToLookup(n => n.ParentId);
        var kpisByHome = evaluation.Kpis.ToLookup(k => k.Kpi.HomeNodeId);
        var kpisById = evaluation.Kpis.ToDictionary(k => k.Kpi.Id);
        var projectsByHome = evaluation.Projects.ToLookup(p => p.HomeNodeId);
        var projectsById = evaluation.Projects.ToDictionary(p => p.Id);
        var relistingsAt = evaluation.Relistings.OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToLookup(r => r.NodeId);

        PlanTreeNode Make(NodeView node)
        {
            var kpis = kpisByHome[node.Id]
                .OrderBy(k => k.Kpi.Level).ThenBy(k => k.Kpi.SortOrder)
                .Select(k => new PlanTreeKpi(k, node, null))
                .Concat(relistingsAt[node.Id]
                    .Where(r => r.KpiId is { } id && kpisById.ContainsKey(id))
                    .Select(r =>
                    {
                        var e = kpisById[r.KpiId!.Value];
                        return new PlanTreeKpi(e, nodes[e.Kpi.HomeNodeId], r);
                    }))
                .ToList();
            var projects = projectsByHome[node.Id]
                .OrderBy(p => p.SortOrder)
                .Select(p => new PlanTreeProject(p, node, null))
                .Concat(relistingsAt[node.Id]
                    .Where(r => r.ProjectId is { } id && projectsById.ContainsKey(id))
                    .Select(r =>
                    {
                        var p = projectsById[r.ProjectId!.Value];
                        return new PlanTreeProject(p, nodes[p.HomeNodeId], r);
                    }))
                .ToList();
            var sub = children[node.Id].OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(Make).ToList();
            return new PlanTreeNode(node, evaluation.LevelName(node.Depth), sub, kpis, projects);
        }

        return children[null].OrderBy(n => n.SortOrder).ThenBy(n => n.Id).Select(Make).ToList();
    }

    /// <summary>The path from the top to a node (基本目標 → 施策 → 具体的な施策), the node last.</summary>
    /// <param name="plan">The plan as read, with its nodes.</param>
    /// <param name="nodeId">The node.</param>
    public static IReadOnlyList<NodeView> PathTo(PlanView plan, int nodeId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var nodes = plan.Nodes.ToDictionary(n => n.Id);
        var path = new List<NodeView>();
        var guard = 0;
        for (var id = (int?)nodeId; id is { } current && nodes.TryGetValue(current, out var node) && guard++ <= nodes.Count; id = node.ParentId)
        {
            path.Add(node);
        }

        path.Reverse();
        return path;
    }
}
