using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Application.Common;

/// <summary>
/// The one table of words for Sosei's choices, in Japanese and English: KPI levels and the verification's KPI
/// categories, directions, target kinds, achievement methods, series rules, forecasts, grade presets, project
/// categories, roles, budget kinds, revision kinds and kinds of year. Pages (plan, KPI, verification, the editing forms),
/// reports and the CLI all take their words from here, so a KPI of a measure is 「施策のKPI」 everywhere — the
/// documents' word (網走市's verification counts 「各施策のKPI」).
/// </summary>
/// <remarks>
/// The workbook's column keywords (<c>WorkbookTemplate.Words</c>: 数値目標 / KPI / 事業KPI …) are an input format read
/// back from files people filled in, not display words, and stay as they are.
/// </remarks>
public static class Terms
{
    /// <summary>数値目標 / 施策のKPI / 事業のKPI.</summary>
    /// <param name="level">The level.</param>
    public static Message Level(KpiLevel level) => level switch
    {
        KpiLevel.Goal => new("数値目標", "Numerical target"),
        KpiLevel.Measure => new("施策のKPI", "Measure KPI"),
        KpiLevel.Project => new("事業のKPI", "Project KPI"),
        _ => throw Unknown(level),
    };

    /// <summary>
    /// The KPI categories of the verification summary (the columns the municipalities publish): 全KPI (null),
    /// 基本目標（数値目標）, 各施策のKPI, 事業のKPI.
    /// </summary>
    /// <param name="level">The level counted; null for all KPIs.</param>
    public static Message KpiCategory(KpiLevel? level) => level switch
    {
        null => new("全KPI", "All KPIs"),
        KpiLevel.Goal => new("基本目標（数値目標）", "Basic goals (numerical targets)"),
        KpiLevel.Measure => new("各施策のKPI", "KPIs of the measures"),
        KpiLevel.Project => new("事業のKPI", "Project KPI"),
        _ => throw Unknown(level),
    };

    /// <summary>Which way is better.</summary>
    /// <param name="direction">The direction.</param>
    public static Message Direction(KpiDirection direction) => direction switch
    {
        KpiDirection.Increase => new("増加（多いほど良い）", "Increase (higher is better)"),
        KpiDirection.Decrease => new("減少（少ないほど良い）", "Decrease (lower is better)"),
        KpiDirection.Maintain => new("維持（目標の水準を保つ）", "Maintain (keep the target level)"),
        _ => throw Unknown(direction),
    };

    /// <summary>How the target is stated.</summary>
    /// <param name="kind">The target kind.</param>
    public static Message TargetKind(TargetKind kind) => kind switch
    {
        Domain.Kpis.TargetKind.Level => new("目標年の水準", "Level in the target year"),
        Domain.Kpis.TargetKind.Cumulative => new("期間中の累計", "Total over the period"),
        Domain.Kpis.TargetKind.Change => new("基準値からの増減", "Change from the baseline"),
        Domain.Kpis.TargetKind.Annual => new("毎年の水準", "Level every year"),
        Domain.Kpis.TargetKind.Maintain => new("水準の維持", "Keep a level"),
        Domain.Kpis.TargetKind.Relative => new("基準との差（全国平均など）", "Difference from a reference (e.g. national average)"),
        _ => throw Unknown(kind),
    };

    /// <summary>目標値に対する比率 / 基準値からの進捗 / 期間按分.</summary>
    /// <param name="method">The method.</param>
    public static Message Method(AchievementMethod method) => method switch
    {
        AchievementMethod.RatioToTarget => new("目標値に対する比率", "Ratio to target"),
        AchievementMethod.ProgressFromBaseline => new("基準値からの進捗", "Progress from baseline"),
        AchievementMethod.TimeProrated => new("期間按分", "Time-prorated"),
        _ => throw Unknown(method),
    };

    /// <summary>The formula of a method, for notes: 実績 ÷ 目標 …</summary>
    /// <param name="method">The method.</param>
    public static Message Formula(AchievementMethod method) => method switch
    {
        AchievementMethod.RatioToTarget => new("実績 ÷ 目標", "actual ÷ target"),
        AchievementMethod.ProgressFromBaseline => new("(実績−基準値)÷(目標−基準値)", "(actual − baseline) ÷ (target − baseline)"),
        AchievementMethod.TimeProrated => new("基準値から目標への直線に対する進捗", "progress against the straight line from baseline to target"),
        _ => throw Unknown(method),
    };

