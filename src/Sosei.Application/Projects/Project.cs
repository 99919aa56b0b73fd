using Sosei.Application.Kpis;
using Sosei.Application.Organizations;
using Sosei.Application.Plans;

namespace Sosei.Application.Projects;

/// <summary>区分 of a project in the plan.</summary>
public enum ProjectCategory
{
    /// <summary>No 区分 given (an existing project listed as is).</summary>
    None = 0,

    /// <summary>新規.</summary>
    New = 1,

    /// <summary>拡充.</summary>
    Expanded = 2,

    /// <summary>継続.</summary>
    Continued = 3,

    /// <summary>民間等: run by a partner body.</summary>
    Private = 4,
}

/// <summary>How a body takes part in a project.</summary>
public enum PartnerRole
{
    /// <summary>事業主体 / 実施主体: runs the project.</summary>
    RunningBody = 0,

    /// <summary>担当市町: leads a joint project.</summary>
    Lead = 1,

    /// <summary>その他の市町 / 連携先: takes part.</summary>
    Partner = 2,
}

/// <summary>具体的な事業 / 事務事業: a project serving one or more measures.</summary>
public sealed class Project : PlanItem
{
    /// <summary>区分.</summary>
    public ProjectCategory Category { get; set; }

    /// <summary>内容.</summary>
    public string? Content { get; set; }

    /// <summary>Department of the plan's organization that runs it; null when a partner runs it.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>Department.</summary>
    public Department? Department { get; set; }

    /// <summary>First fiscal year; optional.</summary>
    public int? StartFiscalYear { get; set; }

    /// <summary>Last fiscal year; optional.</summary>
    public int? EndFiscalYear { get; set; }

    /// <summary>Notes; optional.</summary>
    public string? Note { get; set; }

    /// <summary>Partner bodies and joint-project roles.</summary>
    public List<ProjectPartner> Partners { get; } = [];

    /// <summary>KPIs the project serves (a grant project lists up to four).</summary>
    public List<ProjectKpi> Kpis { get; } = [];

    /// <summary>Budget lines.</summary>
    public List<BudgetLine> BudgetLines { get; } = [];

    /// <summary>Grants.</summary>
    public List<Grant> Grants { get; } = [];
}

/// <summary>A body taking part in a project: an organization, or a named group that is not one (根室釧路管内18市町村).</summary>
public sealed class ProjectPartner
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Project.</summary>
    public int ProjectId { get; set; }

    /// <summary>Organization, when the body is one.</summary>
    public int? OrganizationId { get; set; }

    /// <summary>Organization.</summary>
    public Organization? Organization { get; set; }

    /// <summary>Name as written, when there is no organization.</summary>
    public string? Name { get; set; }

    /// <summary>Role.</summary>
    public PartnerRole Role { get; set; }

    /// <summary>Order.</summary>
    public int SortOrder { get; set; }
}

/// <summary>A link between a project and a KPI it serves.</summary>
public sealed class ProjectKpi
{
    /// <summary>Project.</summary>
    public int ProjectId { get; set; }

    /// <summary>KPI.</summary>
    public int KpiId { get; set; }

    /// <summary>KPI.</summary>
    public Kpi? Kpi { get; set; }

    /// <summary>Order.</summary>
    public int SortOrder { get; set; }
}

/// <summary>Kind of a budget amount.</summary>
public enum BudgetKind
{
    /// <summary>予算額.</summary>
    Budget = 0,

    /// <summary>決算額.</summary>
    Settlement = 1,

    /// <summary>見込額 / 事業費 (planned cost).</summary>
    Estimate = 2,
}

/// <summary>事業費 / 予算額 / 決算額 for one fiscal year (and one member organization, for joint projects).</summary>
public sealed class BudgetLine
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Project.</summary>
    public int ProjectId { get; set; }

    /// <summary>Fiscal year.</summary>
    public int FiscalYear { get; set; }

    /// <summary>Kind.</summary>
    public BudgetKind Kind { get; set; }

    /// <summary>Member organization bearing the cost, for joint projects; null = the plan's organization.</summary>
    public int? OrganizationId { get; set; }

    /// <summary>Member organization.</summary>
    public Organization? Organization { get; set; }

    /// <summary>Amount in yen; null when not decided ("-").</summary>
    public decimal? Amount { get; set; }

    /// <summary>As written (5,031,030; -; 2億4千万円).</summary>
    public string? OriginalText { get; set; }

    /// <summary>Funding (一般財源, 基金, 交付金 …); optional.</summary>
    public string? FundingSource { get; set; }
}

/// <summary>A national grant for a project (地方創生推進交付金 …).</summary>
public sealed class Grant
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Project.</summary>
    public int ProjectId { get; set; }

    /// <summary>Grant programme (地方創生推進交付金, 地方創生拠点整備交付金, デジタル田園都市国家構想交付金 …).</summary>
    public required string Program { get; set; }

    /// <summary>Fiscal year; optional.</summary>
    public int? FiscalYear { get; set; }

    /// <summary>交付金額 in yen; null when unknown.</summary>
    public decimal? Amount { get; set; }

    /// <summary>As written.</summary>
    public string? OriginalText { get; set; }

    /// <summary>Number in the grant list (番号); optional.</summary>
    public int? ListNumber { get; set; }

    /// <summary>How the grant project relates to the strategy (網走市総合戦略との関連), as written.</summary>
    public string? StrategyLink { get; set; }
}
