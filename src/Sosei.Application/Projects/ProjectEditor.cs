using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.PlanFiles;
using Sosei.Application.Plans;
using Sosei.Domain.Text;

namespace Sosei.Application.Projects;

/// <summary>The project form: every field as typed; years and amounts in any notation the parsers read.</summary>
public sealed class ProjectForm
{
    /// <summary>The stored project's version when the form was opened (optimistic concurrency; 0 for a new project).</summary>
    public int Version { get; set; }

    /// <summary>Code, unique in the plan.</summary>
    public string? Code { get; set; }

    /// <summary>事業名.</summary>
    public string? Name { get; set; }

    /// <summary>Home node code.</summary>
    public string? NodeCode { get; set; }

    /// <summary>区分: None / New / Expanded / Continued / Private.</summary>
    public string? Category { get; set; }

    /// <summary>内容.</summary>
    public string? Content { get; set; }

    /// <summary>Running department of the plan's organization; blank when a partner runs it.</summary>
    public string? Department { get; set; }

    /// <summary>A department not yet listed, added and chosen on save.</summary>
    public string? NewDepartment { get; set; }

    /// <summary>Partner bodies; blank rows are ignored.</summary>
    public List<PartnerForm> Partners { get; } = [];

    /// <summary>Codes of the KPIs the project serves.</summary>
    public List<string> Kpis { get; } = [];

    /// <summary>First fiscal year as written (H27, 令和3年度); optional.</summary>
    public string? StartYear { get; set; }

    /// <summary>Last fiscal year as written; optional.</summary>
    public string? EndYear { get; set; }

    /// <summary>Budget lines; blank rows are ignored.</summary>
    public List<BudgetForm> Budget { get; } = [];

    /// <summary>Grants; blank rows are ignored.</summary>
    public List<GrantForm> Grants { get; } = [];

    /// <summary>Notes.</summary>
    public string? Note { get; set; }
}

/// <summary>A body taking part in a project: an organization of the database, or a name.</summary>
public sealed class PartnerForm
{
    /// <summary>Organization code; blank for a body given by name.</summary>
    public string? Organization { get; set; }

    /// <summary>Name of a body that is not a stored organization (根室釧路管内18市町村).</summary>
    public string? Name { get; set; }

    /// <summary>RunningBody (事業主体) / Lead (担当市町) / Partner (連携先).</summary>
    public string? Role { get; set; }
}

/// <summary>One budget line.</summary>
public sealed class BudgetForm
{
    /// <summary>Fiscal year as written (H30, 令和3年度, 2021年度).</summary>
    public string? FiscalYear { get; set; }

    /// <summary>Budget (予算額) / Settlement (決算額) / Estimate (見込額).</summary>
    public string? Kind { get; set; }

    /// <summary>Amount as written: 5,031,030, 2億4千万円, "-" (not decided, which is not 0).</summary>
    public string? Amount { get; set; }

    /// <summary>Member organization bearing the cost (joint projects); blank for the plan's organization.</summary>
    public string? Organization { get; set; }

    /// <summary>Funding (一般財源, 基金 …); optional.</summary>
    public string? FundingSource { get; set; }
}

/// <summary>One grant.</summary>
public sealed class GrantForm
{
    /// <summary>Programme (地方創生推進交付金 …).</summary>
    public string? Program { get; set; }

    /// <summary>交付金額 as written; optional.</summary>
    public string? Amount { get; set; }

    /// <summary>Fiscal year as written; optional.</summary>
    public string? FiscalYear { get; set; }

    /// <summary>Number in the grant list; optional.</summary>
    public string? ListNumber { get; set; }

    /// <summary>Link to the strategy as written; optional.</summary>
    public string? StrategyLink { get; set; }
}

/// <summary>An option of a select: code and text.</summary>
/// <param name="Code">Code.</param>
/// <param name="Text">Text shown.</param>
public sealed record CodeOption(string Code, string Text);

