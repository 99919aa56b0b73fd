using System.Net;
using AngleSharp.Html.Parser;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests;

/// <summary>Import jobs live in the database: the job page of a dry run outlives the host that ran it.</summary>
public sealed class ImportJobPageTests : IDisposable
{
    private readonly string dataDirectory = SoseiWebFactory.NewDataDirectory();

    [Fact]
    public async Task JobPage_AfterARestart_StillShowsTheResult()
    {
        Uri job;
        using (var first = SoseiWebFactory.OnDataDirectory(dataDirectory))
        {
            var client = await AdminSession.SignedInAsync(first);
            var json = await client.GetByteArrayAsync(new Uri("/plans/abashiri-sosei-2015/export.json", UriKind.Relative));
            var upload = await ImportUploads.UploadAsync(client, json, "abashiri.json");
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            job = upload.Headers.Location!;
            Assert.Matches("^/admin/import/[0-9a-f]{32}$", job.OriginalString);
            Assert.Contains("問題はありません", await ImportUploads.PollAsync(client, job), StringComparison.Ordinal);
        }

        using var second = SoseiWebFactory.OnDataDirectory(dataDirectory);
        var again = await AdminSession.SignedInAsync(second);
        var response = await again.GetAsync(job);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("問題はありません", html, StringComparison.Ordinal);
        Assert.Contains("abashiri.json", html, StringComparison.Ordinal);
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("main a.button").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/import", links);
        Assert.Contains(new HtmlParser().ParseDocument(html).QuerySelectorAll("form.confirm-import").Select(f => f.GetAttribute("action")),
            a => a!.StartsWith(job.OriginalString + "?handler=Confirm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JobPage_OfAnUnknownJob_Is404()
    {
        using var factory = SoseiWebFactory.OnDataDirectory(dataDirectory);
        var client = await AdminSession.SignedInAsync(factory);

        var response = await client.GetAsync(new Uri($"/admin/import/{Guid.NewGuid():N}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("この取り込みは見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose() => SoseiWebFactory.DeleteDataDirectory(dataDirectory);
}
