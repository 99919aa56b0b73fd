using System.Globalization;

namespace Sosei.Application.Common;

/// <summary>
/// The caps of a problem list, in one place for plan files, workbooks, CSV and population files and the import job
/// page: at most <see cref="MaxProblems"/> problems are kept (then one line says how many more there are), and a
/// quoted text longer than <see cref="MaxQuoted"/> characters is cut, saying its full length. A refused file then gives
/// a page of a few hundred kilobytes at most, whatever it holds.
/// </summary>
public static class ProblemList
{
    /// <summary>Problems kept; the rest are counted on one line.</summary>
    public const int MaxProblems = 200;

    /// <summary>Characters of an offending text quoted in a problem.</summary>
    public const int MaxQuoted = 80;

    // A text up to this long is quoted whole; a longer one is cut to MaxQuoted and the suffix (at most ~25 characters),
    // so cutting a cut text again leaves it as it is (results are stored and read back).
    private const int QuotedWhole = MaxQuoted + 40;

    /// <summary>The text as a problem quotes it: whole up to about <see cref="MaxQuoted"/> characters, otherwise its
    /// first <see cref="MaxQuoted"/> characters and "…（全 100,000 文字）".</summary>
    public static string? Quote(string? text)
    {
        if (text is null || text.Length <= QuotedWhole)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted;
        return string.Concat(text.AsSpan(0, cut), "…（全 ", text.Length.ToString("N0", CultureInfo.InvariantCulture), " 文字）");
    }

    /// <summary>A message with each half cut to a few hundred characters (a parser's message may quote part of a text).</summary>
    public static Message Shortened(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        const int max = 1000;
        return message.Japanese.Length <= max && message.English.Length <= max ? message
            : new Message(Cut(message.Japanese, max), Cut(message.English, max));
    }

    /// <summary>
    /// The first <see cref="MaxProblems"/> problems and, when there are more, one made by <paramref name="more"/>
    /// from the message "ほか N 件の問題があります" / "N more problems". A list already capped is returned as it is.
    /// </summary>
    public static IReadOnlyList<T> Capped<T>(IReadOnlyList<T> problems, Func<Message, T> more)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(more);
        if (problems.Count <= MaxProblems + 1)
        {
            return problems;
        }

        var list = problems.Take(MaxProblems).ToList();
        list.Add(more(More(problems.Count - MaxProblems)));
        return list;
    }

    /// <summary>"ほか N 件の問題があります（最初の 200 件を表示しています）。" / "N more problems (the first 200 are listed)."</summary>
    public static Message More(int rest)
    {
        var n = rest.ToString("N0", CultureInfo.InvariantCulture);
        var shown = MaxProblems.ToString(CultureInfo.InvariantCulture);
        return new(
            $"ほか {n} 件の問題があります（最初の {shown} 件を表示しています）。上の問題を直してから、もう一度読み込んでください。",
            $"{n} more problems (the first {shown} are listed): fix the ones above and import again.");
    }

    /// <summary>Where the "N more" line is (the whole file).</summary>
    public static NamedPlace MorePlace { get; } = new(new Message("ほか", "more"));

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
