namespace Sosei.Web.Pages.Plans;

/// <summary>Which page of a plan is shown (for the tabs).</summary>
public enum PlanTab
{
    /// <summary>The plan page (tree and KPIs).</summary>
    Tree = 0,

    /// <summary>A KPI page (under the tree).</summary>
    Kpi = 1,

    /// <summary>The projects page.</summary>
    Projects = 2,

    /// <summary>The verification page.</summary>
    Verification = 3,

    /// <summary>The councils page (有識者会議, 推進本部).</summary>
    Councils = 4,
}

/// <summary>The tabs of a plan's pages, with the year carried from page to page.</summary>
/// <param name="PlanCode">Plan code (URL).</param>
/// <param name="Active">The page shown.</param>
/// <param name="Year">The fiscal year selected, carried to the other pages; null for the default.</param>
/// <param name="CanEdit">Whether the user may edit (shows the settings and editing links).</param>
public sealed record PlanNav(string PlanCode, PlanTab Active, int? Year, bool CanEdit)
{
    /// <summary>The plan page URL.</summary>
    public string TreeUrl => Urls.Plan(PlanCode, Year);

    /// <summary>The projects page URL.</summary>
    public string ProjectsUrl => Urls.Projects(PlanCode);

    /// <summary>The verification page URL.</summary>
    public string VerificationUrl => Urls.Verification(PlanCode, Year);

    /// <summary>The councils page URL.</summary>
    public string CouncilsUrl => Urls.Councils(PlanCode);

    /// <summary>The downloads page URL (reports feature).</summary>
    public string DownloadsUrl => Urls.With($"/plans/{Urls.Seg(PlanCode)}/downloads", Year);
}

/// <summary>URLs of the plan pages (the URL contract of docs: /plans/{plan}, /plans/{plan}/kpis/{kpiCode} …).</summary>
public static class Urls
{
    /// <summary>A path segment, escaped.</summary>
    public static string Seg(string s) => Uri.EscapeDataString(s);

    /// <summary>Adds ?year= when a year is given.</summary>
    public static string With(string path, int? year) =>
        year is { } y ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}?year={y}") : path;

    /// <summary>/plans/{plan}?year=.</summary>
    public static string Plan(string plan, int? year = null) => With($"/plans/{Seg(plan)}", year);

    /// <summary>The plan page at a node's anchor.</summary>
    public static string Node(string plan, string nodeCode, int? year = null) => Plan(plan, year) + "#" + NodeAnchor(nodeCode);

    /// <summary>The anchor id of a node on the plan page.</summary>
    public static string NodeAnchor(string nodeCode) => "node-" + nodeCode;

    /// <summary>/plans/{plan}/kpis/{kpiCode}?year=.</summary>
    public static string Kpi(string plan, string kpiCode, int? year = null) => With($"/plans/{Seg(plan)}/kpis/{Seg(kpiCode)}", year);

    /// <summary>/plans/{plan}/projects.</summary>
    public static string Projects(string plan) => $"/plans/{Seg(plan)}/projects";

    /// <summary>/plans/{plan}/projects?node=.</summary>
    public static string ProjectsAt(string plan, string nodeCode) => $"{Projects(plan)}?node={Seg(nodeCode)}";

    /// <summary>/plans/{plan}/verification?year=.</summary>
    public static string Verification(string plan, int? year = null) => With($"/plans/{Seg(plan)}/verification", year);

    /// <summary>/plans/{plan}/councils.</summary>
    public static string Councils(string plan) => $"/plans/{Seg(plan)}/councils";
}
