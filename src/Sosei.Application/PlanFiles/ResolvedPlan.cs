using Sosei.Application.Councils;
using Sosei.Application.Organizations;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.PlanFiles;

// A plan file after validation: every text parsed, every reference checked. The writer turns it into entities.

internal sealed record ResolvedOrganization(string Code, string Name, OrganizationKind Kind, string? Prefecture, IReadOnlyList<string> Departments);

internal sealed record ResolvedRegion(string Code, string Name, IReadOnlyList<string> Members);

internal sealed record ResolvedBand(string Code, string Label, decimal? MinRate, bool NoData);

internal sealed record ResolvedRevision(DateOnly Date, RevisionKind Kind, string? Note);

internal sealed record ResolvedTally(string NodeCode, KpiLevel Level, int Reached, int Below);

internal sealed record ResolvedPublishedGrade(string KpiCode, string GradeCode, string? Note);

internal sealed record ResolvedJudgement(
    int FiscalYear, decimal ThresholdRate, string? Source, string? Note, IReadOnlyList<ResolvedTally> Tallies, IReadOnlyList<ResolvedPublishedGrade> Grades);

internal sealed record ResolvedGradeOverride(string KpiCode, int FiscalYear, string GradeCode, string Reason, string? DecidedBy, DateTimeOffset? DecidedAt);

internal sealed record ResolvedNode(string Code, string? ParentCode, int Depth, int Order, string? Label, string Title, string? Description);

internal sealed record ResolvedValue(string? SeriesCode, Period Period, MeasuredValue Value, string? Comment, decimal? ReferenceScore = null);

internal sealed record ResolvedSeries(string Code, string Name, int Order, string? Unit, string? DisplayUnit, decimal? Baseline, string? BaselineText, decimal? Target, string? TargetText);

internal sealed record ResolvedInterim(string? SeriesCode, Period Period, decimal Value, string Text);

internal sealed record ResolvedKpi
{
    public required string Code { get; init; }

    public required string NodeCode { get; init; }

    public required int Order { get; init; }

    public required string Name { get; init; }

    public required KpiLevel Level { get; init; }

    public required string Unit { get; init; }

    public string? DisplayUnit { get; init; }

    public int Decimals { get; init; }

    public KpiDirection Direction { get; init; }

    public TargetKind TargetKind { get; init; }

    public decimal? BaselineValue { get; init; }

    public PeriodRange? BaselinePeriod { get; init; }

    public string? BaselineText { get; init; }

    public decimal? TargetValue { get; init; }

    public PeriodRange? TargetPeriod { get; init; }

    public string? TargetReference { get; init; }

    public string? TargetText { get; init; }

    public string? Phrase { get; init; }

    public SeriesAggregation? SeriesAggregation { get; init; }

    public PeriodKind PeriodKind { get; init; }

    public AchievementMethod? Method { get; init; }

    public string? SurveyTiming { get; init; }

    public string? PublicationTiming { get; init; }

    public string? Source { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<string> Departments { get; init; } = [];

    public IReadOnlyList<ResolvedSeries> Series { get; init; } = [];

    public IReadOnlyList<ResolvedValue> Values { get; init; } = [];

    public IReadOnlyList<ResolvedInterim> InterimTargets { get; init; } = [];
}

internal sealed record ResolvedPartner(string? OrganizationCode, string? Name, PartnerRole Role);

internal sealed record ResolvedBudget(int FiscalYear, BudgetKind Kind, decimal? Amount, string Text, string? OrganizationCode, string? FundingSource);

internal sealed record ResolvedGrant(string Program, decimal? Amount, string? Text, int? FiscalYear, int? ListNumber, string? StrategyLink);

internal sealed record ResolvedProject
{
    public required string Code { get; init; }

    public required string NodeCode { get; init; }

    public required int Order { get; init; }

    public required string Name { get; init; }

    public ProjectCategory Category { get; init; }

    public string? Content { get; init; }

    public string? Department { get; init; }

    public int? StartYear { get; init; }

    public int? EndYear { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<ResolvedPartner> Partners { get; init; } = [];

    public IReadOnlyList<string> Kpis { get; init; } = [];

    public IReadOnlyList<ResolvedBudget> Budget { get; init; } = [];

    public IReadOnlyList<ResolvedGrant> Grants { get; init; } = [];
}

internal sealed record ResolvedRelisting(string NodeCode, string? KpiCode, string? ProjectCode, string? Name, string? Content, int Order);

internal sealed record ResolvedCouncil(string Code, string Name, CouncilKind Kind, string? Description, IReadOnlyList<(string Organization, string? Title)> Members, IReadOnlyList<(DateOnly Date, string? Topics)> Meetings);

internal sealed record ResolvedPopulationTarget(string Term, int Year, string Indicator, decimal Target, decimal? Projection, string? Edition, string? Note, int Order);

internal sealed record ResolvedPlan
{
    public required string Code { get; init; }

    public required string OrganizationCode { get; init; }

    public string? RegionCode { get; init; }

    public required string Name { get; init; }

    public string? Subtitle { get; init; }

    public PlanType Type { get; init; }

    public int StartFiscalYear { get; init; }

    public int EndFiscalYear { get; init; }

    public IReadOnlyList<string> Levels { get; init; } = [];

    public AchievementMethod DefaultMethod { get; init; }

    public GradingRules Rules { get; init; } = GradingRules.Default;

    public IReadOnlyList<ResolvedBand> Bands { get; init; } = [];

    public string? Secretariat { get; init; }

    public string? Description { get; init; }

    public string? Source { get; init; }

    public IReadOnlyList<ResolvedRevision> Revisions { get; init; } = [];

    public IReadOnlyList<ResolvedOrganization> Organizations { get; init; } = [];

    public IReadOnlyList<ResolvedRegion> Regions { get; init; } = [];

    public IReadOnlyList<ResolvedNode> Nodes { get; init; } = [];

    public IReadOnlyList<ResolvedKpi> Kpis { get; init; } = [];

    public IReadOnlyList<ResolvedProject> Projects { get; init; } = [];

    public IReadOnlyList<ResolvedRelisting> Relistings { get; init; } = [];

    public IReadOnlyList<ResolvedCouncil> Councils { get; init; } = [];

    public IReadOnlyList<ResolvedPopulationTarget> PopulationTargets { get; init; } = [];

    public IReadOnlyList<ResolvedJudgement> Judgements { get; init; } = [];

    public IReadOnlyList<ResolvedGradeOverride> GradeOverrides { get; init; } = [];
}
