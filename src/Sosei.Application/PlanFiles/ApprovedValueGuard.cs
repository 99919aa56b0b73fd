using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sosei.Application.Common;
using Sosei.Application.Kpis;

namespace Sosei.Application.PlanFiles;

/// <summary>
/// The one place where an import refuses to change actual values that must no longer change. A value approved by the
/// secretariat (approval is a later feature) may not be overwritten by a re-import: the import lists each such value
/// as a problem and writes nothing. Until approval exists no value is approved, so every change passes.
/// </summary>
internal static class ApprovedValueGuard
{
    /// <summary>Whether a stored value is approved and so locked against imports. Approval will set this.</summary>
    public static bool IsApproved(KpiValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return false;
    }

    /// <summary>A problem for every tracked change (update or delete) of an approved value.</summary>
    public static IReadOnlyList<ImportProblem> RefusedChanges(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var refused = new List<ImportProblem>();
        foreach (var entry in tracker.Entries<KpiValue>().Where(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            var original = (KpiValue)entry.OriginalValues.ToObject();
            if (IsApproved(original))
            {
                var kpi = tracker.Entries<Kpi>().FirstOrDefault(k => k.Entity.Id == original.KpiId)?.Entity.Code;
                refused.Add(new ImportProblem(
                    new NamedPlace(new Message($"KPI {kpi} {original.Period.ToJapanese()}", $"KPI {kpi} {original.Period.ToJapanese()}")),
                    entry.Entity.OriginalText,
                    new Message($"承認済みの実績値「{original.OriginalText}」は取り込みで変更できません。", $"the approved value \"{original.OriginalText}\" cannot be changed by an import.")));
            }
        }

        return refused;
    }
}
