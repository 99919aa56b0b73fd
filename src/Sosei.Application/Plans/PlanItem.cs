using Sosei.Application.Common;

namespace Sosei.Application.Plans;

/// <summary>
/// What a KPI and a project have in common as stored: an item of one plan, listed under one home node (where it counts;
/// shown again elsewhere as a 再掲 <see cref="Kpis.Relisting"/>), with a code unique within the plan, a name and an order
/// under its node. The base of <see cref="Kpis.Kpi"/> and <see cref="Projects.Project"/>; not an entity of its own (each
/// has its own table), it lets forms, deletion and relistings treat both alike.
/// </summary>
public abstract class PlanItem : IVersioned
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Plan.</summary>
    public int PlanId { get; set; }

    /// <summary>Plan.</summary>
    public Plan? Plan { get; set; }

    /// <summary>Home node: the one place where the item counts (再掲 elsewhere).</summary>
    public int HomeNodeId { get; set; }

    /// <summary>Home node.</summary>
    public PlanNode? HomeNode { get; set; }

    /// <summary>Stable code, unique within the plan.</summary>
    public required string Code { get; set; }

    /// <summary>Name as the document writes it (指標名, 事業名).</summary>
    public required string Name { get; set; }

    /// <summary>Order under the home node.</summary>
    public int SortOrder { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }
}
