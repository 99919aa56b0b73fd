using Sosei.Application.Common;
using Sosei.Application.Plans;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Kpis;

/// <summary>The KPI form: every field as typed; periods and values in any notation the parsers read.</summary>
public sealed class KpiForm
{
    /// <summary>The stored KPI's version when the form was opened (optimistic concurrency; 0 for a new KPI).</summary>
    public int Version { get; set; }

    /// <summary>Code, unique in the plan.</summary>
    public string? Code { get; set; }

    /// <summary>指標名.</summary>
    public string? Name { get; set; }

    /// <summary>Home node code.</summary>
    public string? NodeCode { get; set; }

    /// <summary>Goal / Measure / Project.</summary>
    public string? Level { get; set; }

    /// <summary>Target phrase (5年で30.0%とし22.3ポイント向上); optional.</summary>
    public string? Phrase { get; set; }

    /// <summary>Unit (人, %, 円); blank to take it from the texts.</summary>
    public string? Unit { get; set; }

    /// <summary>Decimals shown (0–8); blank to take them from the texts.</summary>
    public string? Decimals { get; set; }

    /// <summary>Increase / Decrease / Maintain; blank to take it from the phrase.</summary>
    public string? Direction { get; set; }

    /// <summary>Target kind; blank to take it from the phrase or the target.</summary>
    public string? TargetKind { get; set; }

    /// <summary>FiscalYear or CalendarYear: how bare years (H27, 2015) are read for this KPI.</summary>
    public string? PeriodKind { get; set; }

    /// <summary>基準値 as written.</summary>
    public string? Baseline { get; set; }

    /// <summary>基準年 as written (H26, H20-24).</summary>
    public string? BaselinePeriod { get; set; }

    /// <summary>目標値 as written, or 全国平均.</summary>
    public string? Target { get; set; }

    /// <summary>目標年 or window as written (H31, R3~R7).</summary>
    public string? TargetPeriod { get; set; }

    /// <summary>年度別目標; blank rows are ignored.</summary>
    public List<PeriodValueForm> InterimTargets { get; } = [];

    /// <summary>Sub-items (項目); blank new rows are ignored.</summary>
    public List<SeriesForm> Series { get; } = [];

    /// <summary>Names of the responsible departments, the lead first.</summary>
    public List<string> Departments { get; } = [];

    /// <summary>A department not yet listed under the organization, added and assigned on save.</summary>
    public string? NewDepartment { get; set; }

    /// <summary>確認方法 / 出典.</summary>
    public string? Source { get; set; }

    /// <summary>基準日 (調査日).</summary>
    public string? SurveyTiming { get; set; }

    /// <summary>結果公表日 (確認時期).</summary>
    public string? PublicationTiming { get; set; }

    /// <summary>Notes.</summary>
    public string? Note { get; set; }

    /// <summary>Achievement method overriding the plan's; blank for the plan's.</summary>
    public string? Method { get; set; }

    /// <summary>All / Any / Mean overriding the plan's sub-item rule; blank for the plan's.</summary>
    public string? SeriesAggregation { get; set; }
}

/// <summary>A period and a value as written (an interim target).</summary>
public sealed class PeriodValueForm
{
    /// <summary>Period (R5, 令和5年度).</summary>
    public string? Period { get; set; }

    /// <summary>Value (300人).</summary>
    public string? Value { get; set; }
}

/// <summary>One sub-item (項目) of a KPI.</summary>
public sealed class SeriesForm
{
    /// <summary>Stored id; null for a new row.</summary>
    public int? Id { get; set; }

    /// <summary>Code, unique in the KPI; generated when blank.</summary>
    public string? Code { get; set; }

    /// <summary>Name (平日, 小学生).</summary>
    public string? Name { get; set; }

    /// <summary>基準値 of the item.</summary>
    public string? Baseline { get; set; }

    /// <summary>目標値 of the item.</summary>
    public string? Target { get; set; }

    /// <summary>Whether to remove the item (only when it has no values).</summary>
    public bool Remove { get; set; }
}

/// <summary>A node offered in a select: its code and "基本目標 G1 基本目標1 …" text, indented by depth.</summary>
/// <param name="Code">Node code.</param>
/// <param name="Text">Level name, label and title.</param>
/// <param name="Depth">Depth (0 = top).</param>
public sealed record NodeOption(string Code, string Text, int Depth);

/// <summary>A 再掲 of a KPI or project at another node.</summary>
/// <param name="Id">Relisting id (for removal).</param>
/// <param name="NodeCode">Node where the item is shown again.</param>
/// <param name="NodeText">That node's label and title.</param>
/// <param name="DisplayName">Name written at that place, when it differs.</param>
/// <param name="Content">Content written at that place, when it differs.</param>
public sealed record RelistingView(int Id, string NodeCode, string NodeText, string? DisplayName, string? Content);

/// <summary>What the KPI form page shows.</summary>
public sealed record KpiFormView : IPlanItemFormView<KpiForm>
{
    /// <summary>Plan code.</summary>
    public required string PlanCode { get; init; }

    /// <summary>Plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Whether the KPI is being created.</summary>
    public required bool IsNew { get; init; }

    /// <summary>Stored code (null for a new KPI).</summary>
    public string? KpiCode { get; init; }

    /// <summary>Stored name (null for a new KPI).</summary>
    public string? KpiName { get; init; }

    /// <summary>The form.</summary>
    public required KpiForm Form { get; init; }

    /// <summary>Nodes of the plan.</summary>
    public required IReadOnlyList<NodeOption> Nodes { get; init; }

    /// <summary>Departments of the plan's organization.</summary>
    public required IReadOnlyList<string> DepartmentOptions { get; init; }

    /// <summary>Number of values per series id (a series with values cannot be removed).</summary>
    public IReadOnlyDictionary<int, int> SeriesValueCounts { get; init; } = new Dictionary<int, int>();

    /// <summary>Number of values of the KPI itself (without series).</summary>
    public int OwnValueCount { get; init; }

    /// <summary>再掲 of the KPI.</summary>
    public IReadOnlyList<RelistingView> Relistings { get; init; } = [];

    /// <summary>The plan's default achievement method.</summary>
    public AchievementMethod PlanMethod { get; init; }

    /// <summary>The plan's sub-item rule, which a KPI without an override of its own follows.</summary>
    public SeriesAggregation PlanSeriesAggregation { get; init; }
}

/// <summary>What a target phrase reads as: the definition, or the reason it cannot be read.</summary>
/// <param name="Definition">What the parser read; null on error.</param>
/// <param name="Error">The message quoting the phrase; null on success.</param>
public sealed record PhrasePreview(KpiDefinition? Definition, Message? Error);
