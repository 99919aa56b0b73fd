using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;
using Sosei.Domain.Text;

namespace Sosei.Application.Projects;

/// <summary>
/// What to look for among a plan's projects. Every given criterion must hold (AND); null or blank criteria are not
/// applied. Values are the ones a URL carries, so a search can be bookmarked.
/// </summary>
/// <param name="Category">区分: an enum name (New, Expanded, Continued, Private, None) or the Japanese word (新規, 拡充, 継続, 民間等, 区分なし).</param>
/// <param name="Node">A node code (G1, G1.A.1): projects at that node or any node below it, at home or relisted (再掲) there.</param>
/// <param name="Department">A department (担当課) name running the project.</param>
/// <param name="Partner">A partner body: an organization code (partner:jfc) or name (日本政策金融公庫), or a partner's name as written.</param>
/// <param name="Text">Free text found in the name, content, code, department, partners, grants or relisted wording (width and case folded).</param>
public sealed record ProjectFilter(string? Category = null, string? Node = null, string? Department = null, string? Partner = null, string? Text = null)
{
    /// <summary>Whether no criterion is given.</summary>
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Node) && string.IsNullOrWhiteSpace(Department)
        && string.IsNullOrWhiteSpace(Partner) && string.IsNullOrWhiteSpace(Text);

    /// <summary>Reads a 区分 written as an enum name or in Japanese; false for anything else.</summary>
    public static bool TryParseCategory(string? text, out ProjectCategory category)
    {
        var t = text?.Trim() ?? "";
        foreach (var (c, word) in CategoryWords)
        {
            if (string.Equals(t, c.ToString(), StringComparison.OrdinalIgnoreCase) || t == word)
            {
                category = c;
                return true;
            }
        }

        category = ProjectCategory.None;
        return false;
    }

    /// <summary>The Japanese word of each 区分, in the order documents list them.</summary>
    public static IReadOnlyList<(ProjectCategory Category, string Word)> CategoryWords { get; } =
    [
        (ProjectCategory.New, "新規"),
        (ProjectCategory.Expanded, "拡充"),
        (ProjectCategory.Continued, "継続"),
        (ProjectCategory.Private, "民間等"),
        (ProjectCategory.None, "区分なし"),
    ];
}

/// <summary>A problem with one criterion of a <see cref="ProjectFilter"/>, to show next to its field.</summary>
/// <param name="Field">The criterion's name (category, node, department, partner).</param>
/// <param name="Message">What is wrong, in Japanese and English, quoting the value.</param>
public sealed record ProjectFilterError(string Field, Message Message);

/// <summary>A partner body that runs or joins some project of the plan (a choice of the partner filter).</summary>
/// <param name="Value">The value of the filter: the organization code, or the name as written.</param>
/// <param name="Name">The name shown.</param>
/// <param name="ProjectCount">How many of the plan's projects it takes part in.</param>
public sealed record PartnerChoice(string Value, string Name, int ProjectCount);

/// <summary>One project in the result.</summary>
/// <param name="Project">The project as read (partners, KPIs, budget lines with their organizations, grants and department).</param>
/// <param name="HomeNode">Its home node.</param>
/// <param name="Relistings">Where it is shown again (再掲), with the node of each.</param>
/// <param name="Kpis">The KPIs it serves, in order.</param>
/// <param name="OnlyRelistedUnderNode">Whether it matched the node filter only through a relisting (its home is elsewhere).</param>
public sealed record ProjectRow(ProjectView Project, NodeView HomeNode, IReadOnlyList<(PlanRelistingView Relisting, NodeView Node)> Relistings, IReadOnlyList<KpiRef> Kpis, bool OnlyRelistedUnderNode);

/// <summary>The projects of a plan that match a filter, with the choices of the filter form.</summary>
public sealed record ProjectSearchResult
{
    /// <summary>The plan as read (organization, levels and nodes).</summary>
    public required PlanView Plan { get; init; }

    /// <summary>The plan's nodes in document order, for the node choice.</summary>
    public required IReadOnlyList<NodeView> Nodes { get; init; }

    /// <summary>Departments running some project, by name.</summary>
    public required IReadOnlyList<string> Departments { get; init; }

