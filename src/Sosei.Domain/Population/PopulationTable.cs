using System.Globalization;

namespace Sosei.Domain.Population;

/// <summary>One count of a population table: persons of one sex in one age group.</summary>
/// <param name="Sex">男 or 女.</param>
/// <param name="AgeGroup">A 5-year group, closed or open.</param>
/// <param name="Count">Persons (may be fractional for projections). Tables reject negative counts; a net migration
/// adjustment (<see cref="ProjectionStep.NetMigrationAdjustments"/>) may be negative.</param>
public readonly record struct PopulationCount(Sex Sex, AgeGroup AgeGroup, decimal Count);

/// <summary>
/// One row of a population table laid out for tabulation (CSV, web tables, the CLI): the counts of each sex and
/// both sexes, by age group, then 年齢不詳 (only when the table has some) and the total of all ages.
/// </summary>
/// <param name="Year">Year of the population (1 October for census and projections).</param>
/// <param name="Sex">Sex, or null for both sexes (総数).</param>
/// <param name="AgeGroup">Age group, or null for 年齢不詳 (<paramref name="IsUnknownAge"/>) or the total of all ages.</param>
/// <param name="IsUnknownAge">Whether the row is 年齢不詳.</param>
/// <param name="Count">Persons, unrounded.</param>
public sealed record PopulationRow(int Year, Sex? Sex, AgeGroup? AgeGroup, bool IsUnknownAge, decimal Count)
{
    /// <summary><c>M</c>, <c>F</c> or <c>T</c> (both), as in Sosei's data files.</summary>
    public string SexCode => Sex switch
    {
        Population.Sex.Male => "M",
        Population.Sex.Female => "F",
        _ => "T",
    };

    /// <summary><c>0-4</c> … <c>90+</c>, <c>unknown</c> or <c>total</c>, as in Sosei's data files.</summary>
    public string AgeCode => AgeGroup?.ToString() ?? (IsUnknownAge ? "unknown" : "total");
}

/// <summary>
/// Population of one area in one year by sex × 5-year age group (0–4 … up to an open group, 90+ by default), with
/// optional 年齢不詳 (unknown age) per sex. Immutable. Counts are persons as <see cref="decimal"/>.
/// </summary>
/// <remarks>
/// <para>
/// Counts are decimal, not double: populations are compared with printed integer figures and targets, and the rest
/// of the domain keeps measured values in decimal. Every count is stored rounded to <see cref="CountDecimals"/>
/// decimal places (a ten-billionth of a person) and is at most <see cref="MaxCount"/>, so every sum in this type and
/// every difference between tables is exact: totals equal the sum of their parts, and decompositions add up to the
/// last digit. Projections produce fractional persons; round only for display (<see cref="ThreeAgeGroups.Rounded"/>).
/// </para>
/// <para>Open group: the last group of <see cref="AgeGroups"/>, starting at <see cref="OpenAgeStart"/> (65 to 120).</para>
/// </remarks>
public sealed class PopulationTable
{
    /// <summary>Decimal places kept for each count (1e-10 person).</summary>
    public const int CountDecimals = 10;

    /// <summary>Largest count accepted for one cell (a trillion persons): anything larger is a data error.</summary>
    public const decimal MaxCount = 1_000_000_000_000m;

    private const int MinOpenAgeStart = 65;

    private readonly decimal[] _male;
    private readonly decimal[] _female;

    private PopulationTable(string areaCode, int year, decimal[] male, decimal[] female, decimal unknownMale, decimal unknownFemale)
    {
        AreaCode = areaCode;
        Year = year;
        _male = male;
        _female = female;
        UnknownMale = unknownMale;
        UnknownFemale = unknownFemale;
        OpenAgeStart = (male.Length - 1) * AgeGroup.Width;
        AgeGroups = OpenAgeStart == AgeGroup.StandardOpenAgeStart ? AgeGroup.Standard : AgeGroup.FiveYearGroups(OpenAgeStart);
    }

    /// <summary>Area code (全国地方公共団体コード without check digit, e.g. <c>01223</c> 根室市, <c>00000</c> 全国), or any label.</summary>
    public string AreaCode { get; }

    /// <summary>Year of the population (1 October for census and institute projections).</summary>
    public int Year { get; }

