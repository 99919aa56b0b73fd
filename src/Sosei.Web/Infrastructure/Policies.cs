namespace Sosei.Web.Infrastructure;

/// <summary>Authorization policies.</summary>
public static class Policies
{
    /// <summary>May change plans, KPIs, values, projects and settings.</summary>
    public const string CanEdit = "CanEdit";
}
