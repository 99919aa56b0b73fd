using System.Globalization;
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
    /// <summary>Reads every worksheet, in workbook order.</summary>
    /// <exception cref="InvalidDataException">The stream is not an xlsx workbook.</exception>
    public static IReadOnlyList<SheetTable> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(buffer, false);
            var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("ブックにシートがありません / the workbook has no sheets");
            var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
            var formats = NumberFormats(workbookPart);
            var result = new List<SheetTable>();
            foreach (var sheet in workbookPart.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                result.Add(new SheetTable(sheet.Name?.Value ?? "", ReadRows(part, shared, formats)));
            }

            return result;
        }
        catch (Exception e) when (e is OpenXmlPackageException or System.IO.InvalidDataException or InvalidOperationException or System.Xml.XmlException or FormatException)
        {
            throw new InvalidDataException("Excel ブック（.xlsx）として読めません / not an .xlsx workbook: " + e.Message, e);
        }
    }

    private static List<IReadOnlyList<string>> ReadRows(WorksheetPart part, List<string> shared, Func<uint, CellKind> formats)
    {
        var rows = new List<IReadOnlyList<string>>();
        var data = part.Worksheet.GetFirstChild<SheetData>();
        if (data is null)
        {
            return rows;
        }

        var rowNumber = 0;
        foreach (var row in data.Elements<Row>())
        {
            rowNumber = row.RowIndex?.Value is { } r ? (int)r : rowNumber + 1;
            while (rows.Count < rowNumber - 1)
            {
                rows.Add([]);
            }

            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column + 1;
                while (cells.Count < column - 1)
                {
                    cells.Add("");
                }

                cells.Add(CellText(cell, shared, formats));
            }

            while (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            rows.Add(cells);
        }

        while (rows.Count > 0 && rows[^1].Count == 0)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return rows;
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
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
