using System.Text;
using System.Text.Json;
using Sosei.Application.Common;
using Sosei.Application.PlanFiles;
using Sosei.Application.Tests.Infrastructure;
using Sosei.Application.Workbooks;

namespace Sosei.Application.Tests.Workbooks;

/// <summary>
/// Every kind of workbook problem is reported with its sheet, row and column, the offending text and what was
/// expected; an import with any problem writes nothing, even when the problem is late in the file.
/// </summary>
public class WorkbookValidationTests
{
    private const string Plan = "abashiri-sosei-2015";

    private static async Task<(TestDatabase Db, WorkbookSheets Sheets)> SetUpAsync(DbKind kind)
    {
        var db = await DemoDatabase.PlansAsync(kind);
        await using var context = db.NewContext();
        return (db, WorkbookSheets.Of((await new PlanFileExporter(context).ExportAsync(Plan))!));
    }

    private static async Task<ImportResult> ImportAsync(TestDatabase db, WorkbookSheets sheets, bool dryRun = true)
    {
        await using var context = db.NewContext();
        return await new WorkbookImporter(new PlanFileImporter(context, DemoDatabase.Clock))
            .ImportSheetsAsync(sheets.Tables(), new ImportOptions { DryRun = dryRun });
    }

    private static ImportProblem Single(ImportResult result, string location)
    {
        Assert.False(result.Succeeded);
        var found = result.Problems.Where(p => p.Place.In(Message.JapaneseUi) == location).ToList();
        Assert.True(found.Count == 1, $"expected one problem at {location}; got:\n{string.Join("\n", result.Problems)}");
        return found[0];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task MissingRequiredColumn_IsReportedOnTheHeaderRow(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        foreach (var row in sheets["事業"])
        {
            row.RemoveAt(2); // 事業名
        }

        var problem = Single(await ImportAsync(db, sheets), "「事業」シート 1行");
        Assert.Equal("事業名", problem.Text);
        Assert.Contains("必須の列「事業名」がありません", problem.Message.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task UnknownSheetAndUnknownColumn_AreReportedWithWhatIsAllowed(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        sheets.Add("メモ", [["なんでも"]]);
        sheets["団体"][0].Add("電話番号");

        var result = await ImportAsync(db, sheets);

        Assert.Contains("使えるシート: 使い方、計画、KPI、団体", Single(result, "「メモ」シート").Message.Japanese, StringComparison.Ordinal);
        var column = Single(result, "「団体」シート 1行 F列");
        Assert.Equal("電話番号", column.Text);
        Assert.Contains("使える列: 団体コード、団体名、種別、都道府県、担当課", column.Message.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task BadPeriodHeader_IsReportedAtTheHeaderCell(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        var column = sheets["KPI"][0].IndexOf("平成28年度");
        sheets["KPI"][0][column] = "平成28年度末ごろ";

        var problem = Single(await ImportAsync(db, sheets), $"「KPI」シート 1行 {CellLocation.ColumnName(column + 1)}列（平成28年度末ごろ）");
        Assert.Equal("平成28年度末ごろ", problem.Text);
        Assert.Contains("期間でもありません（期間の例: H27, H27年(度), 平成27年度, 2015, R1, 実績値(H27), H27実績）", problem.Message.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task BadValueText_IsReportedAtItsCellWithTheParsersReason(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        var row = sheets.RowOf("KPI", "指標名", "市内事業所の従業員数");
        var column = sheets.Set("KPI", row, "平成28年度", "2億x円");

        var problem = Single(await ImportAsync(db, sheets), $"「KPI」シート {row}行 {CellLocation.ColumnName(column)}列（平成28年度）");
        Assert.Equal("2億x円", problem.Text);
        Assert.Contains("数値として読めません", problem.Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("例: 16,474人", problem.Message.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task UnknownNodeCode_IsReportedAtTheNodeCell(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        var row = sheets.RowOf("KPI", "指標名", "観光入込客数");
        sheets.Set("KPI", row, "ノード", "G9.9");

        var problem = Single(await ImportAsync(db, sheets), $"「KPI」シート {row}行 B列（ノード）");
        Assert.Equal("G9.9", problem.Text);
        Assert.Contains("ノードが nodes にありません", problem.Message.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task GradeOverrideSheet_ReadsTheYearAsWritten_AndReportsEachMistakeAtItsCell(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        const string Sheet = "評価の上書き";

        // The demo's two overrides (網走市's judgement of 平成30年度), the year written as a number.
        Assert.Equal(
            [["KPIコード", "年度", "評価", "理由", "決定者", "決定日時"], ["G3.1.3.1-K1", "2018", "80%以上"], ["G4-N1", "2018", "80%以上"]],
            sheets[Sheet].Select((r, i) => i == 0 ? r : r.Take(3).ToList()));

        // 平成30年度 reads as 2018: the same override, nothing changes.
        sheets.Set(Sheet, 2, "年度", "平成30年度");
        sheets.Set(Sheet, 3, "年度", "Ｈ30");
        var same = await ImportAsync(db, sheets);
        Assert.True(same.Succeeded, string.Join("\n", same.Problems));
        Assert.Equal(0, same.Counts.Sum(c => c.Created + c.Changed + c.Removed));

        sheets.Set(Sheet, 2, "年度", "来年");
        sheets.Set(Sheet, 3, "評価", "A");
        var result = await ImportAsync(db, sheets);
        Assert.Contains("2018 や H30", Single(result, $"「{Sheet}」シート 2行 B列（年度）").Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("評価区分のコード（80%以上, 80%未満, —）", Single(result, $"「{Sheet}」シート 3行 C列（評価）").Message.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task DuplicateCode_IsReportedAtTheSecondRow(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        var row = sheets.RowOf("KPI", "指標名", "観光入込客数");
        sheets.Set("KPI", row, "KPIコード", "G1-N1");

        var problem = Single(await ImportAsync(db, sheets), $"「KPI」シート {row}行 A列（KPIコード）");
        Assert.Equal("G1-N1", problem.Text);
        Assert.Contains("KPIコードが重複しています", problem.Message.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task WrongUnit_IsReportedAtTheValueCell(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        var row = sheets.RowOf("KPI", "指標名", "市内事業所の従業員数");
        var column = sheets.Set("KPI", row, "平成28年度", "15.7%");

        var problem = Single(await ImportAsync(db, sheets), $"「KPI」シート {row}行 {CellLocation.ColumnName(column)}列（平成28年度）");
        Assert.Equal("15.7%", problem.Text);
        Assert.Contains("単位が指標の単位（人）と違います", problem.Message.Japanese, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task LayoutMistakes_AreEachReportedAtTheirCell(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        sheets["計画"].Add(["担当者", "山田"]);
        sheets["体系"].Add(["G9", "G8", "", "親のないノード", ""]);
        sheets["予算・決算"].Add(["P999", "R6", "予算額", "100", "", ""]);
        sheets["交付金"].Add(["P001", "地方創生推進交付金", "1,000", "R1", "一番", ""]);
        var haccp = sheets.RowOf("KPI", "指標名", "HACCP認定施設保有企業数");
        sheets.Set("KPI", haccp, "小数桁数", "二桁");
        var series = sheets.RowOf("KPI", "項目", "ホタテ製品");
        sheets.Set("KPI", series, "方向", "減少");
        sheets.Set("KPI", haccp + 1, "平成27年度", "4社 1社 2社");
        var rows = sheets.Tables().Count;

        var result = await ImportAsync(db, sheets);

        Assert.Contains("「計画」シートの項目名ではありません", Single(result, $"「計画」シート {sheets["計画"].Count}行 A列（項目）").Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("親コードのノードが、この行より上にありません", Single(result, $"「体系」シート {sheets["体系"].Count}行 B列（親コード）").Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("この事業コードは「事業」シートにありません", Single(result, $"「予算・決算」シート {sheets["予算・決算"].Count}行 A列（事業コード）").Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("番号は整数で書いてください", Single(result, $"「交付金」シート {sheets["交付金"].Count}行 E列（番号）").Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("小数桁数は整数で書いてください", Single(result, $"「KPI」シート {haccp}行 I列（小数桁数）").Message.Japanese, StringComparison.Ordinal);
        Assert.Contains("同じ KPI の上の行", Single(result, $"「KPI」シート {series}行 J列（方向）").Message.Japanese, StringComparison.Ordinal);
        Assert.True(rows > 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task MissingPlanSheet_AndBlankRequiredCell_AreReported(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        sheets.Set("団体", 2, "団体名", "");
        var blank = await ImportAsync(db, sheets);
        Assert.Contains("「団体名」が空です", Single(blank, "「団体」シート 2行 B列（団体名）").Message.Japanese, StringComparison.Ordinal);

        sheets.Remove("計画");
        var missing = await ImportAsync(db, sheets);
        Assert.Contains("「計画」シートがありません", Single(missing, "「計画」シート").Message.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_InShiftJis_AsExcelSavesPlainCsvOnAJapanesePc_ReadsTheSameCells()
    {
        const string text = "項目,値\r\n計画名,\"網走市, 第1期\"\r\n";
        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!.GetBytes(text);

        var sheet = CsvFile.Read("計画", shiftJis, "計画.csv");

        Assert.Equal("網走市, 第1期", sheet.Cell(2, 2));
        Assert.Equal("項目", sheet.Cell(1, 1));
    }

    [Fact]
    public void Csv_NeitherUtf8NorShiftJis_IsRefusedWithAMessageAboutTheEncodingAndTheFile()
    {
        var e = Assert.Throws<FileReadException>(() => CsvFile.Read("計画", [0x81, 0x20, 0x81], "計画.csv"));

        Assert.StartsWith("計画.csv: UTF-8 としても Shift_JIS としても読めません", e.Problem.Japanese, StringComparison.Ordinal);
        Assert.StartsWith("計画.csv: the file is neither UTF-8 nor Shift_JIS", e.Problem.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("'=x", "''=x")]
    public void Csv_ACellASpreadsheetWouldRunAsAFormula_IsWrittenAsText_AndReadsBackAsItWas(string cell, string writtenStart)
    {
        var bytes = CsvFile.Write([["項目", cell]]);
        var written = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Contains("," + writtenStart, written.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(cell, CsvFile.Read("計画", bytes).Cell(1, 2));
    }

    [Theory]
    [InlineData("-107")]
    [InlineData("+1.5")]
    [InlineData("-1,400")]
    [InlineData("△3.3")]
    [InlineData("平成30年度")]
    [InlineData("'quoted")]
    public void Csv_NumbersAndOrdinaryText_ReadBackUnchanged(string cell)
    {
        var bytes = CsvFile.Write([["項目", cell]]);

        Assert.Equal(cell, CsvFile.Read("計画", bytes).Cell(1, 2));
        if (cell[0] is '-' or '+')
        {
            Assert.DoesNotContain("'", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Csv_WithOrWithoutBom_ReadsTheSameCells()
    {
        var text = "項目,値\r\n計画名,\"網走市, 第1期\"\r\n説明,\"1行目\n2行目\"\r\n";
        var withBom = CsvFile.Read("計画", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        var withoutBom = CsvFile.Read("計画", Encoding.UTF8.GetBytes(text));

        Assert.Equal("網走市, 第1期", withBom.Cell(2, 2));
        Assert.Equal("1行目\n2行目", withBom.Cell(3, 2));
        Assert.Equal(withBom.Rows.SelectMany(r => r), withoutBom.Rows.SelectMany(r => r));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ImportWithABadRowLateInTheFile_ChangesNothing(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        string before;
        await using (var context = db.NewContext())
        {
            before = JsonSerializer.Serialize(await new PlanFileExporter(context).ExportAsync(Plan), PlanDocumentJson.Options);
        }

        // A valid change early in the file, a bad value in the last row of the KPI sheet, and a bad budget row.
        sheets.Set("KPI", sheets.RowOf("KPI", "指標名", "市内事業所の従業員数"), "平成28年度", "15,800人");
        var last = sheets["KPI"].Count;
        sheets.Set("KPI", last, "平成30年度", "たくさん");
        sheets.Set("計画", 3, "値", "網走市総合戦略（書き換え）");

        var result = await ImportAsync(db, sheets, dryRun: false);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Place.In(Message.JapaneseUi).StartsWith($"「KPI」シート {last}行", StringComparison.Ordinal) && p.Text == "たくさん");
        await using (var context = db.NewContext())
        {
            Assert.Equal(before, JsonSerializer.Serialize(await new PlanFileExporter(context).ExportAsync(Plan), PlanDocumentJson.Options));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Reimport_WithOneChangedValue_ChangesExactlyThatValueByCode(DbKind kind)
    {
        var (db, sheets) = await SetUpAsync(kind);
        await using var _ = db;
        sheets.Set("KPI", sheets.RowOf("KPI", "指標名", "市内事業所の従業員数"), "平成28年度", "15,800人");

        var result = await ImportAsync(db, sheets, dryRun: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var change = Assert.Single(result.Changes, c => c.Field == "OriginalText");
        Assert.Equal(("G1-N1 H28", "15,757人", "15,800人"), (change.Key, change.Before, change.After));
        Assert.Equal(1, result.Counts.Sum(c => c.Changed));
        Assert.Equal(0, result.Counts.Sum(c => c.Created));
    }
}
