using Sosei.Application.Kpis;
using Sosei.Application.Organizations;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.Evaluation;

// Read models of a plan, its nodes, KPIs, projects and relistings: immutable copies of what was loaded (AsNoTracking),
// built by PlanEvaluator (and the other read services) and handed to pages, reports, the API and the CLI. The entities
// stay for the editors and persistence; these carry the same property names, so a reader reads the same fields.

/// <summary>An organization as a plan shows it (the tenant, a partner, a budget line's member).</summary>
/// <param name="Id">Surrogate key.</param>
/// <param name="Code">Stable code (地方公共団体コード for public bodies).</param>
/// <param name="Name">Name (根室市).</param>
/// <param name="ShortName">Short name; optional.</param>
/// <param name="Kind">Kind of body.</param>
/// <param name="Prefecture">Prefecture (北海道); optional.</param>
public sealed record OrganizationView(int Id, string Code, string Name, string? ShortName, OrganizationKind Kind, string? Prefecture)
{
    /// <summary>The read model of a loaded organization; null for null.</summary>
    public static OrganizationView? Of(Organization? organization) => organization is null
        ? null
        : new OrganizationView(organization.Id, organization.Code, organization.Name, organization.ShortName, organization.Kind, organization.Prefecture);
}

/// <summary>A region a plan covers.</summary>
/// <param name="Id">Surrogate key.</param>
/// <param name="Code">Stable code.</param>
/// <param name="Name">Name.</param>
public sealed record RegionView(int Id, string Code, string Name)
{
    /// <summary>The read model of a loaded region; null for null.</summary>
    public static RegionView? Of(Region? region) => region is null ? null : new RegionView(region.Id, region.Code, region.Name);
}

/// <summary>A department (担当課) of an organization.</summary>
/// <param name="Id">Surrogate key.</param>
/// <param name="Name">Name (総合政策部企画政策課).</param>
/// <param name="SortOrder">Order (for a KPI's departments: the first is the lead).</param>
public sealed record DepartmentView(int Id, string Name, int SortOrder);

/// <summary>The name of one level of a plan's tree (depth 0 = top).</summary>
/// <param name="Depth">0 for the top level.</param>
/// <param name="Name">Level name (基本目標).</param>
public sealed record LevelView(int Depth, string Name);

/// <summary>One band of a plan's grade scale (best first).</summary>
/// <param name="SortOrder">Order, 0 = best.</param>
/// <param name="Code">Short code (A, ◎).</param>
/// <param name="Label">Label (80%以上).</param>
/// <param name="MinRate">Lowest achievement rate that earns the band; null for the catch-all band.</param>
/// <param name="IsNoData">Whether this is the "no data" band.</param>
public sealed record GradeBandView(int SortOrder, string Code, string Label, decimal? MinRate, bool IsNoData);

/// <summary>策定 / 改訂 of a plan.</summary>
/// <param name="Date">Date.</param>
/// <param name="Kind">Adopted or revised.</param>
/// <param name="Note">What changed; optional.</param>
public sealed record RevisionView(DateOnly Date, RevisionKind Kind, string? Note);

/// <summary>A node of the plan tree (基本目標, 施策 …), as read.</summary>
/// <param name="Id">Surrogate key.</param>
/// <param name="ParentId">Parent node; null at the top.</param>
/// <param name="Code">Stable code, unique within the plan (G1, G1.A.1).</param>
/// <param name="Depth">0 for the top level.</param>
/// <param name="Label">Number as the document writes it (基本目標-1, (ア)); optional.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Body text; optional.</param>
/// <param name="SortOrder">Order among siblings.</param>
public sealed record NodeView(int Id, int? ParentId, string Code, int Depth, string? Label, string Title, string? Description, int SortOrder)
{
    /// <summary>The read model of a node.</summary>
    public static NodeView Of(PlanNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new NodeView(node.Id, node.ParentId, node.Code, node.Depth, node.Label, node.Title, node.Description, node.SortOrder);
    }
}

