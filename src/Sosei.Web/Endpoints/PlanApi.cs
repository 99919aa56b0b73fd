using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Sosei.Application.Councils;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.Plans;
using Sosei.Domain.Achievement;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Web.Endpoints;

/// <summary>
/// The read-only JSON API (open like the pages): organizations and plans, a plan's KPIs evaluated for a fiscal year,
/// the verification summary, and the councils that review the plan. camelCase, enums as camelCase strings, Japanese written as is. See docs/api.md.
/// </summary>
public static class PlanApi
{
    /// <summary>JSON settings of the API.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Endpoint name of GET /api/plans/{plan}/kpis.</summary>
    public const string Kpis = "api-plan-kpis";

    /// <summary>Endpoint name of GET /api/plans/{plan}/verification.</summary>
    public const string Verification = "api-plan-verification";

    /// <summary>Endpoint name of GET /api/plans/{plan}/councils.</summary>
    public const string Councils = "api-plan-councils";

    /// <summary>Maps GET /api/plans, /api/plans/{plan}/kpis, /api/plans/{plan}/verification and /api/plans/{plan}/councils.</summary>
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/plans");
        api.MapGet("", async (PlanCatalog catalog, LinkGenerator links, HttpContext http, CancellationToken ct) =>
            Results.Json(new PlansResponse((await catalog.ListAsync(ct)).Select(o => ToDto(o, new ApiLinks(links, http))).ToList()), Json));
        api.MapGet("/{plan}/kpis", async (string plan, string? year, PlanEvaluator evaluator, LinkGenerator links, HttpContext http, CancellationToken ct) =>
        {
            var (evaluation, problem) = await EvaluateAsync(plan, year, evaluator, ct);
            return problem ?? Results.Json(ToKpisDto(evaluation!, new ApiLinks(links, http)), Json);
        }).WithName(Kpis);
        api.MapGet("/{plan}/verification", async (string plan, string? year, PlanEvaluator evaluator, CancellationToken ct) =>
        {
            var (evaluation, problem) = await EvaluateAsync(plan, year, evaluator, ct);
            return problem ?? Results.Json(ToVerificationDto(evaluation!), Json);
        }).WithName(Verification);
        api.MapGet("/{plan}/councils", async (string plan, CouncilDirectory councils, CancellationToken ct) =>
            await councils.GetAsync(plan, ct) is { } view
                ? Results.Json(ToCouncilsDto(view), Json)
                : ApiProblems.UnknownPlan(plan)).WithName(Councils);
        return app;
    }

    private static async Task<(PlanEvaluation? Evaluation, IResult? Problem)> EvaluateAsync(string plan, string? year, PlanEvaluator evaluator, CancellationToken ct)
    {
        int? fiscalYear = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
                || !FiscalYear.IsValid(y))
            {
                return (null, ApiProblems.BadRequest($"年度「{year}」は西暦の年（例: 2018）で指定してください。 / Give the fiscal year “{year}” as a Gregorian year (for example 2018)."));
            }

            fiscalYear = y;
        }

        var evaluation = await evaluator.EvaluateAsync(plan, fiscalYear, ct);
        return evaluation is null ? (null, ApiProblems.UnknownPlan(plan)) : (evaluation, null);
    }

    /// <summary>The links an answer carries, asked of the router by page and endpoint name (no path is written here).</summary>
    private sealed class ApiLinks(LinkGenerator links, HttpContext http)
    {
        public string PlanPage(string plan) => Page("/Plans/Plan", new { plan });

        public string KpiPage(string plan, string kpi) => Page("/Plans/Kpi", new { plan, kpiCode = kpi });

        public string Endpoint(string name, string plan) =>
            links.GetPathByName(http, name, new { plan }) ?? throw new InvalidOperationException($"No endpoint {name}.");

        private string Page(string page, object values) =>
            links.GetPathByPage(http, page, values: values) ?? throw new InvalidOperationException($"No page {page}.");
    }

    private static OrganizationDto ToDto(OrganizationPlans o, ApiLinks links) => new(
        o.Code, o.Name, o.Prefecture, o.Kind,
        o.Plans.Select(p => new PlanListDto(
            p.Code, p.Name, p.Subtitle, p.Type, p.StartFiscalYear, p.EndFiscalYear, p.GoalCount, p.KpiCount, p.ProjectCount,
            new PlanLinks(links.PlanPage(p.Code), links.Endpoint(Kpis, p.Code), links.Endpoint(Verification, p.Code), links.Endpoint(Councils, p.Code))))
        .ToList());

    private static KpisResponse ToKpisDto(PlanEvaluation e, ApiLinks links)
    {
        var nodes = e.Plan.Nodes.ToDictionary(n => n.Id);
        var relistings = e.Relistings.Where(r => r.KpiId is not null).ToLookup(r => r.KpiId!.Value);
        return new KpisResponse(
            PlanRef(e),
            e.Year.Year,
            e.Year.ToDisplay(),
            e.YearsWithData,
            e.Kpis.Select(k =>
            {
                var kpi = k.Kpi;
                var series = kpi.Series.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToList();
                return new KpiDto(
                    kpi.Code,
                    kpi.Name,
                    kpi.Level,
                    nodes.TryGetValue(kpi.HomeNodeId, out var home) ? home.Code : "",
                    relistings[kpi.Id].Where(r => nodes.ContainsKey(r.NodeId)).Select(r => nodes[r.NodeId].Code).ToList(),
                    kpi.Unit,
                    kpi.DisplayUnit,
                    kpi.Direction,
                    kpi.TargetKind,
                    kpi.ValuePeriodKind,
                    new BaselineDto(N(kpi.BaselineValue), kpi.BaselineText, kpi.BaselinePeriod, KpiFormat.Baseline(kpi)?.Text),
                    new TargetDto(N(kpi.TargetValue), kpi.TargetText, kpi.TargetPeriod, kpi.TargetReference, kpi.TargetPhrase, KpiFormat.Target(kpi)?.Text),
                    series.Select(s => new SeriesDto(s.Code, s.Name, s.Unit, N(s.BaselineValue), s.BaselineText, N(s.TargetValue), s.TargetText)).ToList(),
                    k.LatestValues.Select(v => new ValueDto(
                        series.FirstOrDefault(s => s.Id == v.SeriesId)?.Code,
                        v.OriginalText,
                        N(v.Amount),
                        v.Unit,
                        PeriodCodec.Format(v.Period),
                        v.Period.ToDisplay(),
                        v.Qualifiers.HasFlag(ValueQualifiers.Reference),
                        v.Qualifiers.HasFlag(ValueQualifiers.Provisional) || v.NoValueReason == NoValueReasons.Provisional,
                        v.NoValueReason,
                        KpiFormat.Value(kpi, v).Text)).ToList(),
                    N(k.Rate),
                    k.Rate is { } rate ? AchievementResult.RoundPercent(rate) : null,
                    k.IsProvisional,
                    ToDto(k.Achievement),
                    k.SeriesResults.Select(ToDto).ToList(),
                    new GradeDto(k.Grade.Final.Code, k.Grade.Computed.Code, k.Grade.IsOverridden, k.Grade.Reason),
                    k.Trend,
                    k.SeriesTrends.Select(t => new SeriesTrendDto(t.SeriesCode, t.Status)).ToList(),
                    new ForecastDto(
                        k.Forecast.Status,
                        k.Forecast.SeriesCode,
                        k.ForecastSentence.Japanese,
                        k.ForecastSentence.English,
                        k.Forecast.Explanation.Length > 0 ? k.Forecast.Explanation : k.Forecast.Reason),
                    links.KpiPage(e.Plan.Code, kpi.Code));
            }).ToList());
    }

    private static AchievementDto ToDto(AchievementResult r) => new(
        r.SeriesCode, r.Status, r.Method, N(r.Rate), r.RatePercentRounded, N(r.Actual), r.ActualPeriod is { } p ? PeriodCodec.Format(p) : null,
        N(r.Target), r.IsProvisional, r.HasRate ? r.Explanation : r.Reason);

    private static VerificationResponse ToVerificationDto(PlanEvaluation e)
    {
        var kpiCodes = e.Kpis.ToDictionary(k => PlanEvaluator.Id(k.Kpi.Id), k => k.Kpi.Code, StringComparer.Ordinal);
        var nodes = e.Plan.Nodes.ToDictionary(n => PlanEvaluator.Id(n.Id), StringComparer.Ordinal);
        CountsDto Counts(SummaryCounts c) => new(
            c.Total,
            c.ByGrade.Select(g => new GradeCountDto(g.Code, g.Count, g.KpiIds.Select(id => kpiCodes.GetValueOrDefault(id, id)).ToList())).ToList());
        SummaryRowDto Row(SummaryRow r)
        {
            var node = r.NodeId is { } id ? nodes.GetValueOrDefault(id) : null;
            return new SummaryRowDto(node?.Code, node?.Label, node?.Title ?? r.Label, Counts(r.Goal), Counts(r.Measure), Counts(r.Project), Counts(r.All));
        }

        var s = e.Summary;
        return new VerificationResponse(
            PlanRef(e),
            e.Year.Year,
            e.Year.ToDisplay(),
            s.Scale.Grades.Select(g => new GradeBandDto(g.Code, g.Label, g.Band.MinRate, g.IsNoData)).ToList(),
            s.Rows.Select(Row).ToList(),
            Row(s.Totals));
    }

    private static PlanRefDto PlanRef(PlanEvaluation e) => new(e.Plan.Code, e.Plan.Name, e.Plan.Organization?.Name);

    private static CouncilsResponse ToCouncilsDto(PlanCouncils view) => new(
        new PlanRefDto(view.Plan.Code, view.Plan.Name, view.Plan.Organization?.Name),
        view.Councils.Select(c => new CouncilDto(
            c.Code,
            c.Name,
            c.Kind,
            c.Description,
            c.Members.Select(m => new CouncilMemberDto(m.OrganizationName, m.Title)).ToList(),
            c.Meetings.Select(m => new MeetingDto(
                m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Period.OfDate(m.Date).ToDisplay(),
                m.Topics)).ToList())).ToList());

    /// <summary>Decimals as stored may carry trailing zeros (SQLite text): 15757.00000000 → 15757.</summary>
    private static decimal? N(decimal? value) => value is { } v ? v / 1.0000000000000000000000000000m : null;

    // Response shapes (serialized only).
    private sealed record PlansResponse(IReadOnlyList<OrganizationDto> Organizations);

    private sealed record OrganizationDto(string Code, string Name, string? Prefecture, Application.Organizations.OrganizationKind Kind, IReadOnlyList<PlanListDto> Plans);

    private sealed record PlanListDto(string Code, string Name, string? Subtitle, PlanType Type, int StartFiscalYear, int EndFiscalYear, int GoalCount, int KpiCount, int ProjectCount, PlanLinks Links);

    private sealed record PlanLinks(string Page, string Kpis, string Verification, string Councils);

    private sealed record PlanRefDto(string Code, string Name, string? Organization);

    private sealed record KpisResponse(PlanRefDto Plan, int FiscalYear, string FiscalYearDisplay, IReadOnlyList<int> YearsWithData, IReadOnlyList<KpiDto> Kpis);

    private sealed record KpiDto(
        string Code,
        string Name,
        Domain.Kpis.KpiLevel Level,
        string HomeNode,
        IReadOnlyList<string> RelistedAt,
        string Unit,
        string? DisplayUnit,
        Domain.Kpis.KpiDirection Direction,
        Domain.Kpis.TargetKind TargetKind,
        PeriodKind PeriodKind,
        BaselineDto Baseline,
        TargetDto Target,
        IReadOnlyList<SeriesDto> Series,
        IReadOnlyList<ValueDto> LatestValues,
        decimal? Rate,
        decimal? RatePercent,
        bool IsProvisional,
        AchievementDto Achievement,
        IReadOnlyList<AchievementDto> SeriesResults,
        GradeDto Grade,
        TrendStatus Trend,
        IReadOnlyList<SeriesTrendDto> SeriesTrends,
        ForecastDto Forecast,
        string Url);

    private sealed record BaselineDto(decimal? Value, string? Text, string? Period, string? Shown);

    private sealed record TargetDto(decimal? Value, string? Text, string? Period, string? Reference, string? Phrase, string? Shown);

    private sealed record SeriesDto(string Code, string Name, string? Unit, decimal? Baseline, string? BaselineText, decimal? Target, string? TargetText);

    private sealed record ValueDto(string? Series, string Text, decimal? Amount, string Unit, string Period, string PeriodDisplay, bool Reference, bool Provisional, string? NoValueReason, string Shown);

    private sealed record AchievementDto(string? Series, AchievementStatus Status, Domain.Kpis.AchievementMethod Method, decimal? Rate, decimal? RatePercent, decimal? Actual, string? ActualPeriod, decimal? Target, bool IsProvisional, string? Explanation);

    private sealed record GradeDto(string Code, string Computed, bool Overridden, string? Reason);

    private sealed record SeriesTrendDto(string? Series, TrendStatus Status);

    private sealed record ForecastDto(ForecastStatus Status, string? Series, string Text, string TextEn, string? Explanation);

    private sealed record VerificationResponse(PlanRefDto Plan, int FiscalYear, string FiscalYearDisplay, IReadOnlyList<GradeBandDto> Grades, IReadOnlyList<SummaryRowDto> Rows, SummaryRowDto Totals);

    private sealed record GradeBandDto(string Code, string Label, decimal? MinRate, bool NoData);

    private sealed record SummaryRowDto(string? Node, string? Label, string Title, CountsDto Goal, CountsDto Measure, CountsDto Project, CountsDto All);

    private sealed record CountsDto(int Total, IReadOnlyList<GradeCountDto> ByGrade);

    private sealed record GradeCountDto(string Code, int Count, IReadOnlyList<string> Kpis);

    private sealed record CouncilsResponse(PlanRefDto Plan, IReadOnlyList<CouncilDto> Councils);

    private sealed record CouncilDto(string Code, string Name, CouncilKind Kind, string? Description, IReadOnlyList<CouncilMemberDto> Members, IReadOnlyList<MeetingDto> Meetings);

    private sealed record CouncilMemberDto(string Organization, string? Title);

    private sealed record MeetingDto(string Date, string DateDisplay, string? Topics);
}
