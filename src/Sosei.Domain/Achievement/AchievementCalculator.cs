using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Domain.Achievement;

/// <summary>
/// Computes the achievement rate (進捗率 / 達成率) of a KPI for an evaluated fiscal year (docs/domain.md#achievement). Pure and
/// deterministic: the evaluated year is a parameter, nothing is read from a clock or a store.
/// </summary>
/// <remarks>
/// <para><b>Which actual.</b> Observations of the evaluated series (SeriesCode null for the KPI as a whole) with an
/// amount, whose <see cref="Period.FiscalYear"/> is at or before the evaluated year, and that are not 参考値 (unless
/// <see cref="AchievementOptions.IncludeReferenceValues"/>). The latest of them is the actual, whatever its age: a value
/// known only every 5 years keeps counting until a newer one exists, and the result reports its period. When two
/// observations share a period, an ordinary value wins over a 参考値, a final value over a provisional one, and
/// otherwise the later in the input. A provisional value is used and marks the result <see cref="AchievementResult.IsProvisional"/>.
/// With <see cref="ActualSelection.ThatYearOnly"/> (<see cref="AchievementOptions.Actuals"/>) the latest usable value
/// must be of the evaluated fiscal year, otherwise the result is <see cref="AchievementStatus.NoData"/> with the reason.</para>
/// <para><b>Method.</b> The KPI's <see cref="KpiDefinition.MethodOverride"/> wins over the plan's default.</para>
/// <para><b>Rules by target kind</b> (direction <see cref="KpiDirection.Maintain"/> reads as "at least", like Increase):</para>
/// <list type="bullet">
/// <item><b>Level / Annual</b>. RatioToTarget: actual ÷ target; lower-is-better: target ÷ actual. ProgressFromBaseline:
/// (actual − baseline) ÷ (target − baseline). TimeProrated: that progress ÷ the expected progress (see below). Annual
/// targets are compared with the yearly target of the actual's year (its interim target, else the target value); a
/// time-prorated annual target is evaluated as progress from baseline, since the whole target applies every year.</item>
/// <item><b>Maintain</b> (target kind Maintain, or direction Maintain with a level or annual target), whatever the method:
/// 100 % when the actual is at or better than the target in the KPI's direction; otherwise the ratio in that direction
/// (actual ÷ target, or target ÷ actual when lower is better), or 0 % when that ratio is undefined (a value of 0 or below).</item>
/// <item><b>Cumulative</b>: the sum of the yearly values within the target window up to the evaluated year ÷ target.
/// The window is the target period (R3~R7); when the target names one year, it runs from the year after the baseline
/// year to the target year (from the first value when there is no baseline year). When the latest value is a running
/// total (<see cref="Values.ValueQualifiers.Cumulative"/>, 累計21件) it is used alone. The accumulation starts from 0,
/// so ProgressFromBaseline gives the same rate as RatioToTarget; TimeProrated compares it with the elapsed share of
/// the window. A lower-is-better cumulative target uses target ÷ sum.</item>
/// <item><b>Change</b> (target = the change, +1,400 or −107): change achieved ÷ target change, whatever the method, where
/// the change achieved is actual − baseline, or the actual itself when it is a running total. Needs a baseline
/// otherwise (never falls back). TimeProrated divides by the expected progress.</item>
/// <item><b>Relative</b> (values and target are differences from a reference such as 全国平均: △3.3 → 0): progress from
/// baseline towards the target, (actual − baseline) ÷ (target − baseline), for RatioToTarget too since a ratio of
/// differences means nothing (target 0 would divide by zero); the method is then reported as ProgressFromBaseline.
/// Without a baseline: 100 % when the actual is at or better than the target, otherwise not computable. The plan may
/// read these targets otherwise (<see cref="AchievementOptions.RelativeTargets"/>): reached or not (100 % / 0 %, no
/// baseline needed), or the ratio of the municipality's score to the reference's (<see cref="KpiObservation.ReferenceScore"/>
/// + actual) ÷ (reference score + target), not computable without the reference score; neither is prorated.</item>
/// </list>
/// <para><b>Edge cases.</b></para>
/// <list type="bullet">
/// <item>Target 0 or below with RatioToTarget (待機児童ゼロ): the ratio is meaningless, so progress from baseline is
/// used when there is a baseline (baseline 10 → actual 3 is 70 %); without one the KPI is graded met / not met:
/// 100 % when the actual is at or better than the target (actual 0 for ゼロ), 0 % otherwise. Never a division by zero.</item>
/// <item>Lower is better, positive target, actual 0 or below: target ÷ actual would be infinite; the rate is
/// <see cref="AchievementOptions.MaximumRate"/> when set, otherwise 100 % (the target is met), marked
/// <see cref="AchievementResult.IsCapped"/>.</item>
/// <item>Progress from baseline when the target is not beyond the baseline in the KPI's direction (baseline = target,
/// or a plan that accepts a decline from its baseline): progress is undefined, so the KPI is graded met / not met.</item>
/// <item>Missing baseline (or baseline year, or target year) for a method that needs it: <see cref="AchievementStatus.NotComputable"/>
/// with the reason, or RatioToTarget when <see cref="AchievementOptions.FallbackToRatioToTarget"/>.</item>
/// <item>Negative values (differences, 社会増減 △220): used as they are; ratios need a positive target (see above).
/// Actual ÷ target with a negative actual gives a negative rate.</item>
/// <item>No target: <see cref="AchievementStatus.NotComputable"/>. No usable actual: <see cref="AchievementStatus.NoData"/>.</item>
/// <item>Numbers whose ratio overflows decimal: <see cref="AchievementStatus.NotComputable"/>, never an exception.</item>
/// </list>
/// <para><b>Time-prorated.</b> The expected progress at the proration year y (<see cref="AchievementOptions.ProrationPoint"/>)
/// is the interim target of y expressed as progress ((interim − baseline) ÷ (target − baseline)) when the KPI has one
/// for y, else the straight line (y − baseline year) ÷ (target year − baseline year), limited to 0..1; years are the
/// fiscal years of the last period of the baseline and target ranges. The rate is progress ÷ expected progress; when
/// the expected progress is 0 (y at or before the baseline year) it is not computable.</para>
/// </remarks>
public static class AchievementCalculator
{
    /// <summary>Evaluates a KPI measured as one number (observations whose <see cref="KpiObservation.SeriesCode"/> is null).</summary>
    /// <param name="kpi">The KPI: direction, target kind, baseline, target, interim targets, method override.</param>
    /// <param name="observations">Observed values, in any order; other series' values and values after the evaluated year are ignored.</param>
    /// <param name="evaluatedYear">The fiscal year being evaluated.</param>
    /// <param name="planDefault">The plan's default method, used unless the KPI overrides it.</param>
    /// <param name="options">Plan choices; null for <see cref="AchievementOptions.Default"/>.</param>
    /// <returns>The result; never null. Status tells whether a rate was computed.</returns>
    /// <exception cref="ArgumentNullException">An argument or an observation is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The method is not a defined value, or <see cref="AchievementOptions.MaximumRate"/> is below 1.</exception>
    public static AchievementResult Evaluate(
        KpiDefinition kpi,
        IEnumerable<KpiObservation> observations,
        FiscalYear evaluatedYear,
        AchievementMethod planDefault,
        AchievementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return EvaluateCore(kpi, null, observations, evaluatedYear, planDefault, options);
    }

