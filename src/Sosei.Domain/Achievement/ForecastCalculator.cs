using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Domain.Achievement;

/// <summary>
/// Forecasts from the trend of the actuals whether a KPI will meet its target by the target year (docs/domain.md#forecast), in
/// the manner of the growth-rate method used for indicator reporting: the observed compound annual growth rate is
/// compared with the rate needed to reach the target. Pure and deterministic.
/// </summary>
/// <remarks>
/// <para><b>Points.</b> The latest actual up to the evaluated year is chosen as in <see cref="AchievementCalculator"/>
/// (no 参考値 by default, blanks ignored, latest period wins). The trend starts at the baseline when it has a value
/// and a year before the latest actual (<see cref="ForecastOptions.StartFromBaseline"/>), else at the first actual.
/// Years are fiscal years of the periods (the last period of a baseline range).</para>
/// <para><b>Trend.</b> With n years from start to latest and m years from latest to the target year:
/// compound growth g = (latest ÷ start)^(1/n) − 1, required r = (target ÷ latest)^(1/m) − 1, projection
/// latest × (1 + g)^m. CAGR is undefined when the start, the latest value or the target is 0 or negative (待機児童ゼロ,
/// differences from 全国平均, 社会増減): a straight line is used instead — g = (latest − start) ÷ n, r = (target − latest) ÷ m,
/// projection latest + g × m. Cumulative targets use the pace so far: g = sum ÷ years elapsed in the window,
/// r = (target − sum) ÷ years left, projection sum + g × years left. Change targets forecast the level
/// baseline + change.</para>
/// <para><b>Thresholds</b> (in the KPI's direction; lower-is-better compares with signs reversed; maintain reads as
/// "at least"): when the target is not met yet, <see cref="ForecastStatus.OnTrack"/> when g ≥ r,
/// <see cref="ForecastStatus.AtRisk"/> when g ≥ <see cref="ForecastOptions.AtRiskShare"/> × r (default half),
/// <see cref="ForecastStatus.OffTrack"/> otherwise (including a trend that goes the wrong way). When the target is met
/// now: on track when the projection stays at or better than the target, else at risk. When the latest actual is
/// at or after the target year: on track if met, off track if not.</para>
/// <para>Numbers too large for decimal give <see cref="ForecastStatus.InsufficientData"/> with the reason, never an exception.</para>
/// </remarks>
public static class ForecastCalculator
{
    /// <summary>Forecasts a KPI measured as one number (observations without a series code).</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="observations">Observed values in any order; values after the evaluated year are ignored.</param>
    /// <param name="evaluatedYear">The fiscal year of the evaluation.</param>
    /// <param name="options">Choices; null for <see cref="ForecastOptions.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ForecastOptions.AtRiskShare"/> not strictly between 0 and 1.</exception>
    public static KpiForecast Forecast(
        KpiDefinition kpi, IEnumerable<KpiObservation> observations, FiscalYear evaluatedYear, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return ForecastCore(kpi, null, observations, evaluatedYear, options);
    }

    /// <summary>Forecasts one series of a KPI, with the series' baseline and target where it has them.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="seriesCode">A series code of the KPI.</param>
    /// <param name="observations">Observed values of any series.</param>
    /// <param name="evaluatedYear">The fiscal year of the evaluation.</param>
    /// <param name="options">Choices; null for the defaults.</param>
    /// <exception cref="ArgumentException">The KPI has no series with that code (quoted in the message).</exception>
    public static KpiForecast ForecastSeries(
        KpiDefinition kpi, string seriesCode, IEnumerable<KpiObservation> observations, FiscalYear evaluatedYear, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(seriesCode);
        var series = kpi.Series.FirstOrDefault(s => string.Equals(s.Code, seriesCode, StringComparison.Ordinal))
            ?? throw new ArgumentException($"KPI「{kpi.Name}」に項目コード「{seriesCode}」の項目はありません。", nameof(seriesCode));
        return ForecastCore(kpi, series, observations, evaluatedYear, options);
    }

