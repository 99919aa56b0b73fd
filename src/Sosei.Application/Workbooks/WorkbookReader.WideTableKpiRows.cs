using System.Text.RegularExpressions;
using Sosei.Application.PlanFiles;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
using static Sosei.Application.Workbooks.WorkbookTemplate;

namespace Sosei.Application.Workbooks;

/// <summary>The KPI sheet as a city's wide table.</summary>
public sealed partial class WorkbookReader
{
    /// <summary>
    /// The KPI sheet shaped like the 網走市 KPI 進捗管理表: the tree from level columns (基本目標, 基本方針 …), a two-row
    /// header, sub-items in the name cell, "名前(平日)" and "名前(休日)" on consecutive rows as two series, reference
    /// values, and "名前(再掲)" rows that show a KPI again under another node.
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

            // The 網走市 table: "名前(平日)" then "名前(休日)" on the next row are two series of one KPI.
            if (lines.Count == 1 && BracketItem().Match(first) is { Success: true } bracket)
            {
                var baseName = bracket.Groups["base"].Value.Trim();
                var last = Last;
                if (last is not null && last.BracketBase == baseName && last.Node.Value == node?.Code)
                {
                    if (last.Series.Count == 0)
                    {
                        // Turn the first row's own values into its series.
                        var firstItem = BracketItem().Match(last.Name.Value!).Groups["item"].Value.Trim();
                        var s1 = new SeriesBuilder { Code = new Text("S1", last.Row), Name = new Text(firstItem, last.Name.Where), Baseline = last.Fields.GetValueOrDefault("baseline"), Target = last.Fields.GetValueOrDefault("target"), Row = last.Row };
                        s1.Values.AddRange(last.Values);
                        last.Values.Clear();
                        last.Fields.Remove("baseline");
                        last.Fields.Remove("target");
                        last.Series.Add(s1);
                        last.Name = new Text(baseName, last.Name.Where);
                    }

                    CheckSameKpi(last, row);
                    AddSeries(last, row, [bracket.Groups["item"].Value.Trim()], [], row.Loc(NameColumn));
                    return;
                }
            }

            var kpi = Create(row, node, builders, code, nameText);
            if (lines.Count == 1 && BracketItem().Match(first) is { Success: true } b)
            {
                kpi.BracketBase = b.Groups["base"].Value.Trim();
            }

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

        [GeneratedRegex(@"^(?<base>.+?)\s*[(（](?<item>[^()（）]+)[)）]\s*$")]
        private static partial Regex BracketItem();

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
