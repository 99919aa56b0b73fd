using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sosei.Application.Common;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Domain.Periods;
using static Sosei.Application.Tests.Infrastructure.EditingDatabase;

namespace Sosei.Application.Tests.Kpis;

/// <summary>
/// One value per KPI, series and period, on both engines. The old unique index included the series column, NULL for a
/// KPI without series, so a double submit stored a period twice and the KPI's values page failed from then on. The
/// UniqueKpiValues migration keeps the last saved row of such a period, and the start-up says what it removed.
/// </summary>
public class KpiValueUniquenessTests
{
    // 網走市 従業者数 (G1-N1): a KPI without series, 平成30年度 actual.
    private const string Employees = "G1-N1";

    private static async Task<(int KpiId, KpiValue Value)> EmployeesValueAsync(SoseiDbContext context)
    {
        var kpi = await context.Kpis.Include(k => k.Values).SingleAsync(k => k.Code == Employees && k.Plan!.Code == Abashiri);
        return (kpi.Id, kpi.Values.Where(v => v.SeriesId == null).OrderBy(v => v.PeriodYear).Last());
    }

    private static async Task CopyValueAsync(SoseiDbContext context, int id, string text) =>
        await context.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "KpiValues" ("KpiId", "SeriesId", "PeriodKind", "PeriodYear", "PeriodMonth", "PeriodDay", "Amount", "ReferenceScore",
                "Unit", "DisplayUnit", "Qualifiers", "NoValueReason", "OriginalText", "Comment", "UpdatedAt", "UpdatedBy")
            SELECT "KpiId", "SeriesId", "PeriodKind", "PeriodYear", "PeriodMonth", "PeriodDay", "Amount", "ReferenceScore",
                "Unit", "DisplayUnit", "Qualifiers", "NoValueReason", {1}, "Comment", "UpdatedAt", "UpdatedBy"
            FROM "KpiValues" WHERE "Id" = {0}
            """,
            id,
            text);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Database_RefusesASecondValueForTheSamePeriod_OfAKpiWithoutSeries(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        await using var context = db.NewContext();
        var (_, value) = await EmployeesValueAsync(context);

        context.KpiValues.Add(new KpiValue { KpiId = value.KpiId, Period = value.Period, OriginalText = "15,900人", Amount = 15900m, Unit = "人" });
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());

        Assert.True(UniqueSave.IsUniqueViolation(e), e.InnerException?.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migration_OnADatabaseHoldingDuplicates_KeepsTheLastSavedValue_AndSaysWhatItRemoved(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        int kpiId;
        Period period;
        await using (var context = db.NewContext())
        {
            // Back to the schema before the migration, where the duplicate could be stored, and store it twice more
            // (with SQL: the entities are of today's schema).
            var (id, value) = await EmployeesValueAsync(context);
            (kpiId, period) = (id, value.Period);
            var migrator = context.GetService<IMigrator>();
            var applied = (await context.Database.GetAppliedMigrationsAsync()).ToList();
            await migrator.MigrateAsync(applied[applied.FindIndex(m => m.EndsWith("_" + KpiValueIndexes.Migration, StringComparison.Ordinal)) - 1]);
            await CopyValueAsync(context, value.Id, "15,800人");
            await CopyValueAsync(context, value.Id, "15,900人");
        }

        IReadOnlyList<Message> repairs;
        await using (var context = db.NewContext())
        {
            repairs = await DatabaseSetup.MigrateAsync(context, db.Options);
        }

        var repair = Assert.Single(repairs);
        Assert.Contains($"KPI {Employees}", repair.Japanese, StringComparison.Ordinal);
        Assert.Contains(period.ToJapanese() + "の実績が 3 件重複", repair.Japanese, StringComparison.Ordinal);
        Assert.Contains("最後に保存された「15,900人」を残し、2 件", repair.Japanese, StringComparison.Ordinal);
        Assert.Contains("\"15,800人\"", repair.English, StringComparison.Ordinal);

        await using (var context = db.NewContext())
        {
            var kept = await context.KpiValues.Where(v => v.KpiId == kpiId && v.SeriesId == null).ToListAsync();
            Assert.Equal("15,900人", Assert.Single(kept, v => v.Period == period).OriginalText);
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());

            // The values page reads the KPI again (it failed on the duplicate before).
            Assert.NotNull(await Values(context).GetAsync(Abashiri, Employees));
        }

        // Nothing more to repair at the next start.
        await using (var context = db.NewContext())
        {
            Assert.Empty(await DatabaseSetup.MigrateAsync(context, db.Options));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task SameValuesFormSavedTwiceAtOnce_StoresOneValue_AndBothSavesSucceed(DbKind kind)
    {
        await using var db = await AbashiriAsync(kind);
        ValuesForm form;
        await using (var context = db.NewContext())
        {
            var grid = await Values(context).GetAsync(Abashiri, Employees);
            form = grid!.Form;
        }

        // The empty last row adds a period: 令和2年度, which the KPI has no value for.
        var added = form.Rows[^1];
        added.Period = "R2";
        added.Cells[0].Text = "16,000人";

        var saves = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var context = db.NewContext();
            return await Values(context).SaveAsync(Abashiri, Employees, form, "admin");
        }));

        Assert.All(saves, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors.Values.Select(m => m.Japanese))));
        await using (var context = db.NewContext())
        {
            var kpiId = (await EmployeesValueAsync(context)).KpiId;
            var stored = await context.KpiValues.Where(v => v.KpiId == kpiId && v.PeriodYear == 2020).ToListAsync();
            Assert.Equal("16,000人", Assert.Single(stored).OriginalText);
        }
    }
}