    /// <summary>Partner bodies taking part in some project.</summary>
    public required IReadOnlyList<PartnerChoice> Partners { get; init; }

    /// <summary>How many projects the plan has in all.</summary>
    public required int TotalCount { get; init; }

    /// <summary>The matching projects in document order (home node, then order).</summary>
    public required IReadOnlyList<ProjectRow> Rows { get; init; }

    /// <summary>Problems with the filter; when there are any, <see cref="Rows"/> is empty.</summary>
    public required IReadOnlyList<ProjectFilterError> Errors { get; init; }

    /// <summary>Fiscal years that have a budget line in the rows, ascending.</summary>
    public IReadOnlyList<int> BudgetYears => Rows.SelectMany(r => r.Project.BudgetLines).Select(b => b.FiscalYear).Distinct().Order().ToList();
}

/// <summary>Finds a plan's projects by 区分, node (with its subtree), department, partner and free text.</summary>
public sealed class ProjectSearch(SoseiDbContext db)
{
    /// <summary>Searches; null when no plan has that code.</summary>
    public async Task<ProjectSearchResult?> SearchAsync(string planCode, ProjectFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var stored = await db.Plans.AsNoTracking()
            .Include(p => p.Organization).Include(p => p.Levels).Include(p => p.Nodes)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var plan = PlanView.Of(stored);
        var loaded = await db.Projects.AsNoTracking().Where(p => p.PlanId == plan.Id)
            .Include(p => p.Partners).ThenInclude(x => x.Organization)
            .Include(p => p.Kpis).ThenInclude(k => k.Kpi)
            .Include(p => p.BudgetLines).ThenInclude(b => b.Organization)
            .Include(p => p.Grants).Include(p => p.Department)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var projects = loaded.Select(ProjectView.Of).ToList();
        var kpisOf = loaded.ToDictionary(
            p => p.Id,
            p => p.Kpis.OrderBy(k => k.SortOrder).Where(k => k.Kpi is not null).Select(k => new KpiRef(k.Kpi!.Id, k.Kpi.Code, k.Kpi.Name)).ToList());
        var relistings = (await db.Relistings.AsNoTracking().Where(r => r.PlanId == plan.Id && r.ProjectId != null).ToListAsync(cancellationToken))
            .Select(PlanRelistingView.Of).ToList();

        var order = PlanEvaluator.TreeOrder(plan);
        var nodes = plan.Nodes.ToDictionary(n => n.Id);
        var relistedAt = relistings.ToLookup(r => r.ProjectId!.Value);
        var departments = projects.Where(p => p.Department is not null).Select(p => p.Department!)
            .DistinctBy(d => d.Id).OrderBy(d => d.SortOrder).Select(d => d.Name).ToList();
        var partners = projects
            .SelectMany(p => p.Partners.Select(x => (Project: p.Id, Value: x.Organization?.Code ?? x.Name ?? "", Name: x.Organization?.Name ?? x.Name ?? "")))
            .Where(x => x.Value.Length > 0)
            .GroupBy(x => x.Value, StringComparer.Ordinal)
            .Select(g => new PartnerChoice(g.Key, g.First().Name, g.Select(x => x.Project).Distinct().Count()))
            .OrderByDescending(p => p.ProjectCount).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

        var errors = new List<ProjectFilterError>();
        ProjectCategory? category = null;
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            if (ProjectFilter.TryParseCategory(filter.Category, out var c))
            {
                category = c;
            }
            else
            {
                errors.Add(new ProjectFilterError("category", new Message(
                    $"区分「{filter.Category}」はありません。新規・拡充・継続・民間等・区分なしから選んでください。",
                    $"There is no category \"{filter.Category}\". Choose new, expanded, continued, private or none.")));
            }
        }

        HashSet<int>? subtree = null;
        if (!string.IsNullOrWhiteSpace(filter.Node))
        {
            var node = plan.Nodes.FirstOrDefault(n => n.Code == filter.Node.Trim());
            if (node is null)
            {
                errors.Add(new ProjectFilterError("node", new Message(
                    $"この計画に「{filter.Node}」という施策（ノード）はありません。",
                    $"This plan has no goal or measure \"{filter.Node}\".")));
            }
            else
            {
                subtree = Subtree(plan, node.Id);
            }
        }

