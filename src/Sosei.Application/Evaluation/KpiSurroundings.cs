using Sosei.Application.Plans;
using Sosei.Application.Projects;

namespace Sosei.Application.Evaluation;

/// <summary>One node on the path from a 基本目標 down to a node, as a page shows it (a read model, not the entity).</summary>
/// <param name="Code">Node code (the anchor on the plan page).</param>
/// <param name="Depth">Depth in the tree (0: 基本目標), for the level's name.</param>
/// <param name="Label">The node's label (基本目標1, （ア） …), if any.</param>
/// <param name="Title">The node's title.</param>
public sealed record NodeStep(string Code, int Depth, string? Label, string Title)
{
    /// <summary>The path of a node as text: 基本目標-1 （ア） ① 出会い、結婚…; without labels, only the node's title.</summary>
    public static string PathText(IReadOnlyList<NodeStep> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
        {
            return "";
        }

        var labels = string.Join(" ", path.Select(n => n.Label).Where(l => !string.IsNullOrEmpty(l)));
        return labels.Length > 0 ? $"{labels} {path[^1].Title}" : path[^1].Title;
    }
}

/// <summary>A project that serves a KPI, as the KPI page lists it.</summary>
/// <param name="Category">The project's category.</param>
/// <param name="Name">The project's name.</param>
/// <param name="Content">What it does, as written; null when not given.</param>
/// <param name="HomePath">The path to the node where the project belongs.</param>
public sealed record KpiProjectLink(ProjectCategory Category, string Name, string? Content, IReadOnlyList<NodeStep> HomePath);

/// <summary>A place where a KPI is shown again (再掲).</summary>
/// <param name="Path">The path to the node it is shown at.</param>
/// <param name="DisplayName">The name it is shown under there, if different.</param>
public sealed record KpiRelistingLink(IReadOnlyList<NodeStep> Path, string? DisplayName);

/// <summary>Where a KPI stands in its plan, for the KPI page: its home path, its projects and its relistings.</summary>
/// <param name="HomePath">The path from the 基本目標 to the KPI's home node.</param>
/// <param name="Projects">The projects that serve the KPI.</param>
/// <param name="Relistings">Where the KPI is shown again (再掲).</param>
public sealed record KpiSurroundings(IReadOnlyList<NodeStep> HomePath, IReadOnlyList<KpiProjectLink> Projects, IReadOnlyList<KpiRelistingLink> Relistings)
{
    /// <summary>Reads a KPI's surroundings out of an evaluation of its plan.</summary>
    public static KpiSurroundings Of(PlanEvaluation evaluation, KpiEvaluation kpi)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(kpi);
        var plan = evaluation.Plan;
        IReadOnlyList<NodeStep> PathTo(int nodeId) =>
            PlanTree.PathTo(plan, nodeId).Select(n => new NodeStep(n.Code, n.Depth, n.Label, n.Title)).ToList();
        return new KpiSurroundings(
            PathTo(kpi.Kpi.HomeNodeId),
            evaluation.Projects.Where(p => p.Kpis.Any(k => k.KpiId == kpi.Kpi.Id))
                .Select(p => new KpiProjectLink(p.Category, p.Name, p.Content, PathTo(p.HomeNodeId)))
                .ToList(),
            evaluation.Relistings.Where(r => r.KpiId == kpi.Kpi.Id)
                .Select(r => new KpiRelistingLink(PathTo(r.NodeId), r.DisplayName))
                .ToList());
    }
}
