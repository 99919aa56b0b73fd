using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Application.Workbooks;

namespace Sosei.Application.Tests.Workbooks;

/// <summary>
/// A sheet shaped like the 網走市 KPI 進捗管理表 imports as it is: tree levels as columns, a two-row header
/// ("KPI" above 項目 | 基準値(H26) | H27年(度) … | 目標値(H31)), sub-items on further lines of the 項目 cell with one
/// value per line, one KPI per row ("(平日)/(休日)" rows are two KPIs, as the city counts them), reference values in brackets, 再掲 rows.
/// </summary>
public class AbashiriWideSheetTests
{
    // Rows copied from seed 001 (網走市 KPI 進捗管理表, seed text outside the repository, see docs/sources.md), cell texts as
    // the document writes them; merged cells are written in their first row only, as Excel stores them.
    private static IReadOnlyList<SheetTable> Workbook(string h28Employees = "15,757人")
    {
        List<string> R(params string[] cells) => [.. cells];
        var kpi = new List<List<string>>
        {
            R("基本目標", "基本方針", "基本的な方向性", "具体的な施策", "KPI", "", "", "", "", "", "", "基準日 (調査日)", "結果公表日 (確認時期)", "確認方法", "担当課"),
            R("", "", "", "", "項目", "基準値(H26)", "H27年(度)", "H28年(度)", "H29年(度)", "H30年(度)", "目標値(H31)"),
            R("<基本目標1> 若い世代を中心として、安心して働くための産業振興と雇用の場の創出", "", "", "", "市内事業所の従業員数", "16,474人", "", h28Employees, "", "", "16,000人", "7月1日 (5年毎)", "翌年11月 (5年毎)", "経済センサスによる(次期調査H31)", "商工労働課"),
            R("", "産業振興策の構築", "地域産業の競争力を強化する取組", "ブランド化と高付加価値化", "食品製造業の付加価値率", "19.50%", "", "", "22.40%", "", "23.20%", "6月1日", "翌年3月", "経済産業省工業統計または経済センサスによる (※国勢調査実施年は行わない)", "商工労働課"),
            R("", "", "", "強い農林水産基盤の形成"),
            R("", "", "", "中心市街地と網走川周辺のにぎわい創出", "中心市街地通行者数(平日)", "6,592人", "4,752人", "4,040人", "2,404人", "1,006人", "9,000人", "10月", "12月", "交通量調査による。", "商工労働課"),
            R("", "", "", "", "中心市街地通行者数(休日)", "4,008人", "1,680人", "2,908人", "1,856人", "905人", "6,500人", "", "", "", "商工労働課"),
            R("", "", "国内外への販路拡大", "販路拡大に向けた支援", "HACCP認定施設保有企業数\n・ホタテ製品\n・サケ製品", "4社\n1社", "4社\n1社", "4社\n1社", "4社\n3社", "4社\n3社", "5社\n4社", "3月", "3月", "厚生労働省、水産庁公式サイト", "水産漁港課"),
            R("", "", "網走港の活用", "", "網走港からの移・輸出入貨物取扱量", "37万t", "38.1万t", "40.6万t", "38.5万t", "39.5万t", "41万t", "12月", "翌年1月\n翌年2月", "港湾統計\n函館税関貿易速報", "港湾課"),
            R("<基本目標3> 若い世代が健康で、希望に応じて結婚・出産・子育てができる環境づくり", "", "", "", "合計特殊出生率", "(H20-24) 1.51", "(1.64)", "(1.48)", "1.60", "1.51", "(1.65)", "12月 (5年毎)", "翌々年2月", "人口動態保健所・市区町村別統計", "健康推進課"),
            R("", "結婚・妊娠・出産・子育てについて切れ目ない支援", "妊婦・乳幼児の健診、相談等の実施", "", "合計特殊出生率(再掲)"),
            R("<基本目標4> 東京農業大学、日本体育大学などと連携し、みずから学び「明日をひらく」との育成", "", "", "", "全国学力調査の全国平均正答率との差 ・小学生 ・中学生", "△3.3 △4.3", "△2.5 △1.4", "△2.3 △3.7", "△0.9 △4.8", "△2.7 △0.9", "全国平均", "4月", "8月", "全国学力・学習状況調査", "学校教育課"),
        };
        var plan = new List<List<string>>
        {
            R("項目", "値"),
            R("計画コード", "abashiri-wide"),
            R("計画名", "網走市まち・ひと・しごと創生総合戦略（KPI進捗管理表から）"),
            R("団体コード", "01211"),
            R("対象期間", "H27～H31"),
            R("階層名", "基本目標\n基本方針\n基本的な方向性\n具体的な施策"),
        };
        var organizations = new List<List<string>> { R("団体コード", "団体名", "種別", "都道府県"), R("01211", "網走市", "市町村", "北海道") };
        return
        [
            new SheetTable("計画", plan.Select(r => (IReadOnlyList<string>)r).ToList()),
            new SheetTable("団体", organizations.Select(r => (IReadOnlyList<string>)r).ToList()),
            new SheetTable("KPI", kpi.Select(r => (IReadOnlyList<string>)r).ToList()),
        ];
    }

