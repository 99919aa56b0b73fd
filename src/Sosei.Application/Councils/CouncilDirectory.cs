using Microsoft.EntityFrameworkCore;
using Sosei.Application.Evaluation;
using Sosei.Application.Persistence;

namespace Sosei.Application.Councils;

/// <summary>A council as shown: its members in the document's order and its meetings oldest first.</summary>
/// <param name="Code">Stable code, unique within the organization.</param>
/// <param name="Name">Name (根室市創生有識者会議).</param>
/// <param name="Kind">External (有識者会議) or internal (推進本部).</param>
/// <param name="Description">Composition, role, establishment as the document says; null when none.</param>
/// <param name="Members">Members by organization and title (no personal names).</param>
/// <param name="Meetings">Meetings, oldest first.</param>
public sealed record CouncilView(
    string Code,
    string Name,
    CouncilKind Kind,
    string? Description,
    IReadOnlyList<CouncilMemberView> Members,
    IReadOnlyList<MeetingView> Meetings);

/// <summary>A member: 団体名 and 役職.</summary>
/// <param name="OrganizationName">団体名.</param>
/// <param name="Title">役職; null when the document gives none.</param>
public sealed record CouncilMemberView(string OrganizationName, string? Title);

/// <summary>A meeting: date and 主な議論内容.</summary>
/// <param name="Date">Date.</param>
/// <param name="Topics">主な議論内容; null when the document gives none.</param>
public sealed record MeetingView(DateOnly Date, string? Topics);

/// <summary>The councils that review a plan.</summary>
/// <param name="Plan">The plan as read (with its organization; no levels, bands or nodes).</param>
/// <param name="Councils">Councils in the order they were recorded (the document's order).</param>
public sealed record PlanCouncils(PlanView Plan, IReadOnlyList<CouncilView> Councils);

/// <summary>Reads the councils (有識者会議, 推進本部) of a plan, with members and meetings, for the pages and the API.</summary>
public sealed class CouncilDirectory(SoseiDbContext db)
{
    /// <summary>The councils of a plan; null when there is no plan with that code.</summary>
    public async Task<PlanCouncils?> GetAsync(string planCode, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Organization)
            .SingleOrDefaultAsync(p => p.Code == planCode, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var councils = await db.Councils.AsNoTracking().Where(c => c.PlanId == plan.Id)
            .Include(c => c.Members).Include(c => c.Meetings)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return new PlanCouncils(PlanView.Of(plan), councils.Select(c => new CouncilView(
            c.Code,
            c.Name,
            c.Kind,
            c.Description,
            c.Members.OrderBy(m => m.SortOrder).ThenBy(m => m.Id).Select(m => new CouncilMemberView(m.OrganizationName, m.Title)).ToList(),
            c.Meetings.OrderBy(m => m.Date).ThenBy(m => m.Id).Select(m => new MeetingView(m.Date, m.Topics)).ToList())).ToList());
    }
}
