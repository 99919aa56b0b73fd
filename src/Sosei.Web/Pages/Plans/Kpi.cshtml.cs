using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sosei.Application.Charts;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Domain.Periods;
using Sosei.Web.Infrastructure;
using Sosei.Web.Localization;

namespace Sosei.Web.Pages.Plans;

/// <summary>A chart of the KPI page, rendered to SVG.</summary>
/// <param name="SeriesName">The series it shows; null for the KPI as a whole.</param>
/// <param name="Svg">The SVG markup.</param>
public sealed record KpiChartView(string? SeriesName, IHtmlContent Svg);

/// <summary>The KPI page: definition, source, values by year, chart, achievement, forecast, projects, relistings.</summary>
public sealed class KpiModel(PlanEvaluator evaluator, IAuthorizationService authorization, UiText text) : PageModel
{
    /// <summary>The evaluated plan.</summary>
    public PlanEvaluation Evaluation { get; private set; } = null!;

    /// <summary>The KPI evaluated for the year.</summary>
    public KpiEvaluation Kpi { get; private set; } = null!;

    /// <summary>The KPI's home path, projects and relistings (read models).</summary>
    public KpiSurroundings Place { get; private set; } = null!;

    /// <summary>The values by period and series.</summary>
    public KpiValueTable Values { get; private set; } = null!;

    /// <summary>Charts (one per series).</summary>
    public IReadOnlyList<KpiChartView> Charts { get; private set; } = [];

    /// <summary>Tabs.</summary>
    public PlanNav Nav { get; private set; } = null!;

    /// <summary>Whether the user may edit.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Plan code.</summary>
    public string Code => Evaluation.Plan.Code;

    /// <summary>The year shown.</summary>
    public int Year => Evaluation.Year.Year;

    /// <summary>Loads the plan evaluation (one evaluator call) and picks the KPI; 404 for an unknown plan or KPI.</summary>
    public async Task<IActionResult> OnGetAsync(string plan, string kpiCode, int? year, CancellationToken cancellationToken)
    {
        if (!FiscalYear.TryCreate(year, out _))
        {
            return NotFound();
        }

        var evaluation = await evaluator.EvaluateAsync(plan, year, cancellationToken);
        var kpi = evaluation?.Kpis.FirstOrDefault(k => k.Kpi.Code == kpiCode);
        if (evaluation is null || kpi is null)
        {
            return NotFound();
        }

        Evaluation = evaluation;
        Kpi = kpi;
        Place = KpiSurroundings.Of(evaluation, kpi);
        Values = KpiValueTable.Build(kpi.Kpi);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.CanEdit)).Succeeded;
        Nav = new PlanNav(evaluation.Plan.Code, PlanTab.Kpi, year, CanEdit);

        var words = new KpiChartText(
            text["実績値"], text["基準値"], text["目標値"], text["目標への直線"], text["中間目標"], text["参考値"], text["未確定"],
            text["{0}の実績値の推移と、基準値・目標値。白抜きの点は参考値または未確定値。"]);
        var i = 0;
        Charts = KpiChart.Build(kpi, words, PlanDisplay.YearAxis, v => $"{Format.PeriodShort(v.Period)}: {KpiFormat.Value(kpi.Kpi, v).Text}")
            // Without any actual value a chart would only repeat the table's baseline and target.
            .Where(c => c.Spec.Series[0].Points.Any(p => p.Y.HasValue))
            .Select(c =>
            {
                // Several charts on one page: their title/desc ids must differ.
                var n = (i++).ToString(CultureInfo.InvariantCulture);
                var svg = LineChart.Render(c.Spec).Replace("chart-title", "chart-title-" + n, StringComparison.Ordinal)
                    .Replace("chart-desc", "chart-desc-" + n, StringComparison.Ordinal);
                return new KpiChartView(c.SeriesName, new HtmlString(svg));
            })
            .ToList();
        return Page();
    }
}