    /// <summary>How series are graded together.</summary>
    /// <param name="rule">The rule.</param>
    public static Message Aggregation(SeriesAggregation rule) => rule switch
    {
        SeriesAggregation.All => new("すべての系列（最も低い系列の達成率で評価）", "Every series (graded on the lowest series rate)"),
        SeriesAggregation.Any => new("いずれかの系列（最も高い系列の達成率で評価）", "Any series (graded on the highest series rate)"),
        SeriesAggregation.Mean => new("系列の平均（達成率の平均で評価）", "Mean of the series (graded on the mean rate)"),
        _ => throw Unknown(rule),
    };

    /// <summary>Which actual counts for a year.</summary>
    /// <param name="rule">The rule.</param>
    public static Message Actuals(ActualSelection rule) => rule switch
    {
        ActualSelection.LatestUpToYear => new("その年度までの最新の実績値", "The latest actual up to the year"),
        ActualSelection.ThatYearOnly => new("その年度の実績値のみ", "Only the actual of that year"),
        _ => throw Unknown(rule),
    };

    /// <summary>以上 / 超: whether a rate at a band's threshold reaches it.</summary>
    /// <param name="rule">The rule.</param>
    public static Message Thresholds(ThresholdComparison rule) => rule switch
    {
        ThresholdComparison.Inclusive => new("境界値を含む（以上）", "Threshold included (at or above)"),
        ThresholdComparison.Exclusive => new("境界値を含まない（超）", "Threshold excluded (above)"),
        _ => throw Unknown(rule),
    };

    /// <summary>How a target relative to 全国平均 is judged.</summary>
    /// <param name="rule">The rule.</param>
    public static Message RelativeTargets(RelativeTargetReading rule) => rule switch
    {
        RelativeTargetReading.ProgressFromBaseline => new("基準値からの差の縮小（進捗）", "Share of the gap closed since the baseline"),
        RelativeTargetReading.ReachedOrNot => new("全国平均に達したか（達成・未達成）", "Reached the national average or not"),
        RelativeTargetReading.RatioToReference => new("全国平均に対する比（全国平均の値が必要）", "Ratio to the national average (needs the national value)"),
        _ => throw Unknown(rule),
    };

    /// <summary>
    /// The plan's grading rules named for pages and reports, in the settings page's order: (what, rule) pairs —
    /// 評価に使う実績, 評価区分の境界, 項目のあるKPIの評価, 全国平均との差の評価.
    /// </summary>
    /// <param name="rules">The rules.</param>
    public static IReadOnlyList<(Message Name, Message Rule)> Rules(GradingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return
        [
            (ActualsRule, Actuals(rules.Actuals)),
            (ThresholdsRule, Thresholds(rules.Thresholds)),
            (SeriesRule, Aggregation(rules.SeriesAggregation)),
            (RelativeTargetsRule, RelativeTargets(rules.RelativeTargets)),
        ];
    }

    /// <summary>評価に使う実績: the name of the rule <see cref="Actuals"/>.</summary>
    public static Message ActualsRule { get; } = new("評価に使う実績", "Actual used");

    /// <summary>評価区分の境界: the name of the rule <see cref="Thresholds"/>.</summary>
    public static Message ThresholdsRule { get; } = new("評価区分の境界", "Band thresholds");

    /// <summary>項目のあるKPIの評価: the name of the rule <see cref="Aggregation"/>.</summary>
    public static Message SeriesRule { get; } = new("項目のあるKPIの評価", "KPIs with sub-items");

    /// <summary>全国平均との差の評価: the name of the rule <see cref="RelativeTargets"/>.</summary>
    public static Message RelativeTargetsRule { get; } = new("全国平均との差の評価", "Targets relative to the national average");

