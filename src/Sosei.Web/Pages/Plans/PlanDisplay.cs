using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;
using Sosei.Web.Infrastructure;
using Sosei.Web.Localization;

namespace Sosei.Web.Pages.Plans;

/// <summary>
/// Words and small pieces of markup shared by the plan, KPI, projects and verification pages: enum values in words,
/// values with their original text and qualifiers, rates with the method named, grade badges. Text goes through
/// <see cref="UiText"/> (Japanese first; the keys are in Localization/en/plans.json).
/// </summary>
public static class PlanDisplay
{
    // Japanese is written as is (like the pages, see WebSetup); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>数値目標 / 施策のKPI / 事業のKPI (<see cref="Terms"/>, like every word below).</summary>
    public static string Level(UiText T, KpiLevel level) => T[Terms.Level(level)];

    /// <summary>Which way is better, in words.</summary>
    public static string Direction(UiText T, KpiDirection direction) => T[Terms.Direction(direction)];

    /// <summary>How the target is stated, in words.</summary>
    public static string TargetKind(UiText T, TargetKind kind) => T[Terms.TargetKind(kind)];

    /// <summary>目標値に対する比率 / 基準値からの進捗 / 期間按分.</summary>
    public static string Method(UiText T, AchievementMethod method) => T[Terms.Method(method)];

    /// <summary>順調 / 要注意 / 遅れ / 判定不可.</summary>
    public static string Forecast(UiText T, ForecastStatus status) => T[Terms.Forecast(status)];

    /// <summary>改善 / 横ばい / 悪化 / 判定不能 as a badge in the colours of <see cref="StatusColors"/>.</summary>
    public static IHtmlContent TrendBadge(UiText T, TrendStatus status) =>
        new HtmlString($"<span class=\"badge trend {StatusColors.TrendClass(status)}\">{Enc(T[Terms.Trend(status)])}</span>");

    /// <summary>順調 / 要注意 / 遅れ / 判定不可 as a badge in the colours of <see cref="StatusColors"/>.</summary>
    public static IHtmlContent ForecastBadge(UiText T, ForecastStatus status) =>
        new HtmlString($"<span class=\"badge forecast {StatusColors.ForecastClass(status)}\">{Enc(T[Terms.Forecast(status)])}</span>");

    /// <summary>How the trend of a forecast was measured.</summary>
    public static string Trend(UiText T, TrendMethod trend) => Terms.Trend(trend) is { } word ? T[word] : "";

    /// <summary>新規 / 拡充 / 継続 / 民間等 / 区分なし.</summary>
    public static string Category(UiText T, ProjectCategory category) => T[Terms.Category(category)];

    /// <summary>事業主体 / 担当市町 / 連携先.</summary>
    public static string Role(UiText T, PartnerRole role) => T[Terms.Role(role)];

    /// <summary>予算額 / 決算額 / 見込額.</summary>
    public static string Budget(UiText T, BudgetKind kind) => T[Terms.Budget(kind)];

    /// <summary>How series are graded together, in words.</summary>
    public static string Aggregation(UiText T, SeriesAggregation rule) => T[Terms.Aggregation(rule)];

    /// <summary>The path of a node as text: 基本目標-1 （ア） ① 出会い、結婚…; without labels, only the node's title.</summary>
    public static string PathText(IReadOnlyList<NodeView> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return NodeStep.PathText(path.Select(n => new NodeStep(n.Code, n.Depth, n.Label, n.Title)).ToList());
    }

    /// <summary>The path text of a node of a plan (see <see cref="PathText"/>).</summary>
    public static string NodePath(PlanView plan, int nodeId) => PathText(PlanTree.PathTo(plan, nodeId));

    /// <summary>策定 / 改訂.</summary>
    public static string Revision(UiText T, RevisionKind kind) => T[Terms.Revision(kind)];

    /// <summary>Money in yen, exact, with thousands separators: 5,031,030円.</summary>
    public static string Yen(decimal amount) => KpiFormat.Yen(amount);

