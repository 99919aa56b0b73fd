using Microsoft.EntityFrameworkCore;
using Sosei.Application.Evaluation;

namespace Sosei.Application.Persistence;

/// <summary>The published judgements (効果検証 as the municipality published it) of the model.</summary>
public sealed partial class SoseiDbContext
{
    /// <summary>Judgements municipalities published, per plan and fiscal year.</summary>
    public DbSet<PublishedJudgement> PublishedJudgements => Set<PublishedJudgement>();

    private static void ConfigurePublishedJudgements(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PublishedJudgement>(e =>
        {
            e.HasIndex(x => new { x.PlanId, x.FiscalYear }).IsUnique();
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Tallies).WithOne().HasForeignKey(x => x.PublishedJudgementId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Grades).WithOne().HasForeignKey(x => x.PublishedJudgementId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PublishedTally>(e =>
        {
            e.ToTable("PublishedTallies");
            e.HasIndex(x => new { x.PublishedJudgementId, x.NodeId, x.Level }).IsUnique();

            // A deleted 基本目標 takes its published figures with it (they describe that goal only).
            e.HasOne(x => x.Node).WithMany().HasForeignKey(x => x.NodeId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PublishedGrade>(e =>
        {
            e.ToTable("PublishedGrades");
            e.HasIndex(x => new { x.PublishedJudgementId, x.KpiId }).IsUnique();
            e.Property(x => x.GradeCode).HasMaxLength(64);
            e.HasOne(x => x.Kpi).WithMany().HasForeignKey(x => x.KpiId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
