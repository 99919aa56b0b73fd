using Sosei.Application.PlanFiles;
using Sosei.Domain.Periods;
using Sosei.Domain.Text;
using static Sosei.Application.Workbooks.WorkbookTemplate;

namespace Sosei.Application.Workbooks;

/// <summary>
/// The KPI sheet: its header row (one or two rows) and columns, shared by both layouts; <see cref="TemplateKpiRows"/>
/// or <see cref="WideTableKpiRows"/> then reads the rows.
/// </summary>
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

            var role = ReadPeriodHeader(text, out var bp);
            if (role is PeriodHeader.Baseline or PeriodHeader.Target)
            {
                var isBaseline = role == PeriodHeader.Baseline;
                if (!PeriodParser.TryParseRange(bp, PeriodKind.FiscalYear, out _, out var error))
                {
                    Problem(HeaderLoc(c), text, $"見出しの期間が読めません: {error.JapaneseMessage}", $"the period in the header cannot be read: {error.EnglishMessage}");
                }
                else if (isBaseline)
                {
                    baselinePeriodDefault = bp;
                }
                else
                {
                    targetPeriodDefault = bp;
                }

                if (!columns.TryAdd(isBaseline ? KpiColumns.Baseline : KpiColumns.Target, c))
                {
                    Problem(HeaderLoc(c), text, $"「{(isBaseline ? KpiColumns.Baseline : KpiColumns.Target)}」の列が二つあります。", $"a second {(isBaseline ? "baseline" : "target")} column.");
                }

                continue;
            }

            if (role == PeriodHeader.Actual && PeriodParser.TryParse(bp, PeriodKind.FiscalYear, out _, out _))
            {
                // 実績値 (H27), H27実績, 平成27年度 実績値: the period of the column is what the heading names.
                periodColumns.Add(new PeriodColumn(c, bp, HeaderLoc(c)));
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
            Problem(
                HeaderLoc(c),
                headers[c],
                $"列見出しが「KPI」シートの列名でも期間でもありません（期間の例: H27, H27年(度), 平成27年度, 2015, R1, 実績値(H27), H27実績）。使える列: {KnownKpiHeadings}",
                $"the header is neither a KPI column nor a period (e.g. H27, 平成27年度, 2015, R1, 実績値(H27), H27実績). Known columns: {KnownKpiHeadings}");
        }

        if (tableLayout && levelColumns.Count == 0)
        {
            Problem(HeaderLoc(0), null, "「ノード」の列（体系のコード）か、階層名（例: 基本目標）の列が必要です。", "a ノード column (node codes) or level columns (e.g. 基本目標) are needed.", isStructural: true);
            return new KpiRead(builders, null, null, relistings);
        }

        var table = new Table(sheet, order, headerRow, KpiSheetColumns, columns, headers);
        KpiRows rows = tableLayout
            ? new WideTableKpiRows(this, table, periodColumns, nameColumn, baselinePeriodDefault, targetPeriodDefault, levelColumns)
            : new TemplateKpiRows(this, table, periodColumns, nameColumn, baselinePeriodDefault, targetPeriodDefault);
        foreach (var row in table.Rows())
        {
            rows.Read(row, builders, relistings);
        }

        return new KpiRead(builders, newLevels, (rows as WideTableKpiRows)?.Roots, relistings);
    }

    private enum PeriodHeader
    {
        None,
        Baseline,
        Target,
        Actual,
    }

    // Words of a heading that names a period: 基準値(H26), 現状値 (H26), 目標値(H31), KPI(平成31年度), 実績値 (H27). Longer
    // words first, so 基準値 is not read as 基準 + "値(H26)".
    private static readonly (string Word, PeriodHeader Role)[] PeriodWords =
    [
        (KpiColumns.Baseline, PeriodHeader.Baseline), ("現状値", PeriodHeader.Baseline), ("策定時", PeriodHeader.Baseline), ("基準", PeriodHeader.Baseline), ("現状", PeriodHeader.Baseline),
        ("KPI目標値", PeriodHeader.Target), (KpiColumns.Target, PeriodHeader.Target), ("目標", PeriodHeader.Target), ("KPI", PeriodHeader.Target),
        ("実績値", PeriodHeader.Actual), ("実績", PeriodHeader.Actual),
    ];

    private static readonly string KnownKpiHeadings =
        string.Join("、", KpiSheetColumns.Select(k => k.Header)) + "、基準値(H26)、目標値(H31)";

    /// <summary>
    /// Reads a heading that names a period with a word: <c>基準値(H26)</c>, <c>現状値 (H26)</c>, <c>目標値（H31）</c>,
    /// <c>KPI(平成31年度)</c> (the target column of many tables), <c>実績値 (H27)</c>, <c>H27実績</c>,
    /// <c>平成27年度 実績値</c>, <c>H27（実績）</c>. Width, spaces and brackets (（）［］【】〔〕) are folded.
    /// </summary>
    private static PeriodHeader ReadPeriodHeader(string header, out string period)
    {
        var t = new string(JapaneseText.FoldWidth(header)
            .Where(ch => !char.IsWhiteSpace(ch))
            .Select(ch => ch switch { '[' or '【' or '〔' or '「' => '(', ']' or '】' or '〕' or '」' => ')', _ => ch })
            .ToArray()).ToUpperInvariant();
        foreach (var (word, role) in PeriodWords)
        {
            // word(period)
            if (t.Length > word.Length + 2 && t.StartsWith(word, StringComparison.Ordinal) && t[word.Length] == '(' && t[^1] == ')')
            {
                period = t[(word.Length + 1)..^1];
                return role;
            }

            if (role != PeriodHeader.Actual)
            {
                continue;
            }

            // period実績, period(実績)
            var suffix = "(" + word + ")";
            if (t.Length > suffix.Length && t.EndsWith(suffix, StringComparison.Ordinal))
            {
                period = t[..^suffix.Length];
                return role;
            }

            if (t.Length > word.Length && t.EndsWith(word, StringComparison.Ordinal))
            {
                period = t[..^word.Length];
                return role;
            }
        }

        period = "";
        return PeriodHeader.None;
    }
}
