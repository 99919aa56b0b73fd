using System.Globalization;
using Sosei.Application.Common;
using Sosei.Application.Councils;
using Sosei.Application.Organizations;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.PlanFiles;

/// <summary>
/// Checks a plan file completely before anything is written: parses every period and value with the domain parsers,
/// checks every code and reference, and lists every problem with its location. Pure: the caller passes what the
/// database already holds (organization codes and their departments).
/// </summary>
internal sealed partial class PlanFileValidator
{
    private readonly List<ImportProblem> problems = [];
    private readonly Func<JsonPath, ProblemPlace> locationOf;
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> storedDepartments;

    private PlanFileValidator(Func<JsonPath, ProblemPlace>? locationOf, IReadOnlyDictionary<string, IReadOnlySet<string>> storedDepartments)
    {
        this.locationOf = locationOf ?? (p => p);
        this.storedDepartments = storedDepartments;
    }

    /// <summary>Validates and resolves a plan file.</summary>
    /// <param name="document">The file.</param>
    /// <param name="storedDepartments">Organizations already stored: code → department names.</param>
    /// <param name="locationOf">Maps JSON paths to user-facing locations.</param>
    public static (ResolvedPlan? Plan, IReadOnlyList<ImportProblem> Problems) Validate(
        PlanDocument document,
        IReadOnlyDictionary<string, IReadOnlySet<string>> storedDepartments,
        Func<JsonPath, ProblemPlace>? locationOf = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var v = new PlanFileValidator(locationOf, storedDepartments);
        var plan = v.Resolve(document);
        return v.problems.Count == 0 ? (plan, []) : (null, v.problems);
    }

    private void Problem(JsonPath path, string? text, string japanese, string english) =>
        Problem(path, text, new Message(japanese, english));

    private void Problem(JsonPath path, string? text, Message message) =>
        problems.Add(new ImportProblem(locationOf(path), text, message));

    private string Required(string? value, JsonPath path, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(path, value, $"{what}が空です。", $"{what} is required.");
            return "";
        }

