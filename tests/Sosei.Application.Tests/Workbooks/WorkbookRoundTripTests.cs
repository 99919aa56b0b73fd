using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Application.Workbooks;

namespace Sosei.Application.Tests.Workbooks;

/// <summary>
/// The workbook is another representation of the plan file: exporting a demo plan as xlsx (or CSV) and importing it
/// into an empty database gives the same data, value texts and qualifiers included.
/// </summary>
public class WorkbookRoundTripTests
{
    private static FakeTimeProvider Clock => DemoDatabase.Clock;

    private static async Task<string> JsonOf(TestDatabase db, string code)
    {
        await using var context = db.NewContext();
        return JsonSerializer.Serialize(await new PlanFileExporter(context).ExportAsync(code), PlanDocumentJson.Options);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Xlsx_ExportedAndImportedIntoAnEmptyDatabase_GivesIdenticalData(DbKind kind)
    {
        await using var source = await DemoDatabase.PlansAsync(kind);
        await using var target = await TestDatabase.CreateAsync(kind);
        foreach (var code in new[] { "nemuro-sosei-2015", "abashiri-sosei-2015" })
        {
            var original = await JsonOf(source, code);
            byte[] xlsx;
            await using (var context = source.NewContext())
            {
                xlsx = (await new WorkbookExporter(new PlanFileExporter(context)).ExportXlsxAsync(code))!;
            }

            await using (var context = target.NewContext())
            {
                var result = await new WorkbookImporter(new PlanFileImporter(context, Clock)).ImportAsync(new MemoryStream(xlsx), code + ".xlsx");
                Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            }

            Assert.Equal(original, await JsonOf(target, code));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CsvZip_ExportedAndImportedIntoAnEmptyDatabase_GivesIdenticalData(DbKind kind)
    {
        await using var source = await DemoDatabase.PlansAsync(kind);
        await using var target = await TestDatabase.CreateAsync(kind);
        foreach (var code in new[] { "nemuro-sosei-2015", "abashiri-sosei-2015" })
        {
            var original = await JsonOf(source, code);
            byte[] zip;
            await using (var context = source.NewContext())
            {
                zip = (await new WorkbookExporter(new PlanFileExporter(context)).ExportCsvZipAsync(code))!;
            }

            await using (var context = target.NewContext())
            {
                var result = await new WorkbookImporter(new PlanFileImporter(context, Clock)).ImportAsync(new MemoryStream(zip), code + ".zip");
                Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            }

            Assert.Equal(original, await JsonOf(target, code));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Xlsx_ReimportedUnchanged_ChangesNothing(DbKind kind)
    {
        await using var db = await DemoDatabase.PlansAsync(kind);
        foreach (var code in new[] { "nemuro-sosei-2015", "abashiri-sosei-2015" })
        {
            await using var context = db.NewContext();
            var xlsx = (await new WorkbookExporter(new PlanFileExporter(context)).ExportXlsxAsync(code))!;

            var result = await new WorkbookImporter(new PlanFileImporter(context, Clock)).ImportAsync(new MemoryStream(xlsx), "a.xlsx", new ImportOptions { DryRun = true });

            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            Assert.Equal(0, result.Counts.Sum(c => c.Created + c.Changed + c.Removed));
            Assert.Empty(result.Changes);
        }
    }
}
