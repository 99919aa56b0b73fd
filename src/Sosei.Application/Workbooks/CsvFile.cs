using System.IO.Compression;
using System.Text;
using Sosei.Application.Common;

namespace Sosei.Application.Workbooks;

/// <summary>
/// CSV files as Excel in Japan reads and writes them: UTF-8 with a byte-order mark (without it Excel takes the file for
/// Shift_JIS and garbles it), comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or a line
/// break, a text cell that a spreadsheet would run as a formula written with a leading <c>'</c> (<see cref="CsvCells"/>).
/// Reading accepts UTF-8 with or without BOM and Shift_JIS, refuses other encodings with a message, and takes the
/// leading <c>'</c> of a neutralised cell off again, so an exported file reads back as it was.
/// </summary>
public static class CsvFile
{
    /// <summary>Writes rows as CSV (UTF-8 with BOM, CRLF).</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            sb.AppendJoin(',', row.Select(f => Quote(CsvCells.Neutralise(f)))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>Reads a CSV file into a sheet (with <see cref="CsvReader"/>; empty fields at the end of a row and empty rows at the end of the file are dropped).</summary>
    /// <exception cref="FileReadException">The file is neither UTF-8 nor Shift_JIS, or a quoted field is not closed.</exception>
    public static SheetTable Read(string sheetName, byte[] bytes, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!CsvReader.TryDecode(bytes, out var text, out _))
        {
            var name = fileName ?? sheetName;
            throw new FileReadException(new($"{name}: {CsvReader.NotDecodable.Japanese}", $"{name}: {CsvReader.NotDecodable.English}"));
        }

        var file = fileName ?? sheetName;
        var records = CsvReader.Read(text, out var quoteLine);
        if (quoteLine is not null)
        {
            throw new FileReadException(new($"{file}: {quoteLine}行目で始まる「\"」が閉じていません。", $"{file}: a quoted field starting on line {quoteLine} is not closed."));
        }

        var rows = records.Select(r => (IReadOnlyList<string>)Trim([.. r.Fields])).ToList();
        while (rows.Count > 0 && rows[^1].Count == 0)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new SheetTable(sheetName, rows, fileName);
    }

    /// <summary>
    /// Reads the CSV files of a zip archive (one per sheet, file name = sheet name); folders inside the archive are
    /// ignored, files other than .csv are skipped.
    /// </summary>
    /// <param name="zip">The archive.</param>
    /// <param name="limits">Entries and expanded size allowed; <see cref="FileLimits.Default"/> when null.</param>
    /// <exception cref="FileReadException">Not a zip archive, past a limit, or a CSV file cannot be read.</exception>
    public static IReadOnlyList<SheetTable> ReadZip(Stream zip, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var buffer = new MemoryStream();
        zip.CopyTo(buffer);
        try
        {
            (limits ?? FileLimits.Default).CheckZip(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new FileReadException(new("zip ファイルとして読めません: " + e.Message, "Not a zip archive: " + e.Message), e);
        }

        var sheets = new List<SheetTable>();
        using var archive = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
        foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (!entry.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            sheets.Add(Read(Path.GetFileNameWithoutExtension(entry.Name), memory.ToArray(), entry.Name));
        }

        return sheets;
    }

    /// <summary>Reads the .csv files of a folder (one per sheet, file name = sheet name).</summary>
    public static IReadOnlyList<SheetTable> ReadFolder(string folder) =>
        Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal)
            .Select(f => Read(Path.GetFileNameWithoutExtension(f), File.ReadAllBytes(f), Path.GetFileName(f)))
            .ToList();

    /// <summary>Writes sheets as a zip of CSV files (file name = sheet name + .csv).</summary>
    public static byte[] WriteZip(IEnumerable<(string Name, IEnumerable<IReadOnlyList<string?>> Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            foreach (var (name, rows) in sheets)
            {
                // A fixed timestamp keeps the archive identical for identical data.
                var entry = archive.CreateEntry(name + ".csv", CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(Write(rows));
            }
        }

        return memory.ToArray();
    }

    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field.StartsWith(' ') || field.EndsWith(' ')
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }

    private static List<string> Trim(List<string> row)
    {
        while (row.Count > 0 && row[^1].Length == 0)
        {
            row.RemoveAt(row.Count - 1);
        }

        return row;
    }
}