        return value.Trim();
    }

    private T ParseEnum<T>(string? text, JsonPath path, T fallback, IReadOnlyDictionary<string, T>? japanese = null)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var s = text.Trim();
        if (japanese is not null && japanese.TryGetValue(s, out var ja))
        {
            return ja;
        }

        if (Enum.TryParse<T>(s, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(s, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        var allowed = string.Join(", ", Enum.GetNames<T>().Concat(japanese?.Keys ?? []));
        Problem(path, text, $"使える値は {allowed} です。", $"expected one of {allowed}.");
        return fallback;
    }

    private PeriodRange? Range(string? text, JsonPath path, PeriodKind yearKind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PeriodParser.TryParseRange(text, yearKind, out var range, out var error))
        {
            return range;
        }

        Problem(path, text, error.JapaneseMessage, error.EnglishMessage);
        return null;
    }

    private Period? Single(string? text, JsonPath path, PeriodKind yearKind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(path, text, "期間が空です。", "a period is required.");
            return null;
        }

        if (PeriodParser.TryParse(text, yearKind, out var period, out var error))
        {
            return period;
        }

        Problem(path, text, error.JapaneseMessage, error.EnglishMessage);
        return null;
    }

    private int? FiscalYearOf(string? text, JsonPath path, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Problem(path, text, "年度が空です。", "a fiscal year is required.");
            }

            return null;
        }

        var p = Single(text, path, PeriodKind.FiscalYear);
        if (p is null)
        {
            return null;
        }

        if (p.Value.Kind != PeriodKind.FiscalYear)
        {
            Problem(path, text, "年度（例: 令和6年度, R6）を指定してください。", "a fiscal year (e.g. 令和6年度, R6) is expected.");
            return null;
        }

        return p.Value.Year;
    }

    private DateOnly? DateOf(string? text, JsonPath path)
    {
        var p = Single(text, path, PeriodKind.FiscalYear);
        if (p is null)
        {
            return null;
        }

        if (p.Value.Kind != PeriodKind.Date)
        {
            Problem(path, text, "日付（例: 平成27年10月30日, 2015-10-30）を指定してください。", "a date (e.g. 平成27年10月30日, 2015-10-30) is expected.");
            return null;
        }

        return p.Value.Start;
    }

    private MeasuredValue? Value(string? text, JsonPath path, PeriodKind yearKind)
    {
        if (ValueParser.TryParse(text, yearKind, out var value, out var error))
        {
            return value;
        }

        Problem(path, text, error.JapaneseMessage, error.EnglishMessage);
        return null;
    }

    private ResolvedPlan? Resolve(PlanDocument doc)
    {
        if (doc.Format != PlanDocumentFormat.Current)
        {
            Problem(JsonPath.Of("format"), doc.Format, $"形式は \"{PlanDocumentFormat.Current}\" である必要があります。", $"format must be \"{PlanDocumentFormat.Current}\".");
        }

        // Organizations (in the file, plus those already stored).
        var orgs = new List<ResolvedOrganization>();
        var departments = storedDepartments.ToDictionary(kv => kv.Key, kv => new HashSet<string>(kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var orgKinds = new Dictionary<string, OrganizationKind>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Organizations.Count; i++)
        {
            var o = doc.Organizations[i];
            var path = JsonPath.Of("organizations").At(i);
            CheckLengths(o, path);
            var code = Required(o.Code, path.Then("code"), "団体コード");
            var name = Required(o.Name, path.Then("name"), "団体名");
            if (code.Length > 0 && orgKinds.ContainsKey(code))
            {
                Problem(path.Then("code"), code, "団体コードが重複しています。", "duplicate organization code.");
                continue;
            }

            var kind = ParseEnum(o.Kind, path.Then("kind"), OrganizationKind.Municipality);
            orgKinds[code] = kind;
            var depts = o.Departments.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (!departments.TryGetValue(code, out var set))
            {
                departments[code] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(depts);
            orgs.Add(new ResolvedOrganization(code, name, kind, o.Prefecture, depts));
        }

        bool OrgKnown(string code) => departments.ContainsKey(code);

        var regions = new List<ResolvedRegion>();
        for (var i = 0; i < doc.Regions.Count; i++)
        {
            var r = doc.Regions[i];
            var path = JsonPath.Of("regions").At(i);
            CheckLengths(r, path);
            var code = Required(r.Code, path.Then("code"), "地域コード");
            var name = Required(r.Name, path.Then("name"), "地域名");
            for (var m = 0; m < r.Members.Count; m++)
            {
                if (!OrgKnown(r.Members[m]))
                {
                    Problem(path.Then("members").At(m), r.Members[m], "団体が organizations にありません。", "organization not listed in organizations.");
                }
            }

            regions.Add(new ResolvedRegion(code, name, r.Members));
        }

        // Plan.
        var p = doc.Plan;
        if (p is null)
        {
            Problem(JsonPath.Of("plan"), null, "plan がありません。", "plan is missing.");
            return null;
        }

        CheckLengths(doc.Source);
        CheckLengths(p);
        var planCode = Required(p.Code, JsonPath.Of("plan", "code"), "計画コード");
        var owner = Required(p.Organization, JsonPath.Of("plan", "organization"), "団体コード");
        if (owner.Length > 0 && !OrgKnown(owner))
        {
            Problem(JsonPath.Of("plan", "organization"), owner, "団体が organizations にも登録済みの団体にもありません。", "organization is neither in organizations nor stored.");
        }

        if (p.Region is not null && regions.All(r => r.Code != p.Region))
        {
            Problem(JsonPath.Of("plan", "region"), p.Region, "地域が regions にありません。", "region not listed in regions.");
        }

        var period = Range(Required(p.Period, JsonPath.Of("plan", "period"), "対象期間"), JsonPath.Of("plan", "period"), PeriodKind.FiscalYear);
        if (period is not null && period.Kind != PeriodKind.FiscalYear)
        {
            Problem(JsonPath.Of("plan", "period"), p.Period, "対象期間は年度で指定してください（例: 平成27年度～平成31年度）。", "the period must be fiscal years (e.g. H27～H31).");
            period = null;
        }

        var start = period?.First.Year ?? 0;
        var end = period?.Last.Year ?? 0;
        var bands = ResolveBands(p.GradeScale, string.IsNullOrWhiteSpace(p.Name) ? "custom" : p.Name);
        var revisions = new List<ResolvedRevision>();
        for (var i = 0; i < p.Revisions.Count; i++)
        {
            var r = p.Revisions[i];
            var date = DateOf(r.Date, JsonPath.Of("plan", "revisions").At(i).Then("date"));
            var kind = ParseEnum(r.Kind, JsonPath.Of("plan", "revisions").At(i).Then("kind"), RevisionKind.Adopted, new Dictionary<string, RevisionKind> { ["策定"] = RevisionKind.Adopted, ["改訂"] = RevisionKind.Revised });
            if (date is not null)
            {
                revisions.Add(new ResolvedRevision(date.Value, kind, r.Note));
            }
        }

        // Nodes.
        var nodes = new List<ResolvedNode>();
        var nodeDepth = new Dictionary<string, int>(StringComparer.Ordinal);
        void Walk(IReadOnlyList<NodeEntry> list, string? parent, int depth, JsonPath path)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var n = list[i];
                var np = path.At(i);
                CheckLengths(n, np);
                var code = Required(n.Code, np.Then("code"), "ノードコード");
                var title = Required(n.Title, np.Then("title"), "名称");
                if (code.Length > 0 && !nodeDepth.TryAdd(code, depth))
                {
                    Problem(np.Then("code"), code, "ノードコードが重複しています。", "duplicate node code.");
                }

                if (p.Levels.Count > 0 && depth >= p.Levels.Count)
                {
                    Problem(np, code, $"階層 {depth + 1} の名称が plan.levels にありません。", $"plan.levels has no name for depth {depth + 1}.");
                }

                nodes.Add(new ResolvedNode(code, parent, depth, i, n.Label, title, n.Description));
                Walk(n.Children, code, depth + 1, np.Then("children"));
            }
        }

        Walk(doc.Nodes, null, 0, JsonPath.Of("nodes"));

        string CheckNode(string? code, JsonPath path)
        {
            var c = Required(code, path, "ノードコード");
            if (c.Length > 0 && !nodeDepth.ContainsKey(c))
            {
                Problem(path, code, "ノードが nodes にありません。", "node not found in nodes.");
            }

            return c;
        }

        void CheckDepartment(string name, JsonPath path)
        {
            if (owner.Length > 0 && departments.TryGetValue(owner, out var set) && !set.Contains(name))
            {
                Problem(path, name, "担当課が団体の departments にありません。", "department not listed under the plan's organization.");
            }
        }

        // KPIs.
        var kpis = new List<ResolvedKpi>();
        var kpiCodes = new HashSet<string>(StringComparer.Ordinal);
        var orderByNode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Kpis.Count; i++)
        {
            var k = ResolveKpi(doc.Kpis[i], JsonPath.Of("kpis").At(i), start, end, CheckNode, CheckDepartment);
            if (k is null)
            {
                continue;
            }

            if (!kpiCodes.Add(k.Code))
            {
                Problem(JsonPath.Of("kpis").At(i).Then("code"), k.Code, "KPIコードが重複しています。", "duplicate KPI code.");
                continue;
            }

            var order = orderByNode.GetValueOrDefault(k.NodeCode);
            orderByNode[k.NodeCode] = order + 1;
            kpis.Add(k with { Order = order });
        }

        // Projects.
        var projects = new List<ResolvedProject>();
        var projectCodes = new HashSet<string>(StringComparer.Ordinal);
        var projectOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Projects.Count; i++)
        {
            var path = JsonPath.Of("projects").At(i);
            var project = ResolveProject(doc.Projects[i], path, CheckNode, CheckDepartment, OrgKnown, kpiCodes.Contains);
            if (project.Code.Length > 0 && !projectCodes.Add(project.Code))
            {
                Problem(path.Then("code"), project.Code, "事業コードが重複しています。", "duplicate project code.");
            }

            var order = projectOrder.GetValueOrDefault(project.NodeCode);
            projectOrder[project.NodeCode] = order + 1;
            projects.Add(project with { Order = order });
        }

        // Relistings.
        var relistings = new List<ResolvedRelisting>();
        var homeOfKpi = kpis.ToDictionary(k => k.Code, k => k.NodeCode, StringComparer.Ordinal);
        var homeOfProject = projects.Where(x => x.Code.Length > 0).GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.First().NodeCode, StringComparer.Ordinal);
        var relistOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        var relisted = new Dictionary<(string Node, string? Kpi, string? Project), int>();
        for (var i = 0; i < doc.Relistings.Count; i++)
        {
            var r = doc.Relistings[i];
            var path = JsonPath.Of("relistings").At(i);
            CheckLengths(r, path);
            var node = CheckNode(r.Node, path.Then("node"));
            if ((r.Kpi is null) == (r.Project is null))
            {
                Problem(path, null, "kpi か project のどちらか一方を指定してください。", "give either kpi or project.");
                continue;
            }

            if (r.Kpi is not null && !homeOfKpi.TryGetValue(r.Kpi, out var kh))
            {
                Problem(path.Then("kpi"), r.Kpi, "KPIが kpis にありません。", "KPI not found in kpis.");
                continue;
            }

            if (r.Project is not null && !homeOfProject.ContainsKey(r.Project))
            {
                Problem(path.Then("project"), r.Project, "事業が projects にありません。", "project not found in projects.");
                continue;
            }

            var home = r.Kpi is not null ? homeOfKpi[r.Kpi] : homeOfProject[r.Project!];
            if (home == node)
            {
                Problem(path.Then("node"), node, "再掲先が本来の掲載場所と同じです。", "a relisting cannot be at the item's home node.");
                continue;
            }

            if (!relisted.TryAdd((node, r.Kpi, r.Project), i))
            {
                var first = relisted[(node, r.Kpi, r.Project)].ToString(CultureInfo.InvariantCulture);
                Problem(path.Then("node"), node, $"同じ項目への同じ再掲が relistings[{first}] にもあります。", $"the same relisting is already at relistings[{first}].");
                continue;
            }

            var order = relistOrder.GetValueOrDefault(node);
            relistOrder[node] = order + 1;
            relistings.Add(new ResolvedRelisting(node, r.Kpi, r.Project, r.Name, r.Content, order));
        }

        // Councils.
        var councils = new List<ResolvedCouncil>();
        for (var i = 0; i < doc.Councils.Count; i++)
        {
            var c = doc.Councils[i];
            var path = JsonPath.Of("councils").At(i);
            CheckLengths(c, path);
            var code = Required(c.Code, path.Then("code"), "会議コード");
            var name = Required(c.Name, path.Then("name"), "会議名");
            var kind = ParseEnum(c.Kind, path.Then("kind"), CouncilKind.External);
            var meetings = new List<(DateOnly, string?)>();
            for (var j = 0; j < c.Meetings.Count; j++)
            {
                var d = DateOf(c.Meetings[j].Date, path.Then("meetings").At(j).Then("date"));
                if (d is not null)
                {
                    meetings.Add((d.Value, c.Meetings[j].Topics));
                }
            }

            councils.Add(new ResolvedCouncil(code, name, kind, c.Description, c.Members.Select(m => (m.Organization, m.Title)).ToList(), meetings));
        }

        // Population targets.
        var populationTargets = new List<ResolvedPopulationTarget>();
        for (var i = 0; i < doc.PopulationTargets.Count; i++)
        {
            var t = doc.PopulationTargets[i];
            var path = JsonPath.Of("populationTargets").At(i);
            CheckLengths(t, path);
            var year = Single(t.Year, path.Then("year"), PeriodKind.CalendarYear);
            var target = People(t.Target, path.Then("target"));
            var projection = t.Projection is null ? null : People(t.Projection, path.Then("projection"));
            var term = Required(t.Term, path.Then("term"), "区分");
            var indicator = Required(t.Indicator, path.Then("indicator"), "指標");
            if (year is not null && target is not null)
            {
                populationTargets.Add(new ResolvedPopulationTarget(term, year.Value.Year, indicator, target.Value, projection, t.ProjectionEdition, t.Note, i));
            }
        }

        var judgements = ResolveJudgements(doc, nodes, kpis, bands);
        var gradeOverrides = ResolveGradeOverrides(doc, kpis, bands);

        return new ResolvedPlan
        {
            Code = planCode,
            OrganizationCode = owner,
            RegionCode = p.Region,
            Name = Required(p.Name, JsonPath.Of("plan", "name"), "計画名"),
            Subtitle = p.Subtitle,
            Type = ParseEnum(p.Type, JsonPath.Of("plan", "type"), PlanType.ComprehensiveStrategy),
            StartFiscalYear = start,
            EndFiscalYear = end,
            Levels = p.Levels,
            DefaultMethod = ParseEnum(p.DefaultAchievementMethod, JsonPath.Of("plan", "defaultAchievementMethod"), AchievementMethod.RatioToTarget),
            Rules = ResolveRules(p.GradingRules),
            Bands = bands,
            Secretariat = p.Secretariat,
            Description = p.Description,
            Source = doc.Source is null ? null : string.Join(" / ", new[] { doc.Source.Title, doc.Source.Publisher, doc.Source.Url }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Revisions = revisions,
            Organizations = orgs,
            Regions = regions,
            Nodes = nodes,
            Kpis = kpis,
            Projects = projects,
            Relistings = relistings,
            Councils = councils,
            PopulationTargets = populationTargets,
            Judgements = judgements,
            GradeOverrides = gradeOverrides,
        };
    }

    /// <summary>plan.gradingRules: each field one of its rule's names, omitted for the default.</summary>
    private GradingRules ResolveRules(GradingRulesEntry? entry)
    {
        if (entry is null)
        {
            return GradingRules.Default;
        }

        var path = JsonPath.Of("plan", "gradingRules");
        var d = GradingRules.Default;
        return new GradingRules
        {
            Actuals = ParseEnum(entry.Actuals, path.Then("actuals"), d.Actuals),
            Thresholds = ParseEnum(entry.Thresholds, path.Then("thresholds"), d.Thresholds),
            SeriesAggregation = ParseEnum(entry.SeriesAggregation, path.Then("seriesAggregation"), d.SeriesAggregation),
            RelativeTargets = ParseEnum(entry.RelativeTargets, path.Then("relativeTargets"), d.RelativeTargets),
        };
    }

    private ResolvedProject ResolveProject(
        ProjectEntry x,
        JsonPath path,
        Func<string?, JsonPath, string> checkNode,
        Action<string, JsonPath> checkDepartment,
        Func<string, bool> orgKnown,
        Func<string, bool> kpiKnown)
    {
        CheckLengths(x, path);
        var code = Required(x.Code, path.Then("code"), "事業コード");
        var node = checkNode(x.Node, path.Then("node"));
        var name = Required(x.Name, path.Then("name"), "事業名");
        var category = ParseEnum(x.Category, path.Then("category"), ProjectCategory.None, CategoryWords);
        if (x.Department is not null)
        {
            checkDepartment(x.Department, path.Then("department"));
        }

        var partners = new List<ResolvedPartner>();
        for (var j = 0; j < x.Partners.Count; j++)
        {
            var pa = x.Partners[j];
            var pp = path.Then("partners").At(j);
            if (string.IsNullOrWhiteSpace(pa.Organization) == string.IsNullOrWhiteSpace(pa.Name))
            {
                Problem(pp, pa.Organization ?? pa.Name, "organization か name のどちらか一方を指定してください。", "give either organization or name.");
            }
            else if (pa.Organization is not null && !orgKnown(pa.Organization))
            {
                Problem(pp.Then("organization"), pa.Organization, "団体が organizations にありません。", "organization not listed in organizations.");
            }

            partners.Add(new ResolvedPartner(pa.Organization, pa.Name, ParseEnum(pa.Role, pp.Then("role"), PartnerRole.RunningBody)));
        }

        for (var j = 0; j < x.Kpis.Count; j++)
        {
            if (!kpiKnown(x.Kpis[j]))
            {
                Problem(path.Then("kpis").At(j), x.Kpis[j], "KPIが kpis にありません。", "KPI not found in kpis.");
            }
        }

        var budget = new List<ResolvedBudget>();
        for (var j = 0; j < x.Budget.Count; j++)
        {
            var b = x.Budget[j];
            var bp = path.Then("budget").At(j);
            var fy = FiscalYearOf(b.FiscalYear, bp.Then("fiscalYear"), required: true);
            var kind = ParseEnum(b.Kind, bp.Then("kind"), BudgetKind.Budget, BudgetWords);
            var amount = Money(b.Amount, bp.Then("amount"));
            if (b.Organization is not null && !orgKnown(b.Organization))
            {
                Problem(bp.Then("organization"), b.Organization, "団体が organizations にありません。", "organization not listed in organizations.");
            }

            if (fy is not null && amount.Ok)
            {
                budget.Add(new ResolvedBudget(fy.Value, kind, amount.Amount, b.Amount.Trim(), b.Organization, b.FundingSource));
            }
        }

        var grants = new List<ResolvedGrant>();
        for (var j = 0; j < x.Grants.Count; j++)
        {
            var g = x.Grants[j];
            var gp = path.Then("grants").At(j);
            var program = Required(g.Program, gp.Then("program"), "交付金名");
            var amount = g.Amount is null ? (Ok: true, Amount: (decimal?)null) : Money(g.Amount, gp.Then("amount"));
            var fy = FiscalYearOf(g.FiscalYear, gp.Then("fiscalYear"), required: false);
            grants.Add(new ResolvedGrant(program, amount.Amount, g.Amount, fy, g.ListNumber, g.StrategyLink));
        }

        return new ResolvedProject
        {
            Code = code,
            NodeCode = node,
            Order = 0,
            Name = name,
            Category = category,
            Content = x.Content,
            Department = x.Department,
            StartYear = FiscalYearOf(x.StartYear, path.Then("startYear"), required: false),
            EndYear = FiscalYearOf(x.EndYear, path.Then("endYear"), required: false),
            Note = x.Note,
            Partners = partners,
            Kpis = x.Kpis,
            Budget = budget,
            Grants = grants,
        };
    }

    private static readonly Dictionary<string, ProjectCategory> CategoryWords = new(StringComparer.Ordinal)
    {
        ["新規"] = ProjectCategory.New,
        ["拡充"] = ProjectCategory.Expanded,
        ["継続"] = ProjectCategory.Continued,
        ["民間等"] = ProjectCategory.Private,
    };

    private static readonly Dictionary<string, BudgetKind> BudgetWords = new(StringComparer.Ordinal)
    {
        ["予算額"] = BudgetKind.Budget,
        ["決算額"] = BudgetKind.Settlement,
        ["見込額"] = BudgetKind.Estimate,
        ["事業費"] = BudgetKind.Estimate,
    };

    private List<ResolvedBand> ResolveBands(GradeScaleEntry? entry, string scaleName)
    {
        GradeScale scale;
        if (entry is null || (entry.Preset is null && entry.Bands.Count == 0))
        {
            scale = GradeScale.TwoBand80;
        }
        else if (entry.Preset is not null)
        {
            switch (entry.Preset)
            {
                case "TwoBand80": scale = GradeScale.TwoBand80; break;
                case "Abcd": scale = GradeScale.Abcd; break;
                case "Symbols": scale = GradeScale.Symbols; break;
                default:
                    Problem(JsonPath.Of("plan", "gradeScale", "preset"), entry.Preset, "評価基準は TwoBand80, Abcd, Symbols のいずれかです。", "preset must be TwoBand80, Abcd or Symbols.");
                    return [];
            }
        }
        else
        {
            var result = entry.Bands.Select(b => new ResolvedBand(b.Code, b.Label, b.MinPercent / 100m, b.NoData)).ToList();
            if (CheckBands(scaleName, result) is { } problem)
            {
                Problem(JsonPath.Of("plan", "gradeScale", "bands"), null, problem.Message);
                return [];
            }

            return result;
        }

        return scale.Bands.Select(b => new ResolvedBand(b.Code, b.Label, b.MinRate, false))
            .Append(new ResolvedBand(scale.NoDataBand.Code, scale.NoDataBand.Label, null, true)).ToList();
    }

    /// <summary>
    /// The import's check of a custom grade scale (the domain's <see cref="GradeScale.Check"/>), shared with the plan
    /// settings form so that a form and a file never disagree. Null when the bands make a valid scale; the band named
    /// is the one to point at.
    /// </summary>
    internal static (string? BandCode, GradeScaleProblemKind Kind, Message Message)? CheckBands(string scaleName, IReadOnlyList<ResolvedBand> bands)
    {
        var noData = bands.Where(b => b.NoData).ToList();
        if (noData.Count != 1)
        {
            return (null, GradeScaleProblemKind.NoDataBand, new Message("「データなし」の区分（noData）を一つだけ指定してください。", "exactly one band must have noData."));
        }

        var problem = GradeScale.Check(
            scaleName,
            bands.Where(b => !b.NoData).Select(b => new GradeBand(b.Code, b.Label, b.MinRate)),
            new GradeBand(noData[0].Code, noData[0].Label, null));
        return problem is null ? null : (problem.BandCode, problem.Kind, new Message(problem.JapaneseMessage, problem.EnglishMessage));
    }

    private (bool Ok, decimal? Amount) Money(string? text, JsonPath path)
    {
        var v = Value(text, path, PeriodKind.FiscalYear);
        if (v is null)
        {
            return (false, null);
        }

        if (v.Unit is not ("" or "円"))
        {
            Problem(path, text, "金額（円）を指定してください。", "an amount of money (円) is expected.");
            return (false, null);
        }

        return (true, v.Amount);
    }

    private decimal? People(string? text, JsonPath path)
    {
        var v = Value(text, path, PeriodKind.CalendarYear);
        if (v is null)
        {
            return null;
        }

        if (!v.HasAmount || v.Unit is not ("" or "人"))
        {
            Problem(path, text, "人数（人）を指定してください。", "a number of people (人) is expected.");
            return null;
        }

        return v.Amount;
    }
}
