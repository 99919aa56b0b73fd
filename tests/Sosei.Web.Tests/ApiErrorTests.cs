using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Plans;

namespace Sosei.Web.Tests;

/// <summary>
/// Under /api every error is problem JSON (docs/api.md): an unknown path, a method the API does not take and an error
/// of the server answer <c>application/problem+json</c> in Japanese and English, never the HTML error page or an empty
/// body; the pages keep their HTML error page.
/// </summary>
public class ApiErrorTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.True(json.TryGetProperty("traceId", out _));
        return json;
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/plans/abashiri-sosei-2015/no-such-list")]
    [InlineData("/api")]
    public async Task UnknownApiPath_IsProblemJson404(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        var json = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("見つかりません / Not Found", json.GetProperty("title").GetString());
        Assert.Contains(path, json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongMethod_IsProblemJson405()
    {
        using var content = new StringContent("{}");
        var response = await factory.CreateClient().PostAsync(new Uri("/api/plans", UriKind.Relative), content);

        var json = await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("許可されていないメソッドです / Method Not Allowed", json.GetProperty("title").GetString());
        Assert.Contains("POST", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task ServerError_IsProblemJson500WithoutItsInnerWorkings()
    {
        using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<PlanCatalog>(_ => throw new InvalidOperationException("secret inner failure"))));

        var response = await broken.CreateClient().GetAsync(new Uri("/api/plans", UriKind.Relative));

        var json = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("サーバーエラー / Internal Server Error", json.GetProperty("title").GetString());
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_KeepsTheHtmlErrorPage()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
