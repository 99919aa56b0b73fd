using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sosei.Application.Workbooks;

/// <summary>
/// Reads the cell texts of every worksheet of an .xlsx file with the Open XML SDK. Texts are taken as Excel shows
/// them where it matters for plan data: numbers in their shortest exact form (0.1, not 0.1000000000000000055),
/// dates typed into date-formatted cells as 2015-10-30, percentages typed into %-formatted cells as 19.5%.
/// </summary>
public static class XlsxReader
{
    /// <summary>
    /// Reads every worksheet, in workbook order. The file is checked against <paramref name="limits"/> first (entries,
    /// expanded size), and each sheet is read row by row (a row's cells at a time, not the whole sheet as a tree), with
    /// every cell's row and column and every text checked as it comes.
    /// </summary>
    /// <param name="stream">The .xlsx file.</param>
    /// <param name="limits">The limits; <see cref="FileLimits.Default"/> when null.</param>
    /// <exception cref="FileReadException">A limit is passed (the message says which and where), or the stream is not an xlsx workbook.</exception>
    public static IReadOnlyList<SheetTable> Read(Stream stream, FileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= FileLimits.Default;
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        try
        {
            limits.CheckZip(buffer);
            using var document = SpreadsheetDocument.Open(buffer, false);
            var workbookPart = document.WorkbookPart ?? throw new FileReadException(new("ブックにシートがありません。", "The workbook has no sheets."));
            var shared = SharedStrings(workbookPart);
            var formats = NumberFormats(workbookPart);
            var result = new List<SheetTable>();
            foreach (var sheet in workbookPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                var name = sheet.Name?.Value ?? "";
                result.Add(new SheetTable(name, ReadRows(name, part, shared, formats, limits)));
            }

            return result;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or InvalidOperationException or System.Xml.XmlException or FormatException)
        {
            throw new FileReadException(new("Excel ブック（.xlsx）として読めません: " + e.Message, "Not an .xlsx workbook: " + e.Message), e);
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbookPart)
    {
        var texts = new List<string>();
        if (workbookPart.SharedStringTablePart is not { } part)
        {
            return texts;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                texts.Add(ItemText((SharedStringItem)reader.LoadCurrentElement()!));
            }
        }

        return texts;
    }

    private static List<IReadOnlyList<string>> ReadRows(string sheet, WorksheetPart part, List<string> shared, Func<uint, CellKind> formats, FileLimits limits)
    {
        var rows = new List<IReadOnlyList<string>>();
        var rowNumber = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex?.Value is { } r ? (int)Math.Min(r, int.MaxValue) : rowNumber + 1;
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var reference = cell.CellReference?.Value;
                column = reference is not null ? ColumnOf(reference, limits.MaxColumns + 1) : column + 1;
                var text = CellText(cell, shared, formats);
                if (text.Length == 0)
                {
                    // An empty cell (formatting only) is skipped wherever it is: it is not data and costs nothing.
                    continue;
                }

                var at = reference ?? string.Create(CultureInfo.InvariantCulture, $"R{rowNumber}C{column}");
                limits.CheckCell(sheet, rowNumber, column, at);
                limits.CheckText(sheet, at, text);
                while (cells.Count < column - 1)
                {
                    cells.Add("");
                }

                cells.Add(text);
            }

            if (cells.Count == 0)
            {
                // Rows are padded only up to a row that holds something: formatting alone on row 1,000,000 costs nothing.
                continue;
            }

            while (rows.Count < rowNumber - 1)
            {
                rows.Add([]);
            }

            rows.Add(cells);
        }

        return rows;
    }

    // The column number of a reference (B12 → 2), at most cap (ZZZZZZ would overflow).
    private static int ColumnOf(string reference, int cap)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = Math.Min(cap, (column * 26) + (c - 'A' + 1));
        }

        return column;
    }

    private static string ItemText(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));

    private static string CellText(Cell cell, List<string> shared, Func<uint, CellKind> formats)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? inline.Text?.Text ?? string.Concat(inline.Elements<Run>().Select(r => r.Text?.Text ?? "")) : "";
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.String || type == CellValues.Error || raw is null)
        {
            return raw ?? "";
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        var kind = cell.StyleIndex?.Value is { } style ? formats(style) : CellKind.Number;
        switch (kind)
        {
            case CellKind.Date when number is >= 1 and < 2958466:
                return DateTime.FromOADate(number).ToString(number % 1 == 0 ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            case CellKind.Percent:
                return Shortest(number * 100) + "%";
            default:
                return Shortest(number);
        }
    }

    // Excel keeps 15 significant digits; the double's extra digits are noise, not data.
    private static string Shortest(double number) =>
        decimal.TryParse(number.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : number.ToString("G15", CultureInfo.InvariantCulture);

    private enum CellKind
    {
        Number,
        Date,
        Percent,
    }

    private static Func<uint, CellKind> NumberFormats(WorkbookPart workbookPart)
    {
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        var xfs = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        return style =>
        {
            if (style >= xfs.Count || xfs[(int)style].NumberFormatId?.Value is not { } id)
            {
                return CellKind.Number;
            }

            if (id is 9 or 10)
            {
                return CellKind.Percent;
            }

            if (id is (>= 14 and <= 22) or (>= 45 and <= 47) or (>= 27 and <= 36) or (>= 50 and <= 58))
            {
                return CellKind.Date;
            }

            if (custom.TryGetValue(id, out var code))
            {
                var bare = StripLiterals(code);
                if (bare.Contains('%', StringComparison.Ordinal))
                {
                    return CellKind.Percent;
                }

                if (bare.IndexOfAny(['y', 'd', 'e', 'g']) >= 0 || bare.Contains("m/", StringComparison.Ordinal) || bare.Contains("/m", StringComparison.Ordinal))
                {
                    return CellKind.Date;
                }
            }

            return CellKind.Number;
        };
    }

    // Removes "quoted text", \escaped characters and [colour] sections from a number format, leaving its codes.
    private static string StripLiterals(string code)
    {
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\\')
            {
                i++;
            }
            else if (!quoted && c == '[')
            {
                bracket = true;
            }
            else if (bracket && c == ']')
            {
                bracket = false;
            }
            else if (!quoted && !bracket)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
