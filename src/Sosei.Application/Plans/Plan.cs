using Sosei.Application.Common;
using Sosei.Application.Organizations;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Plans;

/// <summary>What kind of document a plan is.</summary>
public enum PlanType
{
    /// <summary>まち・ひと・しごと創生総合戦略 / 地方創生総合戦略.</summary>
    ComprehensiveStrategy = 0,

    /// <summary>連携地域別政策展開方針 (prefecture, per region).</summary>
    RegionalPolicy = 1,

    /// <summary>連携ビジョン (joint vision of municipalities).</summary>
    JointVision = 2,

    /// <summary>Any other plan.</summary>
    Other = 9,
}

/// <summary>計画 / 戦略 / 方針 / ビジョン: a strategy document with a period, a tree of nodes, KPIs and projects.</summary>
public sealed class Plan : IVersioned
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>Stable code, unique across the database (nemuro-sosei-2015): used by import, export and URLs.</summary>
    public required string Code { get; set; }

    /// <summary>Owning organization (the tenant).</summary>
    public int OrganizationId { get; set; }

    /// <summary>Owning organization.</summary>
    public Organization? Organization { get; set; }

    /// <summary>Region the plan covers, for regional plans; optional.</summary>
    public int? RegionId { get; set; }

    /// <summary>Region the plan covers.</summary>
    public Region? Region { get; set; }

    /// <summary>Title (根室市創生総合戦略).</summary>
    public required string Name { get; set; }

    /// <summary>Subtitle or 戦略理念 (子どもたちに誇れる まち・ひと・しごと); optional.</summary>
    public string? Subtitle { get; set; }

    /// <summary>Kind of document.</summary>
    public PlanType Type { get; set; }

    /// <summary>First fiscal year of the 対象期間 (Gregorian start year).</summary>
    public int StartFiscalYear { get; set; }

    /// <summary>Last fiscal year of the 対象期間.</summary>
    public int EndFiscalYear { get; set; }

    /// <summary>Introduction, principles or other prose; optional.</summary>
    public string? Description { get; set; }

    /// <summary>Where the data comes from (document title, publisher, URL or page).</summary>
    public string? Source { get; set; }

    /// <summary>Secretariat (事務局), e.g. 総合政策部; optional.</summary>
    public string? Secretariat { get; set; }

    /// <summary>Default achievement method for the plan's KPIs.</summary>
    public AchievementMethod DefaultAchievementMethod { get; set; }

    /// <summary>Which actual counts for a year: the latest up to it (default) or that year's only (<see cref="GradingRules.Actuals"/>).</summary>
    public ActualSelection ActualSelection { get; set; }

    /// <summary>Whether grade thresholds are 以上 (default) or 超 (<see cref="GradingRules.Thresholds"/>).</summary>
    public ThresholdComparison ThresholdComparison { get; set; }

    /// <summary>How sub-items combine unless a KPI overrides it: all (the worst, default), any (the best) or mean (<see cref="GradingRules.SeriesAggregation"/>).</summary>
    public SeriesAggregation SeriesAggregation { get; set; }

    /// <summary>How 全国平均 targets are judged (<see cref="GradingRules.RelativeTargets"/>).</summary>
    public RelativeTargetReading RelativeTargetReading { get; set; }

    /// <summary>The plan's grading rules as the domain reads them.</summary>
    public GradingRules GradingRules => new()
    {
        Actuals = ActualSelection,
        Thresholds = ThresholdComparison,
        SeriesAggregation = SeriesAggregation,
        RelativeTargets = RelativeTargetReading,
    };

    /// <summary>Names of the tree levels, top first (基本目標, 施策, 具体的な施策).</summary>
    public List<PlanLevel> Levels { get; } = [];

    /// <summary>Grade scale, best band first.</summary>
    public List<PlanGradeBand> GradeBands { get; } = [];

    /// <summary>策定 / 改訂 dates.</summary>
    public List<PlanRevision> Revisions { get; } = [];

    /// <summary>Nodes of the plan tree.</summary>
    public List<PlanNode> Nodes { get; } = [];
}

/// <summary>The name of one level of a plan's tree (depth 0 = top).</summary>
public sealed class PlanLevel
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Plan.</summary>
    public int PlanId { get; set; }

    /// <summary>0 for the top level.</summary>
    public int Depth { get; set; }

    /// <summary>Level name (基本目標).</summary>
    public required string Name { get; set; }
}

/// <summary>One band of a plan's grade scale. Bands are ordered best first; thresholds are inclusive.</summary>
public sealed class PlanGradeBand
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Plan.</summary>
    public int PlanId { get; set; }

    /// <summary>Order, 0 = best.</summary>
    public int SortOrder { get; set; }

    /// <summary>Short code (A, ◎, 80以上).</summary>
    public required string Code { get; set; }

    /// <summary>Label (80%以上).</summary>
    public required string Label { get; set; }

    /// <summary>Lowest achievement rate (ratio, 0.8 = 80 %) that earns this band; null for the catch-all band.</summary>
    public decimal? MinRate { get; set; }

    /// <summary>Whether this is the "no data" band.</summary>
    public bool IsNoData { get; set; }
}

/// <summary>What happened to a plan on a date.</summary>
public enum RevisionKind
{
    /// <summary>策定: adopted.</summary>
    Adopted = 0,

    /// <summary>改訂: revised.</summary>
    Revised = 1,
}

/// <summary>策定 / 改訂: a dated version of a plan (平成27年10月30日策定, 平成29年11月22日改訂).</summary>
public sealed class PlanRevision
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Plan.</summary>
    public int PlanId { get; set; }

    /// <summary>Date.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Adopted or revised.</summary>
    public RevisionKind Kind { get; set; }

    /// <summary>What changed; optional.</summary>
    public string? Note { get; set; }
}

/// <summary>
/// A node of the plan tree (基本目標, 基本的方向, 施策, 具体的な施策 …). Its level name comes from the plan's
/// <see cref="PlanLevel"/> at its depth.
/// </summary>
public sealed class PlanNode : IVersioned
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>Plan.</summary>
    public int PlanId { get; set; }

    /// <summary>Parent node; null at the top.</summary>
    public int? ParentId { get; set; }

    /// <summary>Parent node.</summary>
    public PlanNode? Parent { get; set; }

    /// <summary>Children.</summary>
    public List<PlanNode> Children { get; } = [];

    /// <summary>Stable code, unique within the plan (G1, G1.A.1).</summary>
    public required string Code { get; set; }

    /// <summary>0 for the top level.</summary>
    public int Depth { get; set; }

    /// <summary>Number as the document writes it: 基本目標-1, (ア), ①; optional.</summary>
    public string? Label { get; set; }

    /// <summary>Title.</summary>
    public required string Title { get; set; }

    /// <summary>Body text (基本的な方向, the measure's description); optional.</summary>
    public string? Description { get; set; }

    /// <summary>Order among siblings.</summary>
    public int SortOrder { get; set; }
}