    /// <summary>順調 / 要注意 / 遅れ / 判定不可.</summary>
    /// <param name="status">The forecast.</param>
    public static Message Forecast(ForecastStatus status) => status switch
    {
        ForecastStatus.OnTrack => new("順調", "On track"),
        ForecastStatus.AtRisk => new("要注意", "At risk"),
        ForecastStatus.OffTrack => new("遅れ", "Behind"),
        ForecastStatus.InsufficientData => new("判定不可", "Cannot tell"),
        _ => throw Unknown(status),
    };

    /// <summary>改善 / 横ばい / 悪化 / 判定不能: which way a KPI moved since its baseline.</summary>
    /// <param name="status">The trend status.</param>
    public static Message Trend(TrendStatus status) => status switch
    {
        TrendStatus.Improving => new("改善", "Improving"),
        TrendStatus.Stable => new("横ばい", "No change"),
        TrendStatus.Deteriorating => new("悪化", "Deteriorating"),
        TrendStatus.Undetermined => new("判定不能", "Undetermined"),
        _ => throw Unknown(status),
    };

    /// <summary>推移: the name of the trend status (a column heading).</summary>
    public static Message TrendHeading { get; } = new("推移", "Trend");

    /// <summary>見通し: the name of the forecast (a column heading).</summary>
    public static Message ForecastHeading { get; } = new("見通し", "Forecast");

    /// <summary>
    /// The 見通し of a KPI as one short sentence: 「このままのペースでは令和6年度に目標の92%に届く見込みです。」. The share of
    /// the target is the projection ÷ the target (the inverse when lower is better), rounded down, given only when both are
    /// positive. Without a forecast, the reason (one Japanese sentence from <see cref="ForecastCalculator"/>).
    /// </summary>
    /// <param name="forecast">The forecast.</param>
    /// <param name="direction">The KPI's direction (keep level reads as "at least").</param>
    public static Message ForecastSentence(KpiForecast forecast, KpiDirection direction)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (forecast.Status == ForecastStatus.InsufficientData || forecast.TargetYear is not { } year || forecast.Target is not { } target
            || forecast.LatestValue is not { } latest)
        {
            return new(
                forecast.Reason is { Length: > 0 } reason ? reason : "見通しは判定できません。",
                "No forecast can be made: it needs a target with a year and enough actuals for a trend.");
        }

        var ja = year.ToJapanese();
        var en = year.ToEnglish();
        var lower = direction == KpiDirection.Decrease;
        bool AtOrBetter(decimal value) => lower ? value <= target : value >= target;
        var on = forecast.Status == ForecastStatus.OnTrack;
        if (forecast.LatestPeriod is { } p && p.FiscalYear >= year)
        {
            return on
                ? new($"目標年度の{ja}までに目標を達成しています。", $"The target was met by its year, {en}.")
                : new($"目標年度の{ja}を迎え、目標に届いていません。", $"The target year, {en}, has come and the target is not met.");
        }

        if (AtOrBetter(latest))
        {
            return on
                ? new($"目標は達成済みで、このままのペースなら{ja}まで維持できる見込みです。", $"The target is met, and at this pace it will hold until {en}.")
                : new($"目標は達成済みですが、このままのペースでは{ja}に目標を下回るおそれがあります。", $"The target is met, but at this pace it may be lost by {en}.");
        }

        if (on)
        {
            return new($"このままのペースでは{ja}に目標に届く見込みです。", $"At this pace the target will be reached by {en}.");
        }

        if (forecast.ProjectedValue is not { } projected)
        {
            return new($"このままのペースでは{ja}に目標に届かない見込みです。", $"At this pace the target will not be reached by {en}.");
        }

        if (lower ? projected >= latest : projected <= latest)
        {
            return new($"このままでは{ja}に向けて目標から遠ざかる見込みです。", $"At this pace the value moves away from the target by {en}.");
        }

        if (projected > 0m && target > 0m)
        {
            var share = lower ? target / projected : projected / target;
            var percent = Math.Floor(share * 100m).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
            return new($"このままのペースでは{ja}に目標の{percent}%にとどまる見込みです。", $"At this pace {en} would reach only {percent}% of the target.");
        }

