using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Councils;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Organizations;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
using Sosei.Application.Projects;

namespace Sosei.Application.PlanFiles;

/// <summary>
/// Imports a plan file: validates everything first (every problem listed with its location), then creates and
/// updates by stable codes in one transaction. All or nothing: on any problem nothing is written. A dry run does the
/// same work and reports what would be created, changed and left alone, then discards it.
/// </summary>
public sealed class PlanFileImporter(SoseiDbContext db, TimeProvider clock)
{
    private static readonly Dictionary<Type, string> ItemNames = new()
    {
        [typeof(Organization)] = "団体 / organizations",
        [typeof(Department)] = "担当課 / departments",
        [typeof(Region)] = "地域 / regions",
        [typeof(RegionMember)] = "地域の構成団体 / region members",
        [typeof(Plan)] = "計画 / plans",
        [typeof(PlanLevel)] = "階層名 / level names",
        [typeof(PlanGradeBand)] = "評価区分 / grade bands",
        [typeof(PlanRevision)] = "策定・改訂 / revisions",
        [typeof(PlanNode)] = "体系 / nodes",
        [typeof(Kpi)] = "KPI",
        [typeof(KpiSeries)] = "KPIの項目 / KPI series",
        [typeof(KpiValue)] = "実績値 / values",
        [typeof(KpiInterimTarget)] = "中間目標 / interim targets",
        [typeof(KpiDepartment)] = "KPIの担当課 / KPI departments",
        [typeof(Relisting)] = "再掲 / relistings",
        [typeof(Project)] = "事業 / projects",
        [typeof(ProjectPartner)] = "事業主体・連携先 / partners",
        [typeof(ProjectKpi)] = "事業とKPIの関連 / project KPIs",
        [typeof(BudgetLine)] = "予算・決算 / budget lines",
        [typeof(Grant)] = "交付金 / grants",
        [typeof(Council)] = "会議 / councils",
        [typeof(CouncilMember)] = "会議の構成員 / council members",
        [typeof(Meeting)] = "開催状況 / meetings",
        [typeof(PopulationTarget)] = "人口目標 / population targets",
        [typeof(PublishedJudgement)] = "公表された評価 / published judgements",
        [typeof(PublishedTally)] = "公表された集計 / published tallies",
        [typeof(PublishedGrade)] = "公表されたKPIの評価 / published grades",
        [typeof(GradeOverride)] = "評価の上書き / grade overrides",
    };

    /// <summary>Reads a plan file from JSON and imports it; what keeps the JSON from being read is reported by <see cref="PlanFileJsonReader"/>: every problem, each at its path.</summary>
    public async Task<ImportResult> ImportJsonAsync(Stream json, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (document, problems) = await PlanFileJsonReader.ReadAsync(json, cancellationToken);
        if (document is null)
        {
            return new ImportResult { DryRun = options?.DryRun ?? false, Problems = problems };
        }

        return await ImportAsync(document, options, cancellationToken);
    }

    /// <summary>Validates and imports (or, with <see cref="ImportOptions.DryRun"/>, only reports) a plan document.</summary>
    public async Task<ImportResult> ImportAsync(PlanDocument document, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new ImportOptions();
        options.Progress?.Report((0.05, "検証中 / validating"));

        var stored = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Code, Departments = o.Departments.Select(d => d.Name).ToList() })
            .ToListAsync(cancellationToken);
        var storedDepartments = stored.ToDictionary(o => o.Code, o => (IReadOnlySet<string>)o.Departments.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var (resolved, problems) = PlanFileValidator.Validate(document, storedDepartments, options.LocationOf);
        if (resolved is null)
        {
            return new ImportResult { DryRun = options.DryRun, PlanCode = document.Plan?.Code, Problems = problems };
        }

        options.Progress?.Report((0.3, "照合中 / matching with stored data"));
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var writer = new PlanFileWriter(db, clock.GetUtcNow(), options.User);
        try
        {
            await writer.ApplyAsync(resolved, cancellationToken);
        }
        catch (ImportFailedException e)
        {
            db.ChangeTracker.Clear();
            return new ImportResult { DryRun = options.DryRun, PlanCode = resolved.Code, Problems = e.Problems };
        }

        db.ChangeTracker.DetectChanges();
        var refused = ApprovedValueGuard.RefusedChanges(db.ChangeTracker);
        if (refused.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ImportResult { DryRun = options.DryRun, PlanCode = resolved.Code, Problems = refused };
        }

        var (counts, changes) = Describe();
        var result = new ImportResult { DryRun = options.DryRun, PlanCode = resolved.Code, Counts = counts, Changes = changes, NotInFile = writer.NotInFile };
        if (options.DryRun)
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(cancellationToken);
            options.Progress?.Report((1, "完了（試行のため保存していません） / done (dry run: nothing saved)"));
            return result;
        }

        options.Progress?.Report((0.6, "保存中 / saving"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        options.Progress?.Report((1, "完了 / done"));
        return result;
    }

    private (List<ImportCount> Counts, List<ImportChange> Changes) Describe()
    {
        var counts = new List<ImportCount>();
        var changes = new List<ImportChange>();
        foreach (var group in db.ChangeTracker.Entries().GroupBy(e => e.Metadata.ClrType))
        {
            var name = ItemNames.GetValueOrDefault(group.Key, group.Key.Name);
            counts.Add(new ImportCount(
                name,
                group.Count(e => e.State == EntityState.Added),
                group.Count(e => e.State == EntityState.Modified),
                group.Count(e => e.State == EntityState.Unchanged),
                group.Count(e => e.State == EntityState.Deleted)));
            foreach (var entry in group.Where(e => e.State == EntityState.Modified))
            {
                var key = KeyOf(entry.Entity);
                foreach (var p in entry.Properties.Where(p => p.IsModified && p.Metadata.Name is not (nameof(KpiValue.UpdatedAt) or nameof(KpiValue.UpdatedBy)) && !p.Metadata.IsForeignKey()))
                {
                    if (Equals(p.OriginalValue, p.CurrentValue))
                    {
                        continue;
                    }

                    changes.Add(new ImportChange(name, key, p.Metadata.Name, Show(p.OriginalValue), Show(p.CurrentValue)));
                }
            }
        }

        counts.Sort((a, b) => Order(a.Item).CompareTo(Order(b.Item)));
        changes.Sort((a, b) => (a.Item == ItemNames[typeof(KpiValue)] ? 0 : 1).CompareTo(b.Item == ItemNames[typeof(KpiValue)] ? 0 : 1));
        return (counts, changes);

        static int Order(string item)
        {
            var i = ItemNames.Values.ToList().IndexOf(item);
            return i < 0 ? int.MaxValue : i;
        }
    }

    private string KeyOf(object entity) => entity switch
    {
        Plan p => p.Code,
        PlanNode n => n.Code,
        Kpi k => k.Code,
        Project p => p.Code,
        Organization o => o.Code,
        KpiSeries s => $"{KpiCode(s.KpiId)}/{s.Code}",
        KpiValue v => $"{KpiCode(v.KpiId)}{(v.Series is null ? "" : "/" + v.Series.Code)} {v.Period.ToShort()}",
        Council c => c.Code,
        GradeOverride g => $"{KpiCode(g.KpiId)} {g.FiscalYear.ToString(CultureInfo.InvariantCulture)}",
        _ => entity.GetType().Name,
    };

    private string KpiCode(int id) =>
        db.ChangeTracker.Entries<Kpi>().FirstOrDefault(e => e.Entity.Id == id)?.Entity.Code ?? id.ToString(CultureInfo.InvariantCulture);

    private static string? Show(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
