using System.Text.Json.Serialization;

namespace Sosei.Application.PlanFiles;

// The plan file: one plan with everything that hangs off it, as plain text fields exactly as a document writes them
// (periods like "H27" or "令和6年度", values like "141万5千人" or "未確定 (313千㎡)"). It is what the demo data, the JSON
// export and (through a sheet mapping) the Excel template carry. Validation parses every text with the domain parsers
// and reports problems by JSON path; nothing is written until the whole document is valid.
// Format reference: docs/formats/plan-file.md.

/// <summary>A plan file (format <c>sosei-plan/1</c>).</summary>
public sealed record PlanDocument
{
    /// <summary>Format tag: <c>sosei-plan/1</c>.</summary>
    public string Format { get; init; } = PlanDocumentFormat.Current;

    /// <summary>Where the data comes from.</summary>
    public SourceInfo? Source { get; init; }

    /// <summary>Organizations referred to by code (the owner, partners, members).</summary>
    public List<OrganizationEntry> Organizations { get; init; } = [];

    /// <summary>Regions (連携地域).</summary>
    public List<RegionEntry> Regions { get; init; } = [];

    /// <summary>The plan.</summary>
    public required PlanEntry Plan { get; init; }

    /// <summary>Tree, top level first; children nested.</summary>
    public List<NodeEntry> Nodes { get; init; } = [];

    /// <summary>KPIs.</summary>
    public List<KpiEntry> Kpis { get; init; } = [];

    /// <summary>Projects.</summary>
    public List<ProjectEntry> Projects { get; init; } = [];

    /// <summary>再掲: KPIs and projects shown again under other nodes.</summary>
    public List<RelistingEntry> Relistings { get; init; } = [];

    /// <summary>Councils reviewing the plan.</summary>
    public List<CouncilEntry> Councils { get; init; } = [];

    /// <summary>Population targets of the plan (人口の将来展望).</summary>
    public List<PopulationTargetEntry> PopulationTargets { get; init; } = [];

    /// <summary>The judgements the municipality published (効果検証), one per fiscal year.</summary>
    public List<PublishedJudgementEntry> PublishedJudgements { get; init; } = [];

    /// <summary>Grades decided by the secretariat or the council instead of the computed ones (評価の上書き), one per KPI and fiscal year.</summary>
    public List<GradeOverrideEntry> GradeOverrides { get; init; } = [];
}

/// <summary>Format constants.</summary>
public static class PlanDocumentFormat
{
    /// <summary>The format written by this version.</summary>
    public const string Current = "sosei-plan/1";
}

/// <summary>Source of a transcription.</summary>
/// <param name="Title">Document title.</param>
/// <param name="Publisher">Publisher (北海道根室市).</param>
/// <param name="Url">Where it was published, if known.</param>
/// <param name="Note">How it was transcribed, what was left out, known discrepancies.</param>
public sealed record SourceInfo(string Title, string? Publisher = null, string? Url = null, string? Note = null);

/// <summary>An organization.</summary>
public sealed record OrganizationEntry
{
    /// <summary>地方公共団体コード (5 digits) or a partner slug (partner:hokuyo-bank).</summary>
    public required string Code { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Municipality, Prefecture, RegionalOffice or Partner.</summary>
    public string Kind { get; init; } = "Municipality";

    /// <summary>Prefecture of a municipality.</summary>
    public string? Prefecture { get; init; }

    /// <summary>Departments (課) by name.</summary>
    public List<string> Departments { get; init; } = [];
}

/// <summary>A region.</summary>
public sealed record RegionEntry
{
    /// <summary>Code.</summary>
    public required string Code { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Member organization codes.</summary>
    public List<string> Members { get; init; } = [];
}

/// <summary>The plan itself.</summary>
public sealed record PlanEntry
{
    /// <summary>Stable code.</summary>
    public required string Code { get; init; }

    /// <summary>Owner organization code.</summary>
    public required string Organization { get; init; }

    /// <summary>Region code, for regional plans.</summary>
    public string? Region { get; init; }