    /// <summary>Start of the open age group (90 for the standard scheme).</summary>
    public int OpenAgeStart { get; }

    /// <summary>The age groups of this table, in age order, the last one open.</summary>
    public IReadOnlyList<AgeGroup> AgeGroups { get; }

    /// <summary>Persons of one sex in one age group.</summary>
    /// <exception cref="ArgumentException">The group is not one of <see cref="AgeGroups"/>; the message names it.</exception>
    public decimal this[Sex sex, AgeGroup ageGroup] => Of(sex)[IndexOf(ageGroup)];

    /// <summary>Counts of one sex by age group, in the order of <see cref="AgeGroups"/>.</summary>
    public IReadOnlyList<decimal> Counts(Sex sex) => Array.AsReadOnly(Of(sex));

    /// <summary>年齢不詳 of one sex (0 when none, and after <see cref="AllocateUnknownAge"/>).</summary>
    public decimal UnknownAge(Sex sex) => sex == Sex.Male ? UnknownMale : UnknownFemale;

    /// <summary>Whether any person is of unknown age.</summary>
    public bool HasUnknownAge => UnknownMale != 0 || UnknownFemale != 0;

    /// <summary>All persons, both sexes, including 年齢不詳.</summary>
    public decimal Total => TotalOf(Sex.Male) + TotalOf(Sex.Female);

    /// <summary>All persons of one sex, including 年齢不詳.</summary>
    public decimal TotalOf(Sex sex) => Of(sex).Sum() + UnknownAge(sex);

    /// <summary>Persons of both sexes in one age group.</summary>
    public decimal TotalOf(AgeGroup ageGroup) => this[Sex.Male, ageGroup] + this[Sex.Female, ageGroup];

    /// <summary>
    /// Persons aged <paramref name="fromAge"/> to <paramref name="toAge"/> (inclusive; null = to the open group),
    /// of one sex or both (null). The bounds must fall on group limits: 20–39 is fine, 18–39 is not.
    /// Example: <c>CountInAges(Sex.Female, 20, 39)</c> is the 20～39歳女性人口 of the plans.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The bounds do not fall on group limits of this table.</exception>
    public decimal CountInAges(Sex? sex, int fromAge, int? toAge)
    {
        var (first, last) = GroupRange(fromAge, toAge);
        var sum = 0m;
        for (var i = first; i <= last; i++)
        {
            sum += sex is null ? _male[i] + _female[i] : Of(sex.Value)[i];
        }

        return sum;
    }

    /// <summary>Women aged 15–49 (15～49歳女性人口), the denominator of the child-woman ratio.</summary>
    public decimal WomenOfChildbearingAge => CountInAges(Sex.Female, 15, 49);

    /// <summary>Children aged 0–4 of both sexes.</summary>
    public decimal ChildrenUnderFive => _male[0] + _female[0];

    /// <summary>
    /// 子ども女性比 (child-woman ratio): children 0–4 of both sexes per woman aged 15–49 (about 0.2 in Japan).
    /// </summary>
    /// <exception cref="InvalidOperationException">There are no women aged 15–49, so the ratio is undefined.</exception>
    public decimal ChildWomanRatio
    {
        get
        {
            var women = WomenOfChildbearingAge;
            return women == 0
                ? throw new InvalidOperationException(
                    $"{Describe()} has no women aged 15–49: its child-woman ratio is undefined.")
                : ChildrenUnderFive / women;
        }
    }

    /// <summary>Boys' share of children aged 0–4 (0–1; about 0.513 for 105 boys per 100 girls).</summary>
    /// <exception cref="InvalidOperationException">There are no children aged 0–4, so the share is undefined.</exception>
    public decimal MaleShareOfChildrenUnderFive
    {
        get
        {
            var children = ChildrenUnderFive;
            return children == 0
                ? throw new InvalidOperationException(
                    $"{Describe()} has no children aged 0–4: their sex ratio is undefined.")
                : _male[0] / children;
        }
    }

    /// <summary>The population by the three age groups (年齢3区分), with the total including 年齢不詳.</summary>
    public ThreeAgeGroups ThreeAgeGroups => new(
        Total,
        CountInAges(null, 0, 14),
        CountInAges(null, 15, 64),
        CountInAges(null, 65, null));

