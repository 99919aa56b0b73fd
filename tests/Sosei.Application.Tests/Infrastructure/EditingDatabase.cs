using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sosei.Application.Common;
using Sosei.Application.DemoData;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
namespace Sosei.Application.Tests.Infrastructure;

/// <summary>
/// A database holding the 網走市 demo plan (data/demo/abashiri-kpi-2015.json, from seed 001), and a snapshot of
/// everything an editing command could touch, to show that a refused command changed nothing.
/// </summary>
internal static class EditingDatabase
{
    public const string Abashiri = "abashiri-sosei-2015";
    public const string Nemuro = "nemuro-sosei-2015";

    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    public static async Task<TestDatabase> AbashiriAsync(DbKind kind, bool withNemuro = false)
    {
        var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        foreach (var file in withNemuro ? new[] { "abashiri-kpi-2015.json", "nemuro-sosei-2015.json" } : ["abashiri-kpi-2015.json"])
        {
            await using var stream = DemoDataLoader.Open(file);
            var result = await new PlanFileImporter(context, Clock).ImportJsonAsync(stream, new ImportOptions { User = "demo" });
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        }

        return db;
    }

    /// <summary>The plan as a plan file, plus grade overrides, departments and value audit fields.</summary>
    public static async Task<string> SnapshotAsync(TestDatabase db, string plan = Abashiri)
    {
        await using var context = db.NewContext();
        var document = await new PlanFileExporter(context).ExportAsync(plan);
        var overrides = await context.GradeOverrides.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.KpiId, o.FiscalYear, o.GradeCode, o.Reason, o.DecidedBy }).ToListAsync();
        var departments = await context.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Name).ToListAsync();
        var audit = (await context.KpiValues.AsNoTracking().Select(v => new { v.Id, v.UpdatedBy, v.UpdatedAt }).ToListAsync()).OrderBy(v => v.Id).ToList();
        return JsonSerializer.Serialize(new { document, overrides, departments, audit }, PlanDocumentJson.Options);
    }

    public static KpiEditor KpiEditor(SoseiDbContext c) => new(c);

    public static KpiValuesEditor Values(SoseiDbContext c) => new(c, Clock);

    public static GradeOverrideEditor Grades(SoseiDbContext c) => new(c, new PlanEvaluator(c, Clock), Clock);

    public static PlanSettingsEditor Settings(SoseiDbContext c) => new(c);

    public static PlanStructureEditor Structure(SoseiDbContext c) => new(c);

    public static ProjectEditor ProjectEditor(SoseiDbContext c) => new(c);

    public static RelistingEditor Relistings(SoseiDbContext c) => new(c);

    /// <summary>Asserts a failure with an error on the field whose message contains every fragment.</summary>
    public static void AssertError(EditResult result, string field, params string[] fragments)
    {
        Assert.False(result.Succeeded);
        Assert.True(result.Errors.ContainsKey(field), $"no error on {field}; errors: {string.Join(" | ", result.Errors.Select(e => e.Key + ": " + e.Value))}");
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, result.Errors[field].Japanese, StringComparison.Ordinal);
        }
    }
}
