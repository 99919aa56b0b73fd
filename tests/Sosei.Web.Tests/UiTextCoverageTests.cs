using System.Text.RegularExpressions;
using Sosei.Web.Localization;

namespace Sosei.Web.Tests;

/// <summary>
/// Every UI text a page uses has an English translation. The pages and their page models under src/Sosei.Web/Pages
/// are scanned for <c>T["…"]</c>, <c>T.Format("…"</c> (and the same through a <c>text</c> parameter), so pages added
/// later are covered without changing this test.
/// </summary>
public partial class UiTextCoverageTests
{
    [GeneratedRegex(@"\b(?:T|text)(?:\[\s*|\.Format\(\s*)""((?:[^""\\]|\\.)*)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private static string PagesDirectory() => RepositoryRoot.Combine("src", "Sosei.Web", "Pages");

    private static List<(string File, string Key)> KeysUsed() =>
        Directory.EnumerateFiles(PagesDirectory(), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (Path.GetFileName(f), Regex.Unescape(m.Groups[1].Value))))
            .ToList();

    [Fact]
    public void EveryKeyUsedInThePages_HasAnEnglishTranslation()
    {
        var english = new UiText().Keys.ToHashSet(StringComparer.Ordinal);
        var used = KeysUsed();

        Assert.True(used.Count > 100, $"only {used.Count} keys found: is the scan looking at the right folder?");
        var missing = used.Where(u => !english.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing English in Localization/en/*.json:\n" + string.Join('\n', missing));
    }

    /// <summary>
    /// The other direction: an English text whose Japanese key no source file of the web app or the application
    /// writes any more is stale (a word that moved to <c>Terms</c>, a label that was renamed) and goes. Keys are
    /// looked for as literal text anywhere in <c>src/Sosei.Web</c> and <c>src/Sosei.Application</c>, so a key handed
    /// to <c>T[…]</c> through a variable still counts as used.
    /// </summary>
    [Fact]
    public void EveryEnglishTranslation_IsForATextTheSourceStillWrites()
    {
        var sources = string.Concat(new[] { "Sosei.Web", "Sosei.Application" }
            .SelectMany(p => Directory.EnumerateFiles(RepositoryRoot.Combine("src", p), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var stale = new UiText().Keys.Where(k => !sources.Contains(k, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.True(stale.Count == 0, "English texts for keys no source writes (remove them from Localization/en/*.json):\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Translations_KeepThePlaceholdersOfTheJapanese()
    {
        var text = new UiText();
        var wrong = KeysUsed().Select(u => u.Key).Distinct()
            .Where(k => text.Keys.Contains(k))
            .Where(k => !Placeholder().Matches(k).Select(m => m.Value).Order().SequenceEqual(
                Placeholder().Matches(English(text, k)).Select(m => m.Value).Order()))
            .ToList();

        Assert.True(wrong.Count == 0, "Placeholders differ: " + string.Join(", ", wrong));
    }

    private static string English(UiText text, string key)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            return text[key];
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }
}
