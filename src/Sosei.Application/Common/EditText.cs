using System.Globalization;
using System.Text.RegularExpressions;
using Sosei.Domain.Text;

namespace Sosei.Application.Common;

/// <summary>Japanese messages of the editing forms, and the Japanese half of the domain parsers' bilingual messages.</summary>
internal static partial class EditText
{
    /// <summary>Longest code accepted for plans' items (matches the database column).</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Longest free text of a one-line field (matches the database's default string length).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>"{label}を入力してください。"</summary>
    public static string Required(string label) => $"{label}を入力してください。";

    /// <summary>
    /// The Japanese part of a "日本語 / English" message of the domain parsers or the plan-file validator. The domain
    /// messages quote the offending text in both halves, and that text may itself contain " / ": the English half
    /// starts with the quoted text in double quotes, which is what is looked for first.
    /// </summary>
    public static string Japanese(string message, string? text)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.IsNullOrEmpty(text))
        {
            var quoted = text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
            var i = message.IndexOf(" / \"" + quoted + "\"", StringComparison.Ordinal);
            if (i > 0)
            {
                return message[..i];
            }
        }

        var j = message.IndexOf(" / ", StringComparison.Ordinal);
        return j > 0 ? message[..j] : message;
    }

    /// <summary>
    /// A message that names the field and, unless the message already quotes it (the domain parsers' messages start
    /// with 「text」), quotes the text: "基準値「12%」: 単位が指標の単位（人）と違います。".
    /// </summary>
    public static string Field(string label, string? text, string message)
    {
        if (message.StartsWith('「') || string.IsNullOrEmpty(text))
        {
            return $"{label}: {message}";
        }

        return $"{label}「{Quote(text)}」: {message}";
    }

    /// <summary>Text shortened for quoting in a message.</summary>
    public static string Quote(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    /// <summary>Trimmed text, or null for blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Whether a code is made of ASCII letters, digits, '.', '-' and '_' (it appears in URLs and files).</summary>
    public static bool IsValidCode(string code) => code.Length <= MaxCodeLength && CodePattern().IsMatch(code);

    /// <summary>The message for a code that is not valid.</summary>
    public static string BadCode(string label, string code) =>
        $"{label}「{Quote(code)}」は使えません。半角英数字と「.」「-」「_」で{MaxCodeLength}文字以内にしてください（例: G1.2, G1-K3, P012）。";

    /// <summary>Checks a required code; adds an error and returns null when it is missing or not valid.</summary>
    public static string? Code(EditErrors errors, string field, string label, string? text)
    {
        var code = Clean(text);
        if (code is null)
        {
            errors.Add(field, Required(label));
            return null;
        }

        code = JapaneseText.FoldWidth(code);
        if (!IsValidCode(code))
        {
            errors.Add(field, BadCode(label, text!.Trim()));
            return null;
        }

        return code;
    }

    /// <summary>Checks the length of a free text; adds an error when it is too long.</summary>
    public static string? Text(EditErrors errors, string field, string label, string? text, int max = MaxTextLength)
    {
        var clean = Clean(text);
        if (clean is not null && clean.Length > max)
        {
            errors.Add(field, $"{label}は{max.ToString(CultureInfo.InvariantCulture)}文字以内にしてください（{clean.Length.ToString(CultureInfo.InvariantCulture)}文字あります）。");
            return null;
        }

        return clean;
    }

    /// <summary>Reads an enum name posted by a select; adds an error for anything else.</summary>
    public static T Enum<T>(EditErrors errors, string field, string label, string? text, T fallback)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (System.Enum.TryParse<T>(text.Trim(), ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        errors.Add(field, $"{label}「{Quote(text)}」は選べる値ではありません。一覧から選んでください。");
        return fallback;
    }

    /// <summary>A new code that is not in use: prefix + 1, 2, 3 …, starting after the number of existing items.</summary>
    public static string NewCode(string prefix, int start, Func<string, bool> inUse)
    {
        for (var n = Math.Max(1, start); ; n++)
        {
            var code = prefix + n.ToString(CultureInfo.InvariantCulture);
            if (!inUse(code))
            {
                return code;
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
