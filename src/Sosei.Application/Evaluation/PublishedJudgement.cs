using Sosei.Application.Kpis;
using Sosei.Application.Plans;
using Sosei.Domain.Kpis;

namespace Sosei.Application.Evaluation;

/// <summary>
/// The judgement a municipality published for one fiscal year of a plan (its 効果検証): per 基本目標 and KPI level how
/// many KPIs reached the threshold (達成率 80%以上) and how many did not, and, where the document gives them, the grades
/// of single KPIs. Kept as data beside Sosei's own computation, so the verification page can show where they differ.
/// </summary>
public sealed class PublishedJudgement
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Plan.</summary>
    public int PlanId { get; set; }

    /// <summary>Plan.</summary>
    public Plan? Plan { get; set; }

    /// <summary>The fiscal year judged (Gregorian start year; 2018 = 平成30年度).</summary>
    public int FiscalYear { get; set; }

    /// <summary>The published threshold as a ratio (0.8 for 「80%以上」), inclusive.</summary>
    public decimal ThresholdRate { get; set; }

    /// <summary>Where the municipality published it (document, chapter); optional.</summary>
    public string? Source { get; set; }

    /// <summary>What the document says beside the table, or what Sosei cannot reproduce and why; optional.</summary>
    public string? Note { get; set; }

    /// <summary>The published table: one row per 基本目標 and KPI level.</summary>
    public List<PublishedTally> Tallies { get; } = [];

    /// <summary>Published grades of single KPIs.</summary>
    public List<PublishedGrade> Grades { get; } = [];
}

/// <summary>One cell pair of the published table: for a 基本目標 and a KPI level, the KPIs at or above the threshold and below it.</summary>
public sealed class PublishedTally
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The judgement.</summary>
    public int PublishedJudgementId { get; set; }

    /// <summary>The 基本目標 (a top-level node).</summary>
    public int NodeId { get; set; }

    /// <summary>The 基本目標.</summary>
    public PlanNode? Node { get; set; }

    /// <summary>The column: 基本目標 (<see cref="KpiLevel.Goal"/>), 各施策のKPI (<see cref="KpiLevel.Measure"/>) or project KPIs.</summary>
    public KpiLevel Level { get; set; }

    /// <summary>「80%以上」: KPIs at or above the threshold.</summary>
    public int Reached { get; set; }

    /// <summary>「80%未満」: KPIs below it.</summary>
    public int Below { get; set; }
}

/// <summary>The grade a municipality published for one KPI, as a code of the plan's grade scale.</summary>
public sealed class PublishedGrade
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The judgement.</summary>
    public int PublishedJudgementId { get; set; }

    /// <summary>KPI.</summary>
    public int KpiId { get; set; }

    /// <summary>KPI.</summary>
    public Kpi? Kpi { get; set; }

    /// <summary>The published grade, a band code of the plan's scale (80%以上).</summary>
    public required string GradeCode { get; set; }

    /// <summary>The document's words or a remark; optional.</summary>
    public string? Note { get; set; }
}
