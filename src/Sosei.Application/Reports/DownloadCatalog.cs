using Microsoft.EntityFrameworkCore;
using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;

namespace Sosei.Application.Reports;

/// <summary>What the downloads page needs to know about a plan.</summary>
/// <param name="Code">Plan code.</param>
/// <param name="Name">Plan name.</param>
/// <param name="OrganizationName">Owner.</param>
/// <param name="StartFiscalYear">First fiscal year of the plan.</param>
/// <param name="EndFiscalYear">Last fiscal year of the plan.</param>
/// <param name="YearsWithData">Fiscal years with actual values.</param>
/// <param name="DefaultYear">The year reports use when none is chosen.</param>
public sealed record PlanDownloads(string Code, string Name, string OrganizationName, int StartFiscalYear, int EndFiscalYear, IReadOnlyList<int> YearsWithData, int DefaultYear)
{
    /// <summary>Years offered in the year choice: the plan period and any year with data, ascending.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(StartFiscalYear, Math.Max(0, EndFiscalYear - StartFiscalYear + 1)).Union(YearsWithData).Order().ToList();
}

/// <summary>Looks up a plan for the downloads page.</summary>
public sealed class DownloadCatalog(SoseiDbContext db, PlanEvaluator evaluator)
{
    /// <summary>The plan's download facts; null when there is no such plan.</summary>
    public async Task<PlanDownloads?> FindAsync(string planCode, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization).SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var years = (await db.KpiValues.AsNoTracking()
                .Where(v => v.Amount != null && db.Kpis.Any(k => k.Id == v.KpiId && k.PlanId == plan.Id))
                .Select(v => new { v.PeriodKind, v.PeriodYear, v.PeriodMonth, v.PeriodDay })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(v => PeriodCodec.FromParts(v.PeriodKind, v.PeriodYear, v.PeriodMonth, v.PeriodDay).FiscalYear.Year)
            .Distinct().Order().ToList();
        return new PlanDownloads(plan.Code, plan.Name, plan.Organization?.Name ?? "", plan.StartFiscalYear, plan.EndFiscalYear, years, evaluator.DefaultYear(plan, years));
    }
}
