using Sosei.Domain.Kpis;

namespace Sosei.Domain.Achievement;

/// <summary>
/// A plan's grading scale: ordered bands with inclusive lower thresholds, best first, ending with one catch-all band,
/// plus a no-data band ("—") for KPIs without a rate. Immutable and validated on construction.
/// </summary>
/// <remarks>
/// By default a rate is graded as printed: rounded half away from zero to 0.1 % (<see cref="AchievementResult.RatePercentRounded"/>),
/// so that a KPI shown as "80.0%" is never graded "80%未満" (a rate of 0.79996 is "80%以上"). Pass
/// <c>gradeOnDisplayedRate: false</c> to grade on the full-precision rate.
/// </remarks>
public sealed class GradeScale
{
    private readonly Dictionary<string, Grade> byCode;

    /// <summary>Creates and validates a scale.</summary>
    /// <param name="name">Name of the scale, e.g. "80%以上/未満".</param>
    /// <param name="bands">Bands, best first: strictly descending thresholds, the last one the catch-all (MinRate null).</param>
    /// <param name="noDataBand">The band for KPIs without a rate; its MinRate must be null.</param>
    /// <param name="gradeOnDisplayedRate">Whether rates are rounded to 0.1 % before comparison (default true).</param>
    /// <param name="thresholds">Whether a rate at a threshold reaches the band (以上, the default) or must exceed it (超).</param>
    /// <exception cref="ArgumentException">
    /// No bands; a blank code; a code used twice (the no-data band included); thresholds not strictly descending; not
    /// exactly one catch-all band, or the catch-all not last; a no-data band with a threshold. The message names the band.
    /// </exception>
    public GradeScale(
        string name,
        IEnumerable<GradeBand> bands,
        GradeBand noDataBand,
        bool gradeOnDisplayedRate = true,
        ThresholdComparison thresholds = ThresholdComparison.Inclusive)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(noDataBand);
        var list = bands.ToList();
        Validate(name, list, noDataBand);