    /// <summary>
    /// Evaluates one series (項目: 男女, 小学生/中学生 …) of a KPI, with the series' own baseline, target and interim
    /// targets where it has them and the KPI's otherwise, from the observations carrying that series code.
    /// </summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="seriesCode">A <see cref="KpiSeriesDefinition.Code"/> of the KPI.</param>
    /// <param name="observations">Observed values of any series, in any order.</param>
    /// <param name="evaluatedYear">The fiscal year being evaluated.</param>
    /// <param name="planDefault">The plan's default method.</param>
    /// <param name="options">Plan choices; null for the defaults.</param>
    /// <exception cref="ArgumentException">The KPI has no series with that code (the message quotes it).</exception>
    public static AchievementResult EvaluateSeries(
        KpiDefinition kpi,
        string seriesCode,
        IEnumerable<KpiObservation> observations,
        FiscalYear evaluatedYear,
        AchievementMethod planDefault,
        AchievementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(seriesCode);
        var series = kpi.Series.FirstOrDefault(s => string.Equals(s.Code, seriesCode, StringComparison.Ordinal))
            ?? throw new ArgumentException($"KPI「{kpi.Name}」に項目コード「{seriesCode}」の項目はありません。", nameof(seriesCode));
        return EvaluateCore(kpi, series, observations, evaluatedYear, planDefault, options);
    }

    /// <summary>Evaluates every series of a KPI, in the KPI's series order; empty when the KPI has no series.</summary>
    /// <param name="kpi">The KPI.</param>
    /// <param name="observations">Observed values of any series, in any order.</param>
    /// <param name="evaluatedYear">The fiscal year being evaluated.</param>
    /// <param name="planDefault">The plan's default method.</param>
    /// <param name="options">Plan choices; null for the defaults.</param>
    /// <returns>One result per series, each with its <see cref="AchievementResult.SeriesCode"/>; grade them together with <see cref="GradeScale.GradeSeries"/>.</returns>
    public static IReadOnlyList<AchievementResult> EvaluateEachSeries(
        KpiDefinition kpi,
        IEnumerable<KpiObservation> observations,
        FiscalYear evaluatedYear,
        AchievementMethod planDefault,
        AchievementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(observations);
        var list = observations.ToList();
        return kpi.Series.Select(s => EvaluateCore(kpi, s, list, evaluatedYear, planDefault, options)).ToList();
    }

