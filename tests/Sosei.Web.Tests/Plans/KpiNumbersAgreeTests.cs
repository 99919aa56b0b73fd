using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Reports;
using Sosei.Web.Tests.Infrastructure;

namespace Sosei.Web.Tests.Plans;

/// <summary>
/// Every KPI of both demo plans reads the same on its page and in the reports: the level word, the baseline, each
/// year's value and the target (one formatter, <see cref="KpiFormat"/>, and one word table behind both), and the
/// spreadsheet number keeps the precision the value was written with.
/// </summary>
[Collection(PlanPagesGroup.Name)]
public class KpiNumbersAgreeTests(SoseiWebFactory factory)
{
    [Theory]
    [InlineData(PlanPagesGroup.Abashiri, 2018)]
    [InlineData(PlanPagesGroup.Nemuro, 2019)]
    public async Task EveryDemoKpi_ShowsTheSameWordsAndNumbersOnItsPageAndInTheVerificationReport(string planCode, int year)
    {
        PlanEvaluation e;
        using (var scope = factory.Services.CreateScope())
        {
            e = (await scope.ServiceProvider.GetRequiredService<PlanEvaluator>().EvaluateAsync(planCode, year))!;
        }

        var detail = VerificationReportBuilder.Build(e).Tables[1];
        var years = detail.Columns.Skip(5).TakeWhile(c => c.Header != "目標値").Select(c => int.Parse(c.Header[^5..^1], CultureInfo.InvariantCulture)).ToList();
        var targetColumn = 5 + years.Count;
        var kpiRows = detail.Rows.Where(r => !r.IsSub).ToList();
        Assert.Equal(e.Kpis.Count, kpiRows.Count);

        var client = factory.CreateClient();
        var problems = new List<string>();
        var compared = 0;
        for (var i = 0; i < e.Kpis.Count; i++)
        {
            var kpi = e.Kpis[i].Kpi;
            var row = kpiRows[i];
            Assert.Equal(kpi.Name, row.Cells[3].Text);
            var doc = await Html.GetAsync(client, $"/plans/{planCode}/kpis/{Uri.EscapeDataString(kpi.Code)}?year={year}");
            void Same(string what, string page, string report)
            {
                compared++;
                if (!string.Equals(page, report, StringComparison.Ordinal))
                {
                    problems.Add($"{kpi.Code} {kpi.Name} {what}: page 「{page}」, report 「{report}」");
                }
            }

            Same("区分", doc.QuerySelector("h1 .level-tag")!.Squash(), row.Cells[2].Text);

            var pageRows = doc.QuerySelectorAll("#values-table tbody tr").ToList();
            var periods = KpiValueTable.Build(kpi).Periods.ToList();
            var series = kpi.Series.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToList();
            if (series.Count == 0)
            {
                var tds = pageRows[0].QuerySelectorAll("td").ToList();
                var baseline = tds[0].Squash();
                var target = tds[^1].Squash();
                // The report adds the period after the text (（H26）) and, without a written target, the phrase.
                Same("基準値", baseline == "—" ? "" : baseline, Head(row.Cells[4].Text, baseline));
                if (target != "—")
                {
                    Same("目標値", target, Head(row.Cells[targetColumn].Text, target));
                }
            }

            var sub = detail.Rows.SkipWhile(r => r != row).Skip(1).TakeWhile(r => r.IsSub).ToList();
            for (var r = 0; r < Math.Max(1, series.Count); r++)
            {
                var s = series.Count == 0 ? null : series[r];
                var reportRow = s is null ? row : sub[r];
                var tds = pageRows[r].QuerySelectorAll("td").ToList();
                for (var j = 0; j < years.Count; j++)
                {
                    var v = kpi.Values.Where(x => x.SeriesId == s?.Id && x.Period.FiscalYear.Year == years[j]).OrderByDescending(x => x.Period).FirstOrDefault();
                    var cell = reportRow.Cells[5 + j];
                    if (v is null)
                    {
                        continue;
                    }

                    var td = tds[1 + periods.IndexOf(v.Period)];
                    foreach (var tag in td.QuerySelectorAll(".tag").ToList())
                    {
                        tag.Remove();
                    }

                    Same($"{s?.Name} {years[j]}", Bare(td.Squash()), Bare(cell.Text));
                    if (cell.Number is { } n)
                    {
                        // The spreadsheet shows the number as written: no digit is rounded away (1.37 is not "1").
                        var decimals = Decimals(cell.NumberFormat!);
                        if (decimal.Round(n, decimals) != n)
                        {
                            problems.Add($"{kpi.Code} {s?.Name} {years[j]}: {n.ToString(CultureInfo.InvariantCulture)} shown with {decimals} decimals ({cell.NumberFormat})");
                        }

                        if (n < 0 && !cell.NumberFormat!.Contains("\"△\"", StringComparison.Ordinal))
                        {
                            problems.Add($"{kpi.Code} {years[j]}: negative number without △ ({cell.NumberFormat})");
                        }
                    }
                }
            }
        }

        Assert.True(compared > e.Kpis.Count * 2, $"only {compared} comparisons");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    // The report cell starts with what the page shows; the rest is the period or the phrase the report adds.
    private static string Head(string report, string page) =>
        page.Length > 0 && report.StartsWith(page, StringComparison.Ordinal) ? page : report;

    // Provisional values: the page turns the written 未確定 into a tag; compare the rest.
    private static string Bare(string text) => string.Join(' ', text.Replace("未確定", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int Decimals(string numberFormat)
    {
        var section = numberFormat.Split(';')[0];
        var dot = section.IndexOf("0.", StringComparison.Ordinal);
        return dot < 0 ? 0 : section[(dot + 2)..].TakeWhile(c => c == '0').Count();
    }
}