/// <summary>What the project form page shows.</summary>
public sealed record ProjectFormView : IPlanItemFormView<ProjectForm>
{
    /// <summary>Plan code.</summary>
    public required string PlanCode { get; init; }

    /// <summary>Plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Whether the project is being created.</summary>
    public required bool IsNew { get; init; }

    /// <summary>Stored code; null for a new project.</summary>
    public string? ProjectCode { get; init; }

    /// <summary>Stored name; null for a new project.</summary>
    public string? ProjectName { get; init; }

    /// <summary>The form.</summary>
    public required ProjectForm Form { get; init; }

    /// <summary>Nodes of the plan.</summary>
    public required IReadOnlyList<NodeOption> Nodes { get; init; }

    /// <summary>Departments of the plan's organization.</summary>
    public required IReadOnlyList<string> DepartmentOptions { get; init; }

    /// <summary>Organizations of the database.</summary>
    public required IReadOnlyList<CodeOption> Organizations { get; init; }

    /// <summary>KPIs of the plan (code, "code name").</summary>
    public required IReadOnlyList<CodeOption> Kpis { get; init; }

    /// <summary>再掲 of the project.</summary>
    public IReadOnlyList<RelistingView> Relistings { get; init; } = [];
}

/// <summary>
/// Creates and edits projects: partners, linked KPIs, budget lines and grants. The form is validated by the importer's
/// own rules (<see cref="PlanFileValidator.ValidateProject"/>), so amounts such as 2億4千万円 and "-" (not decided) read
/// the same as in a plan file.
/// </summary>
public sealed partial class ProjectEditor(SoseiDbContext db) : IPlanItemEditor<ProjectForm, ProjectFormView>
{
    /// <summary>Where the validator puts the project (<see cref="PlanFileValidator.ValidateProject"/>).</summary>
    private static readonly JsonPath Item = JsonPath.Of("project");

    private static readonly Dictionary<string, (string Field, Message Label)> Fields = new(StringComparer.Ordinal)
    {
        ["code"] = (nameof(ProjectForm.Code), new Message("事業コード", "Project code")),
        ["node"] = (nameof(ProjectForm.NodeCode), new Message("掲載する項目", "Listed under")),
        ["name"] = (nameof(ProjectForm.Name), new Message("事業名", "Project name")),
        ["category"] = (nameof(ProjectForm.Category), new Message("区分", "Category")),
        ["department"] = (nameof(ProjectForm.Department), new Message("担当課", "Department")),
        ["kpis"] = (nameof(ProjectForm.Kpis), new Message("関連するKPI", "Related KPIs")),
        ["startYear"] = (nameof(ProjectForm.StartYear), new Message("開始年度", "First fiscal year")),
        ["endYear"] = (nameof(ProjectForm.EndYear), new Message("終了年度", "Last fiscal year")),
    };

    private static readonly PlanItemWords Words = new(
        Fields["code"].Label,
        Fields["name"].Label,
        code => new($"事業コード「{code}」は、この計画の別の事業で使われています。別のコードにしてください。", $"Project code \"{code}\" is used by another project of this plan. Choose another code."),
        new("掲載する項目を選んでください。", "Choose where the project is listed."),
        new("事業", "project"));

    private static readonly Dictionary<string, (string Field, Message Label)> BudgetFields = new(StringComparer.Ordinal)
    {
        ["fiscalYear"] = (nameof(BudgetForm.FiscalYear), new Message("年度", "Fiscal year")),
        ["kind"] = (nameof(BudgetForm.Kind), new Message("種類", "Kind")),
        ["amount"] = (nameof(BudgetForm.Amount), new Message("金額", "Amount")),
        ["organization"] = (nameof(BudgetForm.Organization), new Message("負担する団体", "Paying organization")),
    };

    private static readonly Dictionary<string, (string Field, Message Label)> GrantFields = new(StringComparer.Ordinal)
    {
        ["program"] = (nameof(GrantForm.Program), new Message("交付金名", "Grant program")),
        ["amount"] = (nameof(GrantForm.Amount), new Message("交付金額", "Grant amount")),
        ["fiscalYear"] = (nameof(GrantForm.FiscalYear), new Message("年度", "Fiscal year")),
    };

