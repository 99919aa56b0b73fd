using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sosei.Domain.Population;

/// <summary>
/// A 5-year age group (年齢5歳階級): either closed, <c>x</c> to <c>x+4</c> years (<c>0-4</c>, <c>85-89</c>), or open,
/// <c>x</c> years and over (<c>90+</c>, 90歳以上). Starts are multiples of 5 from 0 to <see cref="MaxStart"/>.
/// The standard scheme of Sosei (and of the institute's municipal projections) is 0–4 … 85–89 and 90+
/// (<see cref="Standard"/>); other schemes end at another open group (<see cref="FiveYearGroups"/>), e.g. 80+ in
/// textbook examples or 85+ in older tables. <c>default(AgeGroup)</c> is 0–4.
/// </summary>
public readonly partial record struct AgeGroup : IComparable<AgeGroup>
{
    /// <summary>Width of a closed group in years.</summary>
    public const int Width = 5;

    /// <summary>Largest start of a group (100歳以上 and 105+ … 120+ are accepted; nothing beyond).</summary>
    public const int MaxStart = 120;

    /// <summary>Start of the open group of the standard scheme: 90+ (90歳以上).</summary>
    public const int StandardOpenAgeStart = 90;

    private AgeGroup(int start, bool isOpen)
    {
        Start = start;
        IsOpen = isOpen;
    }

    /// <summary>First age of the group in completed years (0, 5, … 120).</summary>
    public int Start { get; }

    /// <summary>Whether the group is open-ended (<c>90+</c>).</summary>
    public bool IsOpen { get; }

    /// <summary>Last age of a closed group (Start + 4); null for an open group.</summary>
    public int? End => IsOpen ? null : Start + Width - 1;

    /// <summary>The standard groups 0–4, 5–9, … 85–89, 90+ (19 groups), in age order.</summary>
    public static IReadOnlyList<AgeGroup> Standard { get; } = FiveYearGroups(StandardOpenAgeStart);

    /// <summary>The closed group <paramref name="start"/> to <paramref name="start"/>+4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The start is negative, above <see cref="MaxStart"/> or not a multiple of 5.</exception>
    public static AgeGroup Closed(int start) => new(CheckStart(start), isOpen: false);

    /// <summary>The open group <paramref name="start"/> and over.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The start is negative, above <see cref="MaxStart"/> or not a multiple of 5.</exception>
    public static AgeGroup OpenFrom(int start) => new(CheckStart(start), isOpen: true);

    /// <summary>
    /// The closed 5-year groups from 0–4 up to the one before <paramref name="openAgeStart"/>, then the open group
    /// <paramref name="openAgeStart"/>+ — a complete age scheme of <c>openAgeStart / 5 + 1</c> groups in age order.
    /// </summary>
    public static IReadOnlyList<AgeGroup> FiveYearGroups(int openAgeStart)
    {
        CheckStart(openAgeStart);
        var groups = new AgeGroup[(openAgeStart / Width) + 1];
        for (var i = 0; i < groups.Length - 1; i++)
        {
            groups[i] = new AgeGroup(i * Width, isOpen: false);
        }

        groups[^1] = new AgeGroup(openAgeStart, isOpen: true);
        return Array.AsReadOnly(groups);
    }

    /// <summary>Whether a person of <paramref name="age"/> completed years belongs to the group.</summary>
    public bool Contains(int age) => age >= Start && (IsOpen || age <= Start + Width - 1);

    /// <summary>
    /// Reads an age group as written in statistics tables: <c>0-4</c>, <c>5~9</c>, <c>0～4歳</c>, <c>0〜4歳</c>,
    /// full-width digits (<c>０～４歳</c>), and open groups <c>90+</c>, <c>90歳以上</c>, <c>85歳以上</c>,
    /// <c>100歳以上</c>, <c>90～</c>. Blanks around the text are ignored.
    /// </summary>
    /// <exception cref="FormatException">
    /// The text is not an age group, or not a 5-year one (<c>0-9</c>, <c>3-7</c>); the message quotes the text.
    /// </exception>
    public static AgeGroup Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var group, out var problem))
        {
            return group;
        }

        throw new FormatException($"'{text}' is not a 5-year age group: {problem}");
    }

    /// <summary>Like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? text, out AgeGroup group) => TryParse(text, out group, out _);

    private static bool TryParse(string? text, out AgeGroup group, out string problem)
    {
        group = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "the text is empty.";
            return false;
        }

        // NFKC turns full-width digits, ～ and － into ASCII; the wave dash 〜 (U+301C) is handled by the pattern.
        var normalized = text.Normalize(NormalizationForm.FormKC).Trim();
        var closed = ClosedPattern().Match(normalized);
        if (closed.Success)
        {
            var start = int.Parse(closed.Groups["start"].Value, CultureInfo.InvariantCulture);
            var end = int.Parse(closed.Groups["end"].Value, CultureInfo.InvariantCulture);
            if (start % Width != 0 || start > MaxStart || end != start + Width - 1)
            {
                problem = $"expected 5-year groups such as 0-4 … 85-89 (start a multiple of 5, at most {MaxStart}).";
                return false;
            }

            group = new AgeGroup(start, isOpen: false);
            problem = "";
            return true;
        }

        var open = OpenPattern().Match(normalized);
        if (open.Success)
        {
            var start = int.Parse(open.Groups["start"].Value, CultureInfo.InvariantCulture);
            if (start % Width != 0 || start > MaxStart)
            {
                problem = $"an open group must start at a multiple of 5 no greater than {MaxStart} (90+, 85歳以上).";
                return false;
            }

            group = new AgeGroup(start, isOpen: true);
            problem = "";
            return true;
        }

        problem = "expected forms such as 0-4, 0～4歳, 90+ or 85歳以上.";
        return false;
    }

    /// <summary><c>0-4</c> or <c>90+</c>: the form of Sosei's data files.</summary>
    public override string ToString() => IsOpen
        ? string.Create(CultureInfo.InvariantCulture, $"{Start}+")
        : string.Create(CultureInfo.InvariantCulture, $"{Start}-{Start + Width - 1}");

    /// <summary><c>0～4歳</c> or <c>90歳以上</c>: the Japanese display form.</summary>
    public string ToJapanese() => IsOpen
        ? string.Create(CultureInfo.InvariantCulture, $"{Start}歳以上")
        : string.Create(CultureInfo.InvariantCulture, $"{Start}～{Start + Width - 1}歳");

    /// <summary>Orders by start age; at the same start a closed group comes before the open one.</summary>
    public int CompareTo(AgeGroup other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : IsOpen.CompareTo(other.IsOpen);
    }

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator <(AgeGroup left, AgeGroup right) => left.CompareTo(right) < 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator >(AgeGroup left, AgeGroup right) => left.CompareTo(right) > 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator <=(AgeGroup left, AgeGroup right) => left.CompareTo(right) <= 0;

    /// <summary>Compares by <see cref="CompareTo"/>.</summary>
    public static bool operator >=(AgeGroup left, AgeGroup right) => left.CompareTo(right) >= 0;

    private static int CheckStart(int start) =>
        start is >= 0 and <= MaxStart && start % Width == 0
            ? start
            : throw new ArgumentOutOfRangeException(
                nameof(start), start, $"An age group starts at a multiple of 5 from 0 to {MaxStart}.");

    [GeneratedRegex(@"^(?<start>[0-9]{1,3})\s*歳?\s*[-~〜–—―]\s*(?<end>[0-9]{1,3})\s*歳?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedPattern();

    [GeneratedRegex(@"^(?<start>[0-9]{1,3})\s*(?:歳以上|以上|歳\s*[-~〜]|\+|[-~〜])$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenPattern();
}
