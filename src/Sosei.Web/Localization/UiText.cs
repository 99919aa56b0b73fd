using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Sosei.Application.Common;

namespace Sosei.Web.Localization;

/// <summary>
/// Interface text. Japanese is the source language: pages write Japanese (<c>@T["計画一覧"]</c>) and the English
/// translation comes from Localization/en/*.json (one file per feature, shared terms in common.json). A missing translation falls back to Japanese; a test checks that every
/// key used in a page has one.
/// </summary>
public sealed class UiText
{
    private readonly FrozenDictionary<string, string> english;

    /// <summary>Loads the English dictionaries embedded in the assembly (Localization/en/*.json, one per feature).</summary>
    public UiText()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(UiText).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Sosei.Web.Localization.en.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                if (!all.TryAdd(key, value) && all[key] != value)
                {
                    throw new InvalidOperationException($"UI text 「{key}」 has two different English translations ({name}).");
                }
            }
        }

        english = all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Whether the current request is in English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>Keys of the English dictionary (for tests).</summary>
    public IEnumerable<string> Keys => english.Keys;

    /// <summary>The text in the current UI language.</summary>
    public string this[string japanese] =>
        IsEnglish && english.TryGetValue(japanese, out var en) ? en : japanese;

    /// <summary>A <see cref="Message"/> (a word of <see cref="Terms"/>, a problem) in the current UI language.</summary>
    public string this[Message message] => (message ?? throw new ArgumentNullException(nameof(message))).In(CultureInfo.CurrentUICulture);

    /// <summary>A formatted text in the current UI language (<c>{0}</c> placeholders, invariant number formatting).</summary>
    public string Format(string japanese, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, this[japanese], args);
}
