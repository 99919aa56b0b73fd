using System.Globalization;
using System.Net;
using System.Text;
using Sosei.Application.Common;
using Sosei.Application.Workbooks;

namespace Sosei.Application.Reports;

/// <summary>
/// Writes a report as an Excel workbook: one sheet per table, title rows, grouped and filled headers, borders,
/// numbers with thousands separators and the KPI's decimals and unit, frozen header rows and name columns, header rows
/// repeated on every printed page, A4 landscape fitted to the page width, page header with the plan name and footer
/// with page numbers.
/// </summary>
public static class ReportXlsx
{
    /// <summary>Row of the column headers (after title, subtitle, note, and the group row when there is one).</summary>
    public static int HeaderRow(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Groups.Count > 0 ? 5 : 4;
    }

    /// <summary>The workbook.</summary>
    public static byte[] Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sheets = new List<XlsxSheet>();
        foreach (var table in report.Tables)
        {
            var header = HeaderRow(table);
            var sheet = new XlsxSheet
            {
                Name = table.SheetName,
                FrozenRows = header,
                FrozenColumns = table.FrozenColumns,
                PrintTitleRows = (header - (table.Groups.Count > 0 ? 1 : 0), header),
                PageHeader = report.PlanName,
                MaxAutoWidth = 40,
            };
            sheet.Widths.AddRange(table.Columns.Select(c => c.Width));
            sheet.Add(XlsxCell.Of(report.Title + " " + table.Title, XlsxStyle.Title));
            sheet.Add(XlsxCell.Of(report.OrganizationName + " ・ " + report.Subtitle));
            sheet.Add(XlsxCell.Of(table.Note ?? ""));
            if (table.Groups.Count > 0)
            {
                var groupRow = new List<XlsxCell>();
                var column = 1;
                foreach (var g in table.Groups)
                {
                    groupRow.Add(XlsxCell.Of(g.Text, XlsxStyle.Head));
                    groupRow.AddRange(Enumerable.Repeat(XlsxCell.Of((string?)null, XlsxStyle.Head), g.Span - 1));
                    if (g.Span > 1)
                    {
                        sheet.Merges.Add(new XlsxMerge(header - 1, column, header - 1, column + g.Span - 1));
                    }

                    column += g.Span;
                }

                sheet.Rows.Add(groupRow);
            }

            sheet.Rows.Add(table.Columns.Select(c => XlsxCell.Of(c.Header, XlsxStyle.Head)).ToList());
            foreach (var row in table.Rows)
            {
                sheet.Rows.Add(row.Cells.Select((cell, i) => Cell(cell, table.Columns[i], row)).ToList());
            }

            sheets.Add(sheet);
        }

        if (report.Notes.Count > 0)
        {
            var notes = new XlsxSheet { Name = "注記", PageHeader = report.PlanName, Landscape = false, MaxAutoWidth = 120 };
            notes.Add(XlsxCell.Of(report.Title, XlsxStyle.Title));
            foreach (var n in report.Notes)
            {
                notes.Add(XlsxCell.Of(n));
            }

            sheets.Add(notes);
        }

        return XlsxWriter.ToBytes(sheets);
    }

    private static XlsxCell Cell(ReportCell cell, ReportColumn column, ReportRow row)
    {
        var style = XlsxStyle.Body with
        {
            Bold = row.IsTotal,
            Fill = StatusColors.Of(cell.Class)?.Fill ?? (row.IsTotal ? "F3F6FA" : null),
            Align = column.Numeric ? XlsxAlign.Right : XlsxAlign.General,
        };
        return cell.Number is { } n
            ? XlsxCell.Of(n, style with { NumberFormat = cell.NumberFormat, Wrap = false })
            : XlsxCell.Of(cell.Text, style);
    }
}

/// <summary>CSV of a report's main table: header row, then the rows as shown (UTF-8 with BOM for Excel).</summary>
public static class ReportCsv
{
    /// <summary>The CSV bytes.</summary>
    public static byte[] Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = report.MainTable;
        var rows = new List<IReadOnlyList<string?>> { table.Columns.Select(c => (string?)c.Header).ToList() };
        rows.AddRange(table.Rows.Select(r => r.Cells.Select(c => (string?)c.Text).ToList()));
        return CsvFile.Write(rows);
    }
}

