using Sosei.Application.Projects;
using Sosei.Web.Localization;
namespace Sosei.Web.Pages.Admin.Projects;

/// <summary>What the new-project and edit-project pages share (<see cref="PlanItemFormPage{TEditor, TForm, TView}"/>).</summary>
public abstract class ProjectFormPage(ProjectEditor editor, UiText text) : PlanItemFormPage<ProjectEditor, ProjectForm, ProjectFormView>(editor, text)
{
    /// <inheritdoc />
    protected override string EditPage => "/Admin/Projects/Edit";

    /// <inheritdoc />
    protected override string ItemRouteKey => "project";

    /// <inheritdoc />
    protected override void AddBlankRows(ProjectForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Partners.Add(new PartnerForm());
        form.Budget.Add(new BudgetForm());
        form.Budget.Add(new BudgetForm());
        form.Grants.Add(new GrantForm());
    }

    /// <inheritdoc />
    protected override string TitleKey(bool isNew) => isNew ? "事業の追加" : "事業の編集";
}