    private static AchievementResult EvaluateCore(
        KpiDefinition kpi,
        KpiSeriesDefinition? series,
        IEnumerable<KpiObservation> observations,
        FiscalYear evaluatedYear,
        AchievementMethod planDefault,
        AchievementOptions? options)
    {
        ArgumentNullException.ThrowIfNull(observations);
        options ??= AchievementOptions.Default;
        if (options.MaximumRate is { } cap && cap < 1m)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), cap, "AchievementOptions.MaximumRate must be 1 (100 %) or more, or null for no cap.");
        }

        var method = kpi.MethodOverride ?? planDefault;
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(planDefault), method, "Unknown achievement method.");
        }

        var baseline = series?.Baseline ?? kpi.Baseline;
        var target = series?.Target ?? kpi.Target;
        var interims = series?.InterimTargets ?? kpi.InterimTargets;
        var seriesCode = series?.Code;

        var shell = new AchievementResult
        {
            Status = AchievementStatus.NotComputable,
            Method = method,
            SeriesCode = seriesCode,
            Target = target?.Value,
            TargetPeriod = target?.Period,
            Baseline = baseline?.Value,
            BaselinePeriod = baseline?.Period,
        };

        var usable = ObservationSelection.Usable(
            observations, seriesCode, evaluatedYear, options.IncludeReferenceValues, out var excludedReferences);

        if (target is null)
        {
            return shell with { Reason = "目標値がないため、達成度を計算できません。" };
        }

        if (usable.Count == 0)
        {
            var reason = excludedReferences > 0
                ? $"{evaluatedYear.ToJapanese()}までの実績値は参考値のみです (参考値は達成度に使用しない設定です)。"
                : $"{evaluatedYear.ToJapanese()}までの実績値がありません。";
            return shell with { Status = AchievementStatus.NoData, Reason = reason };
        }

        if (options.Actuals == ActualSelection.ThatYearOnly && usable[^1].Period.FiscalYear != evaluatedYear)
        {
            return shell with
            {
                Status = AchievementStatus.NoData,
                Reason = $"{evaluatedYear.ToJapanese()}の実績値がありません (最新の実績値は{usable[^1].Period.FiscalYear.ToJapanese()}; その年度の実績のみ使用する設定です)。",
            };
        }

        var context = new Context(
            kpi, series?.Unit ?? kpi.Unit, baseline, target, interims ?? [], evaluatedYear, method, options, usable, shell);
        try
        {
            return ApplyCap(Dispatch(context), options);
        }
        catch (OverflowException)
        {
            var latest = usable[^1];
            return shell with
            {
                Reason = "数値が大きすぎるため、達成度を計算できません。",
                Actual = latest.Amount,
                ActualPeriod = latest.Period,
                ObservationsUsed = [latest],
                IsProvisional = latest.IsProvisional,
            };
        }
    }

    private static AchievementResult Dispatch(Context c) => c.Kpi.TargetKind switch
    {
        TargetKind.Cumulative => EvaluateCumulative(c),
        TargetKind.Change => EvaluateChange(c),
        TargetKind.Relative => EvaluateRelative(c),
        TargetKind.Maintain => EvaluateMaintain(c),
        TargetKind.Level or TargetKind.Annual when c.Kpi.Direction == KpiDirection.Maintain => EvaluateMaintain(c),
        TargetKind.Level or TargetKind.Annual => EvaluateLevel(c),
        _ => c.NotComputable($"目標の種類 {c.Kpi.TargetKind} は扱えません。"),
    };

    private static AchievementResult EvaluateLevel(Context c)
    {
        var latest = c.Latest;
        var actual = latest.Amount!.Value;
        var target = c.Kpi.TargetKind == TargetKind.Annual ? c.YearlyTarget(latest.Period.FiscalYear) : c.Target.Value;
        var used = new[] { latest };

        switch (c.Method)
        {
            case AchievementMethod.RatioToTarget:
                return Ratio(c, actual, target, used, prefix: "");

            case AchievementMethod.ProgressFromBaseline:
                if (c.BaselineValue is not { } b1)
                {
                    return c.FallbackOrNotComputable(
                        "基準値がないため、基準値からの進捗を計算できません。", () => Ratio(c, actual, target, used, FallbackNote));
                }

                return Progress(c, actual, b1, target, used, "");

            default:
                if (c.Kpi.TargetKind == TargetKind.Annual)
                {
                    // The whole yearly target applies every year: there is no line to prorate along.
                    if (c.BaselineValue is not { } b2)
                    {
                        return c.FallbackOrNotComputable(
                            "基準値がないため、基準値からの進捗を計算できません。", () => Ratio(c, actual, target, used, FallbackNote));
                    }

                    return Progress(c, actual, b2, target, used, "毎年の目標のため期間按分せず基準値からの進捗で評価: ")
                        with { Method = AchievementMethod.ProgressFromBaseline };
                }

                return TimeProratedLevel(c, actual, target, used);
        }
    }

    private static AchievementResult TimeProratedLevel(Context c, decimal actual, decimal target, KpiObservation[] used)
    {
        if (c.BaselineValue is not { } b)
        {
            return c.FallbackOrNotComputable(
                "基準値がないため、期間按分の達成度を計算できません。", () => Ratio(c, actual, target, used, FallbackNote));
        }

        if (c.BaselineYear is not { } baseYear || c.TargetYear is not { } targetYear)
        {
            return c.FallbackOrNotComputable(
                "基準年または目標年がないため、期間按分の達成度を計算できません。", () => Ratio(c, actual, target, used, FallbackNote));
        }

        var progress = Progress(c, actual, b, target, used, "");
        if (progress.Formula != AchievementFormula.ProgressFromBaseline)
        {
            // Progress is undefined (target not beyond the baseline): met or not does not depend on time.
            return progress;
        }

        var point = c.ProrationYear;
        var interim = c.InterimTargetFor(point);
        decimal expected;
        string expectedText;
        if (interim is { } it)
        {
            expected = (it - b) / (target - b);
            expectedText = $"{point.ToShort()}の年度別目標 {c.V(it)} による期待進捗 ({c.V(it)} − {c.V(b)}) ÷ ({c.V(target)} − {c.V(b)}) = {AchievementText.Percent(expected)}";
        }
        else
        {
            if (!TryLine(baseYear, targetYear, point, out expected, out expectedText, out var reason))
            {
                return c.NotComputable(reason, used);
            }
        }

        return Prorate(c, progress.Rate!.Value, expected, progress.Explanation, expectedText, used);
    }

    private static bool TryLine(
        FiscalYear baseYear, FiscalYear targetYear, FiscalYear point, out decimal expected, out string text, out string reason)
    {
        expected = 0m;
        text = "";
        reason = "";
        if (targetYear <= baseYear)
        {
            reason = $"目標年 ({targetYear.ToShort()}) が基準年 ({baseYear.ToShort()}) より後でないため、期間按分できません。";
            return false;
        }

        var span = targetYear.Year - baseYear.Year;
        var elapsed = Math.Clamp(point.Year - baseYear.Year, 0, span);
        if (elapsed == 0)
        {
            reason = $"按分の時点 ({point.ToShort()}) が基準年 ({baseYear.ToShort()}) 以前で期待される進捗が0のため、期間按分の達成度を計算できません。";
            return false;
        }

        expected = (decimal)elapsed / span;
        text = $"{point.ToShort()}時点の期待進捗 = 経過{elapsed}年 ÷ 期間{span}年 = {AchievementText.Percent(expected)}";
        return true;
    }

    private static AchievementResult Prorate(
        Context c, decimal progress, decimal expected, string progressText, string expectedText, IReadOnlyList<KpiObservation> used)
    {
        if (expected <= 0m)
        {
            return c.NotComputable("期待される進捗が0以下のため、期間按分の達成度を計算できません。", used);
        }

        var rate = progress / expected;
        var text = $"進捗 {progressText}; {expectedText}; {AchievementText.Percent(progress)} ÷ {AchievementText.Percent(expected)} = {AchievementText.Percent(rate)}";
        return c.Computed(rate, AchievementFormula.TimeProrated, text, used, AchievementMethod.TimeProrated) with
        {
            ActualProgress = progress,
            ExpectedProgress = expected,
        };
    }

    /// <summary>actual ÷ target (or target ÷ actual), with the edge cases of a target of 0 or below and an actual of 0.</summary>
    private static AchievementResult Ratio(Context c, decimal actual, decimal target, IReadOnlyList<KpiObservation> used, string prefix)
    {
        if (target <= 0m)
        {
            if (c.BaselineValue is { } b)
            {
                return Progress(c, actual, b, target, used, prefix + "目標値が0以下で比が意味を持たないため基準値からの進捗で評価: ")
                    with { Method = AchievementMethod.ProgressFromBaseline };
            }

            return TargetMet(c, actual, target, used, prefix + "目標値が0以下で基準値がないため達成・未達成で評価: ")
                with { Method = AchievementMethod.RatioToTarget };
        }

        if (c.Better == KpiDirection.Decrease)
        {
            if (actual <= 0m)
            {
                var rate = c.Options.MaximumRate ?? 1m;
                return c.Computed(
                    rate,
                    AchievementFormula.InverseRatio,
                    $"{prefix}実績値 {c.V(actual)} が0以下で目標値 {c.V(target)} を下回り、目標値 ÷ 実績値 は上限がないため {AchievementText.Percent(rate)}",
                    used,
                    AchievementMethod.RatioToTarget) with { IsCapped = true };
            }

            var inverse = target / actual;
            return c.Computed(
                inverse,
                AchievementFormula.InverseRatio,
                $"{prefix}{c.V(target)} ÷ {c.V(actual)} = {AchievementText.Percent(inverse)} (減少が望ましい指標: 目標値 ÷ 実績値)",
                used,
                AchievementMethod.RatioToTarget);
        }

        var ratio = actual / target;
        return c.Computed(
            ratio,
            AchievementFormula.Ratio,
            $"{prefix}{c.V(actual)} ÷ {c.V(target)} = {AchievementText.Percent(ratio)}",
            used,
            AchievementMethod.RatioToTarget);
    }

    /// <summary>(actual − baseline) ÷ (target − baseline), or met / not met when the target is not beyond the baseline.</summary>
    private static AchievementResult Progress(
        Context c, decimal actual, decimal baseline, decimal target, IReadOnlyList<KpiObservation> used, string prefix)
    {
        var span = target - baseline;
        var towards = c.Better == KpiDirection.Decrease ? span < 0m : span > 0m;
        if (!towards)
        {
            var why = span == 0m ? "基準値と目標値が等しく" : "目標値が基準値より改善方向にないため";
            return TargetMet(c, actual, target, used, $"{prefix}{why}進捗が定義できないため達成・未達成で評価: ")
                with { Method = AchievementMethod.ProgressFromBaseline };
        }

        var rate = (actual - baseline) / span;
        return c.Computed(
            rate,
            AchievementFormula.ProgressFromBaseline,
            $"{prefix}({c.V(actual)} − {c.V(baseline)}) ÷ ({c.V(target)} − {c.V(baseline)}) = {AchievementText.Percent(rate)}",
            used,
            AchievementMethod.ProgressFromBaseline);
    }

    /// <summary>100 % when the actual is at or better than the target in the KPI's direction, 0 % otherwise.</summary>
    private static AchievementResult TargetMet(Context c, decimal actual, decimal target, IReadOnlyList<KpiObservation> used, string prefix)
    {
        var met = c.IsAtOrBetter(actual, target);
        var op = (c.Better == KpiDirection.Decrease, met) switch
        {
            (true, true) => "≤",
            (true, false) => ">",
            (false, true) => "≥",
            (false, false) => "<",
        };
        var rate = met ? 1m : 0m;
        return c.Computed(
            rate,
            AchievementFormula.TargetMet,
            $"{prefix}実績値 {c.V(actual)} {op} 目標値 {c.V(target)} → {(met ? "達成" : "未達成")} {AchievementText.Percent(rate)}",
            used,
            c.Method);
    }

    private static AchievementResult EvaluateMaintain(Context c)
    {
        var latest = c.Latest;
        var actual = latest.Amount!.Value;
        var target = c.Kpi.TargetKind == TargetKind.Annual ? c.YearlyTarget(latest.Period.FiscalYear) : c.Target.Value;
        KpiObservation[] used = [latest];
        var decrease = c.Better == KpiDirection.Decrease;

        if (c.IsAtOrBetter(actual, target))
        {
            return c.Computed(
                1m,
                AchievementFormula.Maintain,
                $"実績値 {c.V(actual)} {(decrease ? "≤" : "≥")} 目標値 {c.V(target)} (維持) → {AchievementText.Percent(1m)}",
                used,
                c.Method) with { Target = target };
        }

        if (target > 0m && actual > 0m)
        {
            var rate = decrease ? target / actual : actual / target;
            var formula = decrease ? $"{c.V(target)} ÷ {c.V(actual)}" : $"{c.V(actual)} ÷ {c.V(target)}";
            return c.Computed(
                rate,
                AchievementFormula.Maintain,
                $"維持目標に未達: {formula} = {AchievementText.Percent(rate)}",
                used,
                c.Method) with { Target = target };
        }

        return c.Computed(
            0m,
            AchievementFormula.Maintain,
            $"実績値 {c.V(actual)} {(decrease ? ">" : "<")} 目標値 {c.V(target)} (維持目標に未達、比が定義できないため) → {AchievementText.Percent(0m)}",
            used,
            c.Method) with { Target = target };
    }

    private static AchievementResult EvaluateCumulative(Context c)
    {
        var target = c.Target.Value;
        var (windowStart, windowEnd) = CumulativeWindow(c);
        var windowText = windowStart is { } ws
            ? $"{ws.ToShort()}～{(windowEnd < c.Year ? windowEnd : c.Year).ToShort()}"
            : $"～{(windowEnd < c.Year ? windowEnd : c.Year).ToShort()}";

        // Values after the window do not count towards it (a running total of a later year includes them).
        if (c.Usable.LastOrDefault(o => o.Period.FiscalYear <= windowEnd) is not { } latest)
        {
            return c.NoData($"目標期間 ({windowText}) の実績値がありません。");
        }

        decimal sum;
        IReadOnlyList<KpiObservation> used;
        AchievementFormula formula;
        string sumText; // how the sum was formed, ending with "; " (empty for a running total)
        string sumOperand; // the sum as the left side of the division
        if (latest.IsRunningTotal)
        {
            if (windowStart is { } start && latest.Period.FiscalYear < start)
            {
                return c.NoData($"目標期間 ({windowText}) の実績値がありません。");
            }

            sum = latest.Amount!.Value;
            used = [latest];
            formula = AchievementFormula.RunningTotal;
            sumText = "";
            sumOperand = $"累計 {c.V(sum)}";
        }
        else
        {
            var inWindow = c.Usable
                .Where(o => (windowStart is not { } s || o.Period.FiscalYear >= s) && o.Period.FiscalYear <= windowEnd)
                .ToList();
            if (inWindow.Count == 0)
            {
                return c.NoData($"目標期間 ({windowText}) の実績値がありません。");
            }

            sum = 0m;
            foreach (var o in inWindow)
            {
                sum += o.Amount!.Value;
            }

            used = inWindow;
            formula = AchievementFormula.CumulativeSum;
            sumText = inWindow.Count == 1
                ? $"{windowText}の累計 {c.V(sum)}; "
                : $"{windowText}の累計 {string.Join(" + ", inWindow.Select(o => c.V(o.Amount!.Value)))} = {c.V(sum)}; ";
            sumOperand = c.V(sum);
        }

        if (target <= 0m)
        {
            return c.NotComputable("累計の目標値が0以下のため、達成度を計算できません。", used) with { Actual = sum };
        }

        decimal progress;
        string progressText;
        if (c.Better == KpiDirection.Decrease)
        {
            if (sum <= 0m)
            {
                var capped = c.Options.MaximumRate ?? 1m;
                return c.Computed(
                    capped,
                    formula,
                    $"{sumText}{sumOperand} が0以下で目標値 {c.V(target)} を下回り、目標値 ÷ 累計 は上限がないため {AchievementText.Percent(capped)}",
                    used,
                    c.Method == AchievementMethod.TimeProrated ? AchievementMethod.RatioToTarget : c.Method) with { Actual = sum, IsCapped = true };
            }

            progress = target / sum;
            progressText = $"{sumText}{c.V(target)} ÷ {sumOperand} = {AchievementText.Percent(progress)} (減少が望ましい指標: 目標値 ÷ 累計)";

            // Prorating an upper limit along the window has no clear meaning: report the ratio.
            return c.Computed(progress, formula, progressText, used, c.Method == AchievementMethod.TimeProrated ? AchievementMethod.RatioToTarget : c.Method)
                with { Actual = sum };
        }

        progress = sum / target;
        progressText = $"{sumText}{sumOperand} ÷ {c.V(target)} = {AchievementText.Percent(progress)}";
        if (c.Method != AchievementMethod.TimeProrated)
        {
            return c.Computed(progress, formula, progressText, used, c.Method) with { Actual = sum };
        }

        if (windowStart is not { } first)
        {
            return c.FallbackOrNotComputable(
                "目標期間の開始年がないため、期間按分の達成度を計算できません。",
                () => c.Computed(progress, formula, FallbackNote + progressText, used, AchievementMethod.RatioToTarget) with { Actual = sum },
                used);
        }

        // The line starts at 0 at the end of the year before the window and reaches the target at its last year.
        if (!TryLine(first.AddYears(-1), windowEnd, c.ProrationYear, out var expected, out var expectedText, out var reason))
        {
            return c.NotComputable(reason, used) with { Actual = sum };
        }

        return Prorate(c, progress, expected, progressText, expectedText, used) with { Actual = sum };
    }

    private static (FiscalYear? Start, FiscalYear End) CumulativeWindow(Context c)
    {
        var period = c.Target.Period;
        if (period is { IsSingle: false })
        {
            return (period.First.FiscalYear, period.Last.FiscalYear);
        }

        var end = period?.Last.FiscalYear ?? c.Year;
        FiscalYear? start = c.BaselineYear is { } by ? by.AddYears(1) : null;
        return (start, end);
    }

    private static AchievementResult EvaluateChange(Context c)
    {
        var latest = c.Latest;
        var actual = latest.Amount!.Value;
        var targetChange = c.Target.Value;
        KpiObservation[] used = [latest];

        decimal achieved;
        string achievedText;
        if (latest.IsRunningTotal)
        {
            achieved = actual;
            achievedText = $"累計 {c.V(actual)}";
        }
        else if (c.BaselineValue is { } b)
        {
            achieved = actual - b;
            achievedText = $"({c.V(actual)} − {c.V(b)})";
        }
        else
        {
            // A ratio of a level to a change means nothing: never fall back.
            return c.NotComputable("変化量の目標には基準値が必要ですが、基準値がありません。", used);
        }

        if (targetChange == 0m)
        {
            var met = c.IsAtOrBetter(achieved, 0m);
            return c.Computed(
                met ? 1m : 0m,
                AchievementFormula.TargetMet,
                $"変化量 {achievedText} = {c.V(achieved)}、目標の変化量 0 → {(met ? "達成" : "未達成")} {AchievementText.Percent(met ? 1m : 0m)}",
                used,
                c.Method);
        }

        var progress = achieved / targetChange;
        var progressText = $"{achievedText} ÷ {c.V(targetChange)} = {AchievementText.Percent(progress)}";
        if (c.Method != AchievementMethod.TimeProrated)
        {
            return c.Computed(progress, AchievementFormula.ChangeFromBaseline, progressText, used, c.Method);
        }

        if (c.BaselineYear is not { } baseYear || c.TargetYear is not { } targetYear)
        {
            // Change achieved ÷ target change is already the ratio to target of a change target.
            return c.FallbackOrNotComputable(
                "基準年または目標年がないため、期間按分の達成度を計算できません。",
                () => c.Computed(progress, AchievementFormula.ChangeFromBaseline, FallbackNote + progressText, used, AchievementMethod.RatioToTarget),
                used);
        }

        if (!TryLine(baseYear, targetYear, c.ProrationYear, out var expected, out var expectedText, out var reason))
        {
            return c.NotComputable(reason, used);
        }

        return Prorate(c, progress, expected, progressText, expectedText, used);
    }

    private static AchievementResult EvaluateRelative(Context c)
    {
        var latest = c.Latest;
        var actual = latest.Amount!.Value;
        var target = c.Target.Value;
        KpiObservation[] used = [latest];
        var reference = c.Target.Reference is { Length: > 0 } r ? r : "参照値";

        if (c.BaselineValue is not { } b)
        {
            if (c.IsAtOrBetter(actual, target))
            {
                return TargetMet(c, actual, target, used, $"{reference}との差で基準値がないため達成・未達成で評価: ");
            }

            return c.NotComputable($"{reference}との差の目標で基準値がないため、改善の度合いを計算できません。", used);
        }

        switch (c.Options.RelativeTargets)
        {
            case RelativeTargetReading.ReachedOrNot:
                return TargetMet(c, actual, target, used, $"{reference}との差が目標に達したかで評価: ");
            case RelativeTargetReading.RatioToReference:
                return RatioToReference(c, latest, target, reference);
        }

        var prefix = $"{reference}との差の改善: ";
        var progress = Progress(c, actual, b, target, used, prefix);
        if (c.Method != AchievementMethod.TimeProrated || progress.Formula != AchievementFormula.ProgressFromBaseline)
        {
            return progress;
        }

        if (c.BaselineYear is not { } baseYear || c.TargetYear is not { } targetYear)
        {
            return c.NotComputable("基準年または目標年がないため、期間按分の達成度を計算できません。", used);
        }

        if (!TryLine(baseYear, targetYear, c.ProrationYear, out var expected, out var expectedText, out var reason))
        {
            return c.NotComputable(reason, used);
        }

        return Prorate(c, progress.Rate!.Value, expected, progress.Explanation, expectedText, used);
    }

    /// <summary>The municipality's score (reference score + difference) ÷ the score aimed at (reference score + target difference).</summary>
    private static AchievementResult RatioToReference(Context c, KpiObservation latest, decimal target, string reference)
    {
        KpiObservation[] used = [latest];
        if (latest.ReferenceScore is not { } score)
        {
            return c.NotComputable(
                $"{latest.Period.FiscalYear.ToJapanese()}の{reference}の値がないため、{reference}に対する比を計算できません (判定不能)。", used);
        }

        var actual = latest.Amount!.Value;
        var city = score + actual;
        var aimed = score + target;
        if (city <= 0m || aimed <= 0m)
        {
            return c.NotComputable($"{reference}を基準にした値が0以下のため、{reference}に対する比を計算できません (判定不能)。", used);
        }

        var decrease = c.Better == KpiDirection.Decrease;
        var rate = decrease ? aimed / city : city / aimed;
        var cityText = $"({c.V(score)} + {c.V(actual)})";
        var aimedText = target == 0m ? $"{reference} {c.V(score)}" : $"({c.V(score)} + {c.V(target)})";
        var formula = decrease ? $"{aimedText} ÷ {cityText}" : $"{cityText} ÷ {aimedText}";
        return c.Computed(
            rate,
            AchievementFormula.RatioToReference,
            $"{reference}に対する比: {formula} = {AchievementText.Percent(rate)}",
            used,
            AchievementMethod.RatioToTarget);
    }

    private static AchievementResult ApplyCap(AchievementResult result, AchievementOptions options)
    {
        if (options.MaximumRate is { } cap && result.Rate is { } rate && rate > cap)
        {
            return result with
            {
                Rate = cap,
                IsCapped = true,
                Explanation = $"{result.Explanation} (上限 {AchievementText.Percent(cap)} を適用)",
            };
        }

        return result;
    }

    private const string FallbackNote = "必要な基準値・年がないため進捗率 (実績値 ÷ 目標値) で評価: ";

    /// <summary>Everything one evaluation needs, and the result factories.</summary>
    private sealed class Context(
        KpiDefinition kpi,
        string unit,
        Baseline? baseline,
        KpiTarget target,
        IReadOnlyList<InterimTarget> interims,
        FiscalYear year,
        AchievementMethod method,
        AchievementOptions options,
        IReadOnlyList<KpiObservation> usable,
        AchievementResult shell)
    {
        public KpiDefinition Kpi { get; } = kpi;

        public KpiTarget Target { get; } = target;

        public FiscalYear Year { get; } = year;

        public AchievementMethod Method { get; } = method;

        public AchievementOptions Options { get; } = options;

        public IReadOnlyList<KpiObservation> Usable { get; } = usable;

        public KpiObservation Latest => Usable[^1];

        public decimal? BaselineValue => baseline?.Value;

        public FiscalYear? BaselineYear => baseline?.Period?.Last.FiscalYear;

        public FiscalYear? TargetYear => Target.Period?.Last.FiscalYear;

        /// <summary>Increase or Decrease: Maintain reads as "at least".</summary>
        public KpiDirection Better => Kpi.Direction == KpiDirection.Decrease ? KpiDirection.Decrease : KpiDirection.Increase;

        public FiscalYear ProrationYear =>
            Options.ProrationPoint == ProrationPoint.ActualPeriod ? Latest.Period.FiscalYear : Year;

        public bool IsAtOrBetter(decimal actual, decimal goal) =>
            Better == KpiDirection.Decrease ? actual <= goal : actual >= goal;

        public string V(decimal value) => AchievementText.Value(value, unit);

        public decimal? InterimTargetFor(FiscalYear fiscalYear) =>
            interims.LastOrDefault(i => i.Period.FiscalYear == fiscalYear)?.Value;

        public decimal YearlyTarget(FiscalYear fiscalYear) => InterimTargetFor(fiscalYear) ?? Target.Value;

        public AchievementResult Computed(
            decimal rate, AchievementFormula formula, string explanation, IReadOnlyList<KpiObservation> used, AchievementMethod methodUsed)
        {
            var actual = used[^1];
            var result = shell with
            {
                Status = AchievementStatus.Computed,
                Rate = rate,
                Formula = formula,
                Explanation = explanation,
                Method = methodUsed,
                ObservationsUsed = used,
                Actual = actual.Amount,
                ActualPeriod = actual.Period,
                IsProvisional = used.Any(o => o.IsProvisional),
            };

            // Annual targets: report the yearly target actually compared.
            return Kpi.TargetKind == TargetKind.Annual ? result with { Target = YearlyTarget(actual.Period.FiscalYear) } : result;
        }

        public AchievementResult NotComputable(string reason, IReadOnlyList<KpiObservation>? used = null)
        {
            used ??= [Latest];
            return shell with
            {
                Status = AchievementStatus.NotComputable,
                Reason = reason,
                ObservationsUsed = used,
                Actual = used[^1].Amount,
                ActualPeriod = used[^1].Period,
                IsProvisional = used.Any(o => o.IsProvisional),
            };
        }

        public AchievementResult NoData(string reason) =>
            shell with { Status = AchievementStatus.NoData, Reason = reason };

        public AchievementResult FallbackOrNotComputable(
            string reason, Func<AchievementResult> fallback, IReadOnlyList<KpiObservation>? used = null) =>
            Options.FallbackToRatioToTarget ? fallback() : NotComputable(reason, used);
    }
}
