using Sosei.Application.PlanFiles;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
using Sosei.Domain.Values;
using static Sosei.Application.Workbooks.WorkbookTemplate;

namespace Sosei.Application.Workbooks;

/// <summary>The rows of the KPI sheet, shared by both layouts.</summary>
public sealed partial class WorkbookReader
{
    /// <summary>
    /// Reads the rows of one KPI sheet into KPIs, whatever the layout: series rows, the KPI columns, values by period
    /// column, several values in one cell split per series. <see cref="TemplateKpiRows"/> and
    /// <see cref="WideTableKpiRows"/> say what a row that names a KPI means in their layout.
    /// </summary>
    private abstract class KpiRows(
        WorkbookReader reader,
        Table table,
        List<PeriodColumn> periods,
        string nameColumn,
        string? baselinePeriodDefault,
        string? targetPeriodDefault)
    {
        private readonly Dictionary<string, KpiBuilder> byCode = new(StringComparer.Ordinal);

        /// <summary>The KPI of the row above that named one.</summary>
        protected KpiBuilder? Last { get; private set; }

        /// <summary>Whether the sheet has 指標名 with a 項目 column for series (else 項目 is the name column).</summary>
        protected bool SeriesColumn => nameColumn == KpiColumns.Name;

        protected WorkbookReader Reader => reader;

        protected Table Table => table;

        protected string NameColumn => nameColumn;

        /// <summary>Reads one row (with the node it belongs to, in the wide table).</summary>
        public abstract void Read(TableRow row, List<KpiBuilder> builders, List<(RelistingEntry, CellLocation)> relistings);

        /// <summary>A series row joins its KPI; a row with values but no name is a problem; any other row is the layout's.</summary>
        protected void ReadRow(TableRow row, NodeBuilder? node, List<KpiBuilder> builders, List<(RelistingEntry, CellLocation)> relistings)
        {
            var code = row.Get(KpiColumns.Code)?.Trim();
            var nameText = row.Get(nameColumn);
            var seriesName = SeriesColumn ? row.Get(KpiColumns.Series) : null;
            var seriesCode = row.Get(KpiColumns.SeriesCode)?.Trim();
            var hasValues = periods.Any(p => row.At(p.Column) is not null) || row.Get(KpiColumns.Baseline) is not null || row.Get(KpiColumns.Target) is not null;

            if (seriesName is not null || seriesCode is not null)
            {
                var owner = code is not null ? byCode.GetValueOrDefault(code) : Last;
                if (owner is null)
                {
                    owner = Create(row, node, builders, code, nameText);
                }
                else
                {
                    CheckSameKpi(owner, row);
                }

                AddSeries(owner, row, SplitLines(seriesName), SplitLines(seriesCode), row.Loc(KpiColumns.Series));
                return;
            }

            if (nameText is null && code is null)
            {
                if (hasValues)
                {
                    reader.Problem(row.Loc(nameColumn), null, "指標名がありません（値だけの行です）。", "a row with values but no KPI name.");
                }

                return;
            }

            ReadKpiRow(row, node, builders, relistings, code, nameText, seriesCode, hasValues);
        }

        /// <summary>Reads a row that names a KPI (not a series row).</summary>
        protected abstract void ReadKpiRow(TableRow row, NodeBuilder? node, List<KpiBuilder> builders, List<(RelistingEntry, CellLocation)> relistings, string? code, string? nameText, string? seriesCode, bool hasValues);

        /// <summary>The node of a new KPI, with the cell it came from.</summary>
        protected abstract Text NodeOf(TableRow row, NodeBuilder? node);

        protected static bool Same(string? a, string b) =>
            a is not null && string.Equals(Squash(a), Squash(b), StringComparison.Ordinal);

        private static string Squash(string s) => new(JapaneseText.FoldWidth(s).Where(c => !char.IsWhiteSpace(c)).ToArray());

        private static readonly char[] Bullets = ['・', '･', '-', '－', '•', '○', '◦'];

        /// <summary>Sub-item names of a name cell: lines after the first, or " ・a ・b" after the name on one line.</summary>
        private static List<string> SubItems(string? nameText)
        {
            var lines = SplitLines(nameText);
            if (lines.Count > 1)
            {
                return lines.Skip(1).Select(l => l.TrimStart(Bullets).Trim()).Where(l => l.Length > 0).ToList();
            }

            var parts = (nameText ?? "").Split(" ・", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 2 ? parts.Skip(1).Select(p => p.TrimStart(Bullets).Trim()).ToList() : [];
        }

        private static string SubItemsName(string? nameText)
        {
            var lines = SplitLines(nameText);
            return lines.Count > 1 ? lines[0] : (nameText ?? "").Split(" ・")[0].Trim();
        }

        protected KpiBuilder Create(TableRow row, NodeBuilder? node, List<KpiBuilder> builders, string? code, string? nameText)
        {
            var nodeText = NodeOf(row, node);
            var nodeBuilder = nodeText.Value is { } nc ? reader.nodeByCode.GetValueOrDefault(nc) : null;
            var levelText = row.Get(KpiColumns.Level);
            var isGoal = levelText is null ? nodeBuilder?.Depth == 0 : Words.ToEnglish(Words.KpiLevel, levelText) == "Goal";
            if (code is null)
            {
                // No code: made from the node and the position, as the demo data does (G1-N1, G1.1.1.1-K1).
                var n = nodeBuilder is null ? builders.Count(b => b.Node.Value == nodeText.Value) + 1 : isGoal ? ++nodeBuilder.GoalCount : ++nodeBuilder.KpiCount;
                code = $"{nodeText.Value ?? "KPI"}-{(isGoal ? "N" : "K")}{n}";
            }

            var kpi = new KpiBuilder
            {
                Code = new Text(code, row.Get(KpiColumns.Code) is null ? row.RowLoc : row.Loc(KpiColumns.Code)),
                Node = nodeText,
                Row = row.RowLoc,
                Name = new Text(nameText, row.Loc(nameColumn)),
                DepartmentsCell = row.Loc(KpiColumns.Departments),
            };
            foreach (var (column, field) in KpiFields)
            {
                if (row.Get(column) is { } value)
                {
                    kpi.Fields[field] = new Text(value, row.Loc(column));
                }
            }

            if (levelText is null && nodeBuilder is not null)
            {
                kpi.Fields["level"] = new Text(isGoal ? "Goal" : "Measure", row.RowLoc);
            }

            kpi.Departments.AddRange(SplitDepartments(row.Get(KpiColumns.Departments)));
            builders.Add(kpi);
            byCode.TryAdd(code, kpi);
            Last = kpi;
            return kpi;
        }

        private static string[] SplitDepartments(string? text) =>
            (text ?? "").Split(['\n', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        /// <summary>A series row may repeat a KPI column (or leave it blank); a different value is a mistake.</summary>
        protected void CheckSameKpi(KpiBuilder kpi, TableRow row)
        {
            foreach (var (column, field) in KpiFields)
            {
                if (row.Get(column) is not { } value)
                {
                    continue;
                }

                if (kpi.Fields.TryGetValue(field, out var existing))
                {
                    if (existing.Value != value)
                    {
                        reader.Problem(row.Loc(column), value, $"同じ KPI の上の行（{existing.Where.Row}行）と違います。KPI の列は KPI の行に書いてください。", "differs from the KPI's row above; KPI columns belong on the KPI's row.");
                    }
                }
                else
                {
                    kpi.Fields[field] = new Text(value, row.Loc(column));
                }
            }

            if (SeriesColumn && row.Get(KpiColumns.Name) is { } name && !Same(kpi.Name.Value, name))
            {
                reader.Problem(row.Loc(KpiColumns.Name), name, "同じ KPIコードの上の行と指標名が違います。", "the KPI name differs from the row above with this code.");
            }

            foreach (var d in SplitDepartments(row.Get(KpiColumns.Departments)).Where(d => !kpi.Departments.Contains(d)))
            {
                kpi.Departments.Add(d);
            }
        }

        /// <summary>Sub-items in the name cell (when the layout has them) become series; otherwise the row's values are the KPI's own.</summary>
        protected void ReadValues(KpiBuilder kpi, TableRow row, string? nameText, string? seriesCode, bool subItems)
        {
            var items = subItems ? SubItems(nameText) : [];
            if (items.Count > 0)
            {
                kpi.Name = new Text(SubItemsName(nameText), kpi.Name.Where);
                AddSeries(kpi, row, items, SplitLines(seriesCode), row.Loc(nameColumn));
                return;
            }

            SetOwnValues(kpi, row);
        }

        private void SetOwnValues(KpiBuilder kpi, TableRow row)
        {
            if (row.Get(KpiColumns.Baseline) is { } baseline)
            {
                kpi.Fields["baseline"] = new Text(baseline, row.Loc(KpiColumns.Baseline));
                ApplyBaselineDefault(kpi, baseline, row);
            }

            if (row.Get(KpiColumns.Target) is { } target)
            {
                kpi.Fields["target"] = new Text(target, row.Loc(KpiColumns.Target));
                ApplyTargetDefault(kpi, row);
            }

            foreach (var p in periods)
            {
                if (row.At(p.Column) is { } value)
                {
                    kpi.Values.Add(new ValueCell(p.Text, p.Header, value, table.Loc(row.Number, p.Column)));
                }
            }
        }

        private void ApplyBaselineDefault(KpiBuilder kpi, string? baseline, TableRow row)
        {
            // 基準値(H26) gives the period unless the KPI has its own, or the value carries one: "(H20-24) 1.51".
            if (baselinePeriodDefault is null || kpi.Fields.ContainsKey("baselinePeriod"))
            {
                return;
            }

            if (baseline is not null && ValueParser.TryParse(baseline, out var v, out _) && v.Period is not null)
            {
                return;
            }

            kpi.Fields["baselinePeriod"] = new Text(baselinePeriodDefault, row.Loc(KpiColumns.Baseline));
        }

        private void ApplyTargetDefault(KpiBuilder kpi, TableRow row)
        {
            if (targetPeriodDefault is not null && !kpi.Fields.ContainsKey("targetPeriod"))
            {
                kpi.Fields["targetPeriod"] = new Text(targetPeriodDefault, row.Loc(KpiColumns.Target));
            }
        }

        protected void AddSeries(KpiBuilder kpi, TableRow row, List<string> names, List<string> codes, CellLocation nameCell)
        {
            if (names.Count == 0)
            {
                names = [.. codes];
            }

            var n = names.Count;
            if (codes.Count > 0 && codes.Count != n)
            {
                reader.Problem(row.Loc(KpiColumns.SeriesCode), string.Join(" ", codes), $"項目が{n}つなのに項目コードが{codes.Count}つあります。", $"{n} series but {codes.Count} series codes.");
                codes = [];
            }

            var baselines = Split(row.Get(KpiColumns.Baseline), n, row.Loc(KpiColumns.Baseline), isValue: false);
            var targets = Split(row.Get(KpiColumns.Target), n, row.Loc(KpiColumns.Target), isValue: false);
            if (baselines.Single is { } kb)
            {
                kpi.Fields["baseline"] = new Text(kb, row.Loc(KpiColumns.Baseline));
            }

            if (targets.Single is { } kt)
            {
                kpi.Fields["target"] = new Text(kt, row.Loc(KpiColumns.Target));
            }

            if (row.Get(KpiColumns.Baseline) is { } anyBaseline)
            {
                ApplyBaselineDefault(kpi, baselines.Parts?.FirstOrDefault(x => x is not null) ?? anyBaseline, row);
            }

            if (row.Get(KpiColumns.Target) is not null)
            {
                ApplyTargetDefault(kpi, row);
            }

            var values = periods.Select(p => (Column: p, Parts: Split(row.At(p.Column), n, table.Loc(row.Number, p.Column), isValue: true))).ToList();
            for (var i = 0; i < n; i++)
            {
                var series = new SeriesBuilder
                {
                    Code = new Text(codes.Count == n ? codes[i] : $"S{kpi.Series.Count + 1}", codes.Count == n ? row.Loc(KpiColumns.SeriesCode) : row.RowLoc),
                    Name = new Text(names[i], nameCell),
                    Baseline = new Text(baselines.Parts?[i], row.Loc(KpiColumns.Baseline)),
                    Target = new Text(targets.Parts?[i], row.Loc(KpiColumns.Target)),
                    Row = row.RowLoc,
                };
                foreach (var (p, parts) in values)
                {
                    if (parts.Parts?[i] is { } value)
                    {
                        series.Values.Add(new ValueCell(p.Text, p.Header, value, table.Loc(row.Number, p.Column)));
                    }
                }

                kpi.Series.Add(series);
            }
        }

        /// <summary>
        /// Splits a cell into one text per series: by lines, or (one line) by the cell parser ("4社 1社"). One value
        /// for several series is the KPI's own baseline or target ("全国平均"), and an error for an actual value.
        /// </summary>
        private (string?[]? Parts, string? Single) Split(string? text, int n, CellLocation where, bool isValue)
        {
            if (text is null)
            {
                return (new string?[n], null);
            }

            if (n == 1)
            {
                return ([text], null);
            }

            var lines = SplitLines(text);
            if (lines.Count == n)
            {
                return (lines.ToArray(), null);
            }

            ValueFormatException? error = null;
            if (lines.Count == 1)
            {
                if (ValueParser.IsReferenceTarget(text))
                {
                    return isValue ? (Enumerable.Repeat<string?>(text.Trim(), n).ToArray(), null) : (null, text);
                }

                if (ValueParser.TryParseCell(text, PeriodKind.FiscalYear, out var parsed, out error))
                {
                    if (parsed.Count == n)
                    {
                        return (parsed.Select(v => (string?)v.OriginalText).ToArray(), null);
                    }

                    if (parsed.Count == 1 && !isValue)
                    {
                        return (null, text);
                    }

                    lines = parsed.Select(v => v.OriginalText).ToList();
                }
                else if (!isValue)
                {
                    // Let the validator quote the unreadable text with its reason.
                    return (null, text);
                }
            }

            reader.Problem(
                where,
                text,
                error is null ? $"項目が{n}つなのに値が{lines.Count}つあります（項目ごとに改行で分けて書いてください）。" : error.JapaneseMessage,
                error is null ? $"{n} series but {lines.Count} values (one line per series)." : $"cannot be split into one value per series: {error.EnglishMessage}");
            return (new string?[n], null);
        }
    }
}
