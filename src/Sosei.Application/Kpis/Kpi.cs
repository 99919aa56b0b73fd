using Sosei.Application.Common;
using Sosei.Application.Organizations;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.Kpis;

/// <summary>
/// A KPI as stored: its definition (see <see cref="KpiDefinition"/>), its home node, where the value comes from and who
/// owns it. Values are in <see cref="KpiValue"/>; sub-items in <see cref="KpiSeries"/>.
/// </summary>
public sealed class Kpi : PlanItem
{
    /// <summary>Goal (数値目標), measure (KPI) or project level.</summary>
    public KpiLevel Level { get; set; }

    /// <summary>Base unit (人, %, 円); empty for a pure number.</summary>
    public string Unit { get; set; } = "";

    /// <summary>Display unit (万人, 億円); null = <see cref="Unit"/>.</summary>
    public string? DisplayUnit { get; set; }

    /// <summary>Decimals shown.</summary>
    public int Decimals { get; set; }

    /// <summary>Which way is better.</summary>
    public KpiDirection Direction { get; set; }

    /// <summary>How the target is stated.</summary>
    public TargetKind TargetKind { get; set; }

    /// <summary>基準値 in base units; null when none.</summary>
    public decimal? BaselineValue { get; set; }

    /// <summary>基準年 / period (invariant form, see <see cref="PeriodCodec"/>); null when none.</summary>
    public string? BaselinePeriod { get; set; }

    /// <summary>基準値 as the document writes it.</summary>
    public string? BaselineText { get; set; }

    /// <summary>目標値 in base units; null when none.</summary>
    public decimal? TargetValue { get; set; }

    /// <summary>目標年 or accumulation window (invariant form); null when none.</summary>
    public string? TargetPeriod { get; set; }

    /// <summary>Reference of a relative target (全国平均).</summary>
    public string? TargetReference { get; set; }

    /// <summary>目標値 as the document writes it.</summary>
    public string? TargetText { get; set; }

    /// <summary>The target phrase of the document ("5年で30.0%とし22.3ポイント向上").</summary>
    public string? TargetPhrase { get; set; }

    /// <summary>
    /// How bare years (H27, 2015) of this KPI's values, baseline and target are read: <see cref="PeriodKind.FiscalYear"/>
    /// (年度, the default) or <see cref="PeriodKind.CalendarYear"/> (年: 人口動態, 港湾統計 …). Only those two kinds.
    /// </summary>
    public PeriodKind ValuePeriodKind { get; set; } = PeriodKind.FiscalYear;

    /// <summary>How this KPI's sub-items are graded together; null (the default) for the plan's rule (<see cref="Plan.SeriesAggregation"/>).</summary>
    public SeriesAggregation? SeriesAggregationOverride { get; set; }

    /// <summary>Achievement method overriding the plan default; null = the plan's.</summary>
    public AchievementMethod? MethodOverride { get; set; }

    /// <summary>基準日 (調査日): when the value is measured (10月1日 (5年毎)).</summary>
    public string? SurveyTiming { get; set; }

    /// <summary>結果公表日 (確認時期): when the value becomes known (翌年11月).</summary>
    public string? PublicationTiming { get; set; }

    /// <summary>確認方法 / 出典 (経済センサスによる).</summary>
    public string? Source { get; set; }

    /// <summary>Notes (※ lines of the document, discrepancies).</summary>
    public string? Note { get; set; }

    /// <summary>Sub-items.</summary>
    public List<KpiSeries> Series { get; } = [];

    /// <summary>Values.</summary>
    public List<KpiValue> Values { get; } = [];

    /// <summary>Interim targets.</summary>
    public List<KpiInterimTarget> InterimTargets { get; } = [];

    /// <summary>Responsible departments (担当課); a KPI may have two.</summary>
    public List<KpiDepartment> Departments { get; } = [];
}

/// <summary>A sub-item (項目) of a KPI, with its own baseline and target when the document gives them.</summary>
public sealed class KpiSeries
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>KPI.</summary>
    public int KpiId { get; set; }

    /// <summary>Stable code, unique within the KPI.</summary>
    public required string Code { get; set; }

    /// <summary>Name (小学生, ホタテ製品).</summary>
    public required string Name { get; set; }

    /// <summary>Unit when it differs from the KPI's (海外輸出量: t and 円).</summary>
    public string? Unit { get; set; }

    /// <summary>Display unit when it differs from the KPI's.</summary>
    public string? DisplayUnit { get; set; }

    /// <summary>基準値 of this series.</summary>
    public decimal? BaselineValue { get; set; }

    /// <summary>基準値 as written.</summary>
    public string? BaselineText { get; set; }

    /// <summary>目標値 of this series.</summary>
    public decimal? TargetValue { get; set; }

    /// <summary>目標値 as written.</summary>
    public string? TargetText { get; set; }

    /// <summary>Order.</summary>
    public int SortOrder { get; set; }
}