        var department = filter.Department?.Trim();
        if (!string.IsNullOrEmpty(department) && !departments.Contains(department, StringComparer.Ordinal))
        {
            errors.Add(new ProjectFilterError("department", new Message(
                $"担当課「{department}」の事業はこの計画にありません。",
                $"This plan has no project of the department \"{department}\".")));
        }

        var partner = filter.Partner?.Trim();
        if (!string.IsNullOrEmpty(partner) && !partners.Any(p => p.Value == partner || p.Name == partner))
        {
            errors.Add(new ProjectFilterError("partner", new Message(
                $"「{partner}」が実施・連携する事業はこの計画にありません。",
                $"This plan has no project run by or with \"{partner}\".")));
        }

        var text = Fold(filter.Text);
        var rows = new List<ProjectRow>();
        if (errors.Count == 0)
        {
            foreach (var p in projects.OrderBy(p => order.GetValueOrDefault(p.HomeNodeId, int.MaxValue)).ThenBy(p => p.SortOrder))
            {
                var relisted = relistedAt[p.Id].OrderBy(r => order.GetValueOrDefault(r.NodeId, int.MaxValue)).ThenBy(r => r.SortOrder)
                    .Where(r => nodes.ContainsKey(r.NodeId)).Select(r => (r, nodes[r.NodeId])).ToList();
                var onlyRelisted = false;
                if (category is { } cat && p.Category != cat)
                {
                    continue;
                }

                if (subtree is not null && !subtree.Contains(p.HomeNodeId))
                {
                    if (!relisted.Any(r => subtree.Contains(r.r.NodeId)))
                    {
                        continue;
                    }

                    onlyRelisted = true;
                }

                if (!string.IsNullOrEmpty(department) && p.Department?.Name != department)
                {
                    continue;
                }

                if (!string.IsNullOrEmpty(partner) && !p.Partners.Any(x =>
                        (x.Organization is { } o && (o.Code == partner || o.Name == partner)) || x.Name == partner))
                {
                    continue;
                }

                if (text.Length > 0 && !Haystack(p, relisted.Select(r => r.r)).Contains(text, StringComparison.Ordinal))
                {
                    continue;
                }

                rows.Add(new ProjectRow(
                    p,
                    nodes[p.HomeNodeId],
                    relisted,
                    kpisOf[p.Id],
                    onlyRelisted));
            }
        }

        return new ProjectSearchResult
        {
            Plan = plan,
            Nodes = plan.Nodes.OrderBy(n => order.GetValueOrDefault(n.Id, int.MaxValue)).ToList(),
            Departments = departments,
            Partners = partners,
            TotalCount = projects.Count,
            Rows = rows,
            Errors = errors,
        };
    }

    private static HashSet<int> Subtree(PlanView plan, int rootId)
    {
        var children = plan.Nodes.ToLookup(n => n.ParentId);
        var result = new HashSet<int>();
        var stack = new Stack<int>([rootId]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (result.Add(id))
            {
                foreach (var c in children[id])
                {
                    stack.Push(c.Id);
                }
            }
        }

        return result;
    }

    /// <summary>Width-folded (全角→半角) and upper-cased, so ＵＩＪ finds UIJ and ccrc finds CCRC.</summary>
    private static string Fold(string? text) => JapaneseText.FoldWidth(text?.Trim()).ToUpperInvariant();

    private static string Haystack(ProjectView p, IEnumerable<PlanRelistingView> relistings)
    {
        var parts = new List<string?> { p.Code, p.Name, p.Content, p.Department?.Name };
        parts.AddRange(p.Partners.Select(x => x.Organization?.Name ?? x.Name));
        parts.AddRange(p.Grants.SelectMany(g => new[] { g.Program, g.StrategyLink }));
        parts.AddRange(relistings.SelectMany(r => new[] { r.DisplayName, r.Content }));
        return Fold(string.Join('\n', parts.Where(s => !string.IsNullOrEmpty(s))));
    }
}