    /// <summary>
    /// Distributes 年齢不詳 of each sex over the age groups of that sex in proportion to their counts (按分), the
    /// usual way to prepare a census table as a projection's jump-off. Totals per sex are preserved exactly (the
    /// last 1e-10 of rounding goes to the largest group). A table without unknown ages is returned unchanged.
    /// </summary>
    /// <remarks>
    /// The institute's 2015 jump-off population (平成30年推計) has the same totals per sex as the census but does not
    /// distribute exactly pro rata (it differs by up to 13 persons in a group for the six municipalities shipped).
    /// </remarks>
    /// <exception cref="InvalidOperationException">A sex has unknown ages but no persons of known age.</exception>
    public PopulationTable AllocateUnknownAge()
    {
        if (!HasUnknownAge)
        {
            return this;
        }

        return new PopulationTable(
            AreaCode, Year, Allocate(Sex.Male), Allocate(Sex.Female), unknownMale: 0, unknownFemale: 0);
    }

    /// <summary>
    /// The table as rows for tabulation: for male, female and both sexes, each age group, then 年齢不詳 (only if
    /// the table has unknown ages), then the total.
    /// </summary>
    public IEnumerable<PopulationRow> Rows()
    {
        foreach (var sex in new Sex?[] { Sex.Male, Sex.Female, null })
        {
            for (var i = 0; i < AgeGroups.Count; i++)
            {
                var count = sex is null ? _male[i] + _female[i] : Of(sex.Value)[i];
                yield return new PopulationRow(Year, sex, AgeGroups[i], IsUnknownAge: false, count);
            }

            if (HasUnknownAge)
            {
                var unknown = sex is null ? UnknownMale + UnknownFemale : UnknownAge(sex.Value);
                yield return new PopulationRow(Year, sex, AgeGroup: null, IsUnknownAge: true, unknown);
            }

            var total = sex is null ? Total : TotalOf(sex.Value);
            yield return new PopulationRow(Year, sex, AgeGroup: null, IsUnknownAge: false, total);
        }
    }

    /// <summary>
    /// Creates a table from counts by age group in age order; the number of groups fixes the open group
    /// (19 groups: 0–4 … 85–89, 90+). Counts are rounded to <see cref="CountDecimals"/> places.
    /// </summary>
    /// <param name="areaCode">Area code or label; not blank.</param>
    /// <param name="year">Year, 1800–2200.</param>
    /// <param name="male">Male counts 0–4 … open group.</param>
    /// <param name="female">Female counts, same groups.</param>
    /// <param name="unknownMale">Male 年齢不詳.</param>
    /// <param name="unknownFemale">Female 年齢不詳.</param>
    /// <exception cref="ArgumentException">
    /// Lengths differ or give an open group outside 65–120, or a count is negative or above <see cref="MaxCount"/>;
    /// the message names the sex, the age group and the value.
    /// </exception>
    public static PopulationTable Create(
        string areaCode,
        int year,
        IReadOnlyList<decimal> male,
        IReadOnlyList<decimal> female,
        decimal unknownMale = 0,
        decimal unknownFemale = 0)
    {
        ArgumentNullException.ThrowIfNull(male);
        ArgumentNullException.ThrowIfNull(female);
        areaCode = CheckAreaCode(areaCode);
        year = CheckYear(year);
        if (male.Count != female.Count)
        {
            throw new ArgumentException(
                $"{areaCode} {year}: {male.Count} male counts but {female.Count} female counts; both sexes need the same age groups.",
                nameof(female));
        }

        var openAgeStart = (male.Count - 1) * AgeGroup.Width;
        if (openAgeStart is < MinOpenAgeStart or > AgeGroup.MaxStart)
        {
            throw new ArgumentException(
                $"{areaCode} {year}: {male.Count} age groups; a table needs 0–4 … up to an open group starting between {MinOpenAgeStart} and {AgeGroup.MaxStart} (14 to 25 groups).",
                nameof(male));
        }

        var groups = AgeGroup.FiveYearGroups(openAgeStart);
        return new PopulationTable(
            areaCode,
            year,
            CheckCounts(areaCode, year, Sex.Male, male, groups),
            CheckCounts(areaCode, year, Sex.Female, female, groups),
            CheckCount(areaCode, year, Sex.Male, "年齢不詳", unknownMale),
            CheckCount(areaCode, year, Sex.Female, "年齢不詳", unknownFemale));
    }