    /// <summary>Title.</summary>
    public required string Name { get; init; }

    /// <summary>Subtitle / 戦略理念.</summary>
    public string? Subtitle { get; init; }

    /// <summary>ComprehensiveStrategy, RegionalPolicy, JointVision or Other.</summary>
    public string Type { get; init; } = "ComprehensiveStrategy";

    /// <summary>対象期間 as written: "平成27年度～平成31年度", "H27～R1", "R3~R7".</summary>
    public required string Period { get; init; }

    /// <summary>Level names, top first.</summary>
    public List<string> Levels { get; init; } = [];

    /// <summary>RatioToTarget (default), ProgressFromBaseline or TimeProrated.</summary>
    public string? DefaultAchievementMethod { get; init; }

    /// <summary>Grade scale: a preset name (TwoBand80, Abcd, Symbols) or explicit bands.</summary>
    public GradeScaleEntry? GradeScale { get; init; }

    /// <summary>The rules that decide a grade besides the scale and method; omitted for Sosei's defaults.</summary>
    public GradingRulesEntry? GradingRules { get; init; }

    /// <summary>事務局.</summary>
    public string? Secretariat { get; init; }

    /// <summary>Prose.</summary>
    public string? Description { get; init; }

    /// <summary>策定 / 改訂 dates.</summary>
    public List<RevisionEntry> Revisions { get; init; } = [];
}

/// <summary>A plan's grading rules (<see cref="Domain.Achievement.GradingRules"/>); each omitted field keeps its default.</summary>
public sealed record GradingRulesEntry
{
    /// <summary>Which actual counts: LatestUpToYear (default) or ThatYearOnly.</summary>
    public string? Actuals { get; init; }

    /// <summary>Band thresholds: Inclusive (以上, default) or Exclusive (超).</summary>
    public string? Thresholds { get; init; }

    /// <summary>How sub-items combine unless a KPI says otherwise: All (the worst, default), Any (the best) or Mean.</summary>
    public string? SeriesAggregation { get; init; }

    /// <summary>How 全国平均 targets are judged: ProgressFromBaseline (default), ReachedOrNot or RatioToReference.</summary>
    public string? RelativeTargets { get; init; }
}

/// <summary>A grade scale: either a preset or bands.</summary>
public sealed record GradeScaleEntry
{
    /// <summary>Preset name (TwoBand80, Abcd, Symbols).</summary>
    public string? Preset { get; init; }

    /// <summary>Explicit bands, best first.</summary>
    public List<GradeBandEntry> Bands { get; init; } = [];
}

/// <summary>A grade band.</summary>
/// <param name="Code">Code.</param>
/// <param name="Label">Label.</param>
/// <param name="MinPercent">Inclusive lower threshold in percent ("80"); null for the catch-all band.</param>
/// <param name="NoData">Whether this is the no-data band.</param>
public sealed record GradeBandEntry(string Code, string Label, decimal? MinPercent = null, bool NoData = false);

/// <summary>A 策定 / 改訂 date.</summary>
/// <param name="Date">Date as written (平成27年10月30日 or 2015-10-30).</param>
/// <param name="Kind">Adopted or Revised.</param>
/// <param name="Note">Note.</param>
public sealed record RevisionEntry(string Date, string Kind = "Adopted", string? Note = null);

/// <summary>A node and its children.</summary>
public sealed record NodeEntry
{
    /// <summary>Stable code, unique in the plan.</summary>
    public required string Code { get; init; }

    /// <summary>Number as written (基本目標-1, (ア), ①).</summary>
    public string? Label { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>Body text.</summary>
    public string? Description { get; init; }

    /// <summary>Children.</summary>
    public List<NodeEntry> Children { get; init; } = [];
}

/// <summary>A KPI.</summary>
public sealed record KpiEntry
{
    /// <summary>Stable code, unique in the plan.</summary>
    public required string Code { get; init; }

    /// <summary>Home node code.</summary>
    public required string Node { get; init; }