    /// <summary>
    /// Forecasts a KPI as a whole: one number as <see cref="Forecast"/>; with series, each series, combined by the KPI's
    /// sub-item rule (<see cref="KpiDefinition.SeriesAggregation"/>) as its grade is: all → the worst series' forecast,
    /// any → the best, mean → the status nearest the mean of 順調 = 0, 要注意 = 1, 遅れ = 2 (a half rounds to the worse).
    /// Series without a forecast are left out; when none has one, the first series' (insufficient) forecast is returned.
    /// The forecast returned is a series' own (its <see cref="KpiForecast.SeriesCode"/> set), with the combined status.
    /// </summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="observations">Observed values of any series.</param>
    /// <param name="evaluatedYear">The fiscal year of the evaluation.</param>
    /// <param name="options">Choices; null for the defaults.</param>
    public static KpiForecast ForecastBySeriesRule(
        KpiDefinition kpi, IEnumerable<KpiObservation> observations, FiscalYear evaluatedYear, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(observations);
        if (kpi.Series.Count == 0)
        {
            return Forecast(kpi, observations, evaluatedYear, options);
        }

        var list = observations.ToList();
        var all = kpi.Series.Select(s => ForecastCore(kpi, s, list, evaluatedYear, options)).ToList();
        var known = all.Where(f => f.Status != ForecastStatus.InsufficientData).ToList();
        if (known.Count == 0)
        {
            return all[0];
        }

        static int Rank(ForecastStatus s) => s switch { ForecastStatus.OnTrack => 0, ForecastStatus.AtRisk => 1, _ => 2 };
        int rank;
        switch (kpi.SeriesAggregation)
        {
            case SeriesAggregation.Any:
                rank = known.Min(f => Rank(f.Status));
                break;
            case SeriesAggregation.Mean:
                var mean = (decimal)known.Sum(f => Rank(f.Status)) / known.Count;
                rank = (int)Math.Round(mean, MidpointRounding.AwayFromZero);
                break;
            default:
                rank = known.Max(f => Rank(f.Status));
                break;
        }

        var status = rank switch { 0 => ForecastStatus.OnTrack, 1 => ForecastStatus.AtRisk, _ => ForecastStatus.OffTrack };
        return known.FirstOrDefault(f => f.Status == status)
            ?? known.OrderByDescending(f => Rank(f.Status)).First() with { Status = status };
    }

    private static KpiForecast ForecastCore(
        KpiDefinition kpi, KpiSeriesDefinition? series, IEnumerable<KpiObservation> observations, FiscalYear evaluatedYear, ForecastOptions? options)
    {
        ArgumentNullException.ThrowIfNull(observations);
        options ??= ForecastOptions.Default;
        if (options.AtRiskShare <= 0m || options.AtRiskShare >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AtRiskShare, "ForecastOptions.AtRiskShare must be between 0 and 1 (exclusive).");
        }

        var baseline = series?.Baseline ?? kpi.Baseline;
        var target = series?.Target ?? kpi.Target;
        var unit = series?.Unit ?? kpi.Unit;
        var shell = new KpiForecast { Status = ForecastStatus.InsufficientData, SeriesCode = series?.Code };

        if (target is null)
        {
            return shell with { Reason = "目標値がないため、見通しを判定できません。" };
        }

        if (target.Period is null)
        {
            return shell with { Reason = "目標年がないため、見通しを判定できません。", Target = target.Value };
        }

        var usable = ObservationSelection.Usable(observations, series?.Code, evaluatedYear, options.IncludeReferenceValues, out _);
        if (usable.Count == 0)
        {
            return shell with { Reason = $"{evaluatedYear.ToJapanese()}までの実績値がありません。", Target = target.Value };
        }