/// <summary>A plan as read: its fields, organization, region, levels, grade bands, revisions and nodes.</summary>
public sealed record PlanView
{
    /// <summary>Surrogate key.</summary>
    public required int Id { get; init; }

    /// <summary>Stable code (nemuro-sosei-2015).</summary>
    public required string Code { get; init; }

    /// <summary>Title (根室市創生総合戦略).</summary>
    public required string Name { get; init; }

    /// <summary>Subtitle or 戦略理念; optional.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Kind of document.</summary>
    public PlanType Type { get; init; }

    /// <summary>Owning organization; null when not loaded.</summary>
    public OrganizationView? Organization { get; init; }

    /// <summary>Region the plan covers; null when none (or not loaded).</summary>
    public RegionView? Region { get; init; }

    /// <summary>First fiscal year of the 対象期間.</summary>
    public int StartFiscalYear { get; init; }

    /// <summary>Last fiscal year of the 対象期間.</summary>
    public int EndFiscalYear { get; init; }

    /// <summary>Introduction or other prose; optional.</summary>
    public string? Description { get; init; }

    /// <summary>Where the data comes from; optional.</summary>
    public string? Source { get; init; }

    /// <summary>Secretariat (事務局); optional.</summary>
    public string? Secretariat { get; init; }

    /// <summary>Default achievement method for the plan's KPIs.</summary>
    public AchievementMethod DefaultAchievementMethod { get; init; }

    /// <summary>The plan's stored grading rules (<see cref="Plan.GradingRules"/>).</summary>
    public required GradingRules GradingRules { get; init; }

    /// <summary>Names of the tree levels, top first.</summary>
    public IReadOnlyList<LevelView> Levels { get; init; } = [];

    /// <summary>Grade scale bands, best first.</summary>
    public IReadOnlyList<GradeBandView> GradeBands { get; init; } = [];

    /// <summary>策定 / 改訂 dates.</summary>
    public IReadOnlyList<RevisionView> Revisions { get; init; } = [];

    /// <summary>Nodes of the plan tree.</summary>
    public IReadOnlyList<NodeView> Nodes { get; init; } = [];

    /// <summary>The read model of a loaded plan (what is not loaded stays empty or null).</summary>
    public static PlanView Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanView
        {
            Id = plan.Id,
            Code = plan.Code,
            Name = plan.Name,
            Subtitle = plan.Subtitle,
            Type = plan.Type,
            Organization = OrganizationView.Of(plan.Organization),
            Region = RegionView.Of(plan.Region),
            StartFiscalYear = plan.StartFiscalYear,
            EndFiscalYear = plan.EndFiscalYear,
            Description = plan.Description,
            Source = plan.Source,
            Secretariat = plan.Secretariat,
            DefaultAchievementMethod = plan.DefaultAchievementMethod,
            GradingRules = plan.GradingRules,
            Levels = plan.Levels.OrderBy(l => l.Depth).Select(l => new LevelView(l.Depth, l.Name)).ToList(),
            GradeBands = plan.GradeBands.OrderBy(b => b.SortOrder).Select(b => new GradeBandView(b.SortOrder, b.Code, b.Label, b.MinRate, b.IsNoData)).ToList(),
            Revisions = plan.Revisions.Select(r => new RevisionView(r.Date, r.Kind, r.Note)).ToList(),
            Nodes = plan.Nodes.Select(NodeView.Of).ToList(),
        };
    }
}