    /// <summary>Goal (数値目標), Measure (default) or Project.</summary>
    public string Level { get; init; } = "Measure";

    /// <summary>指標名.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Target phrase as the plan words it ("5年で30.0%とし22.3ポイント向上"). When given, it is parsed into the target,
    /// baseline, kind and direction; explicit fields below override what the phrase gives.
    /// </summary>
    public string? Phrase { get; init; }

    /// <summary>Unit (人, %, 円); default from the values.</summary>
    public string? Unit { get; init; }

    /// <summary>Decimals shown; default from the values.</summary>
    public int? Decimals { get; init; }

    /// <summary>Increase, Decrease or Maintain.</summary>
    public string? Direction { get; init; }

    /// <summary>Level, Cumulative, Change, Annual, Maintain or Relative.</summary>
    public string? TargetKind { get; init; }

    /// <summary>基準値 as written ("16,474人", "(H20-24) 1.51").</summary>
    public string? Baseline { get; init; }

    /// <summary>基準年 as written ("H26", "H20-24").</summary>
    public string? BaselinePeriod { get; init; }

    /// <summary>目標値 as written ("16,000人", "全国平均").</summary>
    public string? Target { get; init; }

    /// <summary>目標年 or window as written ("H31", "R3~R7").</summary>
    public string? TargetPeriod { get; init; }

    /// <summary>Interim targets: period → value, both as written.</summary>
    public List<PeriodValueEntry> InterimTargets { get; init; } = [];

    /// <summary>FiscalYear (default) or CalendarYear: how bare years (H27, 2015) of this KPI's values are read.</summary>
    public string? PeriodKind { get; init; }

    /// <summary>All, Any or Mean.</summary>
    public string? SeriesAggregation { get; init; }

    /// <summary>Achievement method overriding the plan's.</summary>
    public string? Method { get; init; }

    /// <summary>基準日 (調査日).</summary>
    public string? SurveyTiming { get; init; }

    /// <summary>結果公表日 (確認時期).</summary>
    public string? PublicationTiming { get; init; }

    /// <summary>確認方法 / 出典.</summary>
    public string? Source { get; init; }

    /// <summary>担当課 names (of the plan's organization).</summary>
    public List<string> Departments { get; init; } = [];

    /// <summary>Notes.</summary>
    public string? Note { get; init; }

    /// <summary>Sub-items.</summary>
    public List<SeriesEntry> Series { get; init; } = [];

    /// <summary>Actual values of a KPI without series.</summary>
    public List<PeriodValueEntry> Values { get; init; } = [];
}

/// <summary>A sub-item of a KPI.</summary>
public sealed record SeriesEntry
{
    /// <summary>Stable code, unique in the KPI.</summary>
    public required string Code { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>基準値 as written.</summary>
    public string? Baseline { get; init; }

    /// <summary>目標値 as written.</summary>
    public string? Target { get; init; }

    /// <summary>Actual values.</summary>
    public List<PeriodValueEntry> Values { get; init; } = [];
}

/// <summary>A value for a period, both as written.</summary>
/// <param name="Period">"H27", "令和5年度", "2015-10-01".</param>
/// <param name="Value">"16,474人", "(1.64)", "未確定 (313千㎡)", "—".</param>
/// <param name="Comment">Comment.</param>
/// <param name="ReferenceScore">
/// For a value that is a difference from a reference (全国平均との差): the reference's own value of the period ("63.5",
/// the national score in the KPI's unit), used when the plan reads such targets as a ratio (gradingRules.relativeTargets
/// RatioToReference); omitted when not known.
/// </param>
public sealed record PeriodValueEntry(string Period, string Value, string? Comment = null, string? ReferenceScore = null);

/// <summary>A project.</summary>
public sealed record ProjectEntry
{
    /// <summary>Stable code, unique in the plan.</summary>
    public required string Code { get; init; }

    /// <summary>Home node code.</summary>
    public required string Node { get; init; }

    /// <summary>事業名.</summary>
    public required string Name { get; init; }

