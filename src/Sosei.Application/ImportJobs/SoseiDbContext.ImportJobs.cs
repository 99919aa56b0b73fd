using Microsoft.EntityFrameworkCore;
using Sosei.Application.ImportJobs;

namespace Sosei.Application.Persistence;

/// <summary>The import part of the model: import jobs queued and run by the workers.</summary>
public sealed partial class SoseiDbContext
{
    /// <summary>Import jobs.</summary>
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    private static void ConfigureImportJobs(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImportJob>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.PlanCode).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasMaxLength(200);
            e.Property(x => x.User).HasMaxLength(100);
            e.Property(x => x.Worker).HasMaxLength(200);

            // Results and errors can be long (a refused file lists every problem).
            e.Property(x => x.Result).Metadata.SetMaxLength(null);
            e.Property(x => x.Error).Metadata.SetMaxLength(null);
            e.HasIndex(x => x.State);
        });
    }
}
