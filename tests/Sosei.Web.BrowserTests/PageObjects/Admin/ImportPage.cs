using Microsoft.Playwright;

namespace Sosei.Web.BrowserTests.PageObjects.Admin;

/// <summary>The import page (/admin/import): a plan file or workbook, 試行（ドライラン） or 取り込み, then the problems found.</summary>
public sealed class ImportPage(IPage page)
{
    /// <summary>The URL.</summary>
    public const string Url = "/admin/import";

    /// <summary>The browser page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The problems table of a finished run.</summary>
    public ILocator ProblemsTable => Page.Locator("table.import-problems");

    /// <summary>Chooses the file to upload.</summary>
    public Task ChooseFileAsync(FilePayload file) => Page.SetInputFilesAsync("input[type=file]", file);

    /// <summary>Presses 試行（ドライラン） and waits for the run's problems (the job runs in the background).</summary>
    public async Task DryRunAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "試行（ドライラン）" }).ClickAsync();
        await ProblemsTable.WaitForAsync(new() { Timeout = 60_000 });
    }

    /// <summary>The rows of the problems table, as text (where, what).</summary>
    public Task<IReadOnlyList<string>> ProblemsAsync() => ProblemsTable.Locator("tbody tr").AllInnerTextsAsync();
}
