using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sosei.Application.Workbooks;

/// <summary>Horizontal alignment of a cell.</summary>
public enum XlsxAlign
{
    /// <summary>Excel's default (text left, numbers right).</summary>
    General = 0,

    /// <summary>Left.</summary>
    Left = 1,

    /// <summary>Centre.</summary>
    Center = 2,

    /// <summary>Right.</summary>
    Right = 3,
}

/// <summary>How a cell looks. Equal styles share one cell format in the file.</summary>
public sealed record XlsxStyle
{
    /// <summary>Plain text with thin borders, top-aligned, wrapping: the body of a table.</summary>
    public static XlsxStyle Body { get; } = new() { Border = true, Wrap = true };

    /// <summary>A table header: bold, filled, bordered, centred, wrapping.</summary>
    public static XlsxStyle Head { get; } = new() { Bold = true, Fill = "DCE6F1", Border = true, Wrap = true, Align = XlsxAlign.Center };

    /// <summary>A title line above a table.</summary>
    public static XlsxStyle Title { get; } = new() { Bold = true, Large = true };

    /// <summary>Bold.</summary>
    public bool Bold { get; init; }

    /// <summary>Larger font (titles).</summary>
    public bool Large { get; init; }

    /// <summary>Background colour, RRGGBB; null for none.</summary>
    public string? Fill { get; init; }

    /// <summary>Thin borders on all sides.</summary>
    public bool Border { get; init; }

    /// <summary>Wrap text (line breaks in the cell are shown).</summary>
    public bool Wrap { get; init; }

    /// <summary>Horizontal alignment.</summary>
    public XlsxAlign Align { get; init; }

    /// <summary>Excel number format code (<c>#,##0.0</c>, <c>0.0%</c>, <c>#,##0"人"</c>); null for General.</summary>
    public string? NumberFormat { get; init; }
}

/// <summary>A cell: text, or a number shown with the style's number format.</summary>
/// <param name="Text">Text (used when <paramref name="Number"/> is null).</param>
/// <param name="Number">Number.</param>
/// <param name="Style">Style; null for unstyled.</param>
public sealed record XlsxCell(string? Text, decimal? Number = null, XlsxStyle? Style = null)
{
    /// <summary>A text cell.</summary>
    public static XlsxCell Of(string? text, XlsxStyle? style = null) => new(text, null, style);

    /// <summary>A number cell.</summary>
    public static XlsxCell Of(decimal? number, XlsxStyle style) => new(null, number, style);
}

/// <summary>A merged range (1-based, inclusive).</summary>
/// <param name="FirstRow">First row.</param>
/// <param name="FirstColumn">First column.</param>
/// <param name="LastRow">Last row.</param>
/// <param name="LastColumn">Last column.</param>
public sealed record XlsxMerge(int FirstRow, int FirstColumn, int LastRow, int LastColumn);

/// <summary>A worksheet to write: cells plus the layout that makes it usable and printable.</summary>
public sealed class XlsxSheet
{
    /// <summary>Sheet name (at most 31 characters; Excel forbids []:*?/\).</summary>
    public required string Name { get; init; }

    /// <summary>Rows of cells (row 1 first).</summary>
    public List<IReadOnlyList<XlsxCell>> Rows { get; } = [];

    /// <summary>Column widths in characters (index 0 = column A); missing or null columns get a width from their content.</summary>
    public List<double?> Widths { get; } = [];

    /// <summary>Widest automatic width, in characters.</summary>
    public double MaxAutoWidth { get; init; } = 48;

    /// <summary>Rows kept visible when scrolling (frozen pane).</summary>
    public int FrozenRows { get; init; }

    /// <summary>Columns kept visible when scrolling.</summary>
    public int FrozenColumns { get; init; }

    /// <summary>Rows repeated at the top of every printed page (1-based, inclusive); null for none.</summary>
    public (int First, int Last)? PrintTitleRows { get; init; }