    /// <summary>The form of a new project under a node; null when the plan or node is not found.</summary>
    public async Task<ProjectFormView?> NewAsync(string planCode, string? nodeCode, CancellationToken cancellationToken = default)
    {
        if (await PlanItemForm.LoadForNewAsync(db, planCode, nodeCode, cancellationToken) is not var (plan, node))
        {
            return null;
        }

        var codes = await db.Projects.Where(p => p.PlanId == plan.Id).Select(p => p.Code).ToListAsync(cancellationToken);
        var numbers = codes.Select(c => NumberedCode().Match(c)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var next = numbers.Count == 0 ? 1 : numbers.Max() + 1;
        while (codes.Contains("P" + next.ToString("000", CultureInfo.InvariantCulture)))
        {
            next++;
        }

        var form = new ProjectForm
        {
            Code = "P" + next.ToString("000", CultureInfo.InvariantCulture),
            NodeCode = node?.Code,
            Category = nameof(ProjectCategory.None),
        };
        return await ViewAsync(plan, null, form, cancellationToken);
    }

    /// <summary>The form of a stored project; null when the plan or the project (in that plan) is not found.</summary>
    public async Task<ProjectFormView?> GetAsync(string planCode, string itemCode, CancellationToken cancellationToken = default) =>
        await LoadForViewAsync(planCode, itemCode, cancellationToken) is var (plan, project)
            ? await ViewAsync(plan, project, FormOf(plan, project!), cancellationToken)
            : null;

    /// <summary>The form showing a stored project as it is now.</summary>
    private static ProjectForm FormOf(Plan plan, Project project)
    {
        var form = new ProjectForm
        {
            Version = project.Version,
            Code = project.Code,
            Name = project.Name,
            NodeCode = plan.Nodes.Single(n => n.Id == project.HomeNodeId).Code,
            Category = project.Category.ToString(),
            Content = project.Content,
            Department = project.Department?.Name,
            StartYear = project.StartFiscalYear is { } s ? new Domain.Periods.FiscalYear(s).ToJapanese() : null,
            EndYear = project.EndFiscalYear is { } e ? new Domain.Periods.FiscalYear(e).ToJapanese() : null,
            Note = project.Note,
        };
        form.Partners.AddRange(project.Partners.OrderBy(p => p.SortOrder).Select(p => new PartnerForm
        {
            Organization = p.Organization?.Code,
            Name = p.Name,
            Role = p.Role.ToString(),
        }));
        form.Kpis.AddRange(project.Kpis.OrderBy(k => k.SortOrder).Select(k => k.Kpi!.Code));
        form.Budget.AddRange(project.BudgetLines.OrderBy(b => b.FiscalYear).ThenBy(b => b.Kind).Select(b => new BudgetForm
        {
            FiscalYear = new Domain.Periods.FiscalYear(b.FiscalYear).ToJapanese(),
            Kind = b.Kind.ToString(),
            Amount = b.OriginalText ?? (b.Amount is { } a ? a.ToString("#,0.########", CultureInfo.InvariantCulture) : "-"),
            Organization = b.Organization?.Code,
            FundingSource = b.FundingSource,
        }));
        form.Grants.AddRange(project.Grants.OrderBy(g => g.FiscalYear).ThenBy(g => g.ListNumber).Select(g => new GrantForm
        {
            Program = g.Program,
            Amount = g.OriginalText,
            FiscalYear = g.FiscalYear is { } y ? new Domain.Periods.FiscalYear(y).ToJapanese() : null,
            ListNumber = g.ListNumber?.ToString(CultureInfo.InvariantCulture),
            StrategyLink = g.StrategyLink,
        }));
        return form;
    }

    /// <summary>
    /// The refusal of a form opened before another save of the project: the fields that now differ, with their stored
    /// values; the form takes the stored version, so saving it again overwrites knowingly.
    /// </summary>
    private static EditResult Conflict(Plan plan, Project project, ProjectForm form)
    {
        var stored = FormOf(plan, project);
        form.Version = stored.Version;
        static string Budget(ProjectForm f) => string.Join("、", f.Budget.Where(b => !string.IsNullOrWhiteSpace(b.Amount)).Select(b => $"{b.FiscalYear} {b.Amount}"));
        static string Kpis(ProjectForm f) => string.Join("、", f.Kpis.Where(k => !string.IsNullOrWhiteSpace(k)));
        return EditResult.Failed(string.Empty, Versions.Conflict(new($"事業「{project.Name}」", $"Project \"{project.Name}\""),
        [
            (Fields["name"].Label, form.Name, stored.Name), (Fields["node"].Label, form.NodeCode, stored.NodeCode),
            (Fields["category"].Label, form.Category, stored.Category), (new Message("内容", "Content"), form.Content, stored.Content),
            (Fields["department"].Label, form.Department, stored.Department), (Fields["kpis"].Label, Kpis(form), Kpis(stored)),
            (Fields["startYear"].Label, form.StartYear, stored.StartYear), (Fields["endYear"].Label, form.EndYear, stored.EndYear),
            (new Message("予算", "Budget"), Budget(form), Budget(stored)), (new Message("備考", "Note"), form.Note, stored.Note),
        ]));
    }

    /// <summary>The page for a form posted back with errors; null when the plan or the project is not found.</summary>
    public async Task<ProjectFormView?> RedisplayAsync(string planCode, string? itemCode, ProjectForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await LoadForViewAsync(planCode, itemCode, cancellationToken) is var (plan, project)
            ? await ViewAsync(plan, project, form, cancellationToken)
            : null;
    }

    /// <summary>Validates and saves a project (creates it when <paramref name="itemCode"/> is null), all or nothing.</summary>
    public async Task<EditResult> SaveAsync(string planCode, string? itemCode, ProjectForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await PlanItemForm.SaveAsync(
            db, planCode, itemCode, form.Version, (plan, code) => LoadProjectAsync(plan, code, tracking: true, cancellationToken),
            (plan, project) => Conflict(plan, project, form), (plan, project) => SaveIntoAsync(plan, project, form, cancellationToken), cancellationToken);
    }

    /// <summary>Checks the form and saves it into the plan: into the stored project, or a new one when <paramref name="project"/> is null.</summary>
    private async Task<EditResult> SaveIntoAsync(Plan plan, Project? project, ProjectForm form, CancellationToken cancellationToken)
    {
        var stored = project is not null;
        var errors = new EditErrors();
        var code = await PlanItemForm.CheckIdentityAsync(errors, db.Projects, plan, project, form.Code, form.Name, form.NodeCode, Words, cancellationToken);

        PlanItemForm.CheckLengths(
            errors,
            (nameof(form.Name), Fields["name"].Label, form.Name, FieldLimits.Name), (nameof(form.Content), new Message("内容", "Content"), form.Content, FieldLimits.LongText),
            (nameof(form.Note), new Message("備考", "Note"), form.Note, FieldLimits.LongText));

        var organization = plan.Organization!;
        var newDepartment = PlanItemForm.NewDepartment(errors, form.NewDepartment);
        var department = newDepartment ?? EditText.Clean(form.Department);
        var organizations = await db.Organizations.AsNoTracking().Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id).Select(k => new { k.Id, k.Code }).ToListAsync(cancellationToken);

        var (entry, partnerRows, budgetRows, grantRows, listNumbers) = ToEntry(errors, form, code, department);
        var (resolved, problems) = PlanFileValidator.ValidateProject(
            entry,
            plan.Nodes.Select(n => n.Code).ToHashSet(StringComparer.Ordinal),
            organization.Departments.Select(d => d.Name).Append(newDepartment).OfType<string>().ToHashSet(StringComparer.Ordinal),
            organizations.Select(o => o.Code).ToHashSet(StringComparer.Ordinal),
            kpis.Select(k => k.Code).ToHashSet(StringComparer.Ordinal));
        FormProblems.AddTo(errors, problems, p => Map(p, partnerRows, budgetRows, grantRows));
        if (errors.Any || resolved is null)
        {
            return PlanItemForm.Refused(errors, Words);
        }

        if (project is null)
        {
            project = new Project { Code = resolved.Code, Name = resolved.Name, PlanId = plan.Id };
            db.Projects.Add(project);
        }

        await PlanItemForm.PlaceUnderHomeAsync(db.Projects, plan, project, resolved.NodeCode, cancellationToken);

        project.Code = resolved.Code;
        project.Name = resolved.Name;
        project.Category = resolved.Category;
        project.Content = EditText.Clean(resolved.Content);
        project.StartFiscalYear = resolved.StartYear;
        project.EndFiscalYear = resolved.EndYear;
        project.Note = EditText.Clean(resolved.Note);
        PlanItemForm.AddDepartment(organization, newDepartment);

        project.Department = resolved.Department is null ? null : organization.Departments.Single(d => d.Name == resolved.Department);
        if (project.Department is null)
        {
            project.DepartmentId = null;
        }

        int? OrgId(string? c) => c is null ? null : organizations.Single(o => o.Code == c).Id;
        project.Partners.Clear();
        project.Partners.AddRange(resolved.Partners.Select((p, i) => new ProjectPartner { OrganizationId = OrgId(p.OrganizationCode), Name = p.Name, Role = p.Role, SortOrder = i }));

        // Updated in place: the link's key is (project, KPI), so a removed and re-added link would clash.
        var wanted = resolved.Kpis.Distinct(StringComparer.Ordinal).Select(c => kpis.Single(k => k.Code == c).Id).ToList();
        foreach (var link in project.Kpis.Where(l => !wanted.Contains(l.KpiId)).ToList())
        {
            project.Kpis.Remove(link);
        }

        for (var i = 0; i < wanted.Count; i++)
        {
            var link = project.Kpis.SingleOrDefault(l => l.KpiId == wanted[i]);
            if (link is null)
            {
                project.Kpis.Add(new ProjectKpi { KpiId = wanted[i], SortOrder = i });
            }
            else
            {
                link.SortOrder = i;
            }
        }

        project.BudgetLines.Clear();
        project.BudgetLines.AddRange(resolved.Budget.Select(b => new BudgetLine
        {
            FiscalYear = b.FiscalYear,
            Kind = b.Kind,
            Amount = b.Amount,
            OriginalText = b.Text,
            OrganizationId = OrgId(b.OrganizationCode),
            FundingSource = EditText.Clean(b.FundingSource),
        }));
        project.Grants.Clear();
        project.Grants.AddRange(resolved.Grants.Select((g, i) => new Grant
        {
            Program = g.Program,
            Amount = g.Amount,
            OriginalText = EditText.Clean(g.Text),
            FiscalYear = g.FiscalYear,
            ListNumber = listNumbers[i],
            StrategyLink = EditText.Clean(g.StrategyLink),
        }));
        if (stored)
        {
            Versions.Claim(db, project, form.Version);
        }

        if (await PlanItemForm.SaveChangesAsync(db, Words, project.Code, cancellationToken) is { } refused)
        {
            return refused;
        }

        return EditResult.Success(project.Code, new($"事業「{project.Name}」を保存しました。", $"Project \"{project.Name}\" was saved."));
    }

