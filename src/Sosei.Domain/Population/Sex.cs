namespace Sosei.Domain.Population;

/// <summary>
/// Sex of a population count (男女). Totals for both sexes (総数) are never stored: they are computed from the two.
/// </summary>
public enum Sex
{
    /// <summary>男 / 男性.</summary>
    Male = 0,

    /// <summary>女 / 女性.</summary>
    Female = 1,
}

/// <summary>Parsing and Japanese names of <see cref="Sex"/>.</summary>
public static class Sexes
{
    /// <summary>Both sexes, male first: the order of every table Sosei produces.</summary>
    public static IReadOnlyList<Sex> All { get; } = [Sex.Male, Sex.Female];

    /// <summary>男 / 女.</summary>
    public static string ToJapanese(this Sex sex) => sex switch
    {
        Sex.Male => "男",
        Sex.Female => "女",
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "Unknown sex."),
    };

    /// <summary>
    /// Reads the codes used in statistics files: <c>M</c>, <c>F</c>, <c>male</c>, <c>female</c>, <c>男</c>, <c>女</c>,
    /// <c>男性</c>, <c>女性</c> (case-insensitive, surrounding blanks ignored). A both-sexes code (<c>T</c>, <c>総数</c>)
    /// is not a sex and is rejected.
    /// </summary>
    /// <exception cref="FormatException">The text is not one of the codes above; the message quotes it.</exception>
    public static Sex Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var sex))
        {
            return sex;
        }

        throw new FormatException($"'{text}' is not a sex: expected M/F, male/female, 男/女 or 男性/女性.");
    }

    /// <summary>Like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? text, out Sex sex)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "M" or "MALE" or "男" or "男性":
                sex = Sex.Male;
                return true;
            case "F" or "FEMALE" or "女" or "女性":
                sex = Sex.Female;
                return true;
            default:
                sex = default;
                return false;
        }
    }
}
