using Sosei.Application.PlanFiles;
using static Sosei.Application.Workbooks.WorkbookTemplate;

namespace Sosei.Application.Workbooks;

/// <summary>The KPI sheet in the template's layout.</summary>
public sealed partial class WorkbookReader
{
    /// <summary>
    /// The template's KPI sheet (docs/formats/workbook.md): one row per KPI with its ノード code, series on the rows
    /// below it (項目, 項目コード) or as sub-items in the name cell when there is no 項目 column.
    /// </summary>
    private sealed class TemplateKpiRows(
        WorkbookReader reader,
        Table table,
        List<PeriodColumn> periods,
        string nameColumn,
        string? baselinePeriodDefault,
        string? targetPeriodDefault)
        : KpiRows(reader, table, periods, nameColumn, baselinePeriodDefault, targetPeriodDefault)
    {
        public override void Read(TableRow row, List<KpiBuilder> builders, List<(RelistingEntry, CellLocation)> relistings) =>
            ReadRow(row, null, builders, relistings);

        protected override Text NodeOf(TableRow row, NodeBuilder? node) =>
            new(row.Get(KpiColumns.Node)?.Trim(), row.Loc(KpiColumns.Node));

        protected override void ReadKpiRow(TableRow row, NodeBuilder? node, List<KpiBuilder> builders, List<(RelistingEntry, CellLocation)> relistings, string? code, string? nameText, string? seriesCode, bool hasValues)
        {
            var kpi = Create(row, node, builders, code, nameText);
            ReadValues(kpi, row, nameText, seriesCode, subItems: !SeriesColumn);
        }
    }
}