    private Task<(Plan Plan, Project? Project)?> LoadForViewAsync(string planCode, string? projectCode, CancellationToken cancellationToken) =>
        PlanItemForm.LoadForViewAsync(db, planCode, projectCode, (plan, code) => LoadProjectAsync(plan, code, tracking: false, cancellationToken), cancellationToken);

    private async Task<Project?> LoadProjectAsync(Plan plan, string projectCode, bool tracking, CancellationToken cancellationToken)
    {
        var query = db.Projects.Include(p => p.Department).Include(p => p.Partners).ThenInclude(p => p.Organization)
            .Include(p => p.Kpis).ThenInclude(k => k.Kpi).Include(p => p.BudgetLines).ThenInclude(b => b.Organization).Include(p => p.Grants)
            .AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.PlanId == plan.Id && p.Code == projectCode, cancellationToken);
    }

    private async Task<ProjectFormView> ViewAsync(Plan plan, Project? project, ProjectForm form, CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Code)
            .Select(o => new CodeOption(o.Code, o.Name)).ToListAsync(cancellationToken);
        var order = Evaluation.PlanEvaluator.TreeOrder(plan);
        var kpis = (await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id).Select(k => new { k.Code, k.Name, k.HomeNodeId, k.SortOrder }).ToListAsync(cancellationToken))
            .OrderBy(k => order.GetValueOrDefault(k.HomeNodeId)).ThenBy(k => k.SortOrder)
            .Select(k => new CodeOption(k.Code, k.Name)).ToList();
        return new ProjectFormView
        {
            PlanCode = plan.Code,
            PlanName = plan.Name,
            IsNew = project is null,
            ProjectCode = project?.Code,
            ProjectName = project?.Name,
            Form = form,
            Nodes = KpiEditor.NodeOptions(plan),
            DepartmentOptions = plan.Organization!.Departments.OrderBy(d => d.SortOrder).Select(d => d.Name).ToList(),
            Organizations = organizations,
            Kpis = kpis,
            Relistings = project is null ? [] : await RelistingEditor.ListAsync(db, plan, null, project.Id, cancellationToken),
        };
    }

    private static (ProjectEntry Entry, List<int> Partners, List<int> Budget, List<int> Grants, List<int?> ListNumbers) ToEntry(
        EditErrors errors, ProjectForm form, string? code, string? department)
    {
        var partnerRows = new List<int>();
        var partners = new List<PartnerEntry>();
        for (var i = 0; i < form.Partners.Count; i++)
        {
            var p = form.Partners[i];
            var org = EditText.Clean(p.Organization);
            var name = EditText.Text(errors, $"Partners[{I(i)}].Name", new("連携先の名称", "Partner name"), p.Name, FieldLimits.Name);
            if (org is null && EditText.Clean(p.Name) is null)
            {
                continue;
            }

            if (org is not null && name is not null)
            {
                errors.Add(
                    $"Partners[{I(i)}].Name",
                    $"連携先: 団体「{org}」を選んだ行には名称を入力しないでください（一覧にない団体は団体を「（一覧にない）」にして名称を入力します）。",
                    $"Partner: leave the name empty on a row where the organization \"{org}\" is chosen (for an organization not in the list, choose （一覧にない） and enter its name).");
            }

            partnerRows.Add(i);
            partners.Add(new PartnerEntry(org, org is null ? name : null, EditText.Clean(p.Role) ?? nameof(PartnerRole.RunningBody)));
        }

        var budgetRows = new List<int>();
        var budget = new List<BudgetEntry>();
        for (var i = 0; i < form.Budget.Count; i++)
        {
            var b = form.Budget[i];
            var funding = EditText.Text(errors, $"Budget[{I(i)}].FundingSource", new("財源", "Funding source"), b.FundingSource, FieldLimits.Name);
            if (EditText.Clean(b.FiscalYear) is null && EditText.Clean(b.Amount) is null && EditText.Clean(b.FundingSource) is null)
            {
                continue;
            }

            if (EditText.Clean(b.Amount) is null)
            {
                errors.Add($"Budget[{I(i)}].Amount", "金額を入力してください（未定の場合は「-」）。", "Enter the amount (- when not decided).");
            }

            budgetRows.Add(i);
            budget.Add(new BudgetEntry(EditText.Clean(b.FiscalYear) ?? "", EditText.Clean(b.Kind) ?? nameof(BudgetKind.Budget), EditText.Clean(b.Amount) ?? "-", EditText.Clean(b.Organization), funding));
        }

        var grantRows = new List<int>();
        var grants = new List<GrantEntry>();
        var listNumbers = new List<int?>();
        for (var i = 0; i < form.Grants.Count; i++)
        {
            var g = form.Grants[i];
            var link = EditText.Text(errors, $"Grants[{I(i)}].StrategyLink", new("総合戦略との関連", "Link to the strategy"), g.StrategyLink, FieldLimits.Name);
            if (EditText.Clean(g.Program) is null && EditText.Clean(g.Amount) is null && EditText.Clean(g.FiscalYear) is null
                && EditText.Clean(g.ListNumber) is null && EditText.Clean(g.StrategyLink) is null)
            {
                continue;
            }

            int? number = null;
            if (EditText.Clean(g.ListNumber) is { } n)
            {
                if (int.TryParse(JapaneseText.FoldWidth(n), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    number = parsed;
                }
                else
                {
                    errors.Add($"Grants[{I(i)}].ListNumber", $"番号「{EditText.Quote(n)}」は整数で入力してください。", $"Number \"{EditText.Quote(n)}\" must be a whole number.");
                }
            }

            grantRows.Add(i);
            listNumbers.Add(number);
            grants.Add(new GrantEntry(EditText.Clean(g.Program) ?? "", EditText.Clean(g.Amount), EditText.Clean(g.FiscalYear), number, link));
        }

        var entry = new ProjectEntry
        {
            Code = code ?? "_",
            Node = EditText.Clean(form.NodeCode) ?? "",
            Name = EditText.Clean(form.Name) ?? "",
            Category = EditText.Clean(form.Category),
            Content = EditText.Clean(form.Content),
            Department = department,
            Partners = partners,
            Kpis = form.Kpis.Select(EditText.Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            StartYear = EditText.Clean(form.StartYear),
            EndYear = EditText.Clean(form.EndYear),
            Note = EditText.Clean(form.Note),
            Budget = budget,
            Grants = grants,
        };
        return (entry, partnerRows, budgetRows, grantRows, listNumbers);
    }

    private static (string Field, Message Message) Map(ImportProblem problem, List<int> partnerRows, List<int> budgetRows, List<int> grantRows)
    {
        if (FormProblems.Under(problem, Item) is not var (a, i, b))
        {
            return ("", problem.Message);
        }

        switch (a)
        {
            case "partners" when i >= 0 && i < partnerRows.Count:
                {
                    var prefix = $"Partners[{I(partnerRows[i])}]";
                    return b switch
                    {
                        "organization" => ($"{prefix}.Organization", FormProblems.On(new("連携先の団体", "Partner organization"), problem)),
                        "role" => ($"{prefix}.Role", FormProblems.On(new("連携先の役割", "Partner role"), problem)),
                        _ => ($"{prefix}.Name", new("連携先: 団体を選ぶか、名称を入力してください（どちらか一方）。", "Partner: choose an organization or enter a name (one of the two).")),
                    };
                }

            case "budget" when i >= 0 && i < budgetRows.Count:
                {
                    var (field, label) = BudgetFields.GetValueOrDefault(b ?? "", (nameof(BudgetForm.Amount), new Message("予算", "Budget")));
                    return ($"Budget[{I(budgetRows[i])}].{field}", FormProblems.On(label.After("予算・決算の", "Budget line: "), problem));
                }

            case "grants" when i >= 0 && i < grantRows.Count:
                {
                    var (field, label) = GrantFields.GetValueOrDefault(b ?? "", (nameof(GrantForm.Program), new Message("交付金", "Grant")));
                    return ($"Grants[{I(grantRows[i])}].{field}", FormProblems.On(label, problem));
                }

            default:
                return Fields.TryGetValue(a, out var f) ? (f.Field, FormProblems.On(f.Label, problem)) : ("", problem.Message);
        }
    }

    private static string I(int i) => FormProblems.Row(i);

    [GeneratedRegex(@"^P(\d{1,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedCode();
}