        var c = new Ctx(kpi, unit, baseline, target, usable, options, shell);
        try
        {
            return kpi.TargetKind == TargetKind.Cumulative ? Cumulative(c) : Level(c);
        }
        catch (OverflowException)
        {
            return shell with { Reason = "数値が大きすぎるため、見通しを判定できません。" };
        }
    }

    private static KpiForecast Level(Ctx c)
    {
        var latest = c.Usable[^1];
        var latestValue = latest.Amount!.Value;
        var latestYear = latest.Period.FiscalYear;

        decimal targetLevel;
        decimal? baselineValue = c.Baseline?.Value;
        if (c.Kpi.TargetKind == TargetKind.Change && !latest.IsRunningTotal)
        {
            if (baselineValue is not { } b)
            {
                return c.Insufficient("変化量の目標には基準値が必要ですが、基準値がありません。");
            }

            targetLevel = b + c.Target.Value;
        }
        else
        {
            targetLevel = c.Target.Value;
        }

        // Running totals of a change target start from 0 at the baseline year.
        if (c.Kpi.TargetKind == TargetKind.Change && latest.IsRunningTotal)
        {
            baselineValue = 0m;
        }

        (decimal Value, FiscalYear Year)? start = null;
        if (c.Options.StartFromBaseline && baselineValue is { } bv && c.Baseline?.Period is { } bp && bp.Last.FiscalYear < latestYear)
        {
            start = (bv, bp.Last.FiscalYear);
        }
        else if (c.Usable.FirstOrDefault(o => o.Period.FiscalYear < latestYear) is { } first)
        {
            start = (first.Amount!.Value, first.Period.FiscalYear);
        }

        var targetYear = c.Target.Period!.Last.FiscalYear;
        var filled = c.Shell with
        {
            LatestValue = latestValue,
            LatestPeriod = latest.Period,
            Target = targetLevel,
            TargetYear = targetYear,
            StartValue = start?.Value,
            StartYear = start?.Year,
            IsProvisional = latest.IsProvisional,
        };

        if (start is not { } s)
        {
            if (latestYear >= targetYear)
            {
                return TargetYearReached(c, filled, latestValue, targetLevel, latest.Period);
            }

            return filled with { Reason = "傾向を求めるには、基準値または2時点以上の実績値が必要です。" };
        }

        var n = latestYear.Year - s.Year.Year;
        var m = targetYear.Year - latestYear.Year;
        var compound = s.Value > 0m && latestValue > 0m && targetLevel > 0m;
        var growth = compound ? latestValue / s.Value : 0m;
        var needed = compound ? targetLevel / latestValue : 0m;

        // A ratio that underflows to 0 has no root: such extremes get the straight line.
        compound = compound && growth > 0m && needed > 0m;
        var trend = compound ? TrendMethod.CompoundGrowth : TrendMethod.Linear;
        var observed = compound ? DecimalMath.NthRoot(growth, n) - 1m : (latestValue - s.Value) / n;
        var observedText = compound
            ? $"{c.V(s.Value)} ({s.Year.ToShort()}) から {c.V(latestValue)} ({latest.Period.ToShort()}) への年平均成長率 {Rate(observed)}/年"
            : $"{c.V(s.Value)} ({s.Year.ToShort()}) から {c.V(latestValue)} ({latest.Period.ToShort()}) への年平均変化 {c.V(Round(observed))}/年 (直線)";
        filled = filled with { Trend = trend, ObservedRate = observed };

        if (m <= 0)
        {
            var reached = TargetYearReached(c, filled, latestValue, targetLevel, latest.Period);
            return reached with { Explanation = $"{observedText}; {reached.Explanation}" };
        }

        var required = compound ? DecimalMath.NthRoot(needed, m) - 1m : (targetLevel - latestValue) / m;
        var projected = compound ? latestValue * DecimalMath.Pow(1m + observed, m) : latestValue + (observed * m);
        var requiredText = compound
            ? $"目標 {c.V(targetLevel)} ({targetYear.ToShort()}) に必要な年平均成長率 {Rate(required)}/年"
            : $"目標 {c.V(targetLevel)} ({targetYear.ToShort()}) に必要な年平均変化 {c.V(Round(required))}/年";
        return Judge(c, filled with { RequiredRate = required, ProjectedValue = projected }, latestValue, targetLevel, observed, required, projected, targetYear, observedText, requiredText, compound);
    }

    private static KpiForecast Cumulative(Ctx c)
    {
        var targetPeriod = c.Target.Period!;
        var windowEnd = targetPeriod.Last.FiscalYear;
        FiscalYear? windowStart = !targetPeriod.IsSingle
            ? targetPeriod.First.FiscalYear
            : c.Baseline?.Period is { } bp ? bp.Last.FiscalYear.AddYears(1) : null;

        if (c.Usable.LastOrDefault(o => o.Period.FiscalYear <= windowEnd) is not { } latest)
        {
            return c.Insufficient("目標期間の実績値がありません。");
        }

        decimal sum;
        List<KpiObservation> used;
        if (latest.IsRunningTotal)
        {
            sum = latest.Amount!.Value;
            used = [latest];
        }
        else
        {
            used = c.Usable
                .Where(o => (windowStart is not { } ws || o.Period.FiscalYear >= ws) && o.Period.FiscalYear <= windowEnd)
                .ToList();
            sum = 0m;
            foreach (var o in used)
            {
                sum += o.Amount!.Value;
            }
        }

        if (used.Count == 0)
        {
            return c.Insufficient("目標期間の実績値がありません。");
        }

        var start = windowStart ?? used[0].Period.FiscalYear;
        var last = used[^1].Period;
        var lastYear = last.FiscalYear;
        if (lastYear < start)
        {
            return c.Insufficient("目標期間の実績値がありません。");
        }

        var target = c.Target.Value;
        var filled = c.Shell with
        {
            Trend = TrendMethod.CumulativePace,
            StartValue = 0m,
            StartYear = start.AddYears(-1),
            LatestValue = sum,
            LatestPeriod = last,
            Target = target,
            TargetYear = windowEnd,
            IsProvisional = used.Any(o => o.IsProvisional),
        };

        var elapsed = Math.Min(lastYear.Year, windowEnd.Year) - start.Year + 1;
        var pace = sum / elapsed;
        var paceText = $"{start.ToShort()}～{lastYear.ToShort()}の累計 {c.V(sum)}、年平均 {c.V(Round(pace))}/年";
        filled = filled with { ObservedRate = pace };
        var m = windowEnd.Year - lastYear.Year;
        if (m <= 0)
        {
            var reached = TargetYearReached(c, filled, sum, target, last);
            return reached with { Explanation = $"{paceText}; {reached.Explanation}" };
        }

        var required = (target - sum) / m;
        var projected = sum + (pace * m);
        var requiredText = $"目標 累計{c.V(target)} ({windowEnd.ToShort()}) に必要な年平均 {c.V(Round(required))}/年";
        return Judge(c, filled with { RequiredRate = required, ProjectedValue = projected }, sum, target, pace, required, projected, windowEnd, paceText, requiredText, compound: false);
    }

    private static KpiForecast Judge(
        Ctx c,
        KpiForecast filled,
        decimal latest,
        decimal target,
        decimal observed,
        decimal required,
        decimal projected,
        FiscalYear targetYear,
        string observedText,
        string requiredText,
        bool compound)
    {
        var sign = c.Kpi.Direction == KpiDirection.Decrease ? -1m : 1m;
        var projectedText = $"傾向が続いた場合の{targetYear.ToShort()}の予測値 {c.V(Round(projected))}";
        string RateText(decimal x) => compound ? $"{Rate(x)}/年" : $"{c.V(Round(x))}/年";
        var better = sign > 0 ? "以上" : "以下";

        if (c.IsAtOrBetter(latest, target))
        {
            var staysMet = c.IsAtOrBetter(projected, target);
            var status = staysMet ? ForecastStatus.OnTrack : ForecastStatus.AtRisk;
            return filled with
            {
                Status = status,
                OnTrackThreshold = required,
                Explanation = $"{observedText}; 目標は達成済み; {projectedText} → {(staysMet ? "達成を維持する見込み" : "目標を下回るおそれ")} ({Name(status)})",
            };
        }

        var atRisk = c.Options.AtRiskShare * required;
        ForecastStatus result;
        string comparison;
        if (observed * sign >= required * sign)
        {
            result = ForecastStatus.OnTrack;
            comparison = $"実績の傾向 {RateText(observed)} は必要な {RateText(required)} {better}";
        }
        else if (observed * sign >= atRisk * sign)
        {
            result = ForecastStatus.AtRisk;
            comparison = $"実績の傾向 {RateText(observed)} は必要な {RateText(required)} に届かないが、その{Rate(c.Options.AtRiskShare)} ({RateText(atRisk)}) {better}";
        }
        else
        {
            result = ForecastStatus.OffTrack;
            comparison = $"実績の傾向 {RateText(observed)} は必要な {RateText(required)} の{Rate(c.Options.AtRiskShare)} ({RateText(atRisk)}) に届かない";
        }

        return filled with
        {
            Status = result,
            OnTrackThreshold = required,
            AtRiskThreshold = atRisk,
            Explanation = $"{observedText}; {requiredText}; {projectedText}; {comparison} ({Name(result)})",
        };
    }

    private static KpiForecast TargetYearReached(Ctx c, KpiForecast filled, decimal latest, decimal target, Period period)
    {
        var met = c.IsAtOrBetter(latest, target);
        var status = met ? ForecastStatus.OnTrack : ForecastStatus.OffTrack;
        return filled with
        {
            Status = status,
            Reason = null,
            Explanation = $"目標年 ({filled.TargetYear?.ToShort()}) に達しています: {period.ToShort()}の {c.V(latest)} は目標 {c.V(target)} を{(met ? "達成" : "未達成")} ({Name(status)})",
        };
    }

    private static string Name(ForecastStatus status) => status switch
    {
        ForecastStatus.OnTrack => "順調",
        ForecastStatus.AtRisk => "要注意",
        ForecastStatus.OffTrack => "遅れ",
        _ => "判定不可",
    };

    private static string Rate(decimal ratio) => AchievementText.Percent(ratio);

    // Shown values only: the result keeps full precision.
    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private sealed class Ctx(
        KpiDefinition kpi, string unit, Baseline? baseline, KpiTarget target, IReadOnlyList<KpiObservation> usable, ForecastOptions options, KpiForecast shell)
    {
        public KpiDefinition Kpi { get; } = kpi;

        public Baseline? Baseline { get; } = baseline;

        public KpiTarget Target { get; } = target;

        public IReadOnlyList<KpiObservation> Usable { get; } = usable;

        public ForecastOptions Options { get; } = options;

        public KpiForecast Shell { get; } = shell;

        public string V(decimal value) => AchievementText.Value(value, unit);

        public bool IsAtOrBetter(decimal value, decimal goal) =>
            Kpi.Direction == KpiDirection.Decrease ? value <= goal : value >= goal;

        public KpiForecast Insufficient(string reason) => Shell with { Reason = reason, Target = Target.Value, TargetYear = Target.Period?.Last.FiscalYear };
    }
}
