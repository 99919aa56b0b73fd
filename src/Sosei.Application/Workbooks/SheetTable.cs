using Sosei.Application.Common;

namespace Sosei.Application.Workbooks;

/// <summary>
/// One sheet of a workbook (or one CSV file) as the texts of its cells, row by row. Row and column numbers in messages
/// are 1-based, as Excel shows them.
/// </summary>
/// <param name="Name">Sheet name (for a CSV file, its file name without extension).</param>
/// <param name="Rows">Rows of cell texts; a missing cell is an empty string.</param>
/// <param name="FileName">The CSV file the sheet came from, if any (shown in messages).</param>
public sealed record SheetTable(string Name, IReadOnlyList<IReadOnlyList<string>> Rows, string? FileName = null)
{
    /// <summary>The text of a cell (1-based row and column); empty when outside the table.</summary>
    public string Cell(int row, int column) =>
        row >= 1 && row <= Rows.Count && column >= 1 && column <= Rows[row - 1].Count ? Rows[row - 1][column - 1] : "";
}

/// <summary>Where something is in a workbook: sheet, row, column (and the column's header).</summary>
/// <param name="Sheet">Sheet name.</param>
/// <param name="Row">1-based row, or 0 for the whole sheet.</param>
/// <param name="Column">1-based column, or 0 for the whole row.</param>
/// <param name="Header">The column's header, shown to help find it.</param>
/// <param name="SheetOrder">Position of the sheet in the workbook (for sorting problems).</param>
public sealed record CellLocation(string Sheet, int Row = 0, int Column = 0, string? Header = null, int SheetOrder = 0)
{
    /// <summary>Excel's column letters: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int column) => WorkbookCell.ColumnName(column);

    /// <summary>The cell as the place of a problem.</summary>
    public WorkbookCell Place => new(Sheet, Row, Column, Header);

    /// <summary>「KPI」シート 12行 F列（H27）.</summary>
    public override string ToString() => Place.In(Message.JapaneseUi);
}
