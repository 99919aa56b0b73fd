using System.Net;

namespace Sosei.Web.Tests;

public class HomePageTests(SoseiWebFactory factory) : IClassFixture<SoseiWebFactory>
{
    [Fact]
    public async Task Home_IsServedInJapaneseByDefault()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("計画一覧", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_InEnglish_WhenAskedInTheQueryString()
    {
        var client = factory.CreateClient();

        var html = await client.GetStringAsync("/?culture=en");

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
