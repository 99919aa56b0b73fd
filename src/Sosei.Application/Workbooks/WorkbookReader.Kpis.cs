using System.Globalization;
using System.Text.RegularExpressions;
using Sosei.Application.PlanFiles;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
using Sosei.Domain.Values;
using static Sosei.Application.Workbooks.WorkbookTemplate;

namespace Sosei.Application.Workbooks;

/// <summary>The KPI sheet: template layout (one row per KPI, one row per series) and the 網走市 table layout.</summary>
public sealed partial class WorkbookReader
{
    /// <summary>A text with the cell it came from.</summary>
    private readonly record struct Text(string? Value, CellLocation Where);

    private sealed class SeriesBuilder
    {
        public required Text Code { get; init; }

        public required Text Name { get; set; }

        public Text Baseline { get; set; }

        public Text Target { get; set; }

        public List<ValueCell> Values { get; } = [];

        public CellLocation Row { get; init; } = null!;
    }

    private sealed class ValueCell(string period, CellLocation header, string value, CellLocation cell)
    {
        public string Period { get; } = period;

        public CellLocation Header { get; } = header;

        public string Value { get; } = value;

        public CellLocation Cell { get; } = cell;

        public string? Comment { get; set; }
    }

    private sealed class KpiBuilder
    {
        public required Text Code { get; set; }

        public required Text Node { get; init; }

        public required CellLocation Row { get; init; }

        public Dictionary<string, Text> Fields { get; } = new(StringComparer.Ordinal);

        public Text Name { get; set; }

        public List<string> Departments { get; } = [];

        public CellLocation DepartmentsCell { get; set; } = null!;

        public List<ValueCell> Values { get; } = [];

        public List<SeriesBuilder> Series { get; } = [];

        public List<(Text Period, Text Value, CellLocation Row)> Interim { get; } = [];

        /// <summary>In the table layout, "名前(平日)": the part before the bracket, to join the next row "名前(休日)" as a series.</summary>
        public string? BracketBase { get; set; }

        public string? Get(string field) => Fields.TryGetValue(field, out var t) ? t.Value : null;
    }

    private sealed record PeriodColumn(int Column, string Text, CellLocation Header);

    private sealed record KpiRead(List<KpiBuilder> Builders, List<string>? Levels, List<NodeBuilder>? TableNodes, List<(RelistingEntry Relisting, CellLocation Where)> Relistings);

    // KPI fields that live on the KPI (not on a series) and map to a plan-file property.
    private static readonly (string Column, string Field)[] KpiFields =
    [
        (KpiColumns.Level, "level"), (KpiColumns.Phrase, "phrase"), (KpiColumns.Unit, "unit"), (KpiColumns.Decimals, "decimals"),
        (KpiColumns.Direction, "direction"), (KpiColumns.TargetKind, "targetKind"), (KpiColumns.PeriodKind, "periodKind"),
        (KpiColumns.BaselinePeriod, "baselinePeriod"), (KpiColumns.TargetPeriod, "targetPeriod"), (KpiColumns.Aggregation, "seriesAggregation"),
        (KpiColumns.Method, "method"), (KpiColumns.SurveyTiming, "surveyTiming"), (KpiColumns.PublicationTiming, "publicationTiming"),
        (KpiColumns.Source, "source"), (KpiColumns.Note, "note"),
    ];

