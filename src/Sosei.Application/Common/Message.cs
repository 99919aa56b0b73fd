using System.Globalization;

namespace Sosei.Application.Common;

/// <summary>
/// A message shown to users, in Japanese and in English. Both halves are required and are written where the message
/// is made; the page, report or command picks the half of its UI language with <see cref="In(CultureInfo)"/>. Nothing
/// joins the halves into one string to split later.
/// </summary>
public sealed record Message
{
    /// <summary>Creates a message.</summary>
    /// <param name="japanese">The Japanese text (the language of the municipalities' documents).</param>
    /// <param name="english">The English text.</param>
    public Message(string japanese, string english)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(japanese);
        ArgumentException.ThrowIfNullOrWhiteSpace(english);
        Japanese = japanese;
        English = english;
    }

    /// <summary>The Japanese text.</summary>
    public string Japanese { get; }

    /// <summary>The English text.</summary>
    public string English { get; }

    /// <summary>The Japanese UI culture (ja-JP), for callers that always show Japanese (the CLI, logs).</summary>
    public static CultureInfo JapaneseUi { get; } = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>Whether a culture shows the English half (any English culture; everything else shows Japanese).</summary>
    public static bool IsEnglish(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en";
    }

    /// <summary>The half for a UI culture: English for an English culture, Japanese otherwise.</summary>
    public string In(CultureInfo culture) => IsEnglish(culture) ? English : Japanese;

    /// <summary>This message with text put before both halves (a field name, a quoted text).</summary>
    public Message After(string japanesePrefix, string englishPrefix) => new(japanesePrefix + Japanese, englishPrefix + English);

    /// <summary>This message followed by another (both halves joined by a space).</summary>
    public Message Then(Message next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new(Japanese + " " + next.Japanese, English + " " + next.English);
    }

    /// <summary>Debugging text only; use <see cref="In(CultureInfo)"/>, <see cref="Japanese"/> or <see cref="English"/>.</summary>
    public override string ToString() => $"Message {{ Japanese = {Japanese}, English = {English} }}";
}
