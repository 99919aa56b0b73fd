using System.Text.RegularExpressions;
using Sosei.Application.PlanFiles;

namespace Sosei.Application.Workbooks;

/// <summary>The KPI sheet as a city's wide table.</summary>
public sealed partial class WorkbookReader
{
    /// <summary>
    /// The KPI sheet shaped like the 網走市 KPI 進捗管理表: the tree from level columns (基本目標, 基本方針 …), a two-row
    /// header, one KPI per row (the city counts its KPIs by rows: "名前(平日)" and "名前(休日)" are two), sub-items in
    /// the name cell as series, reference values, and "名前(再掲)" rows that show a KPI again under another node.
    /// </summary>
    private sealed partial class WideTableKpiRows(
        WorkbookReader reader,
        Table table,
        List<PeriodColumn> periods,
        string nameColumn,
        string? baselinePeriodDefault,
        string? targetPeriodDefault,
        List<(int Column, string Name)> levelColumns)
        : KpiRows(reader, table, periods, nameColumn, baselinePeriodDefault, targetPeriodDefault)
    {
        private readonly NodeBuilder?[] current = new NodeBuilder?[levelColumns.Count];

        /// <summary>The tree made from the level columns.</summary>
        public List<NodeBuilder> Roots { get; } = [];

        public override void Read(TableRow row, List<KpiBuilder> builders, List<(RelistingEntry, CellLocation)> relistings) =>
            ReadRow(row, TreeNode(row), builders, relistings);

        protected override Text NodeOf(TableRow row, NodeBuilder? node) => new(node?.Code, row.RowLoc);

        protected override void ReadKpiRow(TableRow row, NodeBuilder? node, List<KpiBuilder> builders, List<(RelistingEntry, CellLocation)> relistings, string? code, string? nameText, string? seriesCode, bool hasValues)
        {
            // The 網走市 table: "名前(再掲)" without values shows a KPI again here.
            var lines = SplitLines(nameText);
            var first = lines.FirstOrDefault() ?? "";
            if (!hasValues && RelistedName().Match(first) is { Success: true } relisted)
            {
                var name = relisted.Groups["name"].Value.Trim();
                var target = builders.FirstOrDefault(b => Same(b.Name.Value, name));
                if (target is null || node is null)
                {
                    Reader.Problem(row.Loc(NameColumn), first, "再掲元の KPI（同じ名前の KPI）がこの行より上にありません。", "no KPI of this name above this row to relist.");
                }
                else
                {
                    relistings.Add((new RelistingEntry(node.Code, target.Code.Value, null, first), row.Loc(NameColumn)));
                }

                return;
            }

            // One row of the table is one KPI, as the city counts them in its 効果検証 (網走市: "中心市街地通行者数(平日)"
            // and "中心市街地通行者数(休日)" on consecutive rows are two KPIs of the 64); sub-items inside one row's cell are
            // the series of that row's KPI.
            var kpi = Create(row, node, builders, code, nameText);

            // Sub-items written in the name cell (網走市: "HACCP認定施設保有企業数\n・ホタテ製品\n・サケ製品").
            ReadValues(kpi, row, nameText, seriesCode, subItems: true);
        }

        /// <summary>The node of a row: a level cell opens a new node at its depth (and closes the deeper ones).</summary>
        private NodeBuilder? TreeNode(TableRow row)
        {
            for (var d = 0; d < levelColumns.Count; d++)
            {
                if (row.At(levelColumns[d].Column) is not { } cell)
                {
                    continue;
                }

                var parent = d == 0 ? null : current[d - 1];
                if (d > 0 && parent is null)
                {
                    Reader.Problem(Table.Loc(row.Number, levelColumns[d].Column), cell, $"上の階層（{levelColumns[d - 1].Name}）がまだありません。", "the level above is missing.");
                    continue;
                }

                var siblings = parent?.Children ?? Roots;
                var code = parent is null ? $"G{siblings.Count + 1}" : $"{parent.Code}.{siblings.Count + 1}";
                var (label, title) = SplitLabel(cell);
                var where = Table.Loc(row.Number, levelColumns[d].Column);
                var created = new NodeBuilder(code, label, title, null, d, where, where, where);
                siblings.Add(created);
                Reader.nodeByCode.TryAdd(code, created);
                current[d] = created;
                for (var e = d + 1; e < current.Length; e++)
                {
                    current[e] = null;
                }
            }

            return current.LastOrDefault(n => n is not null);
        }

        [GeneratedRegex(@"^(?<name>.+?)\s*[(（]\s*再掲\s*[)）]\s*$")]
        private static partial Regex RelistedName();

        [GeneratedRegex(@"^\s*[<＜〈《]\s*(?<label>[^>＞〉》]+?)\s*[>＞〉》]\s*(?<title>.+)$", RegexOptions.Singleline)]
        private static partial Regex BracketLabel();

        [GeneratedRegex(@"^\s*(?<label>(基本目標|基本方針|施策|目標|方針)\s*[0-9０-９]+|[（(][^）)]{1,3}[）)]|[①-⑳])\s*(?<title>.+)$", RegexOptions.Singleline)]
        private static partial Regex PlainLabel();

        /// <summary>"&lt;基本目標1&gt; 若い世代を…" → (基本目標1, 若い世代を…); a text without a number is all title.</summary>
        private static (string? Label, string Title) SplitLabel(string cell)
        {
            var text = cell.Trim();
            var m = BracketLabel().Match(text);
            if (!m.Success)
            {
                m = PlainLabel().Match(text);
            }

            return m.Success ? (m.Groups["label"].Value.Trim(), m.Groups["title"].Value.Trim()) : (null, text);
        }
    }
}
