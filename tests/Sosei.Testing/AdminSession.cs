using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sosei.Testing;

/// <summary>
/// HTTP clients on a <see cref="SoseiWebFactory"/> (cookies kept, redirects not followed), signing in through the
/// login form, and a page's form read as a browser posts it (with its anti-forgery token).
/// </summary>
public static class AdminSession
{
    /// <summary>A client that keeps cookies and does not follow redirects (anonymous until it signs in); on a <see cref="SoseiWebFactory"/> or one made from it with other settings (<c>WithWebHostBuilder</c>).</summary>
    public static HttpClient Client(WebApplicationFactory<Program> factory, bool followRedirects = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });
    }

    /// <summary>
    /// A client signed in as the administrator, through the login form with its token. It does not follow redirects
    /// unless asked to (then a POST answers with the page it redirects to).
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, bool followRedirects = false)
    {
        var client = Client(factory, followRedirects);
        var form = await FormAsync(client, "/account/login", "main form");
        form["UserName"] = SoseiWebFactory.AdminUserName;
        form["Password"] = SoseiWebFactory.AdminPassword;
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(form));
        var signedIn = followRedirects
            ? response.StatusCode == HttpStatusCode.OK && response.RequestMessage?.RequestUri?.AbsolutePath != "/account/login"
            : response.StatusCode == HttpStatusCode.Redirect;
        if (!signedIn)
        {
            throw new InvalidOperationException($"signing in answered {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        }

        return client;
    }

    /// <summary>The anti-forgery token of the (first) form of a page already fetched.</summary>
    public static string Token(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("no anti-forgery token on the page");

    /// <summary>
    /// The fields of a form on a page, as a browser would post them: named inputs (checked boxes and radios only),
    /// selected options, text areas and the hidden anti-forgery token; not the buttons.
    /// </summary>
    /// <param name="client">The client to GET the page with (its cookies go with the token).</param>
    /// <param name="url">The page, relative to the app.</param>
    /// <param name="selector">A CSS selector of the form, e.g. <c>form.values-form</c>.</param>
    public static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string url, string selector)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        return FormFields(html, selector, url);
    }

    /// <summary>The fields of a form in a page already fetched (a refused post's answer), as <see cref="FormAsync"/> reads them.</summary>
    /// <param name="html">The page.</param>
    /// <param name="selector">A CSS selector of the form.</param>
    /// <param name="where">What the page is, for the error when the form is missing.</param>
    public static Dictionary<string, string> FormFields(string html, string selector, string where = "the page")
    {
        var form = (IHtmlFormElement?)new HtmlParser().ParseDocument(html).QuerySelector(selector) ?? throw new InvalidOperationException($"no {selector} on {where}");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }

                    fields.TryAdd(input.Name, input.Value);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name] = select.Value ?? "";
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name] = area.Value;
                    break;
            }
        }

        return fields;
    }
}
