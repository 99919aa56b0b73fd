using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sosei.Web.Tests;

/// <summary>Every Japanese UI text of the reports feature's pages has an English translation in Localization/en/reports.json.</summary>
public partial class ReportsUiTextTests
{
    [Fact]
    public void ReportsPages_EveryTextKey_HasAnEnglishEntry()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sosei.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var web = Path.Combine(root.FullName, "src", "Sosei.Web");
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(web, "Localization", "en", "reports.json")))!;
        var pages = Directory.GetFiles(Path.Combine(web, "Pages", "Reports"), "*.cshtml")
            .Concat(Directory.GetFiles(Path.Combine(web, "Pages", "Admin", "Import"), "*.cshtml"))
            .Concat(Directory.GetFiles(Path.Combine(web, "Pages", "Reports"), "*.cs"))
            .Concat(Directory.GetFiles(Path.Combine(web, "Pages", "Admin", "Import"), "*.cs"));
        var keys = pages.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(english.ContainsKey(k), $"no English for 「{k}」"));
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"empty English for 「{e.Key}」"));
    }

    [GeneratedRegex("""(?:T|text)\["([^"]+)"\]""")]
    private static partial Regex Key();
}
