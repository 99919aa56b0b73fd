using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;
using Sosei.Domain.Kpis;
namespace Sosei.Application.Plans;

/// <summary>The node form (体系の項目).</summary>
public sealed class NodeForm
{
    /// <summary>The stored node's version when the form was opened (optimistic concurrency; 0 for a new node).</summary>
    public int Version { get; set; }

    /// <summary>Stable code, unique in the plan; generated for a new node, editable.</summary>
    public string? Code { get; set; }

    /// <summary>Number as the document writes it (基本目標1, (ア), ①); optional.</summary>
    public string? Label { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>Body text; optional.</summary>
    public string? Description { get; set; }
}

/// <summary>What the node form page shows.</summary>
/// <param name="PlanCode">Plan code.</param>
/// <param name="PlanName">Plan name.</param>
/// <param name="IsNew">Whether the node is being added.</param>
/// <param name="NodeCode">Stored code of the node being edited; null for a new one.</param>
/// <param name="LevelName">Level name of the node's depth (基本目標, 施策 …).</param>
/// <param name="Depth">Depth (0 = top).</param>
/// <param name="ParentTitle">Title of the parent, or null at the top.</param>
/// <param name="Form">The form.</param>
public sealed record NodeFormView(string PlanCode, string PlanName, bool IsNew, string? NodeCode, string LevelName, int Depth, string? ParentTitle, NodeForm Form);

/// <summary>A KPI, project or relisting listed under a node of the structure page.</summary>
/// <param name="Code">Code of the KPI or project.</param>
/// <param name="Name">Name (for a relisting, the name written at that place when it differs).</param>
/// <param name="Detail">Level of a KPI (数値目標 / KPI / 事業KPI) or 区分 of a project; null when none.</param>
public sealed record StructureItem(string Code, string Name, string? Detail = null);

/// <summary>One node of the structure page, in tree order.</summary>
/// <param name="Code">Code.</param>
/// <param name="ParentCode">Parent code, or null at the top.</param>
/// <param name="Depth">Depth (0 = top).</param>
/// <param name="LevelName">Level name of the depth.</param>
/// <param name="Label">Number as written; optional.</param>
/// <param name="Title">Title.</param>
/// <param name="IsFirst">Whether it is the first among its siblings (cannot move up).</param>
/// <param name="IsLast">Whether it is the last among its siblings (cannot move down).</param>
/// <param name="ChildCount">Number of child nodes.</param>
/// <param name="Kpis">KPIs whose home is this node.</param>
/// <param name="Projects">Projects whose home is this node.</param>
/// <param name="RelistedKpis">KPIs relisted (再掲) here.</param>
/// <param name="RelistedProjects">Projects relisted (再掲) here.</param>
public sealed record StructureNode(
    string Code,
    string? ParentCode,
    int Depth,
    string LevelName,
    string? Label,
    string Title,
    bool IsFirst,
    bool IsLast,
    int ChildCount,
    IReadOnlyList<StructureItem> Kpis,
    IReadOnlyList<StructureItem> Projects,
    IReadOnlyList<StructureItem> RelistedKpis,
    IReadOnlyList<StructureItem> RelistedProjects)
{
    /// <summary>Whether the node can be deleted (nothing hangs off it).</summary>
    public bool CanDelete => ChildCount == 0 && Kpis.Count == 0 && Projects.Count == 0 && RelistedKpis.Count == 0 && RelistedProjects.Count == 0;
}

/// <summary>The structure page: the plan's tree with what hangs off each node.</summary>
/// <param name="PlanCode">Plan code.</param>
/// <param name="PlanName">Plan name.</param>
/// <param name="LevelNames">Level names, top first.</param>
/// <param name="Nodes">Nodes in document (depth-first) order.</param>
public sealed record StructureView(string PlanCode, string PlanName, IReadOnlyList<string> LevelNames, IReadOnlyList<StructureNode> Nodes);

/// <summary>
/// Editing of the plan tree: add a child or a sibling, edit label/title/description/code, move among siblings, delete a
/// node that nothing hangs off (otherwise the message says what blocks it).
/// </summary>
public sealed class PlanStructureEditor(SoseiDbContext db)
{
    /// <summary>The tree with KPIs, projects and relistings per node; null when no plan has that code.</summary>
    public async Task<StructureView?> GetTreeAsync(string planCode, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Levels).Include(p => p.Nodes)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id)
            .OrderBy(k => k.SortOrder).Select(k => new { k.Id, k.HomeNodeId, k.Code, k.Name, k.Level }).ToListAsync(cancellationToken);
        var projects = await db.Projects.AsNoTracking().Where(p => p.PlanId == plan.Id)
            .OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.HomeNodeId, p.Code, p.Name, p.Category }).ToListAsync(cancellationToken);
        var relistings = await db.Relistings.AsNoTracking().Where(r => r.PlanId == plan.Id).OrderBy(r => r.SortOrder).ToListAsync(cancellationToken);
        var kpiById = kpis.ToDictionary(k => k.Id);
        var projectById = projects.ToDictionary(p => p.Id);
        var order = PlanEvaluator.TreeOrder(plan);
        var children = plan.Nodes.ToLookup(n => n.ParentId);
        var byId = plan.Nodes.ToDictionary(n => n.Id);
        var nodes = plan.Nodes.OrderBy(n => order.GetValueOrDefault(n.Id)).Select(n =>
        {
            var siblings = children[n.ParentId].OrderBy(s => s.SortOrder).ToList();
            return new StructureNode(
                n.Code,
                n.ParentId is { } p ? byId[p].Code : null,
                n.Depth,
                LevelName(plan, n.Depth),
                n.Label,
                n.Title,
                siblings[0] == n,
                siblings[^1] == n,
                children[n.Id].Count(),
                kpis.Where(k => k.HomeNodeId == n.Id).Select(k => new StructureItem(k.Code, k.Name, KpiLevelName(k.Level))).ToList(),
                projects.Where(p => p.HomeNodeId == n.Id).Select(p => new StructureItem(p.Code, p.Name, p.Category.ToString())).ToList(),
                relistings.Where(r => r.NodeId == n.Id && r.KpiId is not null)
                    .Select(r => new StructureItem(kpiById[r.KpiId!.Value].Code, r.DisplayName ?? kpiById[r.KpiId.Value].Name)).ToList(),
                relistings.Where(r => r.NodeId == n.Id && r.ProjectId is not null)
                    .Select(r => new StructureItem(projectById[r.ProjectId!.Value].Code, r.DisplayName ?? projectById[r.ProjectId.Value].Name)).ToList());
        }).ToList();
        return new StructureView(plan.Code, plan.Name, plan.Levels.OrderBy(l => l.Depth).Select(l => l.Name).ToList(), nodes);
    }

    /// <summary>The form of an existing node; null when the plan or the node is not found.</summary>
    public async Task<NodeFormView?> GetNodeAsync(string planCode, string nodeCode, CancellationToken cancellationToken = default)
    {
        var plan = await LoadAsync(planCode, tracking: false, cancellationToken);
        var node = plan?.Nodes.SingleOrDefault(n => n.Code == nodeCode);
        if (plan is null || node is null)
        {
            return null;
        }

        var parent = plan.Nodes.SingleOrDefault(n => n.Id == node.ParentId);
        return new NodeFormView(plan.Code, plan.Name, false, node.Code, LevelName(plan, node.Depth), node.Depth, parent?.Title, new NodeForm
        {
            Version = node.Version,
            Code = node.Code,
            Label = node.Label,
            Title = node.Title,
            Description = node.Description,
        });
    }

    /// <summary>
    /// The form of a new node with a generated code: a child of <paramref name="parentCode"/> (or a top node when it
    /// is null), or, when <paramref name="afterCode"/> is given, the sibling that follows that node. Null when the plan
    /// or a node is not found.
    /// </summary>
    public async Task<NodeFormView?> NewNodeAsync(string planCode, string? parentCode, string? afterCode, CancellationToken cancellationToken = default)
    {
        var plan = await LoadAsync(planCode, tracking: false, cancellationToken);
        if (plan is null || !TryPlace(plan, parentCode, afterCode, out var parent, out _))
        {
            return null;
        }

        var depth = parent is null ? 0 : parent.Depth + 1;
        return new NodeFormView(plan.Code, plan.Name, true, null, LevelName(plan, depth), depth, parent?.Title, new NodeForm { Code = NewNodeCode(plan, parent) });
    }

    /// <summary>Adds a node (see <see cref="NewNodeAsync"/> for where); the result carries its code.</summary>
    public async Task<EditResult> CreateNodeAsync(string planCode, string? parentCode, string? afterCode, NodeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await LoadAsync(planCode, tracking: true, cancellationToken);
        if (plan is null || !TryPlace(plan, parentCode, afterCode, out var parent, out var after))
        {
            return EditResult.NotFound();
        }

        var depth = parent is null ? 0 : parent.Depth + 1;
        var errors = new EditErrors();
        if (plan.Levels.Count > 0 && depth >= plan.Levels.Count)
        {
            var level = (depth + 1).ToString(CultureInfo.InvariantCulture);
            errors.Add("", $"第{level}階層の名称がありません。先に「計画の設定」で階層の名称を追加してください。", $"Level {level} has no name. Add it in the plan settings first.");
        }

        var node = new PlanNode { Code = "", Title = "", Depth = depth, Parent = parent, PlanId = plan.Id };
        Read(errors, plan, node, form);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        var siblings = Siblings(plan, parent?.Id);
        var index = after is null ? siblings.Count : siblings.IndexOf(after) + 1;
        siblings.Insert(index, node);
        Renumber(siblings);
        plan.Nodes.Add(node);
        if (!await UniqueSave.TrySaveAsync(db, cancellationToken))
        {
            return EditResult.Failed(nameof(NodeForm.Code), UniqueSave.CodeTaken(new("項目", "item"), node.Code));
        }

        return EditResult.Success(node.Code, new($"「{node.Title}」を追加しました。", $"\"{node.Title}\" was added."));
    }

    /// <summary>Changes a node's code, label, title and description.</summary>
    public async Task<EditResult> UpdateNodeAsync(string planCode, string nodeCode, NodeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var plan = await LoadAsync(planCode, tracking: true, cancellationToken);
        var node = plan?.Nodes.SingleOrDefault(n => n.Code == nodeCode);
        if (plan is null || node is null)
        {
            return EditResult.NotFound();
        }

        if (Versions.HasMoved(node, form.Version))
        {
            var posted = (form.Code, form.Label, form.Title, form.Description);
            form.Version = node.Version;
            return EditResult.Failed(string.Empty, Versions.Conflict(new($"「{node.Title}」", $"\"{node.Title}\""),
            [
                (new("コード", "Code"), posted.Code, node.Code), (new("番号", "Label"), posted.Label, node.Label),
                (new("名称", "Title"), posted.Title, node.Title), (new("説明", "Description"), posted.Description, node.Description),
            ]));
        }

        var errors = new EditErrors();
        Read(errors, plan, node, form);
        if (errors.Any)
        {
            return errors.ToResult();
        }

        Versions.Claim(db, node, form.Version);
        if (await UniqueSave.SaveAsync(db, cancellationToken) is not SaveOutcome.Saved and var outcome)
        {
            return outcome == SaveOutcome.Duplicate
                ? EditResult.Failed(nameof(NodeForm.Code), UniqueSave.CodeTaken(new("項目", "item"), EditText.Clean(form.Code) ?? nodeCode))
                : EditResult.Failed(string.Empty, UniqueSave.Collided);
        }

        return EditResult.Success(node.Code, new($"「{node.Title}」を保存しました。", $"\"{node.Title}\" was saved."));
    }

    /// <summary>Moves a node one place up (<paramref name="offset"/> −1) or down (+1) among its siblings.</summary>
    public async Task<EditResult> MoveNodeAsync(string planCode, string nodeCode, int offset, CancellationToken cancellationToken = default)
    {
        var plan = await LoadAsync(planCode, tracking: true, cancellationToken);
        var node = plan?.Nodes.SingleOrDefault(n => n.Code == nodeCode);
        if (plan is null || node is null || offset is not (-1 or 1))
        {
            return EditResult.NotFound();
        }

        var siblings = Siblings(plan, node.ParentId);
        var i = siblings.IndexOf(node);
        var j = i + offset;
        if (j < 0 || j >= siblings.Count)
        {
            return EditResult.Failed(nodeCode, offset < 0 ? new($"「{node.Title}」は既に先頭です。", $"\"{node.Title}\" is already first.") : new($"「{node.Title}」は既に末尾です。", $"\"{node.Title}\" is already last."));
        }

        (siblings[i], siblings[j]) = (siblings[j], siblings[i]);
        Renumber(siblings);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(node.Code, offset < 0 ? new($"「{node.Title}」を上へ移動しました。", $"\"{node.Title}\" was moved up.") : new($"「{node.Title}」を下へ移動しました。", $"\"{node.Title}\" was moved down."));
    }

    /// <summary>Deletes a node that has no children, KPIs, projects or relistings; otherwise says what blocks it.</summary>
    public async Task<EditResult> DeleteNodeAsync(string planCode, string nodeCode, CancellationToken cancellationToken = default)
    {
        var plan = await LoadAsync(planCode, tracking: true, cancellationToken);
        var node = plan?.Nodes.SingleOrDefault(n => n.Code == nodeCode);
        if (plan is null || node is null)
        {
            return EditResult.NotFound();
        }

        var children = plan.Nodes.Where(n => n.ParentId == node.Id).Select(n => n.Code).ToList();
        var kpis = await db.Kpis.Where(k => k.HomeNodeId == node.Id).OrderBy(k => k.SortOrder).Select(k => k.Code).ToListAsync(cancellationToken);
        var projects = await db.Projects.Where(p => p.HomeNodeId == node.Id).OrderBy(p => p.SortOrder).Select(p => p.Code).ToListAsync(cancellationToken);
        var relistings = await db.Relistings.CountAsync(r => r.NodeId == node.Id, cancellationToken);
        var blockers = new List<Message>();
        if (children.Count > 0)
        {
            blockers.Add(new($"下位の項目{Count(children)}", $"{children.Count.ToString(CultureInfo.InvariantCulture)} child item(s) ({List(children)})"));
        }

        if (kpis.Count > 0)
        {
            blockers.Add(new($"KPI {Count(kpis)}", $"{kpis.Count.ToString(CultureInfo.InvariantCulture)} KPI(s) ({List(kpis)})"));
        }

        if (projects.Count > 0)
        {
            blockers.Add(new($"事業{Count(projects)}", $"{projects.Count.ToString(CultureInfo.InvariantCulture)} project(s) ({List(projects)})"));
        }

        if (relistings > 0)
        {
            blockers.Add(new($"再掲{relistings.ToString(CultureInfo.InvariantCulture)}件", $"{relistings.ToString(CultureInfo.InvariantCulture)} relisting(s)"));
        }

        if (blockers.Count > 0)
        {
            return EditResult.Failed(nodeCode, new(
                $"「{node.Title}」は削除できません: {string.Join("、", blockers.Select(b => b.Japanese))}があります。先に移動または削除してください。",
                $"\"{node.Title}\" cannot be deleted: it has {string.Join(", ", blockers.Select(b => b.English))}. Move or delete them first."));
        }

        var siblings = Siblings(plan, node.ParentId);
        siblings.Remove(node);
        Renumber(siblings);
        plan.Nodes.Remove(node);
        db.PlanNodes.Remove(node);
        await db.SaveChangesAsync(cancellationToken);
        return EditResult.Success(null, new($"「{node.Title}」を削除しました。", $"\"{node.Title}\" was deleted."));

        static string Count(List<string> codes) =>
            $"{codes.Count.ToString(CultureInfo.InvariantCulture)}件（{string.Join("、", codes.Take(5))}{(codes.Count > 5 ? " ほか" : "")}）";

        static string List(List<string> codes) => string.Join(", ", codes.Take(5)) + (codes.Count > 5 ? " …" : "");
    }

    /// <summary>Level name of a depth, or "第n階層" when the plan names none.</summary>
    public static string LevelName(Plan plan, int depth)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Levels.FirstOrDefault(l => l.Depth == depth)?.Name ?? $"第{(depth + 1).ToString(CultureInfo.InvariantCulture)}階層";
    }

    /// <summary>Japanese name of a KPI level (<see cref="Terms.Level"/>).</summary>
    public static string KpiLevelName(KpiLevel level) => Terms.Level(level).Japanese;

    private async Task<Plan?> LoadAsync(string planCode, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Plans.Include(p => p.Levels).Include(p => p.Nodes);
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
    }

    private static bool TryPlace(Plan plan, string? parentCode, string? afterCode, out PlanNode? parent, out PlanNode? after)
    {
        parent = null;
        after = null;
        if (!string.IsNullOrEmpty(afterCode))
        {
            after = plan.Nodes.SingleOrDefault(n => n.Code == afterCode);
            if (after is null)
            {
                return false;
            }

            var parentId = after.ParentId;
            parent = plan.Nodes.SingleOrDefault(n => n.Id == parentId);
            return true;
        }

        if (!string.IsNullOrEmpty(parentCode))
        {
            parent = plan.Nodes.SingleOrDefault(n => n.Code == parentCode);
            return parent is not null;
        }

        return true;
    }

    private static List<PlanNode> Siblings(Plan plan, int? parentId) =>
        plan.Nodes.Where(n => n.ParentId == parentId && n.Id != 0).OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToList();

    private static void Renumber(List<PlanNode> siblings)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i].SortOrder != i)
            {
                siblings[i].SortOrder = i;
            }
        }
    }

    private static string NewNodeCode(Plan plan, PlanNode? parent)
    {
        var prefix = parent is null ? "G" : parent.Code + ".";
        var siblings = plan.Nodes.Count(n => n.ParentId == parent?.Id);
        return EditText.NewCode(prefix, siblings + 1, c => plan.Nodes.Any(n => n.Code == c));
    }

    private static void Read(EditErrors errors, Plan plan, PlanNode node, NodeForm form)
    {
        var code = EditText.Code(errors, nameof(form.Code), new("コード", "Code"), form.Code);
        if (code is not null && plan.Nodes.Any(n => n != node && n.Code == code))
        {
            errors.Add(nameof(form.Code), $"コード「{code}」は、この計画の別の項目で使われています。別のコードにしてください。", $"Code \"{code}\" is used by another item of this plan. Choose another code.");
        }

        var title = EditText.Text(errors, nameof(form.Title), new("名称", "Title"), form.Title, FieldLimits.Name);
        if (EditText.Clean(form.Title) is null)
        {
            errors.Add(nameof(form.Title), EditText.Required(new("名称", "Title")));
        }

        var label = EditText.Text(errors, nameof(form.Label), new("番号", "Number"), form.Label, FieldLimits.Text);
        var description = EditText.Text(errors, nameof(form.Description), new("説明", "Description"), form.Description);
        if (errors.Any)
        {
            return;
        }

        node.Code = code!;
        node.Title = title!;
        node.Label = label;
        node.Description = description;
    }
}
