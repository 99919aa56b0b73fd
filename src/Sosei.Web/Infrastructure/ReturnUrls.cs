namespace Sosei.Web.Infrastructure;

/// <summary>
/// Where to go back to after a language switch or a sign-in: only a path of this site, else the home page. The rule
/// is the one <see cref="Microsoft.AspNetCore.Mvc.IUrlHelper.IsLocalUrl"/> and <c>LocalRedirect</c> apply (a path
/// starting with one <c>/</c> not followed by <c>/</c> or <c>\</c>, or <c>~/</c>), so a URL this class lets through never
/// makes <c>LocalRedirect</c> throw, and <c>/\evil.com</c> or <c>//evil.com</c> go home instead of to another site.
/// </summary>
public static class ReturnUrls
{
    /// <summary>Whether <paramref name="url"/> is a path of this site.</summary>
    /// <param name="url">The requested return URL; may be null.</param>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\');
        }

        return url.Length > 1 && url[0] == '~' && url[1] == '/' && (url.Length == 2 || (url[2] != '/' && url[2] != '\\'));
    }

    /// <summary><paramref name="url"/> when it is a path of this site, else <c>/</c>.</summary>
    /// <param name="url">The requested return URL; may be null.</param>
    public static string LocalOrHome(string? url) => IsLocal(url) ? url! : "/";
}
