using Sosei.Application.Common;
namespace Sosei.Application.PlanFiles;

/// <summary>
/// Single-item entry points for the editing forms: a KPI or a project is checked with exactly the rules of the
/// importer, against what the database holds for its plan (node codes, departments, organizations, KPI codes).
/// </summary>
internal sealed partial class PlanFileValidator
{
    /// <summary>Validates one KPI of a stored plan; problem locations are paths under <c>kpi</c> (<c>kpi.series[0].target</c>).</summary>
    /// <param name="entry">The KPI as texts.</param>
    /// <param name="planStart">First fiscal year of the plan (target phrases count from it).</param>
    /// <param name="planEnd">Last fiscal year of the plan (the default target year).</param>
    /// <param name="nodeCodes">Codes of the plan's nodes.</param>
    /// <param name="departments">Department names of the plan's organization.</param>
    public static (ResolvedKpi? Kpi, IReadOnlyList<ImportProblem> Problems) ValidateKpi(
        KpiEntry entry, int planStart, int planEnd, IReadOnlySet<string> nodeCodes, IReadOnlySet<string> departments)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var v = new PlanFileValidator(null, new Dictionary<string, IReadOnlySet<string>>());
        var kpi = v.ResolveKpi(entry, JsonPath.Of("kpi"), planStart, planEnd, v.NodeChecker(nodeCodes), v.DepartmentChecker(departments));
        return v.problems.Count == 0 ? (kpi, []) : (null, v.problems);
    }

    /// <summary>Validates one project of a stored plan; problem locations are paths under <c>project</c>.</summary>
    /// <param name="entry">The project as texts.</param>
    /// <param name="nodeCodes">Codes of the plan's nodes.</param>
    /// <param name="departments">Department names of the plan's organization.</param>
    /// <param name="organizationCodes">Codes of the organizations stored.</param>
    /// <param name="kpiCodes">Codes of the plan's KPIs.</param>
    public static (ResolvedProject? Project, IReadOnlyList<ImportProblem> Problems) ValidateProject(
        ProjectEntry entry,
        IReadOnlySet<string> nodeCodes,
        IReadOnlySet<string> departments,
        IReadOnlySet<string> organizationCodes,
        IReadOnlySet<string> kpiCodes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var v = new PlanFileValidator(null, new Dictionary<string, IReadOnlySet<string>>());
        var project = v.ResolveProject(entry, JsonPath.Of("project"), v.NodeChecker(nodeCodes), v.DepartmentChecker(departments), organizationCodes.Contains, kpiCodes.Contains);
        return v.problems.Count == 0 ? (project, []) : (null, v.problems);
    }

    private Func<string?, JsonPath, string> NodeChecker(IReadOnlySet<string> nodeCodes) => (code, path) =>
    {
        var c = Required(code, path, "ノードコード");
        if (c.Length > 0 && !nodeCodes.Contains(c))
        {
            Problem(path, code, "ノードが計画にありません。", "node not found in the plan.");
        }

        return c;
    };

    private Action<string, JsonPath> DepartmentChecker(IReadOnlySet<string> departments) => (name, path) =>
    {
        if (!departments.Contains(name))
        {
            Problem(path, name, "担当課が団体の担当課にありません。", "department not listed under the plan's organization.");
        }
    };
}
