using Microsoft.Playwright;
using Sosei.Web.BrowserTests.Infrastructure;

namespace Sosei.Web.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public class HomePageBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Home_ShowsJapaneseHeadingAndSwitchesToEnglish()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("計画一覧", await page.Locator("h1").InnerTextAsync());
        await BrowserApp.ScreenshotAsync(page, "home-ja");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
