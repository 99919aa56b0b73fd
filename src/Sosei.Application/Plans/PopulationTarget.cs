using Sosei.Application.Common;

namespace Sosei.Application.Plans;

/// <summary>
/// A population target of a plan (人口の将来展望: 短期 2020, 中期 2025, 長期 2060) for one indicator (総人口, 年少人口 …),
/// with the projection it is compared with. 減少抑制 = target − projection.
/// </summary>
public sealed class PopulationTarget : IVersioned
{
    /// <summary>How many times it was saved (concurrency token, <see cref="Versions"/>).</summary>
    public int Version { get; set; }

    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Plan.</summary>
    public int PlanId { get; set; }

    /// <summary>Plan.</summary>
    public Plan? Plan { get; set; }

    /// <summary>短期 / 中期 / 長期.</summary>
    public required string Term { get; set; }

    /// <summary>Calendar year of the target (population on 1 October).</summary>
    public int Year { get; set; }

    /// <summary>Total, Young (0–14), Working (15–64), Old (65+), Women20To39, or another label.</summary>
    public required string Indicator { get; set; }

    /// <summary>Target number of people.</summary>
    public decimal Target { get; set; }

    /// <summary>Projection compared with, if any.</summary>
    public decimal? Projection { get; set; }

    /// <summary>Edition of the projection (社人研 平成25年3月推計).</summary>
    public string? ProjectionEdition { get; set; }

    /// <summary>Note.</summary>
    public string? Note { get; set; }

    /// <summary>Order.</summary>
    public int SortOrder { get; set; }

    /// <summary>減少抑制: target − projection; null without a projection.</summary>
    public decimal? Suppression => Projection is null ? null : Target - Projection;
}
