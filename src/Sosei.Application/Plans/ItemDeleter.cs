using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;
using Sosei.Application.Projects;

namespace Sosei.Application.Plans;

/// <summary>What deleting a KPI or a project takes with it, for the confirmation page: the part both show.</summary>
public abstract record PlanItemDeletion
{
    /// <summary>Plan code.</summary>
    public required string PlanCode { get; init; }

    /// <summary>Plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>The home node: level name, label and title.</summary>
    public required string HomeNode { get; init; }

    /// <summary>Code of the home node (the structure page's anchor).</summary>
    public required string HomeNodeCode { get; init; }

    /// <summary>Nodes where the item is shown again (再掲), as level name, label and title.</summary>
    public IReadOnlyList<string> Relistings { get; init; } = [];
}

/// <summary>What deleting a KPI takes with it, for the confirmation page.</summary>
public sealed record KpiDeletion : PlanItemDeletion
{
    /// <summary>KPI code.</summary>
    public required string KpiCode { get; init; }

    /// <summary>指標名.</summary>
    public required string KpiName { get; init; }

    /// <summary>Actual values (of the KPI and of its series).</summary>
    public int Values { get; init; }

    /// <summary>Sub-items (項目).</summary>
    public int Series { get; init; }

    /// <summary>年度別目標.</summary>
    public int InterimTargets { get; init; }

    /// <summary>Grades decided by hand (one per fiscal year).</summary>
    public int GradeOverrides { get; init; }

    /// <summary>Projects that name the KPI (the projects stay; only the link goes).</summary>
    public IReadOnlyList<string> Projects { get; init; } = [];
}

/// <summary>What deleting a project takes with it, for the confirmation page.</summary>
public sealed record ProjectDeletion : PlanItemDeletion
{
    /// <summary>Project code.</summary>
    public required string ProjectCode { get; init; }

    /// <summary>事業名.</summary>
    public required string ProjectName { get; init; }

    /// <summary>Budget lines (予算額, 決算額, 見込額).</summary>
    public int BudgetLines { get; init; }

    /// <summary>Grants (交付金).</summary>
    public int Grants { get; init; }

    /// <summary>Running bodies and partners, by name (the organizations stay).</summary>
    public IReadOnlyList<string> Partners { get; init; } = [];

    /// <summary>KPIs the project serves (the KPIs stay; only the link goes).</summary>
    public IReadOnlyList<string> Kpis { get; init; } = [];
}

/// <summary>
/// Deletes a KPI or a project with everything that belongs to it, in one <c>SaveChanges</c>. A KPI takes its values,
/// series, interim targets, department assignments, grade overrides, relistings and the links from projects; a project
/// takes its budget lines, grants, partner entries, KPI links and relistings. Other KPIs, projects, organizations and
/// departments are untouched. The confirmation page shows what will go first (<see cref="KpiAsync"/>).
/// </summary>
public sealed class ItemDeleter(SoseiDbContext db)
{
    /// <summary>What deleting the KPI takes with it; null when the plan or the KPI (in that plan) is not found.</summary>
    public async Task<KpiDeletion?> KpiAsync(string planCode, string kpiCode, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(planCode, plan => LoadKpiAsync(plan, kpiCode, tracking: false, cancellationToken), cancellationToken) is not var (plan, kpi))
        {
            return null;
        }