/// <summary>
/// A value of a KPI for one period: the exact amount in base units, qualifiers and the original text. A value with no
/// amount (—, 未確定, blank) is kept as such: it is not zero.
/// </summary>
public sealed class KpiValue : IVersioned
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>KPI.</summary>
    public int KpiId { get; set; }

    /// <summary>Series; null for a KPI without sub-items.</summary>
    public int? SeriesId { get; set; }

    /// <summary>Series.</summary>
    public KpiSeries? Series { get; set; }

    /// <summary>Kind of period.</summary>
    public PeriodKind PeriodKind { get; set; }

    /// <summary>Year (fiscal start year or calendar year).</summary>
    public int PeriodYear { get; set; }

    /// <summary>Month, or 0.</summary>
    public int PeriodMonth { get; set; }

    /// <summary>Day, or 0.</summary>
    public int PeriodDay { get; set; }

    /// <summary>Amount in base units; null when the text holds no value.</summary>
    public decimal? Amount { get; set; }

    /// <summary>
    /// For a value that is a difference from a reference (全国平均との差): the reference's own value of the period (the
    /// national score, same unit), which the ratio reading of such targets needs; null when not given.
    /// </summary>
    public decimal? ReferenceScore { get; set; }

    /// <summary>Base unit as parsed.</summary>
    public string Unit { get; set; } = "";

    /// <summary>Display unit as written.</summary>
    public string DisplayUnit { get; set; } = "";

    /// <summary>Reference / provisional / cumulative …</summary>
    public ValueQualifiers Qualifiers { get; set; }

    /// <summary>Why there is no amount; null when there is one.</summary>
    public string? NoValueReason { get; set; }

    /// <summary>The text exactly as entered or imported.</summary>
    public required string OriginalText { get; set; }

    /// <summary>Comment (self-evaluation, source detail); optional.</summary>
    public string? Comment { get; set; }

    /// <summary>When the value was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who last changed it.</summary>
    public string? UpdatedBy { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>The value's period.</summary>
    public Period Period
    {
        get => PeriodCodec.FromParts(PeriodKind, PeriodYear, PeriodMonth, PeriodDay);
        set
        {
            PeriodKind = value.Kind;
            PeriodYear = value.Year;
            PeriodMonth = value.Month;
            PeriodDay = value.Day;
        }
    }
}

/// <summary>年度別目標: an interim target of a KPI (or of one series).</summary>
public sealed class KpiInterimTarget
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>KPI.</summary>
    public int KpiId { get; set; }

    /// <summary>Series; null for the KPI as a whole.</summary>
    public int? SeriesId { get; set; }

    /// <summary>Period (invariant form).</summary>
    public required string Period { get; set; }

    /// <summary>Target in base units.</summary>
    public decimal Value { get; set; }

    /// <summary>As written.</summary>
    public string? Text { get; set; }
}

/// <summary>A department responsible for a KPI.</summary>
public sealed class KpiDepartment
{
    /// <summary>KPI.</summary>
    public int KpiId { get; set; }

    /// <summary>Department.</summary>
    public int DepartmentId { get; set; }

    /// <summary>Department.</summary>
    public Department? Department { get; set; }

    /// <summary>Order (the first is the lead).</summary>
    public int SortOrder { get; set; }
}

/// <summary>
/// A grade decided by the secretariat or the council instead of the computed one, with the reason. The computed grade
/// is always kept and shown beside it.
/// </summary>
public sealed class GradeOverride : IVersioned
{
    /// <summary>How many times it was saved (concurrency token, <see cref="Versions"/>).</summary>
    public int Version { get; set; }

    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>KPI.</summary>
    public int KpiId { get; set; }

    /// <summary>KPI (set by the plan-file import, which links a new KPI before it has its key).</summary>
    public Kpi? Kpi { get; set; }

    /// <summary>Fiscal year evaluated.</summary>
    public int FiscalYear { get; set; }

    /// <summary>Band code chosen.</summary>
    public required string GradeCode { get; set; }

    /// <summary>Why.</summary>
    public required string Reason { get; set; }

    /// <summary>Who decided.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>再掲: a KPI or a project shown again under another node. It counts once, at its home.</summary>
public sealed class Relisting
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Plan.</summary>
    public int PlanId { get; set; }

    /// <summary>Plan.</summary>
    public Plan? Plan { get; set; }

    /// <summary>The node where the item is shown again.</summary>
    public int NodeId { get; set; }

    /// <summary>The node where the item is shown again.</summary>
    public PlanNode? Node { get; set; }

    /// <summary>The relisted KPI, or null.</summary>
    public int? KpiId { get; set; }

    /// <summary>The relisted KPI.</summary>
    public Kpi? Kpi { get; set; }

    /// <summary>The relisted project, or null.</summary>
    public int? ProjectId { get; set; }

    /// <summary>The relisted project.</summary>
    public Projects.Project? Project { get; set; }

    /// <summary>Name as the document writes it at this place, when it differs (高校卒業就職者市内就職率(再掲)).</summary>
    public string? DisplayName { get; set; }

    /// <summary>What the item means at this place, when the document says something different there
    /// (人材確保対策事業（再掲）: U I ターン就業者に対する住宅費助成).</summary>
    public string? Content { get; set; }

    /// <summary>Order under the node.</summary>
    public int SortOrder { get; set; }
}
