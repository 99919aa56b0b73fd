using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;

namespace Sosei.Application.Kpis;

/// <summary>
/// Relistings (再掲) stored twice for the same node and item. Before the <see cref="Migration"/> migration nothing
/// stopped a double submit of the relisting form from storing it twice; the migration keeps the first row (the lowest
/// id) and deletes the others, and <see cref="FindAsync"/> lists them first so the start-up log says what was removed.
/// </summary>
public static class RelistingDuplicates
{
    /// <summary>The migration that made relistings unique per node and item.</summary>
    public const string Migration = "UniqueRelistings";

    /// <summary>
    /// What the migration will remove: one message per doubled relisting (plan, node, item, how many). Empty when the
    /// migration has run or the database is new.
    /// </summary>
    /// <param name="db">A context on the database, before its migrations are applied.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<IReadOnlyList<Message>> FindAsync(SoseiDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await DatabaseSetup.IsPendingOnExistingDatabaseAsync(db, Migration, cancellationToken))
        {
            return [];
        }

        // Only columns every schema since the first migration has, so this runs on any older database.
        var doubled = await db.Relistings
            .GroupBy(r => new { Plan = r.Plan!.Code, Node = r.Node!.Code, Kpi = r.Kpi!.Code, Project = r.Project!.Code })
            .Where(g => g.Count() > 1)
            .Select(g => new { g.Key.Plan, g.Key.Node, g.Key.Kpi, g.Key.Project, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return doubled
            .OrderBy(d => d.Plan, StringComparer.Ordinal).ThenBy(d => d.Node, StringComparer.Ordinal)
            .Select(d =>
            {
                var count = d.Count.ToString(CultureInfo.InvariantCulture);
                var removed = (d.Count - 1).ToString(CultureInfo.InvariantCulture);
                var (ja, en) = d.Kpi is not null ? ($"KPI {d.Kpi}", $"KPI {d.Kpi}") : ($"事業 {d.Project}", $"project {d.Project}");
                return new Message(
                    $"計画 {d.Plan} の {d.Node} に{ja}の再掲が {count} 件重複していました。最初のものを残し、{removed} 件を削除します。",
                    $"Plan {d.Plan}: {en} was relisted {count} times under {d.Node}; the first is kept and {removed} removed.");
            })
            .ToList();
    }
}
