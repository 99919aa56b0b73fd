using Microsoft.EntityFrameworkCore;
using Sosei.Application.Organizations;
using Sosei.Application.Persistence;

namespace Sosei.Application.Plans;

/// <summary>One plan in a list.</summary>
/// <param name="Code">Plan code.</param>
/// <param name="Name">Title.</param>
/// <param name="Subtitle">Subtitle.</param>
/// <param name="Type">Kind of document.</param>
/// <param name="StartFiscalYear">First fiscal year.</param>
/// <param name="EndFiscalYear">Last fiscal year.</param>
/// <param name="GoalCount">Top-level nodes.</param>
/// <param name="KpiCount">KPIs.</param>
/// <param name="ProjectCount">Projects.</param>
public sealed record PlanSummary(string Code, string Name, string? Subtitle, PlanType Type, int StartFiscalYear, int EndFiscalYear, int GoalCount, int KpiCount, int ProjectCount);

/// <summary>An organization with its plans.</summary>
/// <param name="Code">Organization code.</param>
/// <param name="Name">Name.</param>
/// <param name="Prefecture">Prefecture.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Plans">Plans it owns.</param>
public sealed record OrganizationPlans(string Code, string Name, string? Prefecture, OrganizationKind Kind, IReadOnlyList<PlanSummary> Plans);

/// <summary>Lists organizations and their plans (the home page).</summary>
public sealed class PlanCatalog(SoseiDbContext db)
{
    /// <summary>Organizations that own at least one plan, with their plans, by organization code.</summary>
    public async Task<IReadOnlyList<OrganizationPlans>> ListAsync(CancellationToken cancellationToken = default)
    {
        var plans = await db.Plans.AsNoTracking()
            .Select(p => new
            {
                p.OrganizationId,
                Summary = new PlanSummary(
                    p.Code, p.Name, p.Subtitle, p.Type, p.StartFiscalYear, p.EndFiscalYear,
                    p.Nodes.Count(n => n.ParentId == null),
                    db.Kpis.Count(k => k.PlanId == p.Id),
                    db.Projects.Count(x => x.PlanId == p.Id)),
            })
            .ToListAsync(cancellationToken);
        var orgIds = plans.Select(p => p.OrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToListAsync(cancellationToken);
        return orgs
            .OrderBy(o => o.Code, StringComparer.Ordinal)
            .Select(o => new OrganizationPlans(
                o.Code, o.Name, o.Prefecture, o.Kind,
                plans.Where(p => p.OrganizationId == o.Id).Select(p => p.Summary)
                    .OrderBy(p => p.StartFiscalYear).ThenBy(p => p.Code, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
