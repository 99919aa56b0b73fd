using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Councils;
using Sosei.Application.Kpis;
using Sosei.Application.Organizations;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Application.Security;

namespace Sosei.Application.Persistence;

/// <summary>
/// The one EF Core model of Sosei, used with SQLite (embedded default) and PostgreSQL. Each provider has its own
/// migration assembly (Sosei.Migrations.Sqlite, Sosei.Migrations.Postgres); see docs/adr/0003-persistence.md.
/// </summary>
public sealed partial class SoseiDbContext(DbContextOptions<SoseiDbContext> options) : DbContext(options)
{
    /// <summary>団体.</summary>
    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>課.</summary>
    public DbSet<Department> Departments => Set<Department>();

    /// <summary>連携地域.</summary>
    public DbSet<Region> Regions => Set<Region>();

    /// <summary>計画.</summary>
    public DbSet<Plan> Plans => Set<Plan>();

    /// <summary>Plan tree nodes.</summary>
    public DbSet<PlanNode> PlanNodes => Set<PlanNode>();

    /// <summary>策定 / 改訂.</summary>
    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();

    /// <summary>KPIs.</summary>
    public DbSet<Kpi> Kpis => Set<Kpi>();

    /// <summary>KPI sub-items.</summary>
    public DbSet<KpiSeries> KpiSeries => Set<KpiSeries>();

    /// <summary>KPI values.</summary>
    public DbSet<KpiValue> KpiValues => Set<KpiValue>();

    /// <summary>Interim targets.</summary>
    public DbSet<KpiInterimTarget> KpiInterimTargets => Set<KpiInterimTarget>();

    /// <summary>Grade overrides.</summary>
    public DbSet<GradeOverride> GradeOverrides => Set<GradeOverride>();

    /// <summary>再掲.</summary>
    public DbSet<Relisting> Relistings => Set<Relisting>();

    /// <summary>事業.</summary>
    public DbSet<Project> Projects => Set<Project>();

    /// <summary>Budget lines.</summary>
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    /// <summary>Grants.</summary>
    public DbSet<Grant> Grants => Set<Grant>();

    /// <summary>Councils.</summary>
    public DbSet<Council> Councils => Set<Council>();

    /// <summary>Population targets of plans.</summary>
    public DbSet<PopulationTarget> PopulationTargets => Set<PopulationTarget>();

    /// <summary>Users.</summary>
    public DbSet<AppUser> Users => Set<AppUser>();

    /// <summary>Signed-in browsers (one row per sign-in, deleted at sign-out).</summary>
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Exact decimals for measured values and money: 28 significant digits, 8 after the point.
        configurationBuilder.Properties<decimal>().HavePrecision(28, 8);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);

        // Instants are stored in UTC on every engine (PostgreSQL's timestamptz accepts only offset 0).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Organization>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasMany(x => x.Departments).WithOne(x => x.Organization).HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Department>(e =>
        {
            e.HasIndex(x => new { x.OrganizationId, x.Name }).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<Region>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RegionMember>(e =>
        {
            e.HasKey(x => new { x.RegionId, x.OrganizationId });
            e.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Plan>(e =>
        {
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(300);
            e.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Levels).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.GradeBands).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Nodes).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PlanLevel>(e => e.HasIndex(x => new { x.PlanId, x.Depth }).IsUnique());
        modelBuilder.Entity<PlanGradeBand>(e => e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique());
        modelBuilder.Entity<PlanNode>(e =>
        {
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Kpi>(e =>
        {
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.HomeNode).WithMany().HasForeignKey(x => x.HomeNodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Series).WithOne().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Values).WithOne().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.InterimTargets).WithOne().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Departments).WithOne().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<KpiSeries>(e =>
        {
            e.HasIndex(x => new { x.KpiId, x.Code }).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
        });
        modelBuilder.Entity<KpiValue>(e =>
        {
            e.Ignore(x => x.Period);
            e.HasOne(x => x.Series).WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
            // One value per KPI, series and period. A KPI without series stores SeriesId NULL, and a unique index treats
            // NULLs as distinct on both engines, so the index is split: one for series values, one for the KPI's own.
            e.HasIndex(x => new { x.KpiId, x.SeriesId, x.PeriodKind, x.PeriodYear, x.PeriodMonth, x.PeriodDay })
                .IsUnique()
                .HasFilter("\"SeriesId\" IS NOT NULL")
                .HasDatabaseName(KpiValueIndexes.PerSeries);
            e.HasIndex(x => new { x.KpiId, x.PeriodKind, x.PeriodYear, x.PeriodMonth, x.PeriodDay })
                .IsUnique()
                .HasFilter("\"SeriesId\" IS NULL")
                .HasDatabaseName(KpiValueIndexes.PerKpi);
        });
        modelBuilder.Entity<KpiInterimTarget>(e =>
        {
            e.HasOne<KpiSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Period).HasMaxLength(64);
        });
        modelBuilder.Entity<KpiDepartment>(e =>
        {
            e.HasKey(x => new { x.KpiId, x.DepartmentId });
            e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<GradeOverride>(e =>
        {
            e.HasOne(x => x.Kpi).WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.KpiId, x.FiscalYear }).IsUnique();
        });
        modelBuilder.Entity<Relisting>(e =>
        {
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Kpi).WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t => t.HasCheckConstraint("CK_Relistings_OneItem", "(\"KpiId\" IS NULL) <> (\"ProjectId\" IS NULL)"));

            // An item is relisted at most once under a node (a double submit of the relisting form adds it once).
            e.HasIndex(x => new { x.NodeId, x.KpiId }).IsUnique().HasFilter("\"KpiId\" IS NOT NULL").HasDatabaseName("IX_Relistings_PerNodeKpi");
            e.HasIndex(x => new { x.NodeId, x.ProjectId }).IsUnique().HasFilter("\"ProjectId\" IS NOT NULL").HasDatabaseName("IX_Relistings_PerNodeProject");
        });

        modelBuilder.Entity<Project>(e =>
        {
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.HomeNode).WithMany().HasForeignKey(x => x.HomeNodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Partners).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Kpis).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.BudgetLines).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Grants).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProjectPartner>(e =>
            e.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict));
        modelBuilder.Entity<ProjectKpi>(e =>
        {
            e.HasKey(x => new { x.ProjectId, x.KpiId });
            e.HasOne(x => x.Kpi).WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<BudgetLine>(e =>
        {
            e.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProjectId, x.FiscalYear, x.Kind, x.OrganizationId });
        });

        modelBuilder.Entity<Council>(e =>
        {
            e.HasIndex(x => new { x.OrganizationId, x.Code }).IsUnique();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Meetings).WithOne().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PopulationTarget>(e =>
        {
            e.Ignore(x => x.Suppression);
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);

            // One target per term, year and indicator (the form and the plan file refuse a second; a double submit of
            // the form that adds a row adds it once).
            e.HasIndex(x => new { x.PlanId, x.Term, x.Year, x.Indicator }).IsUnique();
        });

        modelBuilder.Entity<AppUser>(e =>
        {
            e.HasIndex(x => x.UserName).IsUnique();
            e.Property(x => x.UserName).HasMaxLength(100);
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
        });
        modelBuilder.Entity<SignInSession>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        ConfigurePopulation(modelBuilder);
        ConfigureImportJobs(modelBuilder);
        ConfigurePublishedJudgements(modelBuilder);

        // Every entity that forms edit carries its version as an optimistic concurrency token (Common/Versions.cs).
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList())
        {
            modelBuilder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Versions.Advance(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Versions.Advance(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v.ToUniversalTime());
}
