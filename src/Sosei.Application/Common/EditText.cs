using System.Globalization;
using System.Text.RegularExpressions;
using Sosei.Domain.Text;

namespace Sosei.Application.Common;

/// <summary>Field checks and messages (Japanese and English) of the editing forms.</summary>
internal static partial class EditText
{
    /// <summary>Longest code accepted for plans' items (<see cref="FieldLimits.Code"/>).</summary>
    public const int MaxCodeLength = FieldLimits.Code;

    /// <summary>Longest free text (<see cref="FieldLimits.LongText"/>); one-line fields pass their own limit.</summary>
    public const int MaxTextLength = FieldLimits.LongText;

    /// <summary>"{label}を入力してください。" / "{label} is required."</summary>
    public static Message Required(Message label) => new($"{label.Japanese}を入力してください。", $"{label.English} is required.");

    /// <summary>What a domain parser said about a text (it quotes the text itself).</summary>
    public static Message Why(BilingualFormatException error) => new(error.JapaneseMessage, error.EnglishMessage);

    /// <summary>
    /// A message that names the field and, unless the message already quotes it (the domain parsers' messages begin
    /// with the quoted text: 「12%」は…), quotes the text: "基準値「12%」: 単位が指標の単位（人）と違います。" /
    /// "Baseline "12%": unit differs from the KPI's unit (人)."
    /// </summary>
    public static Message Field(Message label, string? text, Message message)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Japanese.StartsWith('「') || string.IsNullOrEmpty(text))
        {
            return message.After($"{label.Japanese}: ", $"{label.English}: ");
        }

        return message.After($"{label.Japanese}「{Quote(text)}」: ", $"{label.English} \"{Quote(text)}\": ");
    }

    /// <summary>Text shortened for quoting in a message.</summary>
    public static string Quote(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    /// <summary>Trimmed text, or null for blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Whether a code is made of ASCII letters, digits, '.', '-' and '_' (it appears in URLs and files).</summary>
    public static bool IsValidCode(string code) => code.Length <= MaxCodeLength && CodePattern().IsMatch(code);

    /// <summary>The message for a code that is not valid.</summary>
    public static Message BadCode(Message label, string code) => new(
        $"{label.Japanese}「{Quote(code)}」は使えません。半角英数字と「.」「-」「_」で{MaxCodeLength}文字以内にしてください（例: G1.2, G1-K3, P012）。",
        $"{label.English} \"{Quote(code)}\" cannot be used: write up to {MaxCodeLength} ASCII letters, digits, '.', '-' and '_' (e.g. G1.2, G1-K3, P012).");

    /// <summary>Checks a required code; adds an error and returns null when it is missing or not valid.</summary>
    public static string? Code(EditErrors errors, string field, Message label, string? text)
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
    public static string? Text(EditErrors errors, string field, Message label, string? text, int max = MaxTextLength)
    {
        var clean = Clean(text);
        if (clean is not null && clean.Length > max)
        {
            errors.Add(field, FieldLimits.TooLong(label, max, clean.Length));
            return null;
        }

        return clean;
    }

    /// <summary>Reads an enum name posted by a select; adds an error for anything else.</summary>
    public static T Enum<T>(EditErrors errors, string field, Message label, string? text, T fallback)
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

        errors.Add(field, NotAChoice(label, text));
        return fallback;
    }

    /// <summary>"{label}「text」は選べる値ではありません。" / "{label} "text" is not one of the choices."</summary>
    public static Message NotAChoice(Message label, string text) => new(
        $"{label.Japanese}「{Quote(text)}」は選べる値ではありません。一覧から選んでください。",
        $"{label.English} \"{Quote(text)}\" is not one of the choices: pick one from the list.");

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
