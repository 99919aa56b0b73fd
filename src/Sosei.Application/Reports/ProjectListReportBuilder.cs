using Microsoft.EntityFrameworkCore;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Persistence;
using Sosei.Application.Projects;
using Sosei.Domain.Periods;
using static Sosei.Application.Reports.ReportCells;

namespace Sosei.Application.Reports;

/// <summary>
/// Builds the 事業一覧 from the plan evaluation (<see cref="PlanEvaluator"/>): the projects with their runners, KPIs,
/// budget amounts and grants (organization names from the database).
/// </summary>
public sealed class ProjectListReportBuilder(SoseiDbContext db)
{
    /// <summary>Builds the 事業一覧 of an evaluation.</summary>
    public async Task<ReportDocument> BuildAsync(PlanEvaluation e, CancellationToken cancellationToken = default)
    {
        var orgIds = e.Projects.SelectMany(p => p.BudgetLines.Select(b => b.OrganizationId)).OfType<int>().Distinct().ToList();
        var orgNames = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var kpiCodes = e.Kpis.ToDictionary(k => k.Kpi.Id, k => k.Kpi);
        var goalOf = GoalOf(e.Plan);
        var byId = e.Plan.Nodes.ToDictionary(n => n.Id);

        // One column per fiscal year and kind of amount that occurs (予算額, 決算額, 見込額).
        var amountColumns = e.Projects.SelectMany(p => p.BudgetLines).Select(b => (b.FiscalYear, b.Kind)).Distinct()
            .OrderBy(x => x.FiscalYear).ThenBy(x => x.Kind).ToList();
        var grantYears = e.Projects.SelectMany(p => p.Grants).Select(g => g.FiscalYear).Distinct().OrderBy(y => y ?? int.MaxValue).ToList();

        var columns = new List<ReportColumn>
        {
            new("No.", Numeric: true, Width: 5),
            new(e.LevelName(0) is { Length: > 0 } l ? l : "基本目標", Width: 12),
            new("掲載場所", Width: 24),
            new("事業名", Width: 30),
            new("区分", Width: 7),
            new("内容", Width: 40),
            new("担当課・実施主体", Width: 18),
            new("関連KPI", Width: 24),
        };
        columns.AddRange(amountColumns.Select(a => new ReportColumn($"{new FiscalYear(a.FiscalYear).ToShort()} {KindWord(a.Kind)}（円）", Numeric: true, Width: 15)));
        columns.AddRange(grantYears.Select(y => new ReportColumn(y is { } fy ? $"{new FiscalYear(fy).ToShort()} 交付金（円）" : "交付金（円）", Numeric: true, Width: 15)));
        columns.Add(new ReportColumn("交付金の種類", Width: 20));

        var rows = new List<ReportRow>();
        var totals = new decimal[amountColumns.Count + grantYears.Count];
        var number = 0;
        foreach (var p in e.Projects)
        {
            var home = byId[p.HomeNodeId];
            var runner = new List<string>();
            if (p.Department is not null)
            {
                runner.Add(p.Department.Name);
            }

            runner.AddRange(p.Partners.OrderBy(x => x.SortOrder).Select(x => (x.Organization?.Name ?? x.Name ?? "") + (x.Role switch { PartnerRole.Lead => "（担当市町）", PartnerRole.Partner => "（連携）", _ => "" })));
            var goal = goalOf(home);
            var cells = new List<ReportCell>
            {
                Count(++number),
                string.IsNullOrEmpty(goal.Label) ? goal.Title : goal.Label,
                home.ParentId is null ? "" : NodeLabel(home),
                p.Name,
                CategoryWord(p.Category),
                p.Content ?? "",
                string.Join("\n", runner),
                string.Join("\n", p.Kpis.OrderBy(x => x.SortOrder).Select(x => kpiCodes.TryGetValue(x.KpiId, out var k) ? k.Name : "")),
            };
            for (var i = 0; i < amountColumns.Count; i++)
            {
                var (fy, kind) = amountColumns[i];
                var lines = p.BudgetLines.Where(b => b.FiscalYear == fy && b.Kind == kind).ToList();
                var sum = lines.Where(b => b.Amount.HasValue).Sum(b => b.Amount!.Value);
                totals[i] += sum;
                cells.Add(lines.Count == 0 ? ReportCell.Empty : lines.All(b => b.Amount is null)
                    ? new ReportCell(string.Join("\n", lines.Select(b => b.OriginalText ?? "-")), Class: "num muted")
                    : new ReportCell(
                        lines.Count == 1 ? Yen(sum) : string.Join("\n", lines.Select(b => $"{(b.OrganizationId is { } o ? orgNames.GetValueOrDefault(o) : "")} {(b.Amount is { } a ? Yen(a) : b.OriginalText)}")),
                        sum,
                        "#,##0",
                        "num"));
            }

            for (var i = 0; i < grantYears.Count; i++)
            {
                var grants = p.Grants.Where(g => g.FiscalYear == grantYears[i] && g.Amount.HasValue).ToList();
                var sum = grants.Sum(g => g.Amount!.Value);
                totals[amountColumns.Count + i] += sum;
                cells.Add(grants.Count == 0 ? ReportCell.Empty : new ReportCell(Yen(sum), sum, "#,##0", "num"));
            }

            cells.Add(string.Join("\n", p.Grants.Select(g => g.Program).Distinct(StringComparer.Ordinal)));
            rows.Add(new ReportRow(cells));
        }

        if (totals.Length > 0)
        {
            var total = new List<ReportCell> { "", "合計" };
            total.AddRange(Enumerable.Repeat(ReportCell.Empty, 6));
            total.AddRange(totals.Select(t => new ReportCell(Yen(t), t, "#,##0", "num")));
            total.Add("");
            rows.Add(new ReportRow(total, IsTotal: true));
        }

        var table = new ReportTable
        {
            Title = $"事業一覧（{e.Projects.Count}事業）",
            SheetName = "事業一覧",
            Columns = columns,
            Rows = rows,
            FrozenColumns = 4,
            Note = amountColumns.Count + grantYears.Count == 0 ? "この計画には予算・決算・交付金額の登録がありません。" : "金額は円。「-」は未定（0 ではありません）。",
        };
        return Document(e, ReportKind.Projects, [table]);
    }

    private static string Yen(decimal amount) => KpiFormat.Exact(amount); // the column header says （円）

    private static string KindWord(BudgetKind kind) => Terms.Budget(kind).Japanese;

    // An uncategorised project leaves the cell empty, as the documents' lists do.
    private static string CategoryWord(ProjectCategory category) => category == ProjectCategory.None ? "" : Terms.Category(category).Japanese;
}
