using Sosei.Application.Common;

namespace Sosei.Application.Plans;

/// <summary>
/// The form pages of a kind of plan item (<see cref="Kpis.KpiEditor"/>, <see cref="Projects.ProjectEditor"/>): a new
/// item's form, a stored item's form, a posted form shown again, and the save; what the new and edit pages share.
/// </summary>
/// <typeparam name="TForm">The item's form.</typeparam>
/// <typeparam name="TView">What the item's form page shows.</typeparam>
public interface IPlanItemEditor<TForm, TView>
    where TForm : class
    where TView : class, IPlanItemFormView<TForm>
{
    /// <summary>The form of a new item under a node (with a generated code); null when the plan or node is not found.</summary>
    Task<TView?> NewAsync(string planCode, string? nodeCode, CancellationToken cancellationToken = default);

    /// <summary>The form of a stored item; null when the plan or the item (in that plan) is not found.</summary>
    Task<TView?> GetAsync(string planCode, string itemCode, CancellationToken cancellationToken = default);

    /// <summary>The page for a form posted back with errors; null when the plan or the item is not found.</summary>
    Task<TView?> RedisplayAsync(string planCode, string? itemCode, TForm form, CancellationToken cancellationToken = default);

    /// <summary>Validates and saves an item (creates it when <paramref name="itemCode"/> is null), all or nothing; the result carries the item's code.</summary>
    Task<EditResult> SaveAsync(string planCode, string? itemCode, TForm form, CancellationToken cancellationToken = default);
}

/// <summary>What the form page of a plan item shows in any case: the plan, whether the item is new, the form.</summary>
/// <typeparam name="TForm">The item's form.</typeparam>
public interface IPlanItemFormView<out TForm>
{
    /// <summary>Plan code.</summary>
    string PlanCode { get; }

    /// <summary>Plan name.</summary>
    string PlanName { get; }

    /// <summary>Whether the item is being created.</summary>
    bool IsNew { get; }

    /// <summary>The form.</summary>
    TForm Form { get; }
}