        return new($"このままのペースでは{ja}に目標に届かない見込みです。", $"At this pace the target will not be reached by {en}.");
    }

    /// <summary>How the trend of a forecast was measured; null for none.</summary>
    /// <param name="trend">The trend method.</param>
    public static Message? Trend(TrendMethod trend) => trend switch
    {
        TrendMethod.None => null,
        TrendMethod.CompoundGrowth => new("年平均伸び率", "Compound annual growth"),
        TrendMethod.Linear => new("年平均増減（直線）", "Average change per year (linear)"),
        TrendMethod.CumulativePace => new("累計のペース", "Cumulative pace"),
        _ => throw Unknown(trend),
    };

    /// <summary>The grade scale presets of the plan settings and plan files (TwoBand80, Abcd, Symbols).</summary>
    public static IReadOnlyList<string> GradePresets { get; } = ["TwoBand80", "Abcd", "Symbols"];

    /// <summary>The name of a grade scale preset: 80%以上/80%未満, A/B/C/D, ◎/○/△/×.</summary>
    /// <param name="preset">The preset key (<see cref="GradePresets"/>).</param>
    public static Message GradePreset(string preset) => preset switch
    {
        "TwoBand80" => new("80%以上/80%未満", "80% or more / below 80%"),
        "Abcd" => new("A/B/C/D", "A/B/C/D"),
        "Symbols" => new("◎/○/△/×", "◎/○/△/×"),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown grade scale preset"),
    };

    /// <summary>What the no-data grade (—) means.</summary>
    public static Message NoDataGrade { get; } = new("実績なし（達成率を計算できない）", "No actual (the rate cannot be computed)");

    /// <summary>新規 / 拡充 / 継続 / 民間等 / 区分なし.</summary>
    /// <param name="category">The category.</param>
    public static Message Category(ProjectCategory category) => category switch
    {
        ProjectCategory.None => new("区分なし", "No category"),
        ProjectCategory.New => new("新規", "New"),
        ProjectCategory.Expanded => new("拡充", "Expanded"),
        ProjectCategory.Continued => new("継続", "Continued"),
        ProjectCategory.Private => new("民間等", "Private sector etc."),
        _ => throw Unknown(category),
    };

    /// <summary>事業主体 / 担当市町 / 連携先.</summary>
    /// <param name="role">The role.</param>
    public static Message Role(PartnerRole role) => role switch
    {
        PartnerRole.RunningBody => new("事業主体", "Running body"),
        PartnerRole.Lead => new("担当市町", "Lead municipality"),
        PartnerRole.Partner => new("連携先", "Partners"),
        _ => throw Unknown(role),
    };

    /// <summary>予算額 / 決算額 / 見込額.</summary>
    /// <param name="kind">The budget kind.</param>
    public static Message Budget(BudgetKind kind) => kind switch
    {
        BudgetKind.Budget => new("予算額", "Budget"),
        BudgetKind.Settlement => new("決算額", "Settled amount"),
        BudgetKind.Estimate => new("見込額", "Estimate"),
        _ => throw Unknown(kind),
    };

    /// <summary>策定 / 改訂.</summary>
    /// <param name="kind">The revision kind.</param>
    public static Message Revision(RevisionKind kind) => kind switch
    {
        RevisionKind.Adopted => new("策定", "Adopted"),
        RevisionKind.Revised => new("改訂", "Revised"),
        _ => throw Unknown(kind),
    };

    /// <summary>The kinds of year a KPI's bare years are read as: 年度（4月～3月） / 暦年（1月～12月）.</summary>
    public static IReadOnlyList<PeriodKind> YearKinds { get; } = [PeriodKind.FiscalYear, PeriodKind.CalendarYear];

    /// <summary>年度（4月～3月） / 暦年（1月～12月）; only the kinds in <see cref="YearKinds"/>.</summary>
    /// <param name="kind">The kind of year.</param>
    public static Message YearKind(PeriodKind kind) => kind switch
    {
        PeriodKind.FiscalYear => new("年度（4月～3月）", "Fiscal year (April–March)"),
        PeriodKind.CalendarYear => new("暦年（1月～12月）", "Calendar year (January–December)"),
        _ => throw Unknown(kind),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T value) => new(typeof(T).Name, value, $"no word for {typeof(T).Name}.{value}");
}
