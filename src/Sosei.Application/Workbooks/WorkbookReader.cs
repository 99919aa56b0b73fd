using System.Globalization;
using Sosei.Application.Common;
using Sosei.Application.PlanFiles;
using Sosei.Domain.Text;
using static Sosei.Application.Workbooks.WorkbookTemplate;

namespace Sosei.Application.Workbooks;

/// <summary>What reading a workbook gave: the plan file it holds, the problems found in its layout, and a map from
/// the plan file's JSON paths to cells, so the validator's problems point at 「KPI」シート 12行 F列.</summary>
public sealed class WorkbookReadResult
{
    private readonly IReadOnlyDictionary<string, CellLocation> paths;
    private readonly IReadOnlyDictionary<ProblemPlace, CellLocation> byText;

    internal WorkbookReadResult(PlanDocument? document, IReadOnlyList<ImportProblem> problems, bool structural, IReadOnlyDictionary<string, CellLocation> paths, IReadOnlyDictionary<ProblemPlace, CellLocation> byText)
    {
        Document = document;
        Problems = problems;
        IsStructural = structural;
        this.paths = paths;
        this.byText = byText;
    }

    /// <summary>The plan file; null when the workbook could not be read at all.</summary>
    public PlanDocument? Document { get; }

    /// <summary>Problems of the workbook itself (unknown sheets and columns, bad period headers, cells that do not split).</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>Whether a problem makes validating the document pointless (a missing sheet or required column).</summary>
    public bool IsStructural { get; }

    /// <summary>The cell a JSON path of the document came from (the nearest mapped parent for deeper paths).</summary>
    public ProblemPlace LocationOf(JsonPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var p = path; p.Segments.Count > 0; p = p.Parent)
        {
            if (paths.TryGetValue(p.ToString(), out var location))
            {
                return location.Place;
            }
        }

        return path;
    }

    /// <summary>Problems in workbook order (sheet, row, column); problems at the same cell as an earlier one are dropped.</summary>
    public IReadOnlyList<ImportProblem> Sort(IEnumerable<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var seen = new HashSet<(ProblemPlace, string)>();
        return problems
            .Where(p => seen.Add((p.Place, p.Text ?? "")))
            .Select((p, i) => (Problem: p, Index: i, Where: byText.GetValueOrDefault(p.Place)))
            .OrderBy(x => x.Where?.SheetOrder ?? int.MaxValue).ThenBy(x => x.Where?.Row ?? 0).ThenBy(x => x.Where?.Column ?? 0).ThenBy(x => x.Index)
            .Select(x => x.Problem)
            .ToList();
    }
}

/// <summary>
/// Reads the sheets of the workbook template (xlsx, or one CSV per sheet) into a plan file, remembering for every JSON
/// path it fills the sheet, row and column it came from. The KPI sheet is read in the template's layout
/// (<see cref="TemplateKpiRows"/>) or as a table shaped like the 網走市 KPI 進捗管理表 (<see cref="WideTableKpiRows"/>:
/// tree levels as columns (基本目標, 基本方針 …), 項目 with sub-items on further lines, 基準値(H26), year columns in
/// any notation the period parser reads (H27年(度), 平成27年度, 2015, R1), 目標値(H31)). Layout problems are reported
/// here; the values themselves are checked by the plan file validator.
/// </summary>
public sealed partial class WorkbookReader
{
    private readonly List<ImportProblem> problems = [];
    private readonly Dictionary<string, CellLocation> paths = new(StringComparer.Ordinal);
    private readonly Dictionary<ProblemPlace, CellLocation> byText = [];
    private readonly Dictionary<string, (SheetTable Sheet, int Order)> sheets = new(StringComparer.Ordinal);
    private bool structural;

    private WorkbookReader()
    {
    }

    /// <summary>Reads the sheets (the 使い方 sheet is ignored).</summary>
    public static WorkbookReadResult Read(IReadOnlyList<SheetTable> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new WorkbookReader();
        var document = reader.ReadDocument(input);
        return new WorkbookReadResult(document, reader.problems, reader.structural, reader.paths, reader.byText);
    }

    private static readonly string[] KnownSheets =
    [
        Sheets.Guide, Sheets.Plan, Sheets.Kpis, .. ListSheets.Select(s => s.Name),
    ];

    private void Problem(CellLocation where, string? text, string japanese, string english, bool isStructural = false)
    {
        byText.TryAdd(where.Place, where);
        problems.Add(new ImportProblem(where.Place, text, new Message(japanese, english)));
        structural |= isStructural;
    }

