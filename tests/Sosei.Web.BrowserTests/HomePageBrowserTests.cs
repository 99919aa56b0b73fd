using Microsoft.Playwright;
using Sosei.Web.BrowserTests.Infrastructure;

namespace Sosei.Web.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public class HomePageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_ShowsJapaneseHeadingAndSwitchesToEnglish()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("計画一覧", await page.Locator("h1").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(page, "home-ja");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
    }
}
