using Sosei.Application.PlanFiles;
using Sosei.Application.Workbooks;

namespace Sosei.Application.Tests.Workbooks;

/// <summary>Workbook sheets as editable tables, for building test workbooks.</summary>
internal sealed class WorkbookSheets
{
    private readonly List<(string Name, List<List<string>> Rows)> sheets = [];

    public static WorkbookSheets Of(PlanDocument document)
    {
        var result = new WorkbookSheets();
        foreach (var s in WorkbookWriter.Sheets(document))
        {
            result.Add(s.Name, [[.. s.Header], .. s.Rows.Select(r => r.Select(c => c ?? "").ToList())]);
        }

        return result;
    }

    public WorkbookSheets Add(string name, List<List<string>> rows)
    {
        sheets.Add((name, rows));
        return this;
    }

    public WorkbookSheets Remove(string name)
    {
        sheets.RemoveAll(s => s.Name == name);
        return this;
    }

    public List<List<string>> this[string name] => sheets.Single(s => s.Name == name).Rows;

    /// <summary>Sets a cell (1-based row, column found by its header in row 1); returns the column number.</summary>
    public int Set(string sheet, int row, string header, string text)
    {
        var rows = this[sheet];
        var column = rows[0].IndexOf(header);
        Assert.True(column >= 0, $"no column {header} in {sheet}");
        while (rows[row - 1].Count <= column)
        {
            rows[row - 1].Add("");
        }

        rows[row - 1][column] = text;
        return column + 1;
    }

    /// <summary>The first row (1-based) whose column has this text.</summary>
    public int RowOf(string sheet, string header, string text)
    {
        var rows = this[sheet];
        var column = rows[0].IndexOf(header);
        return rows.FindIndex(r => r.Count > column && r[column] == text) + 1;
    }

    public IReadOnlyList<SheetTable> Tables() =>
        sheets.Select(s => new SheetTable(s.Name, s.Rows.Select(r => (IReadOnlyList<string>)r.ToList()).ToList())).ToList();
}