    private void Map(string path, CellLocation where)
    {
        paths[path] = where;
        byText.TryAdd(where.Place, where);
    }

    private static string Normalize(string? header) =>
        new string(JapaneseText.FoldWidth(header).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static List<string> SplitLines(string? text) =>
        text is null ? [] : text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private PlanDocument? ReadDocument(IReadOnlyList<SheetTable> input)
    {
        for (var i = 0; i < input.Count; i++)
        {
            var s = input[i];
            var name = s.Name.Trim();
            var known = KnownSheets.FirstOrDefault(k => Normalize(k) == Normalize(name));
            var where = new CellLocation(s.FileName is null ? name : $"{name}（{s.FileName}）", SheetOrder: i);
            if (known is null)
            {
                var allowed = string.Join("、", KnownSheets);
                Problem(where, name, $"このシート名は使えません。使えるシート: {allowed}", $"unknown sheet; expected one of: {allowed}");
                continue;
            }

            if (!sheets.TryAdd(known, (s with { Name = where.Sheet }, i)))
            {
                Problem(where, name, "同じシートが二つあります。", "the sheet appears twice.");
            }
        }

        if (!sheets.ContainsKey(Sheets.Plan))
        {
            Problem(new CellLocation(Sheets.Plan), null, "「計画」シートがありません（計画コード・計画名・団体コード・対象期間を書くシート）。", "the 計画 (plan) sheet is missing.", isStructural: true);
            return null;
        }

        var (plan, source) = ReadPlan();
        var organizations = ReadList(Sheets.Organizations, (row, i) =>
        {
            var path = $"organizations[{i}]";
            Map(path, row.RowLoc);
            Map(path + ".code", row.Loc("団体コード"));
            Map(path + ".name", row.Loc("団体名"));
            Map(path + ".kind", row.Loc("種別"));
            Map(path + ".departments", row.Loc("担当課"));
            return new OrganizationEntry
            {
                Code = row.Get("団体コード")?.Trim() ?? "",
                Name = row.Get("団体名") ?? "",
                Kind = Words.ToEnglish(Words.OrganizationKind, row.Get("種別")) ?? "Municipality",
                Prefecture = row.Get("都道府県"),
                Departments = SplitLines(row.Get("担当課")),
            };
        });
        var regions = ReadList(Sheets.Regions, (row, i) =>
        {
            var path = $"regions[{i}]";
            Map(path, row.RowLoc);
            Map(path + ".code", row.Loc("地域コード"));
            Map(path + ".name", row.Loc("地域名"));
            Map(path + ".members", row.Loc("構成団体"));
            return new RegionEntry { Code = row.Get("地域コード")?.Trim() ?? "", Name = row.Get("地域名") ?? "", Members = SplitLines(row.Get("構成団体")) };
        });
        plan = plan with
        {
            Revisions = ReadList(Sheets.Revisions, (row, i) =>
            {
                Map($"plan.revisions[{i}]", row.RowLoc);
                Map($"plan.revisions[{i}].date", row.Loc("日付"));
                Map($"plan.revisions[{i}].kind", row.Loc("種別"));
                return new RevisionEntry(row.Get("日付") ?? "", Words.ToEnglish(Words.RevisionKind, row.Get("種別")) ?? "Adopted", row.Get("備考"));
            }),
        };

        var bands = ReadList(Sheets.GradeBands, (row, i) =>
        {
            decimal? min = null;
            if (row.Get("下限（%）") is { } text)
            {
                if (decimal.TryParse(JapaneseText.FoldWidth(text).Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var m))
                {
                    min = m;
                }
                else
                {
                    Problem(row.Loc("下限（%）"), text, "下限は数値（%）で書いてください（例: 80）。", "the lower bound must be a number of percent (e.g. 80).");
                }
            }

            var noData = row.Get("データなし") is { } flag && flag.Trim() is not ("×" or "-" or "FALSE" or "false" or "0");
            return new GradeBandEntry(row.Get("コード")?.Trim() ?? "", row.Get("表示") ?? "", min, noData);
        });
        if (bands.Count > 0)
        {
            plan = plan with { GradeScale = new GradeScaleEntry { Bands = bands } };
            Map("plan.gradeScale", new CellLocation(sheets[Sheets.GradeBands].Sheet.Name, SheetOrder: sheets[Sheets.GradeBands].Order));
            Map("plan.gradeScale.bands", new CellLocation(sheets[Sheets.GradeBands].Sheet.Name, SheetOrder: sheets[Sheets.GradeBands].Order));
        }

        var nodes = ReadNodes();
        var kpiRead = ReadKpis(plan);
        if (kpiRead.Levels is { } levels && plan.Levels.Count == 0)
        {
            plan = plan with { Levels = levels };
        }

        ReadValueComments(kpiRead.Builders);
        ReadInterimTargets(kpiRead.Builders);
        var kpis = BuildKpis(kpiRead.Builders);

        if (kpiRead.TableNodes is { } tableNodes)
        {
            if (nodes.Count > 0)
            {
                var (s, o) = sheets[Sheets.Nodes];
                Problem(new CellLocation(s.Name, SheetOrder: o), null, "「KPI」シートに階層名の列があるときは、体系は「KPI」シートから作ります。「体系」シートは空にしてください。", "the KPI sheet has level columns: the tree comes from it, leave the 体系 sheet empty.", isStructural: true);
            }

            nodes = ToEntries(tableNodes, "nodes");

            // The 網走市 table names the 担当課 of each row: they belong to the plan's organization.
            var owner = organizations.FindIndex(o => o.Code == plan.Organization);
            if (owner >= 0)
            {
                var used = kpis.SelectMany(k => k.Departments).Distinct(StringComparer.Ordinal).Where(d => !organizations[owner].Departments.Contains(d));
                organizations[owner] = organizations[owner] with { Departments = [.. organizations[owner].Departments, .. used] };
            }
        }

        var projects = ReadProjects();
        var relistings = ReadList(Sheets.Relistings, (row, i) =>
        {
            var path = $"relistings[{i}]";
            Map(path, row.RowLoc);
            Map(path + ".node", row.Loc("ノード"));
            Map(path + ".kpi", row.Loc("KPIコード"));
            Map(path + ".project", row.Loc("事業コード"));
            return new RelistingEntry(row.Get("ノード")?.Trim() ?? "", row.Get("KPIコード")?.Trim(), row.Get("事業コード")?.Trim(), row.Get("名称"), row.Get("内容"));
        });
        foreach (var (relisting, where) in kpiRead.Relistings)
        {
            var path = $"relistings[{relistings.Count}]";
            Map(path, where);
            relistings.Add(relisting);
        }

        var councils = ReadCouncils();
        var populationTargets = ReadList(Sheets.PopulationTargets, (row, i) =>
        {
            var path = $"populationTargets[{i}]";
            Map(path, row.RowLoc);
            foreach (var (field, column) in new[] { ("term", "区分"), ("year", "目標年"), ("indicator", "指標"), ("target", "目標"), ("projection", "推計") })
            {
                Map($"{path}.{field}", row.Loc(column));
            }

            return new PopulationTargetEntry
            {
                Term = row.Get("区分") ?? "",
                Year = row.Get("目標年") ?? "",
                Indicator = row.Get("指標") ?? "",
                Target = row.Get("目標") ?? "",
                Projection = row.Get("推計"),
                ProjectionEdition = row.Get("推計の版"),
                Note = row.Get("備考"),
            };
        });

        var judgements = ReadPublishedJudgements();
        // A row whose 年度 does not read is reported here and left out (the validator would only add that it is missing).
        var overrideCount = 0;
        var gradeOverrides = ReadList<GradeOverrideEntry?>(Sheets.GradeOverrides, (row, _) =>
        {
            if (!OverrideYear(row, out var year))
            {
                return null;
            }

            var path = $"gradeOverrides[{overrideCount++}]";
            Map(path, row.RowLoc);
            foreach (var (field, column) in new[] { ("kpi", "KPIコード"), ("year", "年度"), ("grade", "評価"), ("reason", "理由"), ("decidedBy", "決定者"), ("decidedAt", "決定日時") })
            {
                Map($"{path}.{field}", row.Loc(column));
            }

            return new GradeOverrideEntry(
                row.Get("KPIコード")?.Trim() ?? "", year, row.Get("評価")?.Trim() ?? "", row.Get("理由") ?? "", row.Get("決定者"), row.Get("決定日時")?.Trim());
        }).OfType<GradeOverrideEntry>().ToList();

        return new PlanDocument
        {
            Source = source,
            Organizations = organizations,
            Regions = regions,
            Plan = plan,
            Nodes = nodes,
            Kpis = kpis,
            Projects = projects,
            Relistings = relistings,
            Councils = councils,
            PopulationTargets = populationTargets,
            PublishedJudgements = judgements,
            GradeOverrides = gradeOverrides,
        };
    }

    /// <summary>
    /// The 年度 of a 評価の上書き row: a number (2018) or a fiscal year as written (H30, 平成30年度); null when the cell is
    /// blank (the validator says it is required). False, with the problem at the cell, when it is neither.
    /// </summary>
    private bool OverrideYear(TableRow row, out int? year)
    {
        year = null;
        if (row.Get("年度") is not { } text)
        {
            return true;
        }

        var folded = JapaneseText.FoldWidth(text).Trim();
        if (int.TryParse(folded, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            year = number;
            return true;
        }

        if (Domain.Periods.PeriodParser.TryParse(folded, Domain.Periods.PeriodKind.FiscalYear, out var period, out _) && period.Kind == Domain.Periods.PeriodKind.FiscalYear)
        {
            year = period.Year;
            return true;
        }

        Problem(row.Loc("年度"), text, "年度は 2018 や H30（平成30年度）のように書いてください。", "write the fiscal year as 2018 or H30 (平成30年度).");
        return false;
    }

    /// <summary>
    /// The 公表された評価 sheets: rows of one 年度 make one judgement (threshold, source and note from its first row that
    /// has them; each row with a 基本目標 is a tally), grades join the judgement of their 年度.
    /// </summary>
    private List<PublishedJudgementEntry> ReadPublishedJudgements()
    {
        var years = new List<string>();
        var rows = new Dictionary<string, (decimal? Threshold, string? Source, string? Note, List<PublishedTallyEntry> Tallies, List<PublishedGradeEntry> Grades)>(StringComparer.Ordinal);
        (decimal? Threshold, string? Source, string? Note, List<PublishedTallyEntry> Tallies, List<PublishedGradeEntry> Grades) Of(string year, CellLocation where)
        {
            if (!rows.TryGetValue(year, out var j))
            {
                Map($"publishedJudgements[{years.Count}]", where);
                Map($"publishedJudgements[{years.Count}].fiscalYear", where);
                Map($"publishedJudgements[{years.Count}].thresholdPercent", where);
                years.Add(year);
                rows[year] = j = (null, null, null, [], []);
            }

            return j;
        }

        int? CountAt(TableRow row, string column)
        {
            if (row.Get(column) is not { } text)
            {
                return null;
            }

            if (int.TryParse(JapaneseText.FoldWidth(text).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            Problem(row.Loc(column), text, "件数は整数で書いてください。", "a count must be an integer.");
            return null;
        }

        JudgementCountEntry? Pair(TableRow row, string reached, string below) =>
            (CountAt(row, reached), CountAt(row, below)) is var (r, b) && (r is not null || b is not null) ? new JudgementCountEntry(r ?? 0, b ?? 0) : null;

        ReadList(Sheets.PublishedTallies, (row, _) =>
        {
            var year = row.Get("年度")?.Trim() ?? "";
            var j = Of(year, row.Loc("年度"));
            var index = years.IndexOf(year);
            if (j.Threshold is null && row.Get("閾値（%）") is { } t)
            {
                if (decimal.TryParse(JapaneseText.FoldWidth(t).Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
                {
                    j.Threshold = percent;
                    Map($"publishedJudgements[{index}].thresholdPercent", row.Loc("閾値（%）"));
                }
                else
                {
                    Problem(row.Loc("閾値（%）"), t, "閾値は数（%）で書いてください（例: 80）。", "the threshold must be a number (percent, e.g. 80).");
                }
            }

            j.Source ??= row.Get("出典");
            j.Note ??= row.Get("備考");
            if (row.Get("基本目標")?.Trim() is { } node)
            {
                var path = $"publishedJudgements[{index}].tallies[{j.Tallies.Count}]";
                Map(path, row.RowLoc);
                Map(path + ".node", row.Loc("基本目標"));
                j.Tallies.Add(new PublishedTallyEntry(node, Pair(row, "基本目標KPI（以上）", "基本目標KPI（未満）"), Pair(row, "施策KPI（以上）", "施策KPI（未満）"), Pair(row, "事業KPI（以上）", "事業KPI（未満）")));
            }

            rows[year] = j;
            return 0;
        });
        ReadList(Sheets.PublishedGrades, (row, _) =>
        {
            var year = row.Get("年度")?.Trim() ?? "";
            var j = Of(year, row.Loc("年度"));
            var path = $"publishedJudgements[{years.IndexOf(year)}].grades[{j.Grades.Count}]";
            Map(path, row.RowLoc);
            Map(path + ".kpi", row.Loc("KPIコード"));
            Map(path + ".grade", row.Loc("評価"));
            j.Grades.Add(new PublishedGradeEntry(row.Get("KPIコード")?.Trim() ?? "", row.Get("評価")?.Trim() ?? "", row.Get("備考")));
            rows[year] = j;
            return 0;
        });

        return years.Select(y => rows[y]).Select((j, i) => new PublishedJudgementEntry
        {
            FiscalYear = years[i],
            ThresholdPercent = j.Threshold,
            Source = j.Source,
            Note = j.Note,
            Tallies = j.Tallies,
            Grades = j.Grades,
        }).ToList();
    }

    /// <summary>The plan entry and the document source, as read from the 計画 sheet.</summary>
    private sealed record PlanPart(PlanEntry Entry, SourceInfo? Source);

    private PlanPart ReadPlan()
    {
        var (sheet, order) = sheets[Sheets.Plan];
        var table = Open(sheet, order, [new("項目", "", true), new("値", "", true), new("説明", "")]);
        var values = new Dictionary<string, (string? Text, CellLocation Where)>(StringComparer.Ordinal);
        Map("plan", new CellLocation(sheet.Name, SheetOrder: order));
        if (table is not null)
        {
            foreach (var row in table.Rows())
            {
                var key = row.Get("項目");
                if (key is null)
                {
                    if (row.Get("値") is { } stray)
                    {
                        Problem(row.Loc("項目"), stray, "「項目」が空の行に値があります。", "a value without a key.");
                    }

                    continue;
                }

                var known = PlanKeys.All.FirstOrDefault(k => Normalize(k.Key) == Normalize(key)).Key;
                if (known is null)
                {
                    var allowed = string.Join("、", PlanKeys.All.Select(k => k.Key));
                    Problem(row.Loc("項目"), key, $"「計画」シートの項目名ではありません。使える項目: {allowed}", $"unknown key; expected one of: {allowed}");
                    continue;
                }

                if (!values.TryAdd(known, (row.Get("値"), row.Loc("値"))))
                {
                    Problem(row.Loc("項目"), key, "同じ項目が二つあります。", "the key appears twice.");
                }
            }
        }

        string? Value(string key, string? path = null)
        {
            if (!values.TryGetValue(key, out var v))
            {
                return null;
            }

            if (path is not null)
            {
                Map(path, v.Where);
            }

            return v.Text;
        }

        var entry = new PlanEntry
        {
            Code = Value(PlanKeys.Code, "plan.code")?.Trim() ?? "",
            Name = Value(PlanKeys.Name, "plan.name") ?? "",
            Subtitle = Value(PlanKeys.Subtitle),
            Type = Words.ToEnglish(Words.PlanType, Value(PlanKeys.Type, "plan.type")) ?? "ComprehensiveStrategy",
            Organization = Value(PlanKeys.Organization, "plan.organization")?.Trim() ?? "",
            Region = Value(PlanKeys.Region, "plan.region")?.Trim(),
            Period = Value(PlanKeys.Period, "plan.period") ?? "",
            Levels = SplitLines(Value(PlanKeys.Levels, "plan.levels")),
            DefaultAchievementMethod = Words.ToEnglish(Words.Method, Value(PlanKeys.Method, "plan.defaultAchievementMethod")),
            GradeScale = Words.ToEnglish(Words.Scale, Value(PlanKeys.Scale, "plan.gradeScale.preset")) is { } preset ? new GradeScaleEntry { Preset = preset } : null,
            GradingRules = Rules(
                Words.ToEnglish(Words.Actuals, Value(PlanKeys.Actuals, "plan.gradingRules.actuals")),
                Words.ToEnglish(Words.Thresholds, Value(PlanKeys.Thresholds, "plan.gradingRules.thresholds")),
                Words.ToEnglish(Words.SeriesAggregation, Value(PlanKeys.SeriesAggregation, "plan.gradingRules.seriesAggregation")),
                Words.ToEnglish(Words.RelativeTargets, Value(PlanKeys.RelativeTargets, "plan.gradingRules.relativeTargets"))),
            Secretariat = Value(PlanKeys.Secretariat),
            Description = Value(PlanKeys.Description),
        };
        var title = Value(PlanKeys.SourceTitle);
        var publisher = Value(PlanKeys.SourcePublisher);
        var url = Value(PlanKeys.SourceUrl);
        var note = Value(PlanKeys.SourceNote);
        SourceInfo? source = title is null && publisher is null && url is null && note is null ? null : new SourceInfo(title ?? "", publisher, url, note);
        return new PlanPart(entry, source);
    }

    /// <summary>The 計画 sheet's four rule rows as plan.gradingRules; null when none is filled (Sosei's defaults).</summary>
    private static GradingRulesEntry? Rules(string? actuals, string? thresholds, string? seriesAggregation, string? relativeTargets) =>
        actuals is null && thresholds is null && seriesAggregation is null && relativeTargets is null
            ? null
            : new GradingRulesEntry { Actuals = actuals, Thresholds = thresholds, SeriesAggregation = seriesAggregation, RelativeTargets = relativeTargets };

    // Nodes of the 体系 sheet, with their rows.
    private sealed class NodeBuilder(string code, string? label, string title, string? description, int depth, CellLocation row, CellLocation codeCell, CellLocation titleCell)
    {
        public string Code { get; } = code;

        public string? Label { get; } = label;

        public string Title { get; } = title;

        public string? Description { get; } = description;

        public int Depth { get; } = depth;

        public CellLocation Row { get; } = row;

        public CellLocation CodeCell { get; } = codeCell;

        public CellLocation TitleCell { get; } = titleCell;

        public List<NodeBuilder> Children { get; } = [];

        public int KpiCount { get; set; }

        public int GoalCount { get; set; }
    }

    private readonly Dictionary<string, NodeBuilder> nodeByCode = new(StringComparer.Ordinal);

    private List<NodeEntry> ReadNodes()
    {
        var roots = new List<NodeBuilder>();
        if (!sheets.TryGetValue(Sheets.Nodes, out var s))
        {
            return [];
        }

        var table = Open(s.Sheet, s.Order, ListSheets.Single(x => x.Name == Sheets.Nodes).Columns);
        if (table is null)
        {
            return [];
        }

        foreach (var row in table.Rows())
        {
            var code = row.Get("コード")?.Trim() ?? "";
            var parentCode = row.Get("親コード")?.Trim();
            NodeBuilder? parent = null;
            if (parentCode is not null && !nodeByCode.TryGetValue(parentCode, out parent))
            {
                Problem(row.Loc("親コード"), parentCode, "親コードのノードが、この行より上にありません（親を先に書いてください）。", "the parent node is not on a row above (write parents first).");
                continue;
            }

            var node = new NodeBuilder(code, row.Get("番号"), row.Get("名称") ?? "", row.Get("説明"), parent is null ? 0 : parent.Depth + 1, row.RowLoc, row.Loc("コード"), row.Loc("名称"));
            nodeByCode.TryAdd(code, node);
            (parent?.Children ?? roots).Add(node);
        }

        return ToEntries(roots, "nodes");
    }

    private List<NodeEntry> ToEntries(List<NodeBuilder> list, string path)
    {
        var result = new List<NodeEntry>();
        for (var i = 0; i < list.Count; i++)
        {
            var n = list[i];
            var p = $"{path}[{i}]";
            Map(p, n.Row);
            Map(p + ".code", n.CodeCell);
            Map(p + ".title", n.TitleCell);
            result.Add(new NodeEntry { Code = n.Code, Label = n.Label, Title = n.Title, Description = n.Description, Children = ToEntries(n.Children, p + ".children") });
        }

        return result;
    }

    private List<ProjectEntry> ReadProjects()
    {
        var partners = Group(Sheets.Partners, "事業コード");
        var budget = Group(Sheets.Budget, "事業コード");
        var grants = Group(Sheets.Grants, "事業コード");
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var projects = ReadList(Sheets.Projects, (row, i) =>
        {
            var path = $"projects[{i}]";
            var code = row.Get("事業コード")?.Trim() ?? "";
            codes.Add(code);
            Map(path, row.RowLoc);
            foreach (var (field, column) in new[] { ("code", "事業コード"), ("node", "ノード"), ("name", "事業名"), ("category", "区分"), ("department", "担当課"), ("kpis", "関連KPI"), ("startYear", "開始年度"), ("endYear", "終了年度") })
            {
                Map($"{path}.{field}", row.Loc(column));
            }

            var partnerList = new List<PartnerEntry>();
            foreach (var p in partners.GetValueOrDefault(code) ?? [])
            {
                var pp = $"{path}.partners[{partnerList.Count}]";
                Map(pp, p.RowLoc);
                Map(pp + ".organization", p.Loc("団体コード"));
                Map(pp + ".role", p.Loc("役割"));
                partnerList.Add(new PartnerEntry(p.Get("団体コード")?.Trim(), p.Get("名称"), Words.ToEnglish(Words.Role, p.Get("役割")) ?? "RunningBody"));
            }

            var budgetList = new List<BudgetEntry>();
            foreach (var b in budget.GetValueOrDefault(code) ?? [])
            {
                var bp = $"{path}.budget[{budgetList.Count}]";
                Map(bp, b.RowLoc);
                Map(bp + ".fiscalYear", b.Loc("年度"));
                Map(bp + ".kind", b.Loc("種類"));
                Map(bp + ".amount", b.Loc("金額"));
                Map(bp + ".organization", b.Loc("団体コード"));
                budgetList.Add(new BudgetEntry(b.Get("年度") ?? "", Words.ToEnglish(Words.BudgetKind, b.Get("種類")) ?? "", b.Get("金額") ?? "", b.Get("団体コード")?.Trim(), b.Get("財源")));
            }

            var grantList = new List<GrantEntry>();
            foreach (var g in grants.GetValueOrDefault(code) ?? [])
            {
                var gp = $"{path}.grants[{grantList.Count}]";
                Map(gp, g.RowLoc);
                Map(gp + ".program", g.Loc("交付金"));
                Map(gp + ".amount", g.Loc("交付金額"));
                Map(gp + ".fiscalYear", g.Loc("年度"));
                int? number = null;
                if (g.Get("番号") is { } n)
                {
                    if (int.TryParse(JapaneseText.FoldWidth(n).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                    {
                        number = parsed;
                    }
                    else
                    {
                        Problem(g.Loc("番号"), n, "番号は整数で書いてください。", "the number must be an integer.");
                    }
                }

                grantList.Add(new GrantEntry(g.Get("交付金") ?? "", g.Get("交付金額"), g.Get("年度"), number, g.Get("総合戦略との関連")));
            }

            return new ProjectEntry
            {
                Code = code,
                Node = row.Get("ノード")?.Trim() ?? "",
                Name = row.Get("事業名") ?? "",
                Category = Words.ToEnglish(Words.Category, row.Get("区分")),
                Content = row.Get("内容"),
                Department = row.Get("担当課")?.Trim(),
                Kpis = SplitLines(row.Get("関連KPI")),
                StartYear = row.Get("開始年度"),
                EndYear = row.Get("終了年度"),
                Note = row.Get("備考"),
                Partners = partnerList,
                Budget = budgetList,
                Grants = grantList,
            };
        });
        ReportOrphans(partners, codes, "事業");
        ReportOrphans(budget, codes, "事業");
        ReportOrphans(grants, codes, "事業");
        return projects;
    }

    private List<CouncilEntry> ReadCouncils()
    {
        var members = Group(Sheets.Members, "会議コード");
        var meetings = Group(Sheets.Meetings, "会議コード");
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var councils = ReadList(Sheets.Councils, (row, i) =>
        {
            var path = $"councils[{i}]";
            var code = row.Get("会議コード")?.Trim() ?? "";
            codes.Add(code);
            Map(path, row.RowLoc);
            Map(path + ".code", row.Loc("会議コード"));
            Map(path + ".name", row.Loc("会議名"));
            Map(path + ".kind", row.Loc("種別"));
            var meetingList = new List<MeetingEntry>();
            foreach (var m in meetings.GetValueOrDefault(code) ?? [])
            {
                Map($"{path}.meetings[{meetingList.Count}]", m.RowLoc);
                Map($"{path}.meetings[{meetingList.Count}].date", m.Loc("開催日"));
                meetingList.Add(new MeetingEntry(m.Get("開催日") ?? "", m.Get("主な内容")));
            }

            return new CouncilEntry
            {
                Code = code,
                Name = row.Get("会議名") ?? "",
                Kind = Words.ToEnglish(Words.CouncilKind, row.Get("種別")) ?? "External",
                Description = row.Get("説明"),
                Members = (members.GetValueOrDefault(code) ?? []).Select(m => new CouncilMemberEntry(m.Get("団体名") ?? "", m.Get("役職"))).ToList(),
                Meetings = meetingList,
            };
        });
        ReportOrphans(members, codes, "会議");
        ReportOrphans(meetings, codes, "会議");
        return councils;
    }

    private void ReportOrphans(Dictionary<string, List<TableRow>> groups, HashSet<string> codes, string what)
    {
        foreach (var (code, rows) in groups.Where(g => !codes.Contains(g.Key)))
        {
            foreach (var row in rows)
            {
                var column = row.Table.Spec[0].Header;
                Problem(row.Loc(column), code, $"この{what}コードは「{(what == "事業" ? Sheets.Projects : Sheets.Councils)}」シートにありません。", $"no {(what == "事業" ? "project" : "council")} with this code.");
            }
        }
    }

    private Dictionary<string, List<TableRow>> Group(string sheetName, string keyColumn)
    {
        var groups = new Dictionary<string, List<TableRow>>(StringComparer.Ordinal);
        ReadList(sheetName, (row, _) =>
        {
            var key = row.Get(keyColumn)?.Trim() ?? "";
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(row);
            return 0;
        });
        return groups;
    }

    private List<T> ReadList<T>(string sheetName, Func<TableRow, int, T> read)
    {
        var result = new List<T>();
        if (!sheets.TryGetValue(sheetName, out var s))
        {
            return result;
        }

        var spec = ListSheets.Single(x => x.Name == sheetName);
        var table = Open(s.Sheet, s.Order, spec.Columns);
        if (table is null)
        {
            return result;
        }

        foreach (var row in table.Rows())
        {
            foreach (var column in spec.Columns.Where(c => c.Required))
            {
                if (row.Get(column.Header) is null)
                {
                    Problem(row.Loc(column.Header), null, $"「{column.Header}」が空です。", $"{column.Header} is required.");
                }
            }

            result.Add(read(row, result.Count));
        }

        return result;
    }

    /// <summary>A sheet with its header row read and its columns found.</summary>
    private sealed class Table(SheetTable sheet, int order, int headerRow, IReadOnlyList<TemplateColumn> spec, Dictionary<string, int> columns, Dictionary<int, string> headers)
    {
        public SheetTable Sheet { get; } = sheet;

        public int Order { get; } = order;

        public int HeaderRow { get; } = headerRow;

        public IReadOnlyList<TemplateColumn> Spec { get; } = spec;

        public Dictionary<string, int> Columns { get; } = columns;

        public Dictionary<int, string> Headers { get; } = headers;

        public CellLocation Loc(int row, int column) => new(Sheet.Name, row, column, column > 0 ? Headers.GetValueOrDefault(column) : null, Order);

        public IEnumerable<TableRow> Rows()
        {
            for (var r = HeaderRow + 1; r <= Sheet.Rows.Count; r++)
            {
                if (Sheet.Rows[r - 1].Any(c => !string.IsNullOrWhiteSpace(c)))
                {
                    yield return new TableRow(this, r);
                }
            }
        }
    }

    /// <summary>One data row.</summary>
    private sealed record TableRow(Table Table, int Number)
    {
        public CellLocation RowLoc => Table.Loc(Number, 0);

        public string? Get(string column) =>
            Table.Columns.TryGetValue(column, out var c) ? Blank(Table.Sheet.Cell(Number, c)) : null;

        public string? At(int column) => Blank(Table.Sheet.Cell(Number, column));

        public CellLocation Loc(string column) =>
            Table.Columns.TryGetValue(column, out var c) ? Table.Loc(Number, c) : RowLoc;
    }

    /// <summary>Finds the columns of a sheet whose header is row 1; unknown headers and missing required columns are problems.</summary>
    private Table? Open(SheetTable sheet, int order, IReadOnlyList<TemplateColumn> spec)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var headers = new Dictionary<int, string>();
        var header = sheet.Rows.Count > 0 ? sheet.Rows[0] : [];
        for (var c = 1; c <= header.Count; c++)
        {
            var text = header[c - 1];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            headers[c] = text.Trim();
            var match = spec.FirstOrDefault(s => Normalize(s.Header) == Normalize(text) || s.Aliases.Any(a => Normalize(a) == Normalize(text)));
            var where = new CellLocation(sheet.Name, 1, c, null, order);
            if (match is null)
            {
                var allowed = string.Join("、", spec.Select(s => s.Header));
                Problem(where, text, $"「{sheet.Name}」シートの列名ではありません。使える列: {allowed}", $"unknown column; expected: {allowed}");
            }
            else if (!columns.TryAdd(match.Header, c))
            {
                Problem(where, text, "同じ列が二つあります。", "the column appears twice.");
            }
        }

        var missing = spec.Where(s => s.Required && !columns.ContainsKey(s.Header)).ToList();
        foreach (var m in missing)
        {
            Problem(new CellLocation(sheet.Name, 1, 0, null, order), m.Header, $"必須の列「{m.Header}」がありません（1行目に見出しが必要です）。", $"required column \"{m.Header}\" is missing (headers go in row 1).", isStructural: true);
        }

        return missing.Count > 0 ? null : new Table(sheet, order, 1, spec, columns, headers);
    }
}
