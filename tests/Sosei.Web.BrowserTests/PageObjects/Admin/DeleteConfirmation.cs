using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>The confirmation before deleting a KPI or a project: what goes with it, 削除 and キャンセル.</summary>
public sealed class DeleteConfirmation(IPage page)
{
    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The heading (KPIの削除, 事業の削除 …).</summary>
    public ILocator Heading => Page.Locator("h1");

    /// <summary>The table of what is deleted with the item.</summary>
    public ILocator DeletedItems => Page.Locator("table.deleted-items");

    /// <summary>Follows キャンセル (back to the item's form, nothing deleted).</summary>
    public Task CancelAsync() => Page.GetByRole(AriaRole.Link, new() { Name = "キャンセル" }).ClickAsync();
}
