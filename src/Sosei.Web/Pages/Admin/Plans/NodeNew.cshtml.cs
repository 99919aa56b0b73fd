using Microsoft.AspNetCore.Mvc;
using Sosei.Application.Plans;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Plans;

/// <summary>Adds a node: a child of <c>parent</c>, the sibling after <c>after</c>, or a top node.</summary>
public sealed class NodeNewModel(PlanStructureEditor editor, UiText text) : NodeFormPage(text)
{
    /// <summary>Shows the form with a generated code.</summary>
    public Task<IActionResult> OnGetAsync(string plan, string? parent, string? after, CancellationToken cancellationToken) =>
        ShowFormAsync(editor.NewNodeAsync(plan, parent, after, cancellationToken));

    /// <summary>Adds the node.</summary>
    public async Task<IActionResult> OnPostAsync(string plan, string? parent, string? after, CancellationToken cancellationToken)
    {
        var result = await editor.CreateNodeAsync(plan, parent, after, Form, cancellationToken);
        return await AfterAsync(plan, result, () => editor.NewNodeAsync(plan, parent, after, cancellationToken));
    }
}
