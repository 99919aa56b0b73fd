using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;

namespace Sosei.Application.DemoData;

/// <summary>
/// The demo data shipped in the application (data/demo/*.json, embedded at build time): 根室市創生総合戦略 and the
/// 網走市 KPI 進捗管理表, transcribed from the public documents named in each file's source. Loaded into an empty
/// database at the web app's first start and by <c>sosei demo</c>.
/// </summary>
public sealed class DemoDataLoader(PlanFileImporter importer, SoseiDbContext db)
{
    private const string Prefix = "Sosei.DemoData.";

    /// <summary>Names of the embedded demo files, in load order.</summary>
    public static IReadOnlyList<string> Files { get; } = typeof(DemoDataLoader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(n => n[Prefix.Length..])
        .ToList();

    /// <summary>Opens one embedded demo file.</summary>
    public static Stream Open(string file) =>
        typeof(DemoDataLoader).Assembly.GetManifestResourceStream(Prefix + file)
        ?? throw new FileNotFoundException($"Demo file {file} is not embedded.", file);

    /// <summary>Imports every demo file (re-importing updates by code). Throws when a file does not import: a bug.</summary>
    public async Task<IReadOnlyList<ImportResult>> LoadAsync(ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var results = new List<ImportResult>();
        foreach (var file in Files)
        {
            await using var stream = Open(file);
            var result = await importer.ImportJsonAsync(stream, options ?? new ImportOptions { User = "demo" }, cancellationToken);
            if (!result.Succeeded)
            {
                throw new ImportFailedException(result.Problems.Select(p => p with { Place = new InFile(file, p.Place) }).ToList());
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>Loads the demo data when the database holds no plan; returns whether it did.</summary>
    public async Task<bool> LoadIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Plans.AnyAsync(cancellationToken))
        {
            return false;
        }

        await LoadAsync(null, cancellationToken);
        return true;
    }
}
