using System.Text;
using System.Text.Json;
using Sosei.Application.PlanFiles;

namespace Sosei.Application.Tests.Infrastructure;

/// <summary>
/// Plan files in tests: a stored plan exported as a document, a document (usually an export with one thing changed)
/// imported as the JSON file a municipality would upload, and the demo database with one plan exported.
/// </summary>
internal static class PlanFileTesting
{
    /// <summary>The plan exported as a plan file document.</summary>
    public static async Task<PlanDocument> ExportAsync(TestDatabase db, string plan)
    {
        await using var context = db.NewContext();
        return (await new PlanFileExporter(context).ExportAsync(plan))!;
    }

    /// <summary>Imports the document as a JSON file (serialized as the export writes it).</summary>
    /// <param name="db">The database.</param>
    /// <param name="doc">The document.</param>
    /// <param name="options">Dry run, user …; a real import by default.</param>
    /// <param name="clock">The import's clock; <see cref="DemoDatabase.Clock"/> by default.</param>
    public static async Task<ImportResult> ImportAsync(TestDatabase db, PlanDocument doc, ImportOptions? options = null, TimeProvider? clock = null)
    {
        await using var context = db.NewContext();
        var json = JsonSerializer.Serialize(doc, PlanDocumentJson.Options);
        return await new PlanFileImporter(context, clock ?? DemoDatabase.Clock).ImportJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), options ?? new ImportOptions());
    }

    /// <summary>A database with both demo plans, and one of them exported.</summary>
    public static async Task<(TestDatabase Db, PlanDocument Doc)> DemoWithExportAsync(DbKind kind, string plan)
    {
        var db = await DemoDatabase.PlansAsync(kind);
        return (db, await ExportAsync(db, plan));
    }
}