/// <summary>A sub-item (項目) of a KPI, as read.</summary>
/// <param name="Id">Surrogate key.</param>
/// <param name="Code">Stable code, unique within the KPI.</param>
/// <param name="Name">Name (小学生).</param>
/// <param name="Unit">Unit when it differs from the KPI's.</param>
/// <param name="DisplayUnit">Display unit when it differs from the KPI's.</param>
/// <param name="BaselineValue">基準値 of this series.</param>
/// <param name="BaselineText">基準値 as written.</param>
/// <param name="TargetValue">目標値 of this series.</param>
/// <param name="TargetText">目標値 as written.</param>
/// <param name="SortOrder">Order.</param>
public sealed record SeriesView(
    int Id,
    string Code,
    string Name,
    string? Unit,
    string? DisplayUnit,
    decimal? BaselineValue,
    string? BaselineText,
    decimal? TargetValue,
    string? TargetText,
    int SortOrder)
{
    /// <summary>The read model of a series.</summary>
    public static SeriesView Of(KpiSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new SeriesView(series.Id, series.Code, series.Name, series.Unit, series.DisplayUnit, series.BaselineValue, series.BaselineText, series.TargetValue, series.TargetText, series.SortOrder);
    }
}

/// <summary>A value of a KPI for one period, as stored (the amount, qualifiers, the original text).</summary>
public sealed record ValueView
{
    /// <summary>Surrogate key.</summary>
    public required int Id { get; init; }

    /// <summary>Series; null for a KPI without sub-items.</summary>
    public int? SeriesId { get; init; }

    /// <summary>The value's period.</summary>
    public required Period Period { get; init; }

    /// <summary>Amount in base units; null when the text holds no value.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The reference's own value of the period (全国平均との差); null when not given.</summary>
    public decimal? ReferenceScore { get; init; }

    /// <summary>Base unit as parsed.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Display unit as written.</summary>
    public string DisplayUnit { get; init; } = "";

    /// <summary>Reference / provisional / cumulative …</summary>
    public ValueQualifiers Qualifiers { get; init; }

    /// <summary>Why there is no amount; null when there is one.</summary>
    public string? NoValueReason { get; init; }

    /// <summary>The text exactly as entered or imported.</summary>
    public required string OriginalText { get; init; }

    /// <summary>Comment; optional.</summary>
    public string? Comment { get; init; }

    /// <summary>When the value was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last changed it.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>The read model of a value.</summary>
    public static ValueView Of(KpiValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ValueView
        {
            Id = value.Id,
            SeriesId = value.SeriesId,
            Period = value.Period,
            Amount = value.Amount,
            ReferenceScore = value.ReferenceScore,
            Unit = value.Unit,
            DisplayUnit = value.DisplayUnit,
            Qualifiers = value.Qualifiers,
            NoValueReason = value.NoValueReason,
            OriginalText = value.OriginalText,
            Comment = value.Comment,
            UpdatedAt = value.UpdatedAt,
            UpdatedBy = value.UpdatedBy,
        };
    }
}

/// <summary>年度別目標: an interim target of a KPI (or of one series).</summary>
/// <param name="SeriesId">Series; null for the KPI as a whole.</param>
/// <param name="Period">Period (invariant form).</param>
/// <param name="Value">Target in base units.</param>
/// <param name="Text">As written.</param>
public sealed record InterimTargetView(int? SeriesId, string Period, decimal Value, string? Text);

/// <summary>A KPI as read: its definition fields, series, values, interim targets and departments.</summary>
public sealed record KpiView
{
    /// <summary>Surrogate key.</summary>
    public required int Id { get; init; }

    /// <summary>Plan.</summary>
    public int PlanId { get; init; }

    /// <summary>Home node: the one place where the KPI counts (再掲 elsewhere).</summary>
    public int HomeNodeId { get; init; }

    /// <summary>Stable code, unique within the plan.</summary>
    public required string Code { get; init; }

    /// <summary>Name as the document writes it (指標名).</summary>
    public required string Name { get; init; }

    /// <summary>Order under the home node.</summary>
    public int SortOrder { get; init; }

    /// <summary>Goal (数値目標), measure (KPI) or project level.</summary>
    public KpiLevel Level { get; init; }

    /// <summary>Base unit (人, %, 円); empty for a pure number.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Display unit (万人, 億円); null = <see cref="Unit"/>.</summary>
    public string? DisplayUnit { get; init; }