    /// <summary>
    /// Creates a table from counts given per sex and age group in any order, folding every group at or above
    /// <paramref name="openAgeStart"/> into the open group (90–94, 95–99 and 100歳以上 become 90+).
    /// Each sex needs every group below the open one exactly once, and its older groups must reach an open group
    /// without gaps. An open group starting below <paramref name="openAgeStart"/> (85歳以上 for a 90+ table) cannot
    /// be split and is rejected.
    /// </summary>
    /// <exception cref="ArgumentException">A group is missing, repeated or cannot be folded; the message names it.</exception>
    public static PopulationTable FromCounts(
        string areaCode,
        int year,
        IEnumerable<PopulationCount> counts,
        int openAgeStart = AgeGroup.StandardOpenAgeStart,
        decimal unknownMale = 0,
        decimal unknownFemale = 0)
    {
        ArgumentNullException.ThrowIfNull(counts);
        areaCode = CheckAreaCode(areaCode);
        year = CheckYear(year);
        if (openAgeStart is < MinOpenAgeStart or > AgeGroup.MaxStart || openAgeStart % AgeGroup.Width != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(openAgeStart), openAgeStart, $"The open group must start at a multiple of 5 from {MinOpenAgeStart} to {AgeGroup.MaxStart}.");
        }

        var groups = AgeGroup.FiveYearGroups(openAgeStart);
        var bySex = counts.ToLookup(c => c.Sex);
        decimal[] Fold(Sex sex)
        {
            var values = new decimal[groups.Count];
            var seen = new HashSet<AgeGroup>();
            AgeGroup? topOpen = null;
            foreach (var count in bySex[sex])
            {
                var group = count.AgeGroup;
                if (!seen.Add(group))
                {
                    throw new PopulationTableException(
                        $"{areaCode} {year} {sex.ToJapanese()}: 年齢階級 {group.ToJapanese()} が二度あります",
                        $"{areaCode} {year} {sex.ToJapanese()}: age group {group} appears twice.");
                }

                if (group.IsOpen && group.Start < openAgeStart)
                {
                    throw new PopulationTableException(
                        $"{areaCode} {year} {sex.ToJapanese()}: {group.ToJapanese()} は {openAgeStart}歳以上でまとめる表の階級に分けられません",
                        $"{areaCode} {year} {sex.ToJapanese()}: the open group {group.ToJapanese()} cannot be split into the groups of a table open at {openAgeStart}+.");
                }

                if (group.IsOpen)
                {
                    if (topOpen is not null)
                    {
                        throw new PopulationTableException(
                            $"{areaCode} {year} {sex.ToJapanese()}: 「以上」の階級が二つあります（{topOpen} と {group}）",
                            $"{areaCode} {year} {sex.ToJapanese()}: two open groups ({topOpen} and {group}).");
                    }

                    topOpen = group;
                }

                var index = Math.Min(group.Start, openAgeStart) / AgeGroup.Width;
                values[index] += CheckCount(areaCode, year, sex, group.ToString(), count.Count);
            }

            if (topOpen is null)
            {
                throw new PopulationTableException(
                    $"{areaCode} {year} {sex.ToJapanese()}: 「以上」の階級（{openAgeStart}+ や 100歳以上 など）がなく、最も高い年齢が抜けます",
                    $"{areaCode} {year} {sex.ToJapanese()}: no open age group (such as {openAgeStart}+ or 100歳以上); the oldest ages would be missing.");
            }

            var expected = groups.Take(groups.Count - 1)
                .Concat(Enumerable.Range(openAgeStart / AgeGroup.Width, (topOpen.Value.Start - openAgeStart) / AgeGroup.Width)
                    .Select(i => AgeGroup.Closed(i * AgeGroup.Width)))
                .Append(topOpen.Value);
            var missing = expected.Where(g => !seen.Contains(g)).ToList();
            var extra = seen.Where(g => !g.IsOpen && g.Start >= topOpen.Value.Start).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                var (japanese, english) = missing.Count > 0
                    ? ("次の年齢階級がありません: " + string.Join("、", missing), "missing " + string.Join(", ", missing))
                    : ($"「以上」の階級 {topOpen} より上の階級があります: " + string.Join("、", extra), "groups above the open group " + topOpen + ": " + string.Join(", ", extra));
                throw new PopulationTableException($"{areaCode} {year} {sex.ToJapanese()}: {japanese}", $"{areaCode} {year} {sex.ToJapanese()}: {english}.");
            }