        var relistings = await db.Relistings.AsNoTracking().Where(r => r.KpiId == kpi.Id).OrderBy(r => r.Id).Select(r => r.NodeId).ToListAsync(cancellationToken);
        var projects = await db.Set<ProjectKpi>().AsNoTracking().Where(x => x.KpiId == kpi.Id)
            .Join(db.Projects, x => x.ProjectId, p => p.Id, (x, p) => new { p.Code, p.Name, p.SortOrder })
            .ToListAsync(cancellationToken);
        return new KpiDeletion
        {
            PlanCode = plan.Code,
            PlanName = plan.Name,
            KpiCode = kpi.Code,
            KpiName = kpi.Name,
            HomeNode = NodeText(plan, kpi.HomeNodeId),
            HomeNodeCode = plan.Nodes.Single(n => n.Id == kpi.HomeNodeId).Code,
            Values = kpi.Values.Count,
            Series = kpi.Series.Count,
            InterimTargets = kpi.InterimTargets.Count,
            GradeOverrides = await db.GradeOverrides.CountAsync(g => g.KpiId == kpi.Id, cancellationToken),
            Relistings = relistings.Select(id => NodeText(plan, id)).ToList(),
            Projects = projects.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => $"{p.Name}（{p.Code}）").ToList(),
        };
    }

    /// <summary>Deletes the KPI and everything that belongs to it; the result's code is the KPI's home node.</summary>
    public async Task<EditResult> DeleteKpiAsync(string planCode, string kpiCode, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(planCode, plan => LoadKpiAsync(plan, kpiCode, tracking: true, cancellationToken), cancellationToken) is not var (plan, kpi))
        {
            return EditResult.NotFound();
        }

        var approved = kpi.Values.Count(ApprovedValueGuard.IsApproved);
        if (approved > 0)
        {
            return EditResult.Failed("", new(
                $"KPI「{kpi.Name}」には承認済みの実績値が{Count(approved)}あるため削除できません。",
                $"KPI \"{kpi.Name}\" cannot be deleted: it has {approved.ToString(CultureInfo.InvariantCulture)} approved value(s)."));
        }

        var overrides = await db.GradeOverrides.Where(g => g.KpiId == kpi.Id).ToListAsync(cancellationToken);
        var relistings = await db.Relistings.Where(r => r.KpiId == kpi.Id).ToListAsync(cancellationToken);
        var links = await db.Set<ProjectKpi>().Where(x => x.KpiId == kpi.Id).ToListAsync(cancellationToken);
        var counts = new List<string>();
        Note(counts, "実績値", kpi.Values.Count);
        Note(counts, "項目", kpi.Series.Count);
        Note(counts, "年度別目標", kpi.InterimTargets.Count);
        Note(counts, "評価の変更", overrides.Count);
        Note(counts, "再掲", relistings.Count);
        Note(counts, "事業との関連付け", links.Count);

        // Everything is removed explicitly (not left to the database's cascades): relistings and project links are
        // restricted, and one SaveChanges keeps it all or nothing.
        db.KpiValues.RemoveRange(kpi.Values);
        db.KpiInterimTargets.RemoveRange(kpi.InterimTargets);
        db.KpiSeries.RemoveRange(kpi.Series);
        db.RemoveRange(kpi.Departments);
        db.GradeOverrides.RemoveRange(overrides);
        db.Relistings.RemoveRange(relistings);
        db.RemoveRange(links);
        db.Kpis.Remove(kpi);
        await db.SaveChangesAsync(cancellationToken);
        return Deleted(plan, kpi, new($"KPI「{kpi.Name}」", $"KPI \"{kpi.Name}\""), counts);
    }

    /// <summary>What deleting the project takes with it; null when the plan or the project (in that plan) is not found.</summary>
    public async Task<ProjectDeletion?> ProjectAsync(string planCode, string projectCode, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(planCode, plan => LoadProjectAsync(plan, projectCode, tracking: false, cancellationToken), cancellationToken) is not var (plan, project))
        {
            return null;
        }

        var relistings = await db.Relistings.AsNoTracking().Where(r => r.ProjectId == project.Id).OrderBy(r => r.Id).Select(r => r.NodeId).ToListAsync(cancellationToken);
        return new ProjectDeletion
        {
            PlanCode = plan.Code,
            PlanName = plan.Name,
            ProjectCode = project.Code,
            ProjectName = project.Name,
            HomeNode = NodeText(plan, project.HomeNodeId),
            HomeNodeCode = plan.Nodes.Single(n => n.Id == project.HomeNodeId).Code,
            BudgetLines = project.BudgetLines.Count,
            Grants = project.Grants.Count,
            Partners = project.Partners.OrderBy(x => x.SortOrder).Select(x => x.Organization?.Name ?? x.Name ?? "").ToList(),
            Kpis = project.Kpis.OrderBy(x => x.SortOrder).Select(x => $"{x.Kpi!.Name}（{x.Kpi.Code}）").ToList(),
            Relistings = relistings.Select(id => NodeText(plan, id)).ToList(),
        };
    }

    /// <summary>Deletes the project and everything that belongs to it; the result's code is the project's home node.</summary>
    public async Task<EditResult> DeleteProjectAsync(string planCode, string projectCode, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(planCode, plan => LoadProjectAsync(plan, projectCode, tracking: true, cancellationToken), cancellationToken) is not var (plan, project))
        {
            return EditResult.NotFound();
        }

        var relistings = await db.Relistings.Where(r => r.ProjectId == project.Id).ToListAsync(cancellationToken);
        var counts = new List<string>();
        Note(counts, "予算・決算", project.BudgetLines.Count);
        Note(counts, "交付金", project.Grants.Count);
        Note(counts, "事業主体・連携先", project.Partners.Count);
        Note(counts, "KPIとの関連付け", project.Kpis.Count);
        Note(counts, "再掲", relistings.Count);

        db.BudgetLines.RemoveRange(project.BudgetLines);
        db.Grants.RemoveRange(project.Grants);
        db.RemoveRange(project.Partners);
        db.RemoveRange(project.Kpis);
        db.Relistings.RemoveRange(relistings);
        db.Projects.Remove(project);
        await db.SaveChangesAsync(cancellationToken);
        return Deleted(plan, project, new($"事業「{project.Name}」", $"Project \"{project.Name}\""), counts);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture) + "件";

    private static void Note(List<string> counts, string what, int n)
    {
        if (n > 0)
        {
            counts.Add(what + Count(n));
        }
    }

    /// <summary>The result of a deletion: the item's home node, and what went with the item (<paramref name="what"/>).</summary>
    private static EditResult Deleted(Plan plan, PlanItem item, Message what, List<string> counts) =>
        EditResult.Success(
            plan.Nodes.Single(n => n.Id == item.HomeNodeId).Code,
            new($"{what.Japanese}を削除しました{(counts.Count == 0 ? "" : "（" + string.Join("、", counts) + "も削除）")}。",
                $"{what.English} was deleted{(counts.Count == 0 ? "" : ", with what belonged to it")}."));

    private static string NodeText(Plan plan, int nodeId)
    {
        var n = plan.Nodes.Single(x => x.Id == nodeId);
        return $"{PlanStructureEditor.LevelName(plan, n.Depth)} {(string.IsNullOrEmpty(n.Label) ? "" : n.Label + " ")}{n.Title}";
    }

    /// <summary>The plan (untracked, with its levels and nodes) and the item <paramref name="loadItem"/> finds in it; null when either is not found.</summary>
    private async Task<(Plan Plan, TItem Item)?> LoadAsync<TItem>(string planCode, Func<Plan, Task<TItem?>> loadItem, CancellationToken cancellationToken)
        where TItem : PlanItem
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Levels).Include(p => p.Nodes)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        var item = plan is null ? null : await loadItem(plan);
        return plan is null || item is null ? null : (plan, item);
    }

    private async Task<Kpi?> LoadKpiAsync(Plan plan, string kpiCode, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Kpis.Include(k => k.Series).Include(k => k.Values).Include(k => k.InterimTargets).Include(k => k.Departments).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(k => k.PlanId == plan.Id && k.Code == kpiCode, cancellationToken);
    }

    private async Task<Project?> LoadProjectAsync(Plan plan, string projectCode, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Projects.Include(p => p.BudgetLines).Include(p => p.Grants)
            .Include(p => p.Partners).ThenInclude(x => x.Organization)
            .Include(p => p.Kpis).ThenInclude(x => x.Kpi)
            .AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.PlanId == plan.Id && p.Code == projectCode, cancellationToken);
    }
}
