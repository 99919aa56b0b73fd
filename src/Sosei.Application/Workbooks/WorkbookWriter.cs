using System.Globalization;
using Sosei.Application.PlanFiles;
using Sosei.Domain.Periods;
using static Sosei.Application.Workbooks.WorkbookTemplate;

namespace Sosei.Application.Workbooks;

/// <summary>One sheet of the template as texts: a header row and data rows.</summary>
/// <param name="Name">Sheet name.</param>
/// <param name="Header">Column headers.</param>
/// <param name="Rows">Data rows (null = blank cell).</param>
/// <param name="FrozenColumns">Columns kept visible when scrolling right.</param>
/// <param name="NumberColumns">0-based columns written as numbers in xlsx.</param>
public sealed record WorkbookSheetContent(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string?>> Rows, int FrozenColumns = 0, IReadOnlySet<int>? NumberColumns = null);

/// <summary>
/// Maps a plan file (<see cref="PlanDocument"/>) to the sheets of the workbook template, and writes them as .xlsx or as
/// a zip of CSV files. Every text is written as the plan file holds it (value texts, period texts, phrases), and
/// enumerations in their Japanese words, so that <see cref="WorkbookReader"/> reads back the same document.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>The sheets of a plan; with null, the blank template (headers only).</summary>
    public static IReadOnlyList<WorkbookSheetContent> Sheets(PlanDocument? document)
    {
        var sheets = new List<WorkbookSheetContent> { PlanSheet(document) };
        sheets.Add(List(WorkbookTemplate.Sheets.Organizations, document?.Organizations.Select(o => Row(o.Code, o.Name, Words.ToJapanese(Words.OrganizationKind, o.Kind), o.Prefecture, Lines(o.Departments)))));
        sheets.Add(List(WorkbookTemplate.Sheets.Regions, document?.Regions.Select(r => Row(r.Code, r.Name, Lines(r.Members)))));
        sheets.Add(List(WorkbookTemplate.Sheets.Revisions, document?.Plan.Revisions.Select(r => Row(r.Date, Words.ToJapanese(Words.RevisionKind, r.Kind), r.Note))));
        sheets.Add(List(
            WorkbookTemplate.Sheets.GradeBands,
            document?.Plan.GradeScale?.Bands.Select(b => Row(b.Code, b.Label, b.MinPercent?.ToString(CultureInfo.InvariantCulture), b.NoData ? "○" : null)),
            numbers: new HashSet<int> { 2 }));
        sheets.Add(List(WorkbookTemplate.Sheets.Nodes, document is null ? null : Flatten(document.Nodes, null)));
        sheets.Add(KpiSheet(document));
        sheets.Add(List(WorkbookTemplate.Sheets.ValueComments, document?.Kpis.SelectMany(k =>
            k.Values.Where(v => v.Comment is not null).Select(v => Row(k.Code, null, v.Period, v.Comment))
                .Concat(k.Series.SelectMany(s => s.Values.Where(v => v.Comment is not null).Select(v => Row(k.Code, s.Code, v.Period, v.Comment)))))));
        sheets.Add(List(WorkbookTemplate.Sheets.InterimTargets, document?.Kpis.SelectMany(k => k.InterimTargets.Select(i => Row(k.Code, i.Period, i.Value)))));
        sheets.Add(List(WorkbookTemplate.Sheets.Projects, document?.Projects.Select(p => Row(
            p.Code, p.Node, p.Name, Words.ToJapanese(Words.Category, p.Category), p.Content, p.Department, Lines(p.Kpis), p.StartYear, p.EndYear, p.Note))));
        sheets.Add(List(WorkbookTemplate.Sheets.Partners, document?.Projects.SelectMany(p => p.Partners.Select(x => Row(p.Code, x.Organization, x.Name, Words.ToJapanese(Words.Role, x.Role))))));
        sheets.Add(List(WorkbookTemplate.Sheets.Budget, document?.Projects.SelectMany(p => p.Budget.Select(b => Row(
            p.Code, b.FiscalYear, Words.ToJapanese(Words.BudgetKind, b.Kind), b.Amount, b.Organization, b.FundingSource)))));
        sheets.Add(List(
            WorkbookTemplate.Sheets.Grants,
            document?.Projects.SelectMany(p => p.Grants.Select(g => Row(p.Code, g.Program, g.Amount, g.FiscalYear, g.ListNumber?.ToString(CultureInfo.InvariantCulture), g.StrategyLink))),
            numbers: new HashSet<int> { 4 }));
        sheets.Add(List(WorkbookTemplate.Sheets.Relistings, document?.Relistings.Select(r => Row(r.Node, r.Kpi, r.Project, r.Name, r.Content))));
        sheets.Add(List(WorkbookTemplate.Sheets.Councils, document?.Councils.Select(c => Row(c.Code, c.Name, Words.ToJapanese(Words.CouncilKind, c.Kind), c.Description))));
        sheets.Add(List(WorkbookTemplate.Sheets.Members, document?.Councils.SelectMany(c => c.Members.Select(m => Row(c.Code, m.Organization, m.Title)))));
        sheets.Add(List(WorkbookTemplate.Sheets.Meetings, document?.Councils.SelectMany(c => c.Meetings.Select(m => Row(c.Code, m.Date, m.Topics)))));
        sheets.Add(List(WorkbookTemplate.Sheets.PopulationTargets, document?.PopulationTargets.Select(t => Row(t.Term, t.Year, t.Indicator, t.Target, t.Projection, t.ProjectionEdition, t.Note))));
        sheets.Add(List(
            WorkbookTemplate.Sheets.PublishedTallies,
            document?.PublishedJudgements.SelectMany(j => (j.Tallies.Count == 0 ? [null] : j.Tallies.Select(t => (PublishedTallyEntry?)t)).Select(t => Row(
                j.FiscalYear,
                j.ThresholdPercent?.ToString(CultureInfo.InvariantCulture),
                t?.Node,
                Count(t?.Goal?.Reached),
                Count(t?.Goal?.Below),
                Count(t?.Measure?.Reached),
                Count(t?.Measure?.Below),
                Count(t?.Project?.Reached),
                Count(t?.Project?.Below),
                j.Source,
                j.Note))),
            numbers: new HashSet<int> { 1, 3, 4, 5, 6, 7, 8 }));
        sheets.Add(List(WorkbookTemplate.Sheets.PublishedGrades, document?.PublishedJudgements.SelectMany(j => j.Grades.Select(g => Row(j.FiscalYear, g.Kpi, g.Grade, g.Note)))));
        sheets.Add(List(
            WorkbookTemplate.Sheets.GradeOverrides,
            document?.GradeOverrides.Select(o => Row(o.Kpi, o.Year?.ToString(CultureInfo.InvariantCulture), o.Grade, o.Reason, o.DecidedBy, o.DecidedAt)),
            numbers: new HashSet<int> { 1 }));
        return sheets;
    }

    /// <summary>The workbook as .xlsx: a 使い方 sheet first, then the data sheets with styled, frozen headers.</summary>
    public static byte[] ToXlsx(PlanDocument? document)
    {
        var title = document is null ? "Sosei 計画ファイル テンプレート" : document.Plan.Name;
        var sheets = new List<XlsxSheet> { GuideSheet(title) };
        foreach (var s in Sheets(document))
        {
            var sheet = new XlsxSheet
            {
                Name = s.Name,
                FrozenRows = 1,
                FrozenColumns = s.FrozenColumns,
                PrintTitleRows = (1, 1),
                PageHeader = title,
                AutoFilterRow = s.Name == WorkbookTemplate.Sheets.Plan ? null : 1,
            };
            sheet.Rows.Add(s.Header.Select(h => XlsxCell.Of(h, XlsxStyle.Head)).ToList());
            foreach (var row in s.Rows)
            {
                sheet.Rows.Add(row.Select((text, c) =>
                    s.NumberColumns?.Contains(c) == true && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                        ? XlsxCell.Of(n, NumberStyle)
                        : XlsxCell.Of(text, XlsxStyle.Body)).ToList());
            }

            sheets.Add(sheet);
        }

        return XlsxWriter.ToBytes(sheets);
    }

    /// <summary>The workbook as a zip of CSV files, one per sheet (UTF-8 with BOM).</summary>
    public static byte[] ToCsvZip(PlanDocument? document) =>
        CsvFile.WriteZip(Sheets(document).Select(s => (s.Name, (IEnumerable<IReadOnlyList<string?>>)[s.Header, .. s.Rows])));

    private static readonly XlsxStyle NumberStyle = XlsxStyle.Body with { Wrap = false };

    private static string? Lines(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : string.Join('\n', list);
    }

    private static string?[] Row(params string?[] cells) => cells;

    private static string? Count(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static WorkbookSheetContent List(string name, IEnumerable<IReadOnlyList<string?>>? rows, IReadOnlySet<int>? numbers = null)
    {
        var spec = ListSheets.Single(s => s.Name == name);
        return new WorkbookSheetContent(name, spec.Columns.Select(c => c.Header).ToList(), rows?.ToList() ?? [], 0, numbers);
    }

    private static IEnumerable<IReadOnlyList<string?>> Flatten(IEnumerable<NodeEntry> nodes, string? parent)
    {
        foreach (var n in nodes)
        {
            yield return Row(n.Code, parent, n.Label, n.Title, n.Description);
            foreach (var child in Flatten(n.Children, n.Code))
            {
                yield return child;
            }
        }
    }

    private static WorkbookSheetContent PlanSheet(PlanDocument? document)
    {
        var p = document?.Plan;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [PlanKeys.Code] = p?.Code,
            [PlanKeys.Name] = p?.Name,
            [PlanKeys.Subtitle] = p?.Subtitle,
            [PlanKeys.Type] = Words.ToJapanese(Words.PlanType, p?.Type),
            [PlanKeys.Organization] = p?.Organization,
            [PlanKeys.Region] = p?.Region,
            [PlanKeys.Period] = p?.Period,
            [PlanKeys.Levels] = p is null ? null : Lines(p.Levels),
            [PlanKeys.Method] = Words.ToJapanese(Words.Method, p?.DefaultAchievementMethod),
            [PlanKeys.Scale] = Words.ToJapanese(Words.Scale, p?.GradeScale?.Preset),
            [PlanKeys.Actuals] = Words.ToJapanese(Words.Actuals, p?.GradingRules?.Actuals),
            [PlanKeys.Thresholds] = Words.ToJapanese(Words.Thresholds, p?.GradingRules?.Thresholds),
            [PlanKeys.SeriesAggregation] = Words.ToJapanese(Words.SeriesAggregation, p?.GradingRules?.SeriesAggregation),
            [PlanKeys.RelativeTargets] = Words.ToJapanese(Words.RelativeTargets, p?.GradingRules?.RelativeTargets),
            [PlanKeys.Secretariat] = p?.Secretariat,
            [PlanKeys.Description] = p?.Description,
            [PlanKeys.SourceTitle] = document?.Source?.Title,
            [PlanKeys.SourcePublisher] = document?.Source?.Publisher,
            [PlanKeys.SourceUrl] = document?.Source?.Url,
            [PlanKeys.SourceNote] = document?.Source?.Note,
        };
        return new WorkbookSheetContent(
            WorkbookTemplate.Sheets.Plan,
            ["項目", "値", "説明"],
            PlanKeys.All.Select(k => Row(k.Key, values[k.Key], (k.Required ? "【必須】" : "") + k.Description)).ToList());
    }

    private static WorkbookSheetContent KpiSheet(PlanDocument? document)
    {
        var kpis = document?.Kpis ?? [];

        // One column per period that holds a value, in time order; the header is the period text of the file.
        var periods = kpis.SelectMany(k => k.Values.Concat(k.Series.SelectMany(s => s.Values))).Select(v => v.Period)
            .Distinct(StringComparer.Ordinal)
            .Select((text, i) => (Text: text, Order: i, Parsed: PeriodParser.TryParse(text, PeriodKind.FiscalYear, out var period, out _) ? period : (Period?)null))
            .OrderBy(x => x.Parsed is null ? 1 : 0).ThenBy(x => x.Parsed).ThenBy(x => x.Order)
            .Select(x => x.Text)
            .ToList();

        var fixedColumns = KpiSheetColumns.Select(c => c.Header).ToList();
        var beforePeriods = fixedColumns.IndexOf(KpiColumns.TargetPeriod);
        var header = fixedColumns.Take(beforePeriods).Concat(periods).Concat(fixedColumns.Skip(beforePeriods)).ToList();
        int Col(string name) => header.IndexOf(name);

        var rows = new List<IReadOnlyList<string?>>();
        foreach (var k in kpis)
        {
            var row = new string?[header.Count];
            row[Col(KpiColumns.Code)] = k.Code;
            row[Col(KpiColumns.Node)] = k.Node;
            row[Col(KpiColumns.Level)] = Words.ToJapanese(Words.KpiLevel, k.Level);
            row[Col(KpiColumns.Name)] = k.Name;
            row[Col(KpiColumns.Phrase)] = k.Phrase;
            row[Col(KpiColumns.Unit)] = k.Unit;
            row[Col(KpiColumns.Decimals)] = k.Decimals?.ToString(CultureInfo.InvariantCulture);
            row[Col(KpiColumns.Direction)] = Words.ToJapanese(Words.Direction, k.Direction);
            row[Col(KpiColumns.TargetKind)] = Words.ToJapanese(Words.TargetKind, k.TargetKind);
            row[Col(KpiColumns.PeriodKind)] = Words.ToJapanese(Words.PeriodKind, k.PeriodKind);
            row[Col(KpiColumns.BaselinePeriod)] = k.BaselinePeriod;
            row[Col(KpiColumns.Baseline)] = k.Baseline;
            row[Col(KpiColumns.TargetPeriod)] = k.TargetPeriod;
            row[Col(KpiColumns.Target)] = k.Target;
            row[Col(KpiColumns.Aggregation)] = Words.ToJapanese(Words.SeriesAggregation, k.SeriesAggregation);
            row[Col(KpiColumns.Method)] = Words.ToJapanese(Words.Method, k.Method);
            row[Col(KpiColumns.SurveyTiming)] = k.SurveyTiming;
            row[Col(KpiColumns.PublicationTiming)] = k.PublicationTiming;
            row[Col(KpiColumns.Source)] = k.Source;
            row[Col(KpiColumns.Departments)] = Lines(k.Departments);
            row[Col(KpiColumns.Note)] = k.Note;
            foreach (var v in k.Values)
            {
                row[Col(v.Period)] = v.Value;
            }

            rows.Add(row);

            // A KPI with series: one row per series under the KPI's row.
            foreach (var s in k.Series)
            {
                var srow = new string?[header.Count];
                srow[Col(KpiColumns.Code)] = k.Code;
                srow[Col(KpiColumns.SeriesCode)] = s.Code;
                srow[Col(KpiColumns.Series)] = s.Name;
                srow[Col(KpiColumns.Baseline)] = s.Baseline;
                srow[Col(KpiColumns.Target)] = s.Target;
                foreach (var v in s.Values)
                {
                    srow[Col(v.Period)] = v.Value;
                }

                rows.Add(srow);
            }
        }

        return new WorkbookSheetContent(WorkbookTemplate.Sheets.Kpis, header, rows, FrozenColumns: 4, NumberColumns: new HashSet<int> { Col(KpiColumns.Decimals) });
    }

    private static XlsxSheet GuideSheet(string title)
    {
        var sheet = new XlsxSheet { Name = WorkbookTemplate.Sheets.Guide, PageHeader = title, Landscape = false, MaxAutoWidth = 90 };
        sheet.Widths.AddRange([22, 26, 90]);
        sheet.Add(XlsxCell.Of("Sosei 計画ファイル（Excel 版）の使い方", XlsxStyle.Title));
        sheet.Add(XlsxCell.Of("1行目が見出しです。見出しの名前は変えないでください。このシート（使い方）は取り込み時に無視されます。取り込みはすべての問題がないときだけ行われ、先に試行（ドライラン）で変更内容を確認できます。コードが同じものは更新されます。詳しくは docs/formats/workbook.md。"));
        sheet.Add();
        sheet.Add(XlsxCell.Of("シート", XlsxStyle.Head), XlsxCell.Of("列", XlsxStyle.Head), XlsxCell.Of("内容", XlsxStyle.Head));
        sheet.Add(XlsxCell.Of(WorkbookTemplate.Sheets.Plan, XlsxStyle.Body), XlsxCell.Of("項目 / 値", XlsxStyle.Body), XlsxCell.Of("計画の基本情報。「項目」列の名前ごとに「値」を書く", XlsxStyle.Body));
        foreach (var (key, description, required) in PlanKeys.All)
        {
            sheet.Add(XlsxCell.Of("", XlsxStyle.Body), XlsxCell.Of(key + (required ? " *" : ""), XlsxStyle.Body), XlsxCell.Of(description, XlsxStyle.Body));
        }

        void Describe(string name, string description, IEnumerable<TemplateColumn> columns)
        {
            sheet.Add(XlsxCell.Of(name, XlsxStyle.Body with { Bold = true }), XlsxCell.Of("", XlsxStyle.Body), XlsxCell.Of(description, XlsxStyle.Body));
            foreach (var c in columns)
            {
                sheet.Add(XlsxCell.Of("", XlsxStyle.Body), XlsxCell.Of(c.Header + (c.Required ? " *" : ""), XlsxStyle.Body), XlsxCell.Of(c.Description, XlsxStyle.Body));
            }
        }

        Describe(WorkbookTemplate.Sheets.Kpis, "KPI。1行に1つ。項目（系列）のある KPI は、KPI の行の下に項目ごとの行（KPIコードと項目コード・項目）を続ける。基準値と目標年の間の列は期間（H27、平成27年度、2015、R1 など）で、その期間の実績値を書く（例: 15,757人、(1.64)、未確定 (313千㎡)、—）。", KpiSheetColumns);
        foreach (var s in ListSheets)
        {
            Describe(s.Name, s.Description, s.Columns);
        }

        sheet.Add();
        sheet.Add(XlsxCell.Of("* は必須の列・項目です。複数の値（担当課、関連KPI など）はセル内で改行して1行に1つ書きます。CSV で取り込むときは、シートごとに「シート名.csv」（UTF-8）を作り、フォルダか zip にまとめます。"));
        return sheet;
    }
}