        Name = name;
        Bands = list.AsReadOnly();
        NoDataBand = noDataBand;
        GradeOnDisplayedRate = gradeOnDisplayedRate;
        if (!Enum.IsDefined(thresholds))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholds), thresholds, "Unknown threshold comparison.");
        }

        Thresholds = thresholds;
        var grades = list.Select((b, i) => new Grade(b, i, IsNoData: false)).ToList();
        NoData = new Grade(noDataBand, list.Count, IsNoData: true);
        grades.Add(NoData);
        Grades = grades.AsReadOnly();
        byCode = grades.ToDictionary(g => g.Code, StringComparer.Ordinal);
    }

    /// <summary>"80%以上" (≥ 80 %) / "80%未満" / "—": the table many municipalities publish.</summary>
    public static GradeScale TwoBand80 { get; } = new(
        "80%以上/80%未満",
        [new GradeBand("80%以上", "80%以上", 0.8m), new GradeBand("80%未満", "80%未満", null)],
        new GradeBand("—", "実績なし", null));

    /// <summary>A (≥ 100 %), B (≥ 80 %), C (≥ 50 %), D (below), — (no data).</summary>
    public static GradeScale Abcd { get; } = new(
        "A/B/C/D",
        [
            new GradeBand("A", "A (100%以上)", 1.0m),
            new GradeBand("B", "B (80%以上100%未満)", 0.8m),
            new GradeBand("C", "C (50%以上80%未満)", 0.5m),
            new GradeBand("D", "D (50%未満)", null),
        ],
        new GradeBand("—", "— (実績なし)", null));

    /// <summary>◎ (≥ 100 %), ○ (≥ 80 %), △ (≥ 50 %), × (below), — (no data).</summary>
    public static GradeScale Symbols { get; } = new(
        "◎/○/△/×",
        [
            new GradeBand("◎", "◎ (100%以上)", 1.0m),
            new GradeBand("○", "○ (80%以上100%未満)", 0.8m),
            new GradeBand("△", "△ (50%以上80%未満)", 0.5m),
            new GradeBand("×", "× (50%未満)", null),
        ],
        new GradeBand("—", "— (実績なし)", null));

    /// <summary>Name of the scale.</summary>
    public string Name { get; }

    /// <summary>The bands with a rate, best first; the last is the catch-all.</summary>
    public IReadOnlyList<GradeBand> Bands { get; }

    /// <summary>The band of KPIs without a rate.</summary>
    public GradeBand NoDataBand { get; }

    /// <summary>Whether rates are rounded to 0.1 % (half away from zero) before comparison with the thresholds.</summary>
    public bool GradeOnDisplayedRate { get; }

    /// <summary>Whether a rate at a band's threshold reaches it (<see cref="ThresholdComparison.Inclusive"/>, 以上) or must exceed it (<see cref="ThresholdComparison.Exclusive"/>, 超).</summary>
    public ThresholdComparison Thresholds { get; }

    /// <summary>The same bands compared with thresholds the given way; this scale when it already does.</summary>
    /// <param name="thresholds">以上 or 超.</param>
    public GradeScale WithThresholds(ThresholdComparison thresholds) =>
        thresholds == Thresholds ? this : new GradeScale(Name, Bands, NoDataBand, GradeOnDisplayedRate, thresholds);

    /// <summary>Every grade in scale order: the bands best first, then the no-data grade.</summary>
    public IReadOnlyList<Grade> Grades { get; }

    /// <summary>The no-data grade ("—").</summary>
    public Grade NoData { get; }

    /// <summary>The grade of an achievement result: the first band whose threshold the rate reaches (see <see cref="Thresholds"/>); the no-data grade without a rate.</summary>
    /// <param name="result">A result of <see cref="AchievementCalculator"/>.</param>
    public Grade Grade(AchievementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status == AchievementStatus.Computed ? ForRate(result.Rate) : NoData;
    }

    /// <summary>The grade of a rate (a ratio, 0.8 = 80 %); the no-data grade for null.</summary>
    /// <param name="rate">The rate, or null.</param>
    public Grade ForRate(decimal? rate)
    {
        if (rate is not { } r)
        {
            return NoData;
        }

        // Rates beyond ±1e20 are far from any threshold: rounding them could only overflow.
        var value = GradeOnDisplayedRate && Math.Abs(r) < 1e20m ? AchievementResult.RoundPercent(r) / 100m : r;
        for (var i = 0; i < Bands.Count; i++)
        {
            if (Bands[i].MinRate is not { } min || value > min || (value == min && Thresholds == ThresholdComparison.Inclusive))
            {
                return Grades[i];
            }
        }

        // Unreachable: validation guarantees a catch-all band.
        return Grades[Bands.Count - 1];
    }

    /// <summary>The grade with a code.</summary>
    /// <param name="code">A band code of this scale, the no-data code included.</param>
    /// <exception cref="ArgumentException">The scale has no such code (the message quotes it and lists the codes).</exception>
    public Grade FindByCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return byCode.TryGetValue(code, out var grade)
            ? grade
            : throw new ArgumentException(
                $"評価コード「{code}」は評価尺度「{Name}」にありません (使えるコード: {string.Join(", ", Grades.Select(g => g.Code))})。",
                nameof(code));
    }

    /// <summary>Looks a grade up by code.</summary>
    /// <param name="code">A band code.</param>
    /// <param name="grade">The grade, when found.</param>
    public bool TryFindByCode(string code, out Grade? grade)
    {
        ArgumentNullException.ThrowIfNull(code);
        var found = byCode.TryGetValue(code, out var g);
        grade = g;
        return found;
    }

    /// <summary>
    /// Grades a KPI with several series by its rule. Series without a rate are left out (reported by
    /// <see cref="SeriesGrade.IsPartial"/>); when none has one the grade is no data.
    /// <see cref="SeriesAggregation.All"/>: the worst series grade (every series must reach it).
    /// <see cref="SeriesAggregation.Any"/>: the best. <see cref="SeriesAggregation.Mean"/>: the grade of the mean rate.
    /// </summary>
    /// <param name="rule">The KPI's <see cref="KpiDefinition.SeriesAggregation"/>.</param>
    /// <param name="seriesResults">One result per series (see <see cref="AchievementCalculator.EvaluateEachSeries"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined rule.</exception>
    public SeriesGrade GradeSeries(SeriesAggregation rule, IEnumerable<AchievementResult> seriesResults)
    {
        ArgumentNullException.ThrowIfNull(seriesResults);
        if (!Enum.IsDefined(rule))
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown series aggregation rule.");
        }

        var all = seriesResults.ToList();
        if (all.Any(r => r is null))
        {
            throw new ArgumentException("The series results contain a null entry.", nameof(seriesResults));
        }

        var withRate = all.Where(r => r.Status == AchievementStatus.Computed && r.Rate.HasValue).ToList();
        if (withRate.Count == 0)
        {
            return new SeriesGrade(NoData, rule, null, 0, all.Count, false);
        }

        decimal rate;
        IEnumerable<AchievementResult> contributing;
        switch (rule)
        {
            case SeriesAggregation.All:
                rate = withRate.Min(r => r.Rate!.Value);
                contributing = withRate.Where(r => r.Rate == rate);
                break;
            case SeriesAggregation.Any:
                rate = withRate.Max(r => r.Rate!.Value);
                contributing = withRate.Where(r => r.Rate == rate);
                break;
            default:
                // Running mean: never overflows where a plain sum of large rates could.
                rate = 0m;
                var k = 0;
                foreach (var r in withRate)
                {
                    k++;
                    rate += (r.Rate!.Value - rate) / k;
                }

                contributing = withRate;
                break;
        }

        return new SeriesGrade(ForRate(rate), rule, rate, withRate.Count, all.Count, contributing.Any(r => r.IsProvisional));
    }

    /// <summary>Grades a result and applies an optional manual override given by code.</summary>
    /// <param name="result">The achievement result.</param>
    /// <param name="overrideCode">The code of the grade set by hand; null for none.</param>
    /// <param name="reason">Why; required with an override.</param>
    /// <exception cref="ArgumentException">An unknown override code, or an override without a reason.</exception>
    public GradeDecision Decide(AchievementResult result, string? overrideCode = null, string? reason = null) =>
        new(Grade(result), overrideCode is null ? null : FindByCode(overrideCode), reason);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>
    /// Checks bands the way the constructor does, without throwing: the first rule broken, or null when the bands make a
    /// valid scale. Forms and imports use it to put the message next to the band concerned.
    /// </summary>
    /// <param name="name">Name of the scale (quoted in the Japanese message).</param>
    /// <param name="bands">Bands, best first (see the constructor).</param>
    /// <param name="noDataBand">The band for KPIs without a rate.</param>
    public static GradeScaleProblem? Check(string name, IEnumerable<GradeBand?> bands, GradeBand? noDataBand)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bands);
        var list = bands.ToList();
        if (list.Count == 0)
        {
            return new(null, GradeScaleProblemKind.Bands, $"評価尺度「{name}」に評価区分がありません。", "the scale has no bands.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        decimal? previous = null;
        var catchAlls = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var n = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (list[i] is not { } band)
            {
                return new(null, GradeScaleProblemKind.Bands, $"評価尺度「{name}」の{n}番目の評価区分が null です。", $"band {n} is null.");
            }

            if (string.IsNullOrWhiteSpace(band.Code))
            {
                return new(null, GradeScaleProblemKind.Code, $"評価尺度「{name}」の{n}番目の評価区分のコードが空です。", $"the code of band {n} is blank.");
            }

            if (!codes.Add(band.Code))
            {
                return new(band.Code, GradeScaleProblemKind.Code, $"評価尺度「{name}」で評価コード「{band.Code}」が重複しています。", $"the band code \"{band.Code}\" is used twice.");
            }

            if (band.MinRate is { } min)
            {
                if (catchAlls > 0)
                {
                    return new(
                        band.Code,
                        GradeScaleProblemKind.MinRate,
                        $"評価尺度「{name}」の評価区分「{band.Code}」が「それ以外」の区分の後にあります: 「それ以外」は最後に置いてください。",
                        $"the band \"{band.Code}\" comes after the catch-all band (the band without a lower bound goes last).");
                }

                if (previous is { } p && min >= p)
                {
                    return new(
                        band.Code,
                        GradeScaleProblemKind.MinRate,
                        $"評価尺度「{name}」の評価区分「{band.Code}」の下限 {AchievementText.Percent(min)} が前の区分の下限 {AchievementText.Percent(p)} より小さくありません (下限は厳密に降順)。",
                        $"the lower bound {AchievementText.Percent(min)} of band \"{band.Code}\" is not below the previous band's {AchievementText.Percent(p)} (lower bounds strictly descend).");
                }

                previous = min;
            }
            else
            {
                catchAlls++;
                if (catchAlls > 1)
                {
                    return new(
                        band.Code,
                        GradeScaleProblemKind.MinRate,
                        $"評価尺度「{name}」に下限のない「それ以外」の評価区分が複数あります (「{band.Code}」): ちょうど1つにしてください。",
                        $"more than one band has no lower bound (\"{band.Code}\"): exactly one catch-all band is allowed.");
                }
            }
        }

        if (catchAlls == 0)
        {
            return new(
                null,
                GradeScaleProblemKind.Bands,
                $"評価尺度「{name}」に下限のない「それ以外」の評価区分がありません: 最後の区分の下限を null にしてください。",
                "no band without a lower bound: leave the last band's lower bound empty.");
        }

        if (noDataBand is null)
        {
            return new(null, GradeScaleProblemKind.NoDataBand, $"評価尺度「{name}」に実績なしの評価区分がありません。", "the scale has no no-data band.");
        }

        if (string.IsNullOrWhiteSpace(noDataBand.Code))
        {
            return new(null, GradeScaleProblemKind.NoDataBand, $"評価尺度「{name}」の実績なしの評価区分のコードが空です。", "the code of the no-data band is blank.");
        }

        if (!codes.Add(noDataBand.Code))
        {
            return new(
                noDataBand.Code,
                GradeScaleProblemKind.NoDataBand,
                $"評価尺度「{name}」で実績なしの評価コード「{noDataBand.Code}」が他の区分と重複しています。",
                $"the no-data band's code \"{noDataBand.Code}\" is also used by another band.");
        }

        if (noDataBand.MinRate is not null)
        {
            return new(
                noDataBand.Code,
                GradeScaleProblemKind.NoDataBand,
                $"評価尺度「{name}」の実績なしの評価区分「{noDataBand.Code}」に下限は設定できません。",
                $"the no-data band \"{noDataBand.Code}\" cannot have a lower bound.");
        }

        return null;
    }

    private static void Validate(string name, List<GradeBand> bands, GradeBand noDataBand)
    {
        if (Check(name, bands, noDataBand) is { } problem)
        {
            throw new ArgumentException(problem.JapaneseMessage, problem.Kind == GradeScaleProblemKind.NoDataBand ? nameof(noDataBand) : nameof(bands));
        }
    }
}

/// <summary>Which part of a grade scale a <see cref="GradeScaleProblem"/> is about.</summary>
public enum GradeScaleProblemKind
{
    /// <summary>The bands as a whole (none, or no catch-all band).</summary>
    Bands,

    /// <summary>A band's code (blank or used twice).</summary>
    Code,

    /// <summary>A band's lower bound (not descending, after the catch-all, a second catch-all).</summary>
    MinRate,

    /// <summary>The no-data band.</summary>
    NoDataBand,
}

/// <summary>The first rule of a grade scale that its bands break (see <see cref="GradeScale.Check"/>).</summary>
/// <param name="BandCode">The code of the band concerned; null when the problem is not about one named band.</param>
/// <param name="Kind">Which part of the scale is wrong.</param>
/// <param name="JapaneseMessage">What is wrong, in Japanese, naming the scale and the band.</param>
/// <param name="EnglishMessage">The same in English.</param>
public sealed record GradeScaleProblem(string? BandCode, GradeScaleProblemKind Kind, string JapaneseMessage, string EnglishMessage);