    /// <summary>Landscape A4 (otherwise portrait A4).</summary>
    public bool Landscape { get; init; } = true;

    /// <summary>Print all columns on one page width (as many pages tall as needed).</summary>
    public bool FitToWidth { get; init; } = true;

    /// <summary>Printed page header, centre section (plain text; Excel codes escaped).</summary>
    public string? PageHeader { get; init; }

    /// <summary>Add an auto filter on this header row (1-based); null for none.</summary>
    public int? AutoFilterRow { get; init; }

    /// <summary>Merged ranges.</summary>
    public List<XlsxMerge> Merges { get; } = [];

    /// <summary>Adds a row.</summary>
    public XlsxSheet Add(params XlsxCell[] cells)
    {
        Rows.Add(cells);
        return this;
    }
}

/// <summary>
/// Writes styled .xlsx workbooks with the Open XML SDK: header fills, borders, number formats, frozen panes, print
/// titles, A4 page setup fitted to the page width, page headers and footers with page numbers.
/// </summary>
public static class XlsxWriter
{
    private const string FontName = "游ゴシック";

    /// <summary>Writes the sheets as one workbook.</summary>
    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = new StyleTable();
            var sheetList = new Sheets();
            var definedNames = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = BuildWorksheet(sheet, styles);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheet.Name });
                if (sheet.PrintTitleRows is { } titles)
                {
                    definedNames.Append(new DefinedName(string.Create(CultureInfo.InvariantCulture, $"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!${titles.First}:${titles.Last}"))
                    {
                        Name = "_xlnm.Print_Titles",
                        LocalSheetId = (uint)i,
                    });
                }
            }

            workbookPart.Workbook.Append(new BookViews(new WorkbookView()));
            workbookPart.Workbook.Append(sheetList);
            if (definedNames.HasChildren)
            {
                workbookPart.Workbook.Append(definedNames);
            }

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = styles.Build();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>Writes the sheets and returns the bytes.</summary>
    public static byte[] ToBytes(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        Write(stream, sheets);
        return stream.ToArray();
    }

    /// <summary>Display width of a text in Excel character units: East Asian wide characters count two.</summary>
    public static double TextWidth(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        return text.Split('\n').Max(line => line.Sum(c => c > '\u2E80' ? 2.0 : 1.0));
    }

    private static Worksheet BuildWorksheet(XlsxSheet sheet, StyleTable styles)
    {
        var worksheet = new Worksheet();
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = sheet.FitToWidth }));

        var view = new SheetView { WorkbookViewId = 0, TabSelected = false };
        if (sheet.FrozenRows > 0 || sheet.FrozenColumns > 0)
        {
            var topLeft = CellLocation.ColumnName(sheet.FrozenColumns + 1) + (sheet.FrozenRows + 1).ToString(CultureInfo.InvariantCulture);
            var pane = new Pane
            {
                TopLeftCell = topLeft,
                State = PaneStateValues.Frozen,
                ActivePane = sheet.FrozenRows > 0 && sheet.FrozenColumns > 0 ? PaneValues.BottomRight : sheet.FrozenRows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight,
            };
            if (sheet.FrozenColumns > 0)
            {
                pane.HorizontalSplit = sheet.FrozenColumns;
            }

            if (sheet.FrozenRows > 0)
            {
                pane.VerticalSplit = sheet.FrozenRows;
            }

            view.Append(pane);
            view.Append(new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }

        worksheet.Append(new SheetViews(view));
        worksheet.Append(new SheetFormatProperties { DefaultRowHeight = 18 });

        var columnCount = Math.Max(sheet.Widths.Count, sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Count));
        if (columnCount > 0)
        {
            var columns = new Columns();
            for (var c = 0; c < columnCount; c++)
            {
                var width = c < sheet.Widths.Count && sheet.Widths[c] is { } w ? w : AutoWidth(sheet, c);
                columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
            }

            worksheet.Append(columns);
        }

        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            var cells = sheet.Rows[r];
            for (var c = 0; c < cells.Count; c++)
            {
                var x = cells[c];
                if (x is null || (x.Text is null && x.Number is null && x.Style is null))
                {
                    continue;
                }

                var reference = CellLocation.ColumnName(c + 1) + (r + 1).ToString(CultureInfo.InvariantCulture);
                var cell = new Cell { CellReference = reference };
                if (x.Style is not null)
                {
                    cell.StyleIndex = styles.IndexOf(x.Style);
                }

                if (x.Number is { } number)
                {
                    cell.CellValue = new CellValue(number.ToString("G29", CultureInfo.InvariantCulture));
                }
                else if (!string.IsNullOrEmpty(x.Text))
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(Clean(x.Text)) { Space = SpaceProcessingModeValues.Preserve });
                }

                row.Append(cell);
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (sheet.AutoFilterRow is { } filterRow && columnCount > 0)
        {
            worksheet.Append(new AutoFilter { Reference = $"A{filterRow.ToString(CultureInfo.InvariantCulture)}:{CellLocation.ColumnName(columnCount)}{Math.Max(filterRow, sheet.Rows.Count).ToString(CultureInfo.InvariantCulture)}" });
        }

        if (sheet.Merges.Count > 0)
        {
            var merges = new MergeCells();
            foreach (var m in sheet.Merges)
            {
                merges.Append(new MergeCell { Reference = Ref(m.FirstRow, m.FirstColumn) + ":" + Ref(m.LastRow, m.LastColumn) });
            }

            worksheet.Append(merges);
        }

        worksheet.Append(new PrintOptions { HorizontalCentered = false, GridLines = false });
        worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.25, Footer = 0.25 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = sheet.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = sheet.FitToWidth ? 1u : null,
            FitToHeight = sheet.FitToWidth ? 0u : null,
        });
        var header = string.IsNullOrEmpty(sheet.PageHeader) ? "" : "&L" + EscapeHeader(sheet.PageHeader);
        worksheet.Append(new HeaderFooter(
            new OddHeader(header + "&R" + EscapeHeader(sheet.Name)),
            new OddFooter("&C&P / &N")));
        return worksheet;
    }

    private static string Ref(int row, int column) => CellLocation.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static double AutoWidth(XlsxSheet sheet, int column)
    {
        var widest = 0.0;
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            if (column >= row.Count || row[column] is not { } cell || cell.Style?.Large == true)
            {
                continue;
            }

            // A merged cell spanning columns (a title, a grouped header) should not widen its first column.
            if (sheet.Merges.Any(m => m.FirstColumn == column + 1 && m.LastColumn > m.FirstColumn && m.FirstRow <= r + 1 && m.LastRow >= r + 1))
            {
                continue;
            }

            var width = cell.Number is { } n
                ? n.ToString("#,0.####", CultureInfo.InvariantCulture).Length + UnitWidth(cell.Style?.NumberFormat)
                : TextWidth(cell.Text);
            widest = Math.Max(widest, width);
        }

        return Math.Clamp(widest + 2, 6, sheet.MaxAutoWidth);
    }

    private static double UnitWidth(string? format)
    {
        if (format is null)
        {
            return 0;
        }

        var literal = string.Concat(format.Split('"').Where((_, i) => i % 2 == 1));
        return TextWidth(literal) + 1;
    }

    // XML 1.0 cannot hold most control characters; a stray one from a pasted text must not break the file.
    private static string Clean(string text) =>
        text.Any(c => c < ' ' && c is not ('\n' or '\r' or '\t'))
            ? new string(text.Where(c => c >= ' ' || c is '\n' or '\r' or '\t').ToArray())
            : text;

    private static string EscapeHeader(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

    /// <summary>Collects fonts, fills, borders, number formats and cell formats.</summary>
    private sealed class StyleTable
    {
        private readonly Dictionary<XlsxStyle, uint> indexes = [];
        private readonly List<XlsxStyle> styles = [];
        private readonly Dictionary<string, uint> numberFormats = new(StringComparer.Ordinal);
        private readonly List<string> fills = [];

        public uint IndexOf(XlsxStyle style)
        {
            if (!indexes.TryGetValue(style, out var index))
            {
                styles.Add(style);
                index = (uint)styles.Count; // 0 is the default format
                indexes[style] = index;
                if (style.NumberFormat is { } f && !numberFormats.ContainsKey(f))
                {
                    numberFormats[f] = (uint)(164 + numberFormats.Count);
                }

                if (style.Fill is { } fill && !fills.Contains(fill))
                {
                    fills.Add(fill);
                }
            }

            return index;
        }

        public Stylesheet Build()
        {
            var numbering = new NumberingFormats();
            foreach (var (code, id) in numberFormats)
            {
                numbering.Append(new NumberingFormat { NumberFormatId = id, FormatCode = code });
            }

            numbering.Count = (uint)numberFormats.Count;
            var fonts = new Fonts(
                Font(false, 11),
                Font(true, 11),
                Font(true, 14),
                Font(false, 14))
            { Count = 4 };
            var fillList = new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
            foreach (var f in fills)
            {
                fillList.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = "FF" + f }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
            }

            fillList.Count = (uint)(2 + fills.Count);
            var borders = new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(
                    new LeftBorder(new Color { Rgb = "FF9AA3B2" }) { Style = BorderStyleValues.Thin },
                    new RightBorder(new Color { Rgb = "FF9AA3B2" }) { Style = BorderStyleValues.Thin },
                    new TopBorder(new Color { Rgb = "FF9AA3B2" }) { Style = BorderStyleValues.Thin },
                    new BottomBorder(new Color { Rgb = "FF9AA3B2" }) { Style = BorderStyleValues.Thin },
                    new DiagonalBorder()))
            { Count = 2 };
            var cellFormats = new CellFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 });
            foreach (var s in styles)
            {
                var format = new CellFormat
                {
                    NumberFormatId = s.NumberFormat is { } nf ? numberFormats[nf] : 0,
                    FontId = s.Large ? (s.Bold ? 2u : 3u) : (s.Bold ? 1u : 0u),
                    FillId = s.Fill is { } fill ? (uint)(2 + fills.IndexOf(fill)) : 0,
                    BorderId = s.Border ? 1u : 0u,
                    ApplyNumberFormat = s.NumberFormat is not null,
                    ApplyFont = s.Bold || s.Large,
                    ApplyFill = s.Fill is not null,
                    ApplyBorder = s.Border,
                    ApplyAlignment = true,
                };
                format.Append(new Alignment
                {
                    WrapText = s.Wrap,
                    Vertical = VerticalAlignmentValues.Top,
                    Horizontal = s.Align switch
                    {
                        XlsxAlign.Left => HorizontalAlignmentValues.Left,
                        XlsxAlign.Center => HorizontalAlignmentValues.Center,
                        XlsxAlign.Right => HorizontalAlignmentValues.Right,
                        _ => HorizontalAlignmentValues.General,
                    },
                });
                cellFormats.Append(format);
            }

            cellFormats.Count = (uint)(styles.Count + 1);
            var stylesheet = new Stylesheet();
            if (numberFormats.Count > 0)
            {
                stylesheet.Append(numbering);
            }

            stylesheet.Append(fonts, fillList, borders);
            stylesheet.Append(new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 });
            stylesheet.Append(cellFormats);
            stylesheet.Append(new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
            return stylesheet;
        }

        private static Font Font(bool bold, double size)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size });
            font.Append(new FontName { Val = FontName });
            font.Append(new FontCharSet { Val = 128 });
            return font;
        }
    }
}