    private KpiRead ReadKpis(PlanEntry plan)
    {
        var builders = new List<KpiBuilder>();
        var relistings = new List<(RelistingEntry, CellLocation)>();
        if (!sheets.TryGetValue(Sheets.Kpis, out var s))
        {
            return new KpiRead(builders, null, null, relistings);
        }

        var (sheet, order) = s;
        var keys = new[] { KpiColumns.Code, KpiColumns.Name, "指標", KpiColumns.Series }.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var headerRow = 0;
        for (var r = 1; r <= Math.Min(10, sheet.Rows.Count) && headerRow == 0; r++)
        {
            if (sheet.Rows[r - 1].Any(c => keys.Contains(Normalize(c))))
            {
                headerRow = r;
            }
        }

        if (headerRow == 0)
        {
            Problem(new CellLocation(sheet.Name, 1, 0, null, order), null, "見出し行が見つかりません（「KPIコード」「指標名」「項目」のいずれかの列が必要です）。", "no header row (a KPIコード, 指標名 or 項目 column is needed).", isStructural: true);
            return new KpiRead(builders, null, null, relistings);
        }

        // A two-row header (the 網走市 table: "KPI" above "項目 | 基準値(H26) | H27年(度) …") takes the upper cell
        // where the lower one is blank.
        var headers = new Dictionary<int, string>();
        var width = sheet.Rows.Take(headerRow).Max(r => r.Count);
        for (var c = 1; c <= width; c++)
        {
            for (var r = headerRow; r >= Math.Max(1, headerRow - 2); r--)
            {
                if (!string.IsNullOrWhiteSpace(sheet.Cell(r, c)))
                {
                    headers[c] = sheet.Cell(r, c).Trim();
                    break;
                }
            }
        }

        CellLocation HeaderLoc(int c) => new(sheet.Name, headerRow, c, headers.GetValueOrDefault(c), order);

        // Classify columns.
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var periodColumns = new List<PeriodColumn>();
        var levelColumns = new List<(int Column, string Name)>();
        string? baselinePeriodDefault = null;
        string? targetPeriodDefault = null;
        var unknown = new List<int>();
        var levelNames = plan.Levels.Select(Normalize).ToList();
        foreach (var (c, text) in headers.OrderBy(h => h.Key))
        {
            var n = Normalize(text);
            var known = KpiSheetColumns.FirstOrDefault(k => Normalize(k.Header) == n || k.Aliases.Any(a => Normalize(a) == n));
            if (known is not null)
            {
                if (!columns.TryAdd(known.Header, c))
                {
                    Problem(HeaderLoc(c), text, "同じ列が二つあります。", "the column appears twice.");
                }

                continue;
            }

            if (n == "KPI" && headers.Values.Any(h => Normalize(h) == Normalize(KpiColumns.Series)))
            {
                // The group header above 項目 … 目標値 in the 網走市 table.
                continue;
            }

            if (TryBracketed(text, KpiColumns.Baseline, out var bp) || TryBracketed(text, KpiColumns.Target, out bp))
            {
                var isBaseline = n.StartsWith(Normalize(KpiColumns.Baseline), StringComparison.Ordinal);
                if (!PeriodParser.TryParseRange(bp, PeriodKind.FiscalYear, out _, out var error))
                {
                    Problem(HeaderLoc(c), text, $"見出しの期間が読めません: {error.JapaneseMessage}", "the period in the header cannot be read.");
                }
                else if (isBaseline)
                {
                    baselinePeriodDefault = bp;
                }
                else
                {
                    targetPeriodDefault = bp;
                }

                columns.TryAdd(isBaseline ? KpiColumns.Baseline : KpiColumns.Target, c);
                continue;
            }

            var level = levelNames.IndexOf(n);
            if (level >= 0)
            {
                levelColumns.Add((c, text));
                continue;
            }

            if (PeriodParser.TryParse(text, PeriodKind.FiscalYear, out _, out _))
            {
                periodColumns.Add(new PeriodColumn(c, text, HeaderLoc(c)));
                continue;
            }

            unknown.Add(c);
        }

        var nameColumn = columns.ContainsKey(KpiColumns.Name) ? KpiColumns.Name : columns.ContainsKey(KpiColumns.Series) ? KpiColumns.Series : null;
        if (nameColumn is null)
        {
            Problem(HeaderLoc(0), null, "「指標名」の列（または「項目」の列）がありません。", "no 指標名 (or 項目) column.", isStructural: true);
            return new KpiRead(builders, null, null, relistings);
        }

        var tableLayout = !columns.ContainsKey(KpiColumns.Node);
        List<string>? newLevels = null;
        if (tableLayout && levelColumns.Count == 0 && plan.Levels.Count == 0)
        {
            // Without 階層名 in the 計画 sheet, the unknown columns left of the name column are the levels.
            var nameAt = columns[nameColumn];
            levelColumns = unknown.Where(c => c < nameAt).Select(c => (c, headers[c])).ToList();
            unknown.RemoveAll(c => c < nameAt);
            newLevels = levelColumns.Select(l => l.Name).ToList();
        }

        foreach (var c in unknown)
        {
            Problem(HeaderLoc(c), headers[c], "列見出しが「KPI」シートの列名でも期間でもありません（期間の例: H27, H27年(度), 平成27年度, 2015, R1）。", "the header is neither a KPI column nor a period (e.g. H27, 平成27年度, 2015, R1).");
        }

        if (tableLayout && levelColumns.Count == 0)
        {
            Problem(HeaderLoc(0), null, "「ノード」の列（体系のコード）か、階層名（例: 基本目標）の列が必要です。", "a ノード column (node codes) or level columns (e.g. 基本目標) are needed.", isStructural: true);
            return new KpiRead(builders, null, null, relistings);
        }

        var table = new Table(sheet, order, headerRow, KpiSheetColumns, columns, headers);
        var context = new KpiContext(this, table, periodColumns, nameColumn, tableLayout, baselinePeriodDefault, targetPeriodDefault);
        var roots = new List<NodeBuilder>();
        var current = new NodeBuilder?[levelColumns.Count];
        foreach (var row in table.Rows())
        {
            NodeBuilder? node = null;
            if (tableLayout)
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
                        Problem(table.Loc(row.Number, levelColumns[d].Column), cell, $"上の階層（{levelColumns[d - 1].Name}）がまだありません。", "the level above is missing.");
                        continue;
                    }

                    var siblings = parent?.Children ?? roots;
                    var code = parent is null ? $"G{siblings.Count + 1}" : $"{parent.Code}.{siblings.Count + 1}";
                    var (label, title) = SplitLabel(cell);
                    var where = table.Loc(row.Number, levelColumns[d].Column);
                    var created = new NodeBuilder(code, label, title, null, d, where, where, where);
                    siblings.Add(created);
                    nodeByCode.TryAdd(code, created);
                    current[d] = created;
                    for (var e = d + 1; e < current.Length; e++)
                    {
                        current[e] = null;
                    }
                }

