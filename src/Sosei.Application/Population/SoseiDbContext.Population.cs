using Microsoft.EntityFrameworkCore;
using Sosei.Application.Population;

namespace Sosei.Application.Persistence;

/// <summary>The population part of the model (人口ビジョン): datasets, figures, fertility rates.</summary>
public sealed partial class SoseiDbContext
{
    /// <summary>Imported population datasets (国勢調査, 社人研推計, 全国推計, 住民基本台帳, 合計特殊出生率).</summary>
    public DbSet<PopulationDataset> PopulationDatasets => Set<PopulationDataset>();

    /// <summary>Population figures of the datasets.</summary>
    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();

    /// <summary>Total fertility rates.</summary>
    public DbSet<FertilityRateFigure> FertilityRates => Set<FertilityRateFigure>();

    private static void ConfigurePopulation(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PopulationDataset>(e =>
        {
            e.HasIndex(x => new { x.Kind, x.Edition }).IsUnique();
            e.Property(x => x.Edition).HasMaxLength(200);
            e.Property(x => x.Title).HasMaxLength(500);
        });
        modelBuilder.Entity<PopulationFigure>(e =>
        {
            e.HasOne(x => x.Dataset).WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.DatasetId, x.AreaCode, x.Year });
            e.HasIndex(x => x.AreaCode);
            e.Property(x => x.AreaCode).HasMaxLength(16);
            e.Property(x => x.AreaName).HasMaxLength(200);
            e.Property(x => x.AgeGroup).HasMaxLength(16);

            // Ten decimals, as the population engine keeps counts (the national table has values such as 4148886.9999999995).
            e.Property(x => x.Count).HasPrecision(28, 10);
        });
        modelBuilder.Entity<FertilityRateFigure>(e =>
        {
            e.HasOne(x => x.Dataset).WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.DatasetId, x.AreaCode, x.FirstYear, x.LastYear }).IsUnique();
            e.Property(x => x.AreaCode).HasMaxLength(16);
            e.Property(x => x.AreaName).HasMaxLength(200);
            e.Property(x => x.Period).HasMaxLength(100);
        });
    }
}
