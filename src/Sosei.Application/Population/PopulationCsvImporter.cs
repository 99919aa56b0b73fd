using Microsoft.EntityFrameworkCore;
using Sosei.Application.Persistence;

namespace Sosei.Application.Population;

/// <summary>
/// Imports population CSV files (docs/formats/population-csv.md): <see cref="PopulationCsvParser"/> validates the whole
/// file first; on any problem nothing is written. Importing the same kind and edition again replaces that dataset's
/// figures in one transaction.
/// </summary>
public sealed class PopulationCsvImporter(SoseiDbContext db, TimeProvider clock)
{
    /// <summary>Area code of the national rows (全国).</summary>
    public const string NationalAreaCode = "00000";

    /// <summary>Validates and imports a file (or only validates, with <see cref="PopulationImportRequest.DryRun"/>).</summary>
    public async Task<PopulationImportResult> ImportAsync(Stream csv, PopulationImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, cancellationToken);
        var parsed = PopulationCsvParser.Parse(buffer.ToArray(), request);
        var result = new PopulationImportResult
        {
            Problems = parsed.Problems,
            DryRun = request.DryRun,
            Kind = request.Kind.DatasetKind(),
            Edition = request.Edition.Trim(),
            Figures = parsed.Figures.Count + parsed.Rates.Count,
            Areas = parsed.Areas,
            Years = parsed.Years,
        };
        if (!result.Succeeded)
        {
            return result;
        }

        var kind = request.Kind.DatasetKind();
        var edition = request.Edition.Trim();
        var existing = await db.PopulationDatasets.SingleOrDefaultAsync(d => d.Kind == kind && d.Edition == edition, cancellationToken);
        if (request.DryRun)
        {
            return result with { Replaced = existing is not null };
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (existing is not null)
        {
            await db.PopulationFigures.Where(f => f.DatasetId == existing.Id).ExecuteDeleteAsync(cancellationToken);
            await db.FertilityRates.Where(f => f.DatasetId == existing.Id).ExecuteDeleteAsync(cancellationToken);
        }

        var dataset = existing ?? new PopulationDataset { Kind = kind, Edition = edition, Title = edition };
        dataset.Title = string.IsNullOrWhiteSpace(request.Title) ? edition : request.Title.Trim();
        dataset.Source = Blank(request.Source);
        dataset.Licence = Blank(request.Licence);
        dataset.FileName = request.FileName;
        dataset.ImportedAt = clock.GetUtcNow();
        dataset.ImportedBy = Blank(request.User);
        if (existing is null)
        {
            db.PopulationDatasets.Add(dataset);
        }

        foreach (var figure in parsed.Figures)
        {
            figure.Dataset = dataset;
        }

        foreach (var rate in parsed.Rates)
        {
            rate.Dataset = dataset;
        }

        db.PopulationFigures.AddRange(parsed.Figures);
        db.FertilityRates.AddRange(parsed.Rates);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result with { Replaced = existing is not null };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
