using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;

namespace Sosei.Application.Kpis;

/// <summary>The names of the two unique indexes that keep one value per KPI, series and period.</summary>
public static class KpiValueIndexes
{
    /// <summary>One value per series and period (rows with a series).</summary>
    public const string PerSeries = "IX_KpiValues_PerSeriesPeriod";

    /// <summary>One value per KPI and period (rows of a KPI without series: SeriesId NULL).</summary>
    public const string PerKpi = "IX_KpiValues_PerKpiPeriod";

    /// <summary>The migration that made the uniqueness real and removed the duplicates an older database held.</summary>
    public const string Migration = "UniqueKpiValues";
}

/// <summary>
/// Values stored twice for the same KPI and period. Before the <see cref="KpiValueIndexes.Migration"/> migration, the
/// unique index on values included the series column, which is NULL for a KPI without series, so a double submit of
/// the values grid could store a period twice (and the KPI's values page then failed). The migration keeps the last
/// saved row of each such period (the highest id) and deletes the others; <see cref="FindAsync"/> lists them first so
/// the start-up log says what was removed.
/// </summary>
public static class KpiValueDuplicates
{
    /// <summary>
    /// What the migration will merge: one message per duplicated period (plan, KPI, period, the value kept and the values
    /// removed). Empty when the migration has run or the database has no values yet.
    /// </summary>
    /// <param name="db">A context on the database, before its migrations are applied.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public static async Task<IReadOnlyList<Message>> FindAsync(SoseiDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await DatabaseSetup.IsPendingOnExistingDatabaseAsync(db, KpiValueIndexes.Migration, cancellationToken))
        {
            return [];
        }

        // Only columns every schema since the first migration has, so this runs on any older database.
        var keys = await db.KpiValues
            .Where(v => v.SeriesId == null)
            .GroupBy(v => new { v.KpiId, v.PeriodKind, v.PeriodYear, v.PeriodMonth, v.PeriodDay })
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        if (keys.Count == 0)
        {
            return [];
        }

        var duplicated = keys.Select(k => (k.KpiId, k.PeriodKind, k.PeriodYear, k.PeriodMonth, k.PeriodDay)).ToHashSet();
        var kpiIds = keys.Select(k => k.KpiId).Distinct().ToList();
        var rows = (await db.KpiValues
            .Where(v => v.SeriesId == null && kpiIds.Contains(v.KpiId))
            .Join(db.Kpis, v => v.KpiId, k => k.Id, (v, k) => new
            {
                v.Id, v.KpiId, v.PeriodKind, v.PeriodYear, v.PeriodMonth, v.PeriodDay, v.OriginalText, Kpi = k.Code, Plan = k.Plan!.Code,
            })
            .ToListAsync(cancellationToken))
            .Where(r => duplicated.Contains((r.KpiId, r.PeriodKind, r.PeriodYear, r.PeriodMonth, r.PeriodDay)));

        return rows
            .GroupBy(r => (r.KpiId, r.PeriodKind, r.PeriodYear, r.PeriodMonth, r.PeriodDay))
            .OrderBy(g => g.First().Plan, StringComparer.Ordinal).ThenBy(g => g.First().Kpi, StringComparer.Ordinal).ThenBy(g => g.Key.PeriodYear)
            .Select(g =>
            {
                var ordered = g.OrderByDescending(r => r.Id).ToList();
                var first = ordered[0];
                var period = PeriodCodec.FromParts(first.PeriodKind, first.PeriodYear, first.PeriodMonth, first.PeriodDay).ToJapanese();
                var removed = string.Join("、", ordered.Skip(1).Select(r => "「" + r.OriginalText + "」"));
                var removedEn = string.Join(", ", ordered.Skip(1).Select(r => "\"" + r.OriginalText + "\""));
                var count = (ordered.Count - 1).ToString(CultureInfo.InvariantCulture);
                return new Message(
                    $"計画 {first.Plan} の KPI {first.Kpi}：{period}の実績が {ordered.Count} 件重複していたため、最後に保存された「{first.OriginalText}」を残し、{count} 件（{removed}）を削除しました。",
                    $"Plan {first.Plan}, KPI {first.Kpi}: {period} was stored {ordered.Count} times; kept the last saved \"{first.OriginalText}\" and removed {count} ({removedEn}).");
            })
            .ToList();
    }
}