    /// <summary>Decimals shown.</summary>
    public int Decimals { get; init; }

    /// <summary>Which way is better.</summary>
    public KpiDirection Direction { get; init; }

    /// <summary>How the target is stated.</summary>
    public TargetKind TargetKind { get; init; }

    /// <summary>基準値 in base units; null when none.</summary>
    public decimal? BaselineValue { get; init; }

    /// <summary>基準年 / period (invariant form); null when none.</summary>
    public string? BaselinePeriod { get; init; }

    /// <summary>基準値 as the document writes it.</summary>
    public string? BaselineText { get; init; }

    /// <summary>目標値 in base units; null when none.</summary>
    public decimal? TargetValue { get; init; }

    /// <summary>目標年 or accumulation window (invariant form); null when none.</summary>
    public string? TargetPeriod { get; init; }

    /// <summary>Reference of a relative target (全国平均).</summary>
    public string? TargetReference { get; init; }

    /// <summary>目標値 as the document writes it.</summary>
    public string? TargetText { get; init; }

    /// <summary>The target phrase of the document.</summary>
    public string? TargetPhrase { get; init; }

    /// <summary>How bare years of this KPI's values are read (年度 or 年).</summary>
    public PeriodKind ValuePeriodKind { get; init; } = PeriodKind.FiscalYear;

    /// <summary>How this KPI's sub-items are graded together; null for the plan's rule.</summary>
    public SeriesAggregation? SeriesAggregationOverride { get; init; }

    /// <summary>Achievement method overriding the plan default; null = the plan's.</summary>
    public AchievementMethod? MethodOverride { get; init; }

    /// <summary>基準日 (調査日).</summary>
    public string? SurveyTiming { get; init; }

    /// <summary>結果公表日 (確認時期).</summary>
    public string? PublicationTiming { get; init; }

    /// <summary>確認方法 / 出典.</summary>
    public string? Source { get; init; }

    /// <summary>Notes.</summary>
    public string? Note { get; init; }

    /// <summary>Sub-items, in stored order (sort by <see cref="SeriesView.SortOrder"/> to show them).</summary>
    public IReadOnlyList<SeriesView> Series { get; init; } = [];

    /// <summary>Values.</summary>
    public IReadOnlyList<ValueView> Values { get; init; } = [];

    /// <summary>Interim targets.</summary>
    public IReadOnlyList<InterimTargetView> InterimTargets { get; init; } = [];

    /// <summary>Responsible departments (担当課), the lead first.</summary>
    public IReadOnlyList<DepartmentView> Departments { get; init; } = [];

    /// <summary>The read model of a loaded KPI (series, values, interim targets and departments as loaded).</summary>
    public static KpiView Of(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new KpiView
        {
            Id = kpi.Id,
            PlanId = kpi.PlanId,
            HomeNodeId = kpi.HomeNodeId,
            Code = kpi.Code,
            Name = kpi.Name,
            SortOrder = kpi.SortOrder,
            Level = kpi.Level,
            Unit = kpi.Unit,
            DisplayUnit = kpi.DisplayUnit,
            Decimals = kpi.Decimals,
            Direction = kpi.Direction,
            TargetKind = kpi.TargetKind,
            BaselineValue = kpi.BaselineValue,
            BaselinePeriod = kpi.BaselinePeriod,
            BaselineText = kpi.BaselineText,
            TargetValue = kpi.TargetValue,
            TargetPeriod = kpi.TargetPeriod,
            TargetReference = kpi.TargetReference,
            TargetText = kpi.TargetText,
            TargetPhrase = kpi.TargetPhrase,
            ValuePeriodKind = kpi.ValuePeriodKind,
            SeriesAggregationOverride = kpi.SeriesAggregationOverride,
            MethodOverride = kpi.MethodOverride,
            SurveyTiming = kpi.SurveyTiming,
            PublicationTiming = kpi.PublicationTiming,
            Source = kpi.Source,
            Note = kpi.Note,
            Series = kpi.Series.Select(SeriesView.Of).ToList(),
            Values = kpi.Values.Select(ValueView.Of).ToList(),
            InterimTargets = kpi.InterimTargets.Select(i => new InterimTargetView(i.SeriesId, i.Period, i.Value, i.Text)).ToList(),
            Departments = kpi.Departments.OrderBy(d => d.SortOrder)
                .Select(d => new DepartmentView(d.DepartmentId, d.Department?.Name ?? "", d.SortOrder)).ToList(),
        };
    }
}

