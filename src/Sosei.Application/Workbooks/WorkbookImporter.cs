using Sosei.Application.Common;
using Sosei.Application.PlanFiles;

namespace Sosei.Application.Workbooks;

/// <summary>The kinds of file a plan can be imported from.</summary>
public enum PlanFileKind
{
    /// <summary>Plan file (sosei-plan/1 JSON).</summary>
    Json = 0,

    /// <summary>Excel workbook of the template.</summary>
    Xlsx = 1,

    /// <summary>A zip of CSV files, one per sheet.</summary>
    CsvZip = 2,

    /// <summary>One CSV file (one sheet, named after the file).</summary>
    Csv = 3,
}

/// <summary>
/// Imports a plan from a plan file, an Excel workbook of the template, or CSV files (one per sheet, in a folder or a
/// zip). A workbook is read into a plan file (<see cref="WorkbookReader"/>); then the plan file importer validates
/// everything and writes it in one transaction, so a workbook import is all or nothing too, and every problem points
/// at its sheet, row and column.
/// </summary>
public sealed class WorkbookImporter(PlanFileImporter importer, FileLimits? limits = null)
{
    private FileLimits Limits { get; } = limits ?? FileLimits.Default;

    /// <summary>The kind of a file by its name (.json, .xlsx, .zip, .csv); null for anything else.</summary>
    public static PlanFileKind? KindOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".JSON" => PlanFileKind.Json,
            ".XLSX" => PlanFileKind.Xlsx,
            ".ZIP" => PlanFileKind.CsvZip,
            ".CSV" => PlanFileKind.Csv,
            _ => null,
        };
    }

    /// <summary>Imports (or with <see cref="ImportOptions.DryRun"/> checks) a file of the given kind.</summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= new ImportOptions();
        var kind = KindOf(fileName);
        if (kind == PlanFileKind.Json)
        {
            return await importer.ImportJsonAsync(content, options, cancellationToken);
        }

        options.Progress?.Report((0.01, "読み込み中 / reading"));
        IReadOnlyList<SheetTable> sheets;
        try
        {
            switch (kind)
            {
                case PlanFileKind.Xlsx:
                    sheets = XlsxReader.Read(content, Limits);
                    break;
                case PlanFileKind.CsvZip:
                    sheets = CsvFile.ReadZip(content, Limits);
                    break;
                case PlanFileKind.Csv:
                    using (var memory = new MemoryStream())
                    {
                        await content.CopyToAsync(memory, cancellationToken);
                        sheets = [CsvFile.Read(Path.GetFileNameWithoutExtension(fileName), memory.ToArray(), Path.GetFileName(fileName))];
                    }

                    break;
                default:
                    return Failed(options, fileName, "取り込めるのは .xlsx、.zip（CSV）、.csv、.json のファイルです。", "expected an .xlsx, .zip (of CSV files), .csv or .json file.");
            }
        }
        catch (FileReadException e)
        {
            return Failed(options, fileName, e.Problem);
        }

        return await ImportSheetsAsync(sheets, options, cancellationToken);
    }

    /// <summary>Imports the CSV files of a folder (one per sheet).</summary>
    public async Task<ImportResult> ImportFolderAsync(string folder, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        IReadOnlyList<SheetTable> sheets;
        try
        {
            sheets = CsvFile.ReadFolder(folder);
        }
        catch (FileReadException e)
        {
            return Failed(options, folder, e.Problem);
        }

        if (sheets.Count == 0)
        {
            return Failed(options, folder, "フォルダに CSV ファイル（シート名.csv）がありません。", "the folder holds no CSV files.");
        }

        return await ImportSheetsAsync(sheets, options, cancellationToken);
    }

    /// <summary>Imports sheets already read.</summary>
    public async Task<ImportResult> ImportSheetsAsync(IReadOnlyList<SheetTable> sheets, ImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        options ??= new ImportOptions();
        var read = WorkbookReader.Read(sheets);
        if (read.Document is null || read.IsStructural)
        {
            return new ImportResult { DryRun = options.DryRun, PlanCode = read.Document?.Plan.Code, Problems = read.Sort(read.Problems) };
        }

        var withLocations = options with { LocationOf = read.LocationOf };
        if (read.Problems.Count > 0)
        {
            // The layout has problems: nothing is written, but the validator still lists the other problems.
            var check = await importer.ImportAsync(read.Document, withLocations with { DryRun = true, Progress = null }, cancellationToken);
            return new ImportResult { DryRun = options.DryRun, PlanCode = check.PlanCode, Problems = read.Sort(read.Problems.Concat(check.Problems)) };
        }

        var result = await importer.ImportAsync(read.Document, withLocations, cancellationToken);
        return result.Succeeded ? result : result with { Problems = read.Sort(result.Problems) };
    }

    private static ImportResult Failed(ImportOptions options, string where, string japanese, string english) =>
        Failed(options, where, new Message(japanese, english));

    private static ImportResult Failed(ImportOptions options, string where, Message problem) =>
        new() { DryRun = options.DryRun, Problems = [new ImportProblem(new InFile(Path.GetFileName(where)), null, problem)] };
}

/// <summary>Writes a stored plan as a workbook of the template (xlsx, or a zip of CSV files), and the blank template.</summary>
public sealed class WorkbookExporter(PlanFileExporter exporter)
{
    /// <summary>File name of the blank template.</summary>
    public const string TemplateFileName = "plan-template.xlsx";

    /// <summary>The plan as .xlsx; null when there is no such plan.</summary>
    public async Task<byte[]?> ExportXlsxAsync(string planCode, CancellationToken cancellationToken = default) =>
        await exporter.ExportAsync(planCode, cancellationToken) is { } document ? WorkbookWriter.ToXlsx(document) : null;

    /// <summary>The plan as a zip of CSV files; null when there is no such plan.</summary>
    public async Task<byte[]?> ExportCsvZipAsync(string planCode, CancellationToken cancellationToken = default) =>
        await exporter.ExportAsync(planCode, cancellationToken) is { } document ? WorkbookWriter.ToCsvZip(document) : null;

    /// <summary>The blank template (headers and the 使い方 sheet).</summary>
    public static byte[] Template() => WorkbookWriter.ToXlsx(null);
}