            return values;
        }

        return Create(areaCode, year, Fold(Sex.Male), Fold(Sex.Female), unknownMale, unknownFemale);
    }

    /// <inheritdoc />
    public override string ToString() => Describe();

    internal decimal UnknownMale { get; }

    internal decimal UnknownFemale { get; }

    internal decimal[] Of(Sex sex) => sex switch
    {
        Sex.Male => _male,
        Sex.Female => _female,
        _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "Unknown sex."),
    };

    internal int IndexOf(AgeGroup ageGroup)
    {
        var index = ageGroup.Start / AgeGroup.Width;
        if (index < AgeGroups.Count && AgeGroups[index] == ageGroup)
        {
            return index;
        }

        throw new ArgumentException(
            $"Age group {ageGroup} is not one of the groups of {Describe()} (0-4 … {OpenAgeStart}+).", nameof(ageGroup));
    }

    internal static decimal RoundCount(decimal value) => Math.Round(value, CountDecimals, MidpointRounding.ToEven);

    private string Describe() => string.Create(CultureInfo.InvariantCulture, $"population table {AreaCode} {Year}");

    private (int First, int Last) GroupRange(int fromAge, int? toAge)
    {
        var first = fromAge / AgeGroup.Width;
        var valid = fromAge >= 0 && fromAge % AgeGroup.Width == 0 && first < AgeGroups.Count;
        int last;
        if (toAge is null)
        {
            last = AgeGroups.Count - 1;
        }
        else
        {
            last = (toAge.Value + 1) / AgeGroup.Width - 1;
            valid &= (toAge.Value + 1) % AgeGroup.Width == 0 && last < AgeGroups.Count - 1 && last >= first;
        }

        return valid
            ? (first, last)
            : throw new ArgumentOutOfRangeException(
                nameof(fromAge),
                string.Create(CultureInfo.InvariantCulture, $"Ages {fromAge}–{toAge?.ToString(CultureInfo.InvariantCulture) ?? ""} do not fall on the group limits of {Describe()} (0-4 … {OpenAgeStart}+)."));
    }

    private decimal[] Allocate(Sex sex)
    {
        var counts = Of(sex);
        var unknown = UnknownAge(sex);
        if (unknown == 0)
        {
            return counts;
        }

        var known = counts.Sum();
        if (known == 0)
        {
            throw new InvalidOperationException(
                $"{Describe()}: {unknown} {sex.ToJapanese()} of unknown age but none of known age; there is nothing to allocate them to.");
        }

        var allocated = new decimal[counts.Length];
        var largest = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            allocated[i] = counts[i] + RoundCount(unknown * counts[i] / known);
            if (counts[i] > counts[largest])
            {
                largest = i;
            }
        }

        allocated[largest] += known + unknown - allocated.Sum();
        return allocated;
    }

    private static decimal[] CheckCounts(string areaCode, int year, Sex sex, IReadOnlyList<decimal> values, IReadOnlyList<AgeGroup> groups)
    {
        var result = new decimal[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            result[i] = CheckCount(areaCode, year, sex, groups[i].ToString(), values[i]);
        }

        return result;
    }

    private static decimal CheckCount(string areaCode, int year, Sex sex, string group, decimal value) =>
        value is >= 0 and <= MaxCount
            ? RoundCount(value)
            : throw new PopulationTableException(
                string.Create(CultureInfo.InvariantCulture, $"{areaCode} {year} {sex.ToJapanese()} {group}: {value} は人数になりません（0 から {MaxCount:0} まで）"),
                string.Create(CultureInfo.InvariantCulture, $"{areaCode} {year} {sex.ToJapanese()} {group}: {value} is not a population count (0 to {MaxCount:0})."));

    private static string CheckAreaCode(string areaCode) =>
        string.IsNullOrWhiteSpace(areaCode)
            ? throw new ArgumentException("A population table needs an area code or label.", nameof(areaCode))
            : areaCode.Trim();

    private static int CheckYear(int year) =>
        year is >= 1800 and <= 2200
            ? year
            : throw new ArgumentOutOfRangeException(nameof(year), year, "A population year must be between 1800 and 2200.");
}