/// <summary>A body taking part in a project: an organization, or a named group that is not one.</summary>
/// <param name="Organization">The organization, when the body is one (and it was loaded).</param>
/// <param name="Name">Name as written, when there is no organization.</param>
/// <param name="Role">Role.</param>
/// <param name="SortOrder">Order.</param>
public sealed record PartnerView(OrganizationView? Organization, string? Name, PartnerRole Role, int SortOrder);

/// <summary>A link between a project and a KPI it serves.</summary>
/// <param name="KpiId">KPI.</param>
/// <param name="SortOrder">Order.</param>
public sealed record ProjectKpiView(int KpiId, int SortOrder);

/// <summary>事業費 / 予算額 / 決算額 of a project for one fiscal year.</summary>
/// <param name="FiscalYear">Fiscal year.</param>
/// <param name="Kind">Kind.</param>
/// <param name="OrganizationId">Member organization bearing the cost; null = the plan's organization.</param>
/// <param name="Organization">Member organization, when loaded.</param>
/// <param name="Amount">Amount in yen; null when not decided.</param>
/// <param name="OriginalText">As written.</param>
/// <param name="FundingSource">Funding; optional.</param>
public sealed record BudgetLineView(int FiscalYear, BudgetKind Kind, int? OrganizationId, OrganizationView? Organization, decimal? Amount, string? OriginalText, string? FundingSource);

/// <summary>A national grant for a project.</summary>
/// <param name="Program">Grant programme.</param>
/// <param name="FiscalYear">Fiscal year; optional.</param>
/// <param name="Amount">交付金額 in yen; null when unknown.</param>
/// <param name="OriginalText">As written.</param>
/// <param name="ListNumber">Number in the grant list; optional.</param>
/// <param name="StrategyLink">How the grant project relates to the strategy, as written.</param>
public sealed record GrantView(string Program, int? FiscalYear, decimal? Amount, string? OriginalText, int? ListNumber, string? StrategyLink);

/// <summary>A project (具体的な事業) as read: its fields, department, partners, KPIs, budget lines and grants.</summary>
public sealed record ProjectView
{
    /// <summary>Surrogate key.</summary>
    public required int Id { get; init; }

    /// <summary>Home node: the one place where the project counts (再掲 elsewhere).</summary>
    public int HomeNodeId { get; init; }

    /// <summary>Stable code, unique within the plan.</summary>
    public required string Code { get; init; }

    /// <summary>Name as the document writes it (事業名).</summary>
    public required string Name { get; init; }

    /// <summary>Order under the home node.</summary>
    public int SortOrder { get; init; }

    /// <summary>区分.</summary>
    public ProjectCategory Category { get; init; }

    /// <summary>内容.</summary>
    public string? Content { get; init; }

    /// <summary>Department that runs it; null when a partner runs it.</summary>
    public DepartmentView? Department { get; init; }

    /// <summary>First fiscal year; optional.</summary>
    public int? StartFiscalYear { get; init; }

    /// <summary>Last fiscal year; optional.</summary>
    public int? EndFiscalYear { get; init; }

    /// <summary>Notes; optional.</summary>
    public string? Note { get; init; }

    /// <summary>Partner bodies and joint-project roles.</summary>
    public IReadOnlyList<PartnerView> Partners { get; init; } = [];

