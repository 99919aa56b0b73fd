using Microsoft.AspNetCore.Mvc;

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
public sealed record PlanNav(string PlanCode, PlanTab Active, int? Year, bool CanEdit);

/// <summary>
/// Links to the plan pages, by page name (Razor Pages own routing: the route templates in the .cshtml files are the one
/// place a URL is written). Extension methods of the page's <c>Url</c>.
/// </summary>
public static class PlanLinks
{
    /// <summary>The plan page (tree and KPIs) for a year (null: the default year).</summary>
    public static string PlanPage(this IUrlHelper url, string plan, int? year = null) =>
        Page(url, "/Plans/Plan", new { plan, year });

    /// <summary>The plan page at a node's anchor.</summary>
    public static string NodePage(this IUrlHelper url, string plan, string nodeCode, int? year = null) =>
        Page(url, "/Plans/Plan", new { plan, year }, NodeAnchor(nodeCode));

    /// <summary>The anchor id of a node on the plan page.</summary>
    public static string NodeAnchor(string nodeCode) => "node-" + nodeCode;

    /// <summary>A KPI's page for a year.</summary>
    public static string KpiPage(this IUrlHelper url, string plan, string kpiCode, int? year = null) =>
        Page(url, "/Plans/Kpi", new { plan, kpiCode, year });

    /// <summary>The projects page, optionally filtered to a node.</summary>
    public static string ProjectsPage(this IUrlHelper url, string plan, string? node = null) =>
        Page(url, "/Plans/Projects", new { plan, node });

    /// <summary>The verification page for a year.</summary>
    public static string VerificationPage(this IUrlHelper url, string plan, int? year = null, string? fragment = null) =>
        Page(url, "/Plans/Verification", new { plan, year }, fragment);

    /// <summary>The councils page.</summary>
    public static string CouncilsPage(this IUrlHelper url, string plan) => Page(url, "/Plans/Councils", new { plan });

    /// <summary>The downloads page (reports, plan files) for a year.</summary>
    public static string DownloadsPage(this IUrlHelper url, string plan, int? year = null) =>
        Page(url, "/Reports/Downloads", new { plan, year });

    private static string Page(IUrlHelper url, string page, object values, string? fragment = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Page(page, pageHandler: null, values, protocol: null, host: null, fragment)
            ?? throw new InvalidOperationException($"no route to the page {page}");
    }
}