/// <summary>
/// The printable HTML of a report (no Razor: a small builder). Print CSS for A4 (landscape for wide tables); the page
/// header and footer (plan name, page numbers) come from the PDF renderer, so the page itself carries neither.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        @page { size: A4 landscape; margin: 16mm 10mm 14mm 10mm; }
        * { box-sizing: border-box; }
        html { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", sans-serif; color: #1d2433; font-size: 9pt; line-height: 1.45; }
        body { margin: 0; }
        h1 { font-size: 15pt; margin: 0 0 2mm; }
        .subtitle { color: #4b5563; margin: 0 0 4mm; }
        h2 { font-size: 11.5pt; margin: 6mm 0 1.5mm; border-left: 4px solid #1f5fa8; padding-left: 2mm; break-after: avoid; }
        .note { color: #5b6475; font-size: 8pt; margin: 0 0 2mm; }
        table { border-collapse: collapse; width: 100%; font-size: 7.6pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 0.6pt solid #9aa3b2; padding: 1mm 1.2mm; vertical-align: top; text-align: left; white-space: pre-line; }
        th { background: #dce6f1; font-weight: 700; text-align: center; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: 700; background: #f3f6fa; }
        tr.sub td { color: #374151; background: #fbfcfd; }
        .muted { color: #6b7280; }
        .reference { color: #475569; }
        .provisional { color: #9a6700; }
        td.grade { text-align: center; font-weight: 700; white-space: nowrap; }
        .charts { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 3mm; }
        figure { margin: 0; border: 0.6pt solid #d9dee7; padding: 1.5mm; break-inside: avoid; }
        figcaption { font-size: 8pt; font-weight: 700; }
        figcaption span { font-weight: 400; color: #4b5563; margin-left: 2mm; }
        figure svg { width: 100%; height: auto; display: block; }
        .page-break { break-before: page; }
        ul.notes { color: #4b5563; font-size: 8pt; padding-left: 4mm; }
        """;

    /// <summary>The HTML document.</summary>
    public static string Render(ReportDocument report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>").Append(E(report.Title)).Append("</title><style>").Append(Style).Append(StatusColors.Css()).Append("</style></head><body>");
        sb.Append("<h1>").Append(E(report.Title)).Append("</h1>");
        sb.Append("<p class=\"subtitle\">").Append(E(report.OrganizationName)).Append(" ・ ").Append(E(report.Subtitle)).Append("</p>");
        foreach (var table in report.Tables)
        {
            Table(sb, table);
        }

        if (report.Charts.Count > 0)
        {
            sb.Append("<h2 class=\"page-break\">KPIの推移</h2><p class=\"note\">実線は実績（白抜きは参考値・未確定値）、破線は基準値から目標値。</p><div class=\"charts\">");
            foreach (var chart in report.Charts)
            {
                sb.Append("<figure><figcaption>").Append(E(chart.Title));
                if (chart.Caption is not null)
                {
                    sb.Append("<span>").Append(E(chart.Caption)).Append("</span>");
                }

                sb.Append("</figcaption>").Append(chart.Svg).Append("</figure>");
            }

            sb.Append("</div>");
        }

        if (report.Notes.Count > 0)
        {
            sb.Append("<ul class=\"notes\">");
            foreach (var n in report.Notes)
            {
                sb.Append("<li>").Append(E(n)).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, ReportTable table)
    {
        sb.Append("<h2>").Append(E(table.Title)).Append("</h2>");
        if (table.Note is not null)
        {
            sb.Append("<p class=\"note\">").Append(E(table.Note)).Append("</p>");
        }

        // Column widths in proportion to the Excel widths, so long texts get room and numbers stay on one line.
        var total = table.Columns.Sum(c => c.Width ?? 10);
        sb.Append("<table><colgroup>");
        foreach (var c in table.Columns)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<col style=\"width:{(c.Width ?? 10) * 100 / total:0.##}%\">");
        }

        sb.Append("</colgroup><thead>");
        if (table.Groups.Count > 0)
        {
            sb.Append("<tr>");
            foreach (var g in table.Groups)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<th colspan=\"{g.Span}\">").Append(E(g.Text)).Append("</th>");
            }

            sb.Append("</tr>");
        }

        sb.Append("<tr>");
        foreach (var c in table.Columns)
        {
            sb.Append("<th>").Append(E(c.Header)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            sb.Append(row.IsTotal ? "<tr class=\"total\">" : row.IsSub ? "<tr class=\"sub\">" : "<tr>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var cls = cell.Class ?? (table.Columns[i].Numeric ? "num" : null);
                sb.Append(cls is null ? "<td>" : $"<td class=\"{E(cls)}\">").Append(E(cell.Text)).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