    /// <summary>KPIs the project serves.</summary>
    public IReadOnlyList<ProjectKpiView> Kpis { get; init; } = [];

    /// <summary>Budget lines.</summary>
    public IReadOnlyList<BudgetLineView> BudgetLines { get; init; } = [];

    /// <summary>Grants.</summary>
    public IReadOnlyList<GrantView> Grants { get; init; } = [];

    /// <summary>The read model of a loaded project (what is not loaded stays empty or null).</summary>
    public static ProjectView Of(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return new ProjectView
        {
            Id = project.Id,
            HomeNodeId = project.HomeNodeId,
            Code = project.Code,
            Name = project.Name,
            SortOrder = project.SortOrder,
            Category = project.Category,
            Content = project.Content,
            Department = project.Department is { } d ? new DepartmentView(d.Id, d.Name, d.SortOrder) : null,
            StartFiscalYear = project.StartFiscalYear,
            EndFiscalYear = project.EndFiscalYear,
            Note = project.Note,
            Partners = project.Partners.Select(p => new PartnerView(OrganizationView.Of(p.Organization), p.Name, p.Role, p.SortOrder)).ToList(),
            Kpis = project.Kpis.Select(k => new ProjectKpiView(k.KpiId, k.SortOrder)).ToList(),
            BudgetLines = project.BudgetLines
                .Select(b => new BudgetLineView(b.FiscalYear, b.Kind, b.OrganizationId, OrganizationView.Of(b.Organization), b.Amount, b.OriginalText, b.FundingSource))
                .ToList(),
            Grants = project.Grants.Select(g => new GrantView(g.Program, g.FiscalYear, g.Amount, g.OriginalText, g.ListNumber, g.StrategyLink)).ToList(),
        };
    }
}

/// <summary>再掲: a KPI or a project shown again under another node, as read.</summary>
/// <param name="Id">Surrogate key.</param>
/// <param name="NodeId">The node where the item is shown again.</param>
/// <param name="KpiId">The relisted KPI, or null.</param>
/// <param name="ProjectId">The relisted project, or null.</param>
/// <param name="DisplayName">Name as the document writes it at this place, when it differs.</param>
/// <param name="Content">What the item means at this place, when the document says something different there.</param>
/// <param name="SortOrder">Order under the node.</param>
public sealed record PlanRelistingView(int Id, int NodeId, int? KpiId, int? ProjectId, string? DisplayName, string? Content, int SortOrder)
{
    /// <summary>The read model of a relisting.</summary>
    public static PlanRelistingView Of(Relisting relisting)
    {
        ArgumentNullException.ThrowIfNull(relisting);
        return new PlanRelistingView(relisting.Id, relisting.NodeId, relisting.KpiId, relisting.ProjectId, relisting.DisplayName, relisting.Content, relisting.SortOrder);
    }
}

/// <summary>The judgement a municipality published for a year (効果検証), as read: its threshold, source and note.</summary>
/// <param name="FiscalYear">Fiscal year judged.</param>
/// <param name="ThresholdRate">The achievement rate the municipality counted as reached.</param>
/// <param name="Source">Where it was published; optional.</param>
/// <param name="Note">Notes; optional.</param>
public sealed record PublishedJudgementView(int FiscalYear, decimal ThresholdRate, string? Source, string? Note)
{
    /// <summary>The read model of a published judgement.</summary>
    public static PublishedJudgementView Of(PublishedJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        return new PublishedJudgementView(judgement.FiscalYear, judgement.ThresholdRate, judgement.Source, judgement.Note);
    }
}

/// <summary>A KPI named by a link (a project's KPIs on the projects page).</summary>
/// <param name="Id">Surrogate key.</param>
/// <param name="Code">Stable code, unique within the plan.</param>
/// <param name="Name">Name as the document writes it.</param>
public sealed record KpiRef(int Id, string Code, string Name);
