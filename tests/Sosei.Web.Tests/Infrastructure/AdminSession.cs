using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sosei.Web.Tests.Infrastructure;

/// <summary>Clients that do not follow redirects, signing in through the login form, and forms read as a browser posts them.</summary>
public static class AdminSession
{
    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Client(SoseiWebFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>A client signed in as the administrator (through the login form, with its token).</summary>
    public static async Task<HttpClient> SignedInAsync(SoseiWebFactory factory)
    {
        var client = Client(factory);
        var form = await FormAsync(client, "/account/login", "main form");
        form["UserName"] = "admin";
        form["Password"] = SoseiWebFactory.AdminPassword;
        var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The fields of a form of a page, as a browser would post them (checked boxes, selected options, hidden token).</summary>
    public static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string url, string selector)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var form = (IHtmlFormElement?)new HtmlParser().ParseDocument(html).QuerySelector(selector) ?? throw new InvalidOperationException($"no {selector} on {url}");
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