    /// <summary>An exact amount with thousands separators and only the decimals it has (15757.00 → 15,757; 1.5 → 1.5).</summary>
    public static string Amount(decimal amount) => KpiFormat.Exact(amount);

    /// <summary>
    /// An amount in a KPI's display unit, rounded half away from zero (313000 ㎡ with 千㎡ → 313千㎡); the exact amount
    /// in the base unit when the display unit does not fit.
    /// </summary>
    /// <param name="amount">Amount in the base unit.</param>
    /// <param name="unit">Base unit.</param>
    /// <param name="displayUnit">Display unit (万人, 千㎡); null for the base unit.</param>
    /// <param name="decimals">Decimals in the display unit.</param>
    public static string Quantity(decimal amount, string unit, string? displayUnit, int decimals) =>
        ValueFormatter.FormatOrExact(amount, unit ?? "", displayUnit, Math.Clamp(decimals, 0, 6));

    /// <summary>Fiscal years the year selector offers: the plan's years and every year with data, and the selected one.</summary>
    public static IReadOnlyList<int> SelectableYears(PlanEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return Enumerable.Range(evaluation.Plan.StartFiscalYear, Math.Max(0, evaluation.Plan.EndFiscalYear - evaluation.Plan.StartFiscalYear + 1))
            .Concat(evaluation.YearsWithData)
            .Append(evaluation.Year.Year)
            .Distinct().Order().ToList();
    }

    /// <summary>Short x-axis label of a fiscal year: H27 (2015) / FY2015.</summary>
    public static string YearAxis(int year) => UiText.IsEnglish
        ? string.Create(CultureInfo.InvariantCulture, $"FY{year}")
        : string.Create(CultureInfo.InvariantCulture, $"{new FiscalYear(year).ToShort()} ({year})");

    /// <summary>A period range in full: 平成26年度 (2014), or 平成20年度 (2008) ～ 平成24年度 (2012).</summary>
    public static string Range(PeriodRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range.IsSingle ? Format.Period(range.First) : $"{Format.Period(range.First)} ～ {Format.Period(range.Last)}";
    }

    /// <summary>A period range in short: H26, H20～H24.</summary>
    public static string RangeShort(PeriodRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range.IsSingle ? Format.PeriodShort(range.First) : $"{Format.PeriodShort(range.First)}～{Format.PeriodShort(range.Last)}";
    }

    /// <summary>The CSS class of a grade badge (<see cref="StatusColors.GradeClass(Grade, GradeScale)"/>).</summary>
    public static string GradeClass(Grade grade, GradeScale scale) => StatusColors.GradeClass(grade, scale);

    /// <summary>The label of a grade for a column or badge: its code, and for the no-data grade the scale's code (—).</summary>
    public static string GradeTitle(UiText T, Grade grade) => grade.IsNoData ? T[Terms.NoDataGrade] : grade.Label;