    /// <summary>区分: New (新規), Expanded (拡充), Continued (継続), Private (民間等) or None. Japanese words are accepted too.</summary>
    public string? Category { get; init; }

    /// <summary>内容.</summary>
    public string? Content { get; init; }

    /// <summary>Running department of the plan's organization.</summary>
    public string? Department { get; init; }

    /// <summary>Partner bodies and roles.</summary>
    public List<PartnerEntry> Partners { get; init; } = [];

    /// <summary>Codes of KPIs the project serves.</summary>
    public List<string> Kpis { get; init; } = [];

    /// <summary>First fiscal year as written.</summary>
    public string? StartYear { get; init; }

    /// <summary>Last fiscal year as written.</summary>
    public string? EndYear { get; init; }

    /// <summary>Notes.</summary>
    public string? Note { get; init; }

    /// <summary>Budget lines.</summary>
    public List<BudgetEntry> Budget { get; init; } = [];

    /// <summary>Grants.</summary>
    public List<GrantEntry> Grants { get; init; } = [];
}

/// <summary>A partner body: an organization code, or a name for a group that is not an organization.</summary>
/// <param name="Organization">Organization code.</param>
/// <param name="Name">Name when there is no organization.</param>
/// <param name="Role">RunningBody (default), Lead or Partner.</param>
public sealed record PartnerEntry(string? Organization = null, string? Name = null, string Role = "RunningBody");

/// <summary>A budget line.</summary>
/// <param name="FiscalYear">As written (R6, 令和6年度).</param>
/// <param name="Kind">Budget, Settlement or Estimate.</param>
/// <param name="Amount">As written ("5,031,030", "2億4千万円", "-" = not decided).</param>
/// <param name="Organization">Member organization code, for joint projects.</param>
/// <param name="FundingSource">Funding.</param>
public sealed record BudgetEntry(string FiscalYear, string Kind, string Amount, string? Organization = null, string? FundingSource = null);

/// <summary>A grant.</summary>
/// <param name="Program">Programme (地方創生推進交付金).</param>
/// <param name="Amount">交付金額 as written.</param>
/// <param name="FiscalYear">As written; optional.</param>
/// <param name="ListNumber">番号 in the grant list.</param>
/// <param name="StrategyLink">Relation to the strategy, as written.</param>
public sealed record GrantEntry(string Program, string? Amount = null, string? FiscalYear = null, int? ListNumber = null, string? StrategyLink = null);

/// <summary>A 再掲: a KPI or project shown again under a node.</summary>
/// <param name="Node">Node code where it is shown again.</param>
/// <param name="Kpi">KPI code, or null.</param>
/// <param name="Project">Project code, or null.</param>
/// <param name="Name">Name as written there, if different.</param>
/// <param name="Content">Content as written there, if different.</param>
public sealed record RelistingEntry(string Node, string? Kpi = null, string? Project = null, string? Name = null, string? Content = null);

/// <summary>A council.</summary>
public sealed record CouncilEntry
{
    /// <summary>Code.</summary>
    public required string Code { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>External or Internal.</summary>
    public string Kind { get; init; } = "External";

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Members by organization and title (no personal names).</summary>
    public List<CouncilMemberEntry> Members { get; init; } = [];

    /// <summary>Meetings.</summary>
    public List<MeetingEntry> Meetings { get; init; } = [];
}

/// <summary>A council member.</summary>
/// <param name="Organization">団体名.</param>
/// <param name="Title">役職.</param>
public sealed record CouncilMemberEntry(string Organization, string? Title = null);

/// <summary>A meeting.</summary>
/// <param name="Date">As written (H27. 6. 12).</param>
/// <param name="Topics">主な議論内容.</param>
public sealed record MeetingEntry(string Date, string? Topics = null);

/// <summary>A population target of the plan against a projection.</summary>
public sealed record PopulationTargetEntry
{
    /// <summary>短期 / 中期 / 長期 (or any label).</summary>
    public required string Term { get; init; }

