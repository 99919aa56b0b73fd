using System.Net.Http.Headers;

namespace Sosei.Web.Tests.Infrastructure;

/// <summary>Uploading a file on the import page and waiting for its job, as a browser does.</summary>
public static class ImportUploads
{
    /// <summary>Posts a file to /admin/import with the page's anti-forgery token (an administrator's client).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(client);
        var fields = await AdminSession.FormAsync(client, "/admin/import", "main form");
        using var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(fields["__RequestVerificationToken"]), "__RequestVerificationToken" },
            { file, "Upload", name },
        };
        return await client.PostAsync(new Uri("/admin/import", UriKind.Relative), form);
    }

    /// <summary>
    /// The job page once the job is done: the page reloads itself while the import runs, and this reloads it the same
    /// way, a bounded number of times (a minute at the most).
    /// </summary>
    public static async Task<string> PollAsync(HttpClient client, Uri job)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(job);
        for (var i = 0; i < 600 && html.Contains("import-progress", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            html = await client.GetStringAsync(job);
        }

        return html;
    }

    /// <summary>The job page a followed redirect landed on, once the job is done.</summary>
    public static Task<string> PollAsync(HttpClient client, HttpResponseMessage landed)
    {
        ArgumentNullException.ThrowIfNull(landed);
        return PollAsync(client, landed.RequestMessage?.RequestUri ?? throw new InvalidOperationException("the response has no request"));
    }
}