    /// <summary>The final grade as a badge, with a 手動 marker when it was set by hand (computed grade and reason in its title).</summary>
    public static IHtmlContent GradeBadge(UiText T, GradeDecision decision, GradeScale scale)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var final = decision.Final;
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<span class=\"badge {GradeClass(final, scale)}\" title=\"{Enc(GradeTitle(T, final))}\">{Enc(final.Code)}</span>");
        if (decision.IsOverridden)
        {
            var title = T.Format("計算上の評価: {0} / 理由: {1}", decision.Computed.Code, decision.Reason ?? "");
            html.AppendHtml($" <span class=\"tag manual\" title=\"{Enc(title)}\">{Enc(T["手動"])}</span>");
        }

        return html;
    }

    /// <summary>
    /// An achievement rate (98.5%) with the method and formula in its title; "—" with the reason when there is none.
    /// </summary>
    public static IHtmlContent Rate(UiText T, AchievementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rate is not { } rate)
        {
            return new HtmlString($"<span class=\"muted\" title=\"{Enc(result.Reason ?? T["実績なし"])}\">—</span>");
        }

        var title = $"{Method(T, result.Method)}: {result.Explanation}";
        return new HtmlString($"<span class=\"rate\" title=\"{Enc(title)}\">{Enc(Format.Percent(rate))}</span>");
    }

    /// <summary>
    /// A value as the document wrote it (the unit added where it left it out, see <see cref="ValueFormatter.WithUnit"/>),
    /// with its period (R6) and 参考値 / 未確定 marked; the title holds the original text and the full period
    /// (令和6年度 (2024)).
    /// </summary>
    /// <param name="T">UI text.</param>
    /// <param name="value">The value.</param>
    /// <param name="unit">The base unit of the KPI or series (<see cref="ShownUnit.Unit"/>); empty when unknown.</param>
    public static IHtmlContent LatestValue(UiText T, ValueView value, string unit = "")
    {
        ArgumentNullException.ThrowIfNull(value);
        var title = $"{value.OriginalText} · {Format.Period(value.Period)}";
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<span class=\"value\" title=\"{Enc(title)}\">");
        html.AppendHtml(ValueText(T, value, unit));
        html.AppendHtml($"</span> <span class=\"period\" title=\"{Enc(Format.Period(value.Period))}\">{Enc(Format.PeriodShort(value.Period))}</span>");
        return html;
    }

    /// <summary>
    /// A value for the values table: the text as written (the unit added where it was left out), 参考値 / 未確定 marked,
    /// the parsed amount in the title (no amount: why).
    /// </summary>
    /// <param name="T">UI text.</param>
    /// <param name="value">The value.</param>
    /// <param name="unit">The base unit of the KPI or series (<see cref="ShownUnit.Unit"/>); empty when unknown.</param>
    public static IHtmlContent Cell(UiText T, ValueView value, string unit = "")
    {
        ArgumentNullException.ThrowIfNull(value);
        var title = value.Amount is { } a
            ? T.Format("数値: {0}{1}", Amount(a), value.Unit)
            : value.NoValueReason == NoValueReasons.Dash ? T["値なし（—）"] : value.NoValueReason ?? "";
        var html = new HtmlContentBuilder();
        html.AppendHtml($"<span class=\"value\" title=\"{Enc(title)}\">");
        html.AppendHtml(ValueText(T, value, unit));
        html.AppendHtml("</span>");
        return html;
    }

    /// <summary>Whether a value is a 参考値.</summary>
    public static bool IsReference(ValueView value) => value?.Qualifiers.HasFlag(ValueQualifiers.Reference) == true;

    /// <summary>Whether a value is provisional (未確定).</summary>
    public static bool IsProvisional(ValueView value) => value?.Qualifiers.HasFlag(ValueQualifiers.Provisional) == true || value?.NoValueReason == NoValueReasons.Provisional;

    private static HtmlContentBuilder ValueText(UiText T, ValueView value, string unit)
    {
        var html = new HtmlContentBuilder();
        var text = ValueFormatter.WithUnit(value.OriginalText, unit ?? "");
        if (IsProvisional(value))
        {
            // 「未確定 (313千㎡)」: the word the document wrote becomes the tag, so it is not said twice.
            var word = NoValueReasons.Provisional;
            if (!UiText.IsEnglish && text.StartsWith(word, StringComparison.Ordinal))
            {
                html.AppendHtml($"<span class=\"tag provisional\">{Enc(word)}</span>");
                var rest = text[word.Length..];
                if (rest.Length > 0)
                {
                    html.Append(rest);
                }
            }
            else
            {
                html.Append(text);
                html.AppendHtml($" <span class=\"tag provisional\">{Enc(T["未確定"])}</span>");
            }
        }
        else
        {
            html.Append(text.Length == 0 ? "—" : text);
        }

        if (IsReference(value))
        {
            html.AppendHtml($" <span class=\"tag reference\">{Enc(T["参考値"])}</span>");
        }

        return html;
    }

    private static string Enc(string s) => Encoder.Encode(s);
}