    /// <summary>Target year as written (2020年(平成32年)).</summary>
    public required string Year { get; init; }

    /// <summary>Indicator: Total, Young (0–14), Working (15–64), Old (65+), Women20To39, or any label.</summary>
    public required string Indicator { get; init; }

    /// <summary>Target as written ("26,043人").</summary>
    public required string Target { get; init; }

    /// <summary>The projection it is compared with, as written.</summary>
    public string? Projection { get; init; }

    /// <summary>Edition of the projection (社人研 平成25年3月推計).</summary>
    public string? ProjectionEdition { get; init; }

    /// <summary>Note.</summary>
    public string? Note { get; init; }
}

/// <summary>The judgement a municipality published for one fiscal year (its 効果検証 table, and grades of single KPIs).</summary>
public sealed record PublishedJudgementEntry
{
    /// <summary>The fiscal year judged as written (H30, 平成30年度).</summary>
    public required string FiscalYear { get; init; }

    /// <summary>The published threshold in percent (80 for 「80%以上」), inclusive; one of the plan's grade band thresholds.</summary>
    public decimal? ThresholdPercent { get; init; }

    /// <summary>Where it was published (document, chapter).</summary>
    public string? Source { get; init; }

    /// <summary>What the document says beside the table; what Sosei cannot reproduce and why.</summary>
    public string? Note { get; init; }

    /// <summary>The table: one entry per 基本目標.</summary>
    public List<PublishedTallyEntry> Tallies { get; init; } = [];

    /// <summary>Published grades of single KPIs, where the document gives them.</summary>
    public List<PublishedGradeEntry> Grades { get; init; } = [];
}

/// <summary>The published table of one 基本目標: per column, how many KPIs reached the threshold and how many did not.</summary>
/// <param name="Node">The 基本目標's node code (a top-level node).</param>
/// <param name="Goal">「基本目標」 column: the goal-level KPIs.</param>
/// <param name="Measure">「各施策のKPI」 column.</param>
/// <param name="Project">KPIs of projects, where the table has such a column.</param>
public sealed record PublishedTallyEntry(string Node, JudgementCountEntry? Goal = null, JudgementCountEntry? Measure = null, JudgementCountEntry? Project = null);

/// <summary>One column of a published table.</summary>
/// <param name="Reached">「80%以上」: KPIs at or above the threshold.</param>
/// <param name="Below">「80%未満」: KPIs below it.</param>
public sealed record JudgementCountEntry(int Reached, int Below);

/// <summary>The grade a municipality published for one KPI.</summary>
/// <param name="Kpi">KPI code.</param>
/// <param name="Grade">A band code of the plan's grade scale (80%以上).</param>
/// <param name="Note">The document's words or a remark.</param>
public sealed record PublishedGradeEntry(string Kpi, string Grade, string? Note = null);

/// <summary>
/// A grade override: the band a KPI is given for a fiscal year by the secretariat's or the council's decision instead
/// of the computed one (which Sosei keeps and shows beside it).
/// </summary>
/// <param name="Kpi">KPI code.</param>
/// <param name="Year">The fiscal year evaluated (2018 for 平成30年度).</param>
/// <param name="Grade">A band code of the plan's grade scale.</param>
/// <param name="Reason">Why the computed grade is replaced (required).</param>
/// <param name="DecidedBy">Who decided (the secretariat, the council, the municipality's published verification).</param>
/// <param name="DecidedAt">When, ISO 8601 with the offset (<c>2019-09-30T00:00:00+09:00</c>) or a date (<c>2019-09-30</c>, 0時 in Japan); omitted: the time of the import for a new override, unchanged for a stored one.</param>
public sealed record GradeOverrideEntry(string Kpi, int? Year, string Grade, string Reason, string? DecidedBy = null, string? DecidedAt = null);

/// <summary>JSON options of plan files.</summary>
public static class PlanDocumentJson
{
    /// <summary>camelCase, indented, Japanese kept readable, nulls omitted.</summary>
    public static System.Text.Json.JsonSerializerOptions Options { get; } = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
