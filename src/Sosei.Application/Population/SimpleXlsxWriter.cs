using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sosei.Application.Population;

/// <summary>How a column's numbers are shown in Excel (the stored value stays exact).</summary>
public enum XlsxNumberFormat
{
    /// <summary>As stored.</summary>
    General = 0,

    /// <summary>Whole persons with thousands separators: <c>#,##0</c>.</summary>
    Persons = 1,

    /// <summary>One decimal: <c>0.0</c> (shares in percent).</summary>
    OneDecimal = 2,

    /// <summary>Two decimals: <c>0.00</c> (TFR).</summary>
    TwoDecimals = 3,
}

/// <summary>One worksheet: a bold header row and data rows of strings, numbers or blanks.</summary>
/// <param name="Name">Sheet name (at most 31 characters, no <c>[]:*?/\</c>).</param>
/// <param name="Header">Column headings.</param>
/// <param name="Rows">Rows; a cell is a <see cref="string"/>, a number (<see cref="decimal"/>, <see cref="int"/>) or null.</param>
/// <param name="Formats">Number format per column (missing = general).</param>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<XlsxNumberFormat>? Formats = null);

/// <summary>
/// A deliberately small xlsx writer over DocumentFormat.OpenXml (no formulas, no merged cells): sheets of a header and
/// rows, numbers stored exactly and shown with a column format, text as inline strings. Kept in the application so
/// other exports (reports) can share it.
/// </summary>
public static class SimpleXlsxWriter
{
    /// <summary>Writes the workbook to <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">No sheets, or a cell of an unsupported type.</exception>
    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        // The package is built in memory: OpenXml needs a seekable stream, the output may not be one.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }

            workbookPart.Workbook.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var data = new SheetData();
        data.Append(new Row(sheet.Header.Select(h => TextCell(h, styleIndex: 1))));
        foreach (var row in sheet.Rows)
        {
            var cells = new List<Cell>(row.Count);
            for (var c = 0; c < row.Count; c++)
            {
                var format = sheet.Formats is { } f && c < f.Count ? f[c] : XlsxNumberFormat.General;
                cells.Add(row[c] switch
                {
                    null => new Cell(),
                    string s => TextCell(s, styleIndex: 0),
                    decimal d => NumberCell(d, format),
                    int i => NumberCell(i, format),
                    long l => NumberCell(l, format),
                    _ => throw new ArgumentException($"Unsupported cell type {row[c]!.GetType().Name} in sheet {sheet.Name}.", nameof(sheet)),
                });
            }

            data.Append(new Row(cells));
        }

        var widths = new Columns(sheet.Header.Select((h, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Math.Clamp(h.Length * 2.2 + 2, 10, 60),
            CustomWidth = true,
        }));
        return new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            widths,
            data);
    }

    private static Cell TextCell(string text, uint styleIndex) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = styleIndex,
    };

    private static Cell NumberCell(decimal value, XlsxNumberFormat format) => new()
    {
        CellValue = new CellValue(value),
        DataType = CellValues.Number,
        StyleIndex = format switch
        {
            XlsxNumberFormat.Persons => 2u,
            XlsxNumberFormat.OneDecimal => 3u,
            XlsxNumberFormat.TwoDecimals => 4u,
            _ => 0u,
        },
    };

    // Style indexes: 0 general, 1 bold, 2 #,##0, 3 0.0, 4 0.00.
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.00" })
        { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true })
        { Count = 5 });
}
