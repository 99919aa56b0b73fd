namespace Sosei.Application.Reports;

/// <summary>The report layouts municipalities publish.</summary>
public enum ReportKind
{
    /// <summary>効果検証: summary per 基本目標 × grade, every KPI with baseline, actuals, target, achievement, grades, charts.</summary>
    Verification = 0,

    /// <summary>KPI 進捗管理表 in the wide layout of the 網走市 table.</summary>
    KpiTable = 1,

    /// <summary>事業一覧 with budgets and grants per fiscal year.</summary>
    Projects = 2,
}

/// <summary>File formats of reports.</summary>
public enum ReportFormat
{
    /// <summary>Excel workbook with real formatting.</summary>
    Xlsx = 0,

    /// <summary>A4 PDF rendered by Chromium.</summary>
    Pdf = 1,

    /// <summary>Machine-readable JSON (docs/reports.md).</summary>
    Json = 2,

    /// <summary>CSV of the report's main table (UTF-8 with BOM).</summary>
    Csv = 3,

    /// <summary>The HTML the PDF is printed from.</summary>
    Html = 4,
}

/// <summary>Names of kinds and formats as they appear in URLs and on the command line.</summary>
public static class ReportNames
{
    /// <summary>verification, kpi-table, projects.</summary>
    public static string Of(ReportKind kind) => kind switch
    {
        ReportKind.Verification => "verification",
        ReportKind.KpiTable => "kpi-table",
        _ => "projects",
    };

    /// <summary>xlsx, pdf, json, csv, html.</summary>
    public static string Of(ReportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>The Japanese title of a kind.</summary>
    public static string Title(ReportKind kind) => kind switch
    {
        ReportKind.Verification => "効果検証",
        ReportKind.KpiTable => "KPI進捗管理表",
        _ => "事業一覧",
    };

    /// <summary>Reads a kind name (verification, kpi-table, projects).</summary>
    public static bool TryParseKind(string? text, out ReportKind kind)
    {
        foreach (var k in Enum.GetValues<ReportKind>())
        {
            if (string.Equals(Of(k), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Reads a format name (xlsx, pdf, json, csv, html).</summary>
    public static bool TryParseFormat(string? text, out ReportFormat format)
    {
        foreach (var f in Enum.GetValues<ReportFormat>())
        {
            if (string.Equals(Of(f), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = f;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The formats a kind is offered in (JSON only for the verification summary).</summary>
    public static IReadOnlyList<ReportFormat> FormatsOf(ReportKind kind) =>
        kind == ReportKind.Verification
            ? [ReportFormat.Xlsx, ReportFormat.Pdf, ReportFormat.Json, ReportFormat.Csv]
            : [ReportFormat.Xlsx, ReportFormat.Pdf, ReportFormat.Csv];
}

/// <summary>A cell of a report table: the text shown (HTML, PDF, CSV) and, for Excel, a number with its format.</summary>
/// <param name="Text">Text as shown.</param>
/// <param name="Number">The number behind the text, in the unit of <paramref name="NumberFormat"/>; null for text.</param>
/// <param name="NumberFormat">Excel number format (<c>#,##0.0"万人"</c>, <c>0.0%</c>).</param>
/// <param name="Class">CSS class in HTML (num, grade-0, muted …).</param>
public sealed record ReportCell(string Text, decimal? Number = null, string? NumberFormat = null, string? Class = null)
{
    /// <summary>An empty cell.</summary>
    public static ReportCell Empty { get; } = new("");

    /// <summary>Implicit text cell.</summary>
    public static implicit operator ReportCell(string text) => new(text);

    /// <summary>A text cell.</summary>
    public static ReportCell FromString(string text) => new(text);
}

/// <summary>A column of a report table.</summary>
/// <param name="Header">Header text.</param>
/// <param name="Numeric">Right-aligned numbers.</param>
/// <param name="Width">Excel width in characters; null = from the content.</param>
public sealed record ReportColumn(string Header, bool Numeric = false, double? Width = null);

/// <summary>A header cell spanning columns above the column headers.</summary>
/// <param name="Text">Text.</param>
/// <param name="Span">Number of columns.</param>
public sealed record HeaderGroup(string Text, int Span);

/// <summary>A table of a report.</summary>
public sealed record ReportTable
{
    /// <summary>Title (also the Excel sheet name, shortened).</summary>
    public required string Title { get; init; }

    /// <summary>Sheet name in Excel (at most 31 characters).</summary>
    public required string SheetName { get; init; }

    /// <summary>Columns.</summary>
    public required IReadOnlyList<ReportColumn> Columns { get; init; }

    /// <summary>Rows; a row marked total is bold.</summary>
    public required IReadOnlyList<ReportRow> Rows { get; init; }

    /// <summary>Header cells above the column headers, or empty.</summary>
    public IReadOnlyList<HeaderGroup> Groups { get; init; } = [];

    /// <summary>Columns kept visible when scrolling right in Excel.</summary>
    public int FrozenColumns { get; init; }

    /// <summary>A note printed under the title.</summary>
    public string? Note { get; init; }
}

/// <summary>A row of a report table.</summary>
/// <param name="Cells">Cells, one per column.</param>
/// <param name="IsTotal">A totals row (bold).</param>
/// <param name="IsSub">A sub-row (a KPI's series), shown indented and lighter.</param>
public sealed record ReportRow(IReadOnlyList<ReportCell> Cells, bool IsTotal = false, bool IsSub = false);

/// <summary>A chart of a report (SVG, for HTML and PDF).</summary>
/// <param name="Title">Title.</param>
/// <param name="Caption">Short caption under the title (achievement, grade).</param>
/// <param name="Svg">The chart.</param>
public sealed record ReportChart(string Title, string? Caption, string Svg);

/// <summary>A report ready to render in any format.</summary>
public sealed record ReportDocument
{
    /// <summary>Kind.</summary>
    public required ReportKind Kind { get; init; }

    /// <summary>Plan code.</summary>
    public required string PlanCode { get; init; }

    /// <summary>Plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Organization name.</summary>
    public required string OrganizationName { get; init; }

    /// <summary>Title: 根室市創生総合戦略 効果検証.</summary>
    public required string Title { get; init; }

    /// <summary>Subtitle: 令和元年度 (2019) · 対象期間 ….</summary>
    public required string Subtitle { get; init; }

    /// <summary>The fiscal year reported.</summary>
    public required int FiscalYear { get; init; }

    /// <summary>Tables, the main one last.</summary>
    public required IReadOnlyList<ReportTable> Tables { get; init; }

    /// <summary>Charts (HTML and PDF only).</summary>
    public IReadOnlyList<ReportChart> Charts { get; init; } = [];

    /// <summary>Notes printed at the end (how achievement is computed, what marks mean).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The table written to CSV.</summary>
    public ReportTable MainTable => Tables[^1];
}

/// <summary>A rendered report file.</summary>
/// <param name="Content">Bytes.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="FileName">Suggested file name.</param>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>Thrown when a report cannot be produced on this machine (no Chromium for PDF).</summary>
public sealed class ReportUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReportUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ReportUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
