using AngleSharp;
using AngleSharp.Dom;

namespace Sosei.Web.Tests.Infrastructure;

/// <summary>
/// The read-side tests (plan, KPI, projects, verification pages and the JSON API) share one app: they only read the
/// demo data, so one database loaded once is enough.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlanPagesGroup : ICollectionFixture<SoseiWebFactory>
{
    /// <summary>Collection name.</summary>
    public const string Name = "plan pages";

    /// <summary>根室市創生総合戦略 (demo data from seed 000).</summary>
    public const string Nemuro = "nemuro-sosei-2015";

    /// <summary>網走市 KPI 進捗管理表 (demo data from seed 001).</summary>
    public const string Abashiri = "abashiri-sosei-2015";
}

/// <summary>Fetching and parsing pages.</summary>
public static class Html
{
    /// <summary>GETs a page, asserts 200 and parses it.</summary>
    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {body[..Math.Min(400, body.Length)]}");
        return await ParseAsync(body);
    }

    /// <summary>Parses markup.</summary>
    public static async Task<IDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html));
    }

    /// <summary>Text with runs of white space collapsed to one space.</summary>
    public static string Squash(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
