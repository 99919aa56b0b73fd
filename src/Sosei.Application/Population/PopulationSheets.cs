using System.Globalization;
using Sosei.Application.Workbooks;

namespace Sosei.Application.Population;

/// <summary>How a column's numbers are shown in Excel (the stored value stays exact).</summary>
public enum PopulationNumberFormat
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

/// <summary>A table for a population export sheet: a header row and rows of strings, numbers or blanks.</summary>
/// <param name="Name">Sheet name (at most 31 characters, no <c>[]:*?/\</c>).</param>
/// <param name="Header">Column headings.</param>
/// <param name="Rows">Rows; a cell is a <see cref="string"/>, a number (<see cref="decimal"/>, <see cref="int"/>, <see cref="long"/>) or null.</param>
/// <param name="Formats">Number format per column (missing = general).</param>
public sealed record PopulationSheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<PopulationNumberFormat>? Formats = null)
{
    /// <summary>Writes the tables as one workbook with the shared <see cref="XlsxWriter"/> (frozen header, bordered cells).</summary>
    /// <exception cref="ArgumentException">No sheets, or a cell of an unsupported type.</exception>
    public static void Write(Stream output, IReadOnlyList<PopulationSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        XlsxWriter.Write(output, sheets.Select(ToXlsx).ToList());
    }

    private static XlsxSheet ToXlsx(PopulationSheet table)
    {
        var sheet = new XlsxSheet { Name = table.Name, FrozenRows = 1, PrintTitleRows = (1, 1), AutoFilterRow = 1 };
        sheet.Add(table.Header.Select(h => XlsxCell.Of(h, XlsxStyle.Head)).ToArray());
        foreach (var row in table.Rows)
        {
            sheet.Add(row.Select((value, c) => Cell(table, value, c)).ToArray());
        }

        return sheet;
    }

    private static XlsxCell Cell(PopulationSheet table, object? value, int column)
    {
        var format = table.Formats is { } f && column < f.Count ? f[column] : PopulationNumberFormat.General;
        var style = XlsxStyle.Body with
        {
            Align = XlsxAlign.Right,
            NumberFormat = format switch
            {
                PopulationNumberFormat.Persons => "#,##0",
                PopulationNumberFormat.OneDecimal => "0.0",
                PopulationNumberFormat.TwoDecimals => "0.00",
                _ => null,
            },
        };
        return value switch
        {
            null => XlsxCell.Of((string?)null, XlsxStyle.Body),
            string s => XlsxCell.Of(s, XlsxStyle.Body),
            decimal d => XlsxCell.Of(d, style),
            int i => XlsxCell.Of(i, style),
            long l => XlsxCell.Of(l, style),
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unsupported cell type {value.GetType().Name} in sheet {table.Name}."), nameof(value)),
        };
    }
}