                node = current.LastOrDefault(n => n is not null);
            }

            context.ReadRow(row, node, builders, relistings);
        }

        return new KpiRead(builders, newLevels, tableLayout ? roots : null, relistings);
    }

    private static bool TryBracketed(string header, string prefix, out string period)
    {
        var folded = JapaneseText.FoldWidth(header).Trim();
        period = "";
        if (!folded.StartsWith(prefix, StringComparison.Ordinal) || folded.Length == prefix.Length)
        {
            return false;
        }

        var rest = folded[prefix.Length..].Trim();
        if (rest.Length < 3 || rest[0] != '(' || rest[^1] != ')')
        {
            return false;
        }

        period = rest[1..^1].Trim();
        return true;
    }

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

    /// <summary>Reads the rows of one KPI sheet.</summary>
    private sealed partial class KpiContext(
        WorkbookReader reader,
        Table table,
        List<PeriodColumn> periods,
        string nameColumn,
        bool tableLayout,
        string? baselinePeriodDefault,
        string? targetPeriodDefault)
    {
        private readonly Dictionary<string, KpiBuilder> byCode = new(StringComparer.Ordinal);
        private KpiBuilder? last;

        private bool SeriesColumn => nameColumn == KpiColumns.Name;

        public void ReadRow(TableRow row, NodeBuilder? node, List<KpiBuilder> builders, List<(RelistingEntry, CellLocation)> relistings)
        {
            var code = row.Get(KpiColumns.Code)?.Trim();
            var nameText = row.Get(nameColumn);
            var seriesName = SeriesColumn ? row.Get(KpiColumns.Series) : null;
            var seriesCode = row.Get(KpiColumns.SeriesCode)?.Trim();
            var hasValues = periods.Any(p => row.At(p.Column) is not null) || row.Get(KpiColumns.Baseline) is not null || row.Get(KpiColumns.Target) is not null;

            if (seriesName is not null || seriesCode is not null)
            {
                var owner = code is not null ? byCode.GetValueOrDefault(code) : last;
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

            // The 網走市 table: "名前(再掲)" without values shows a KPI again here.
            var lines = SplitLines(nameText);
            var first = lines.FirstOrDefault() ?? "";
            if (tableLayout && !hasValues && RelistedName().Match(first) is { Success: true } relisted)
            {
                var name = relisted.Groups["name"].Value.Trim();
                var target = builders.FirstOrDefault(b => Same(b.Name.Value, name));
                if (target is null || node is null)
                {
                    reader.Problem(row.Loc(nameColumn), first, "再掲元の KPI（同じ名前の KPI）がこの行より上にありません。", "no KPI of this name above this row to relist.");
                }
                else
                {
                    relistings.Add((new RelistingEntry(node.Code, target.Code.Value, null, first), row.Loc(nameColumn)));
                }

                return;
            }

            // The 網走市 table: "名前(平日)" then "名前(休日)" on the next row are two series of one KPI.
            if (tableLayout && lines.Count == 1 && BracketItem().Match(first) is { Success: true } bracket)
            {
                var baseName = bracket.Groups["base"].Value.Trim();
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
                    AddSeries(last, row, [bracket.Groups["item"].Value.Trim()], [], row.Loc(nameColumn));
                    return;
                }
            }

            var kpi = Create(row, node, builders, code, nameText);
            if (tableLayout && lines.Count == 1 && BracketItem().Match(first) is { Success: true } b)
            {
                kpi.BracketBase = b.Groups["base"].Value.Trim();
            }

            // Sub-items written in the name cell (網走市: "HACCP認定施設保有企業数\n・ホタテ製品\n・サケ製品").
            var subItems = tableLayout || !SeriesColumn ? SubItems(nameText) : [];
            if (subItems.Count > 0)
            {
                kpi.Name = new Text(SubItemsName(nameText), kpi.Name.Where);
                AddSeries(kpi, row, subItems, SplitLines(seriesCode), row.Loc(nameColumn));
                return;
            }

            SetOwnValues(kpi, row);
        }

        private static bool Same(string? a, string b) =>
            a is not null && string.Equals(Squash(a), Squash(b), StringComparison.Ordinal);

        private static string Squash(string s) => new(JapaneseText.FoldWidth(s).Where(c => !char.IsWhiteSpace(c)).ToArray());

        [GeneratedRegex(@"^(?<name>.+?)\s*[(（]\s*再掲\s*[)）]\s*$")]
        private static partial Regex RelistedName();

        [GeneratedRegex(@"^(?<base>.+?)\s*[(（](?<item>[^()（）]+)[)）]\s*$")]
        private static partial Regex BracketItem();

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

        private KpiBuilder Create(TableRow row, NodeBuilder? node, List<KpiBuilder> builders, string? code, string? nameText)
        {
            var nodeText = tableLayout ? new Text(node?.Code, row.RowLoc) : new Text(row.Get(KpiColumns.Node)?.Trim(), row.Loc(KpiColumns.Node));
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
            last = kpi;
            return kpi;
        }

        private static string[] SplitDepartments(string? text) =>
            (text ?? "").Split(['\n', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        /// <summary>A series row may repeat a KPI column (or leave it blank); a different value is a mistake.</summary>
        private void CheckSameKpi(KpiBuilder kpi, TableRow row)
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

        private void AddSeries(KpiBuilder kpi, TableRow row, List<string> names, List<string> codes, CellLocation nameCell)
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

    private void ReadValueComments(List<KpiBuilder> kpis)
    {
        ReadList(Sheets.ValueComments, (row, index) =>
        {
            var code = row.Get("KPIコード")?.Trim();
            var kpi = kpis.FirstOrDefault(k => k.Code.Value == code);
            if (kpi is null)
            {
                Problem(row.Loc("KPIコード"), code, "この KPIコードは「KPI」シートにありません。", "no KPI with this code.");
                return 0;
            }

            var seriesCode = row.Get("項目コード")?.Trim();
            List<ValueCell> values;
            if (seriesCode is null)
            {
                values = kpi.Values;
            }
            else if (kpi.Series.FirstOrDefault(s => s.Code.Value == seriesCode) is { } series)
            {
                values = series.Values;
            }
            else
            {
                Problem(row.Loc("項目コード"), seriesCode, "この項目コードはその KPI にありません。", "the KPI has no series with this code.");
                return 0;
            }

            var period = row.Get("期間") ?? "";
            var kind = Words.ToEnglish(Words.PeriodKind, kpi.Get("periodKind")) == "CalendarYear" ? PeriodKind.CalendarYear : PeriodKind.FiscalYear;
            var parsed = PeriodParser.TryParse(period, kind, out var p, out _) ? p : (Period?)null;
            var value = values.FirstOrDefault(v => v.Period == period.Trim())
                ?? values.FirstOrDefault(v => parsed is not null && PeriodParser.TryParse(v.Period, kind, out var vp, out _) && vp == parsed);
            if (value is null)
            {
                Problem(row.Loc("期間"), period, "「KPI」シートにこの期間の実績値がありません（備考は値に付けます）。", "the KPI sheet has no value for this period (a comment belongs to a value).");
                return 0;
            }

            value.Comment = row.Get("備考");
            return 0;
        });
    }

    private void ReadInterimTargets(List<KpiBuilder> kpis)
    {
        ReadList(Sheets.InterimTargets, (row, index) =>
        {
            var code = row.Get("KPIコード")?.Trim();
            if (kpis.FirstOrDefault(k => k.Code.Value == code) is not { } kpi)
            {
                Problem(row.Loc("KPIコード"), code, "この KPIコードは「KPI」シートにありません。", "no KPI with this code.");
                return 0;
            }

            kpi.Interim.Add((new Text(row.Get("期間"), row.Loc("期間")), new Text(row.Get("目標値"), row.Loc("目標値")), row.RowLoc));
            return 0;
        });
    }

    private List<KpiEntry> BuildKpis(List<KpiBuilder> builders)
    {
        var result = new List<KpiEntry>();
        foreach (var k in builders)
        {
            var path = $"kpis[{result.Count}]";
            Map(path, k.Row);
            Map(path + ".code", k.Code.Where);
            Map(path + ".node", k.Node.Where);
            Map(path + ".name", k.Name.Where);
            Map(path + ".values", k.Row);
            Map(path + ".departments", k.DepartmentsCell);
            foreach (var (field, text) in k.Fields)
            {
                Map($"{path}.{field}", text.Where);
            }

            int? decimals = null;
            if (k.Get("decimals") is { } d)
            {
                if (int.TryParse(JapaneseText.FoldWidth(d).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    decimals = parsed;
                }
                else
                {
                    Problem(k.Fields["decimals"].Where, d, "小数桁数は整数で書いてください（例: 1）。", "decimals must be an integer (e.g. 1).");
                }
            }

            var series = new List<SeriesEntry>();
            foreach (var s in k.Series)
            {
                var sp = $"{path}.series[{series.Count}]";
                Map(sp, s.Row);
                Map(sp + ".code", s.Code.Where);
                Map(sp + ".name", s.Name.Where);
                Map(sp + ".baseline", s.Baseline.Where);
                Map(sp + ".target", s.Target.Where);
                series.Add(new SeriesEntry { Code = s.Code.Value ?? "", Name = s.Name.Value ?? "", Baseline = s.Baseline.Value, Target = s.Target.Value, Values = Values(s.Values, sp + ".values") });
            }

            var interim = new List<PeriodValueEntry>();
            foreach (var (period, value, row) in k.Interim)
            {
                var ip = $"{path}.interimTargets[{interim.Count}]";
                Map(ip, row);
                Map(ip + ".period", period.Where);
                Map(ip + ".value", value.Where);
                interim.Add(new PeriodValueEntry(period.Value ?? "", value.Value ?? ""));
            }

            result.Add(new KpiEntry
            {
                Code = k.Code.Value ?? "",
                Node = k.Node.Value ?? "",
                Level = Words.ToEnglish(Words.KpiLevel, k.Get("level")) ?? "Measure",
                Name = k.Name.Value ?? "",
                Phrase = k.Get("phrase"),
                Unit = k.Get("unit"),
                Decimals = decimals,
                Direction = Words.ToEnglish(Words.Direction, k.Get("direction")),
                TargetKind = Words.ToEnglish(Words.TargetKind, k.Get("targetKind")),
                Baseline = k.Get("baseline"),
                BaselinePeriod = k.Get("baselinePeriod"),
                Target = k.Get("target"),
                TargetPeriod = k.Get("targetPeriod"),
                InterimTargets = interim,
                PeriodKind = Words.ToEnglish(Words.PeriodKind, k.Get("periodKind")),
                SeriesAggregation = Words.ToEnglish(Words.SeriesAggregation, k.Get("seriesAggregation")),
                Method = Words.ToEnglish(Words.Method, k.Get("method")),
                SurveyTiming = k.Get("surveyTiming"),
                PublicationTiming = k.Get("publicationTiming"),
                Source = k.Get("source"),
                Departments = [.. k.Departments],
                Note = k.Get("note"),
                Series = series,
                Values = Values(k.Values, path + ".values"),
            });
        }

        return result;
    }

    private List<PeriodValueEntry> Values(List<ValueCell> cells, string path)
    {
        var list = new List<PeriodValueEntry>();
        foreach (var v in cells)
        {
            var vp = $"{path}[{list.Count}]";
            Map(vp, v.Cell);
            Map(vp + ".value", v.Cell);
            Map(vp + ".period", v.Header);
            list.Add(new PeriodValueEntry(v.Period, v.Value, v.Comment));
        }

        return list;
    }
}