    private static async Task<ImportResult> ImportAsync(TestDatabase db, IReadOnlyList<SheetTable> sheets, bool dryRun = false)
    {
        await using var context = db.NewContext();
        return await new WorkbookImporter(new PlanFileImporter(context, DemoDatabase.Clock)).ImportSheetsAsync(sheets, new ImportOptions { DryRun = dryRun });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task WideSheet_ImportsTreeKpisSeriesValuesAndRelistings(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);

        var result = await ImportAsync(db, Workbook());

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var context = db.NewContext();
        var doc = (await new PlanFileExporter(context).ExportAsync("abashiri-wide"))!;
        Assert.Equal(["基本目標", "基本方針", "基本的な方向性", "具体的な施策"], doc.Plan.Levels);

        // Codes follow the tree positions, as in the demo data transcribed from the same table.
        Assert.Equal(["G1-N1", "G1.1.1.1-K1", "G1.1.1.3-K1", "G1.1.1.3-K2", "G1.1.2.1-K1", "G1.1.3-K1", "G2-N1", "G3-N1"], doc.Kpis.Select(k => k.Code));
        var goal = doc.Nodes[0];
        Assert.Equal(("基本目標1", "若い世代を中心として、安心して働くための産業振興と雇用の場の創出"), (goal.Label, goal.Title));
        Assert.Equal("強い農林水産基盤の形成", goal.Children[0].Children[0].Children[1].Title);

        var employees = doc.Kpis[0];
        Assert.Equal(("Goal", "16,474人", "H26", "16,000人", "R1"), (employees.Level, employees.Baseline, ToShort(employees.BaselinePeriod), employees.Target, ToShort(employees.TargetPeriod)));
        Assert.Equal(("平成28年度", "15,757人"), (employees.Values.Single().Period, employees.Values.Single().Value));
        Assert.Equal(("7月1日 (5年毎)", "翌年11月 (5年毎)", "商工労働課"), (employees.SurveyTiming, employees.PublicationTiming, employees.Departments.Single()));

        // 中心市街地通行者数(平日) / (休日): two rows, two KPIs (the city's 効果検証 counts 64 KPIs by rows), no series.
        var weekday = doc.Kpis[2];
        var holiday = doc.Kpis[3];
        Assert.Equal(("中心市街地通行者数(平日)", "6,592人", "9,000人"), (weekday.Name, weekday.Baseline, weekday.Target));
        Assert.Equal(("中心市街地通行者数(休日)", "4,008人", "6,500人"), (holiday.Name, holiday.Baseline, holiday.Target));
        Assert.Empty(weekday.Series);
        Assert.Equal(["4,752人", "4,040人", "2,404人", "1,006人"], weekday.Values.Select(v => v.Value));
        Assert.Equal("905人", holiday.Values[^1].Value);

        // Sub-items on lines of one cell.
        var haccp = doc.Kpis[4];
        Assert.Equal("HACCP認定施設保有企業数", haccp.Name);
        Assert.Equal(["ホタテ製品", "サケ製品"], haccp.Series.Select(s => s.Name));
        Assert.Equal(["4社", "4社", "4社", "4社"], haccp.Series[0].Values.Select(v => v.Value));
        Assert.Equal(["1社", "1社", "3社", "3社"], haccp.Series[1].Values.Select(v => v.Value));

        // Reference values keep their brackets; the baseline keeps its own period (H20-24).
        var tfr = doc.Kpis[6];
        Assert.Equal(("(H20-24) 1.51", "平成20年度～平成24年度"), (tfr.Baseline, tfr.BaselinePeriod));
        Assert.Equal(["(1.64)", "(1.48)", "1.60", "1.51"], tfr.Values.Select(v => v.Value));
        var reference = context.KpiValues.Single(v => v.OriginalText == "(1.64)");
        Assert.True(reference.Qualifiers.HasFlag(Domain.Values.ValueQualifiers.Reference));

        // Sub-items on one line ("・小学生 ・中学生") with values separated by spaces; the target 全国平均 is the KPI's.
        var scores = doc.Kpis[7];
        Assert.Equal(("全国学力調査の全国平均正答率との差", "全国平均", "Relative"), (scores.Name, scores.Target, scores.TargetKind));
        Assert.Equal(["△3.3", "△4.3"], scores.Series.Select(s => s.Baseline));
        Assert.Equal(["△2.7", "△0.9"], scores.Series.Select(s => s.Values[^1].Value));

        // The (再掲) row relists the KPI at its node; the departments of the table belong to the organization.
        var relisting = Assert.Single(doc.Relistings);
        Assert.Equal(("G2.1.1", "G2-N1", "合計特殊出生率(再掲)"), (relisting.Node, relisting.Kpi, relisting.Name));
        Assert.Equal(["商工労働課", "水産漁港課", "港湾課", "健康推進課", "学校教育課"], doc.Organizations.Single(o => o.Code == "01211").Departments);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task WideSheet_ReimportedWithOneNewValue_ChangesOnlyThatValue(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        Assert.True((await ImportAsync(db, Workbook())).Succeeded);

        var result = await ImportAsync(db, Workbook(h28Employees: "15,800人"), dryRun: true);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var change = Assert.Single(result.Changes, c => c.Field == "OriginalText");
        Assert.Equal(("G1-N1 H28", "15,757人", "15,800人"), (change.Key, change.Before, change.After));
        Assert.Equal(0, result.Counts.Sum(c => c.Created));
    }

    /// <summary>
    /// Headings other cities' tables use for the same columns read as the 網走市 ones: 現状値 (H26) for the baseline,
    /// 実績値 (H27), H28実績, 平成29年度 実績値 and H30（実績） for the years, KPI（平成31年度） for the target.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task WideSheet_WithOtherCitiesHeadings_ReadsTheSameKpisAndValues(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var other = await TestDatabase.CreateAsync(kind);
        var sheets = Workbook();
        var header = (List<string>)sheets[2].Rows[1];
        string[] headings = ["現状値 (H26)", "実績値 (H27)", "H28実績", "平成29年度 実績値", "H30（実績）", "KPI（平成31年度）"];
        for (var i = 0; i < headings.Length; i++)
        {
            header[5 + i] = headings[i];
        }

        Assert.True((await ImportAsync(db, Workbook())).Succeeded);
        var result = await ImportAsync(other, sheets);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var a = db.NewContext();
        await using var b = other.NewContext();
        var expected = (await new PlanFileExporter(a).ExportAsync("abashiri-wide"))!;
        var actual = (await new PlanFileExporter(b).ExportAsync("abashiri-wide"))!;
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(expected.Kpis, PlanDocumentJson.Options),
            System.Text.Json.JsonSerializer.Serialize(actual.Kpis, PlanDocumentJson.Options));
        Assert.Equal(("H26", "R1"), (ToShort(actual.Kpis[0].BaselinePeriod), ToShort(actual.Kpis[0].TargetPeriod)));
        Assert.Equal(("平成28年度", "15,757人"), (actual.Kpis[0].Values.Single().Period, actual.Kpis[0].Values.Single().Value));
    }

    /// <summary>
    /// Cells as other cities' tables write them import as the written-together ones: a space (or an ideographic
    /// space) between the number and its unit or multiplier (16,474 人, 15,757　人, 38.1 万t); the text is kept as written.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task WideSheet_WithSpacedUnits_ImportsTheSameAmountsAndKeepsTheText(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var sheets = Workbook(h28Employees: "15,757\u3000人");
        var employees = (List<string>)sheets[2].Rows[2];
        employees[5] = "16,474 人";
        var port = (List<string>)sheets[2].Rows[8];
        port[6] = "38.1 万t";

        var result = await ImportAsync(db, sheets);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        await using var context = db.NewContext();
        var doc = (await new PlanFileExporter(context).ExportAsync("abashiri-wide"))!;
        Assert.Equal("16,474 人", doc.Kpis[0].Baseline);
        Assert.Equal("15,757\u3000人", doc.Kpis[0].Values.Single().Value);
        Assert.Equal(15_757m, context.KpiValues.Single(v => v.OriginalText == "15,757\u3000人").Amount);
        Assert.Equal(381_000m, context.KpiValues.Single(v => v.OriginalText == "38.1 万t").Amount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task WideSheet_WithAnUnknownHeading_NamesTheHeadingsItKnows(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var sheets = Workbook();
        ((List<string>)sheets[2].Rows[1])[10] = "見込み値";

        var result = await ImportAsync(db, sheets, dryRun: true);

        var problem = Assert.Single(result.Problems, p => p.Text == "見込み値");
        Assert.Equal("「KPI」シート 2行 K列（見込み値）", problem.Place.In(Sosei.Application.Common.Message.JapaneseUi));
        Assert.Contains("使える列: KPIコード、ノード、区分、指標名", problem.Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("基準値(H26)、目標値(H31)", problem.Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("Known columns: KPIコード", problem.Message.English, StringComparison.Ordinal);
    }

    private static string? ToShort(string? period) =>
        period is null ? null : Domain.Periods.PeriodParser.ParseRange(period).ToShort();
}
