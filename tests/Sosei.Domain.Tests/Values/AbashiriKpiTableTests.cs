using System.Globalization;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Domain.Tests.Values;

/// <summary>
/// Every value cell of the KPI table (KPI 進捗管理表) of 網走市's first strategy, transcribed from
/// seed 001 (docs/sources.md; columns 基準値(H26), H27年(度) … H30年(度), 目標値(H31)), in the order of the
/// document. Each cell must parse, or be a blank / dash ("no value"), or be a reference target (全国平均), which
/// <see cref="ValueParser.IsReferenceTarget(string?)"/> recognises and <see cref="ValueParser.Parse(string?)"/> rejects.
/// </summary>
/// <remarks>
/// The text extraction of the PDF shows 7 or 8 cells in a few rows (シルバー人材センター会員数, 市と会議所が支援した
/// 起業・創業数, 定住する協力隊員数, 産科医療機関数, 小児科医療機関数, 病後児保育対応保育所数, 子育てがしやすいと感じる割合):
/// merged columns of the original layout. The cells are kept as extracted; an importer must map them to periods by
/// the table's columns, not by position. Sub-item rows (・ホタテ製品 ・サケ製品 …) hold one value per sub-item in one
/// cell, separated by spaces; a dash in such a cell (障がい者雇用の促進, H27) stands for all sub-items.
/// </remarks>
public class AbashiriKpiTableTests
{
    public static readonly IReadOnlyList<(string Kpi, int Items, string[] Cells)> Rows =
    [
        Row("市内事業所の従業員数", 1, "16,474人", "", "15,757人", "", "", "16,000人"),
        Row("食品製造業の付加価値率", 1, "19.50%", "", "", "22.40%", "", "23.20%"),
        Row("中心市街地通行者数(平日)", 1, "6,592人", "4,752人", "4,040人", "2,404人", "1,006人", "9,000人"),
        Row("中心市街地通行者数(休日)", 1, "4,008人", "1,680人", "2,908人", "1,856人", "905人", "6,500人"),
        Row("HACCP認定施設保有企業数 ・ホタテ製品 ・サケ製品", 2, "4社 1社", "4社 1社", "4社 1社", "4社 3社", "4社 3社", "5社 4社"),
        Row("海外輸出量 長いも", 2, "500t 2億円", "300t 1億2千万円", "248.8t 9,950万円", "83.1t 5,136万円", "119t 3,924万円", "1,000t 4億円"),
        Row("海外輸出量 その他農産物", 1, "0円", "0円", "0円", "31万円", "8万円", "1億円"),
        Row("輸出相手国数", 1, "5カ国", "2カ国", "3カ国", "3カ国", "2カ国", "7カ国"),
        Row("網走港からの移・輸出入貨物取扱量", 1, "37万t", "38.1万t", "40.6万t", "38.5万t", "39.5万t", "41万t"),
        Row("網走港からの移・輸出入貨物取扱金額", 1, "5億円", "4億7千万円", "7億3千万円", "5億1千万", "11億4千万", "7億円"),
        Row("大規模発電の誘致件数", 1, "2施設", "3施設", "3施設", "3施設", "4施設", "4施設"),
        Row("企業誘致の促進", 1, "0件", "0件", "1件", "2件", "2件", "2件"),
        Row("雇用数", 1, "0人", "0人", "0人", "0人", "14人", "20人"),
        Row("高校卒業者市内就職率", 1, "60%", "55.30%", "63.92%", "51.90%", "61.43%", "65%"),
        Row("女性の就労割合", 1, "41.10%", "", "42.20%", "", "41.90%", "43.00%"),
        Row("シルバー人材センター会員数", 1, "358人", "", "", "364人", "358人", "347人", "324人", "428人"),
        Row("市と会議所が支援した起業・創業数", 1, "9社", "", "", "12社", "17社", "29社", "40社", "50社"),
        Row("定住する協力隊員数", 1, "0人", "", "", "0人", "0人", "0人", "0人", "6人"),
        Row("観光入込客数", 1, "141万5千人", "153万2千人", "153万人", "162万人", "147万人", "170万人"),
        Row("観光客の宿泊客数", 1, "35万9千人", "37万4千人", "36万6千人", "38万5千人", "35万4千人", "50万9千人"),
        Row("天都山周辺施設入込客数", 1, "36万8千人", "44万人", "42万5千人", "45万4千人", "43万2千人", "49万人"),
        Row("合宿参加人数 スポーツ", 1, "1,735人", "1,753人", "1,784人", "1,985人", "1,828人", "2,000人"),
        Row("合宿参加人数 文化", 1, "177人", "140人", "108人", "96人", "100人", "300人"),
        Row("合宿及びスポーツ・ツーリズムによる経済波及効果", 1, "5億5,450万円", "7億2,798万円", "7億1,605万円", "7億8436万円", "7億858万円", "7億2,830万円"),
        Row("外国人宿泊客数", 1, "3万1千人", "3万6千人", "3万7千人", "4万1千人", "4万2千人", "6万人"),
        Row("合計特殊出生率", 1, "(H20-24) 1.51", "(1.64)", "(1.48)", "1.60", "1.51", "(1.65)"),
        Row("出会いの場の創出数", 1, "3回", "3回", "3回", "2回", "0回", "6回"),
        Row("産科医療機関数", 1, "2施設", "2施設", "2施設", "2施設", "2施設", "2施設", "2施設"),
        Row("小児科医療機関数", 1, "4施設", "4施設", "4施設", "4施設", "4施設", "4施設", "4施設"),
        Row("子どもインフルエンザ予防接種率", 1, "70.40%", "67.45%", "68.83%", "68.11%", "68.90%", "75.00%"),
        Row("病後児保育対応保育所数", 1, "0カ所", "0カ所", "0カ所", "0カ所", "0カ所", "0カ所", "1カ所"),
        Row("子育てがしやすいと感じる割合", 1, "56.40%", "", "", "", "", "64.33%", "65.00%"),
        Row("全国学力調査の全国平均正答率との差 ・小学生 ・中学生", 2, "△3.3 △4.3", "△2.5 △1.4", "△2.3 △3.7", "△0.9 △4.8", "△2.7 △0.9", "全国平均"),
        Row("全国体力調査の全国平均点との差 ・小5男子 ・小5女子 ・中2男子 ・中2女子", 4, "△2.71点 △3.75点 △3.39点 △9.23点", "△0.6点 +0.3点 △4.1点 △6.5点", "+1.5点 △0.5点 △2.2点 △6.7点", "△1.2点 △0.8点 △2.5点 △5.3点", "+0.2点 +1.5点 △0.8点 △2.8点", "全国平均"),
        Row("農大卒業就職者の市内就職者数", 1, "8人", "8人", "4人", "3人", "9人", "16人"),
        Row("調査・研究などの連携事業数", 1, "4件", "4件", "4件", "4件", "4件", "5件"),
        Row("地域連携センターへの参加自治体数", 1, "0自治体", "0自治体", "0自治体", "0自治体", "0自治体", "5自治体"),
        Row("雇用創出数 教職員", 1, "5名", "14名", "18名", "16名", "23名", "55名"),
        Row("雇用創出数 他職員", 1, "0名", "0名", "17名", "19名", "21名", "15名"),
        Row("障がい者雇用の促進", 2, "94名 38所", "—", "41名 25所", "—", "30名 19所", "103名 42所"),
        Row("食の6次産業化プロデューサー育成", 1, "1人", "5人", "16人", "16人", "16人", "25人"),
        Row("読書が好きな児童・生徒の割合 ・小学生 ・中学生", 2, "60% 69%", "68.9% 70.5%", "69.4% 70.3%", "58.7% 60.5%", "", "70% 75%"),
        Row("子どもの学習の場の参加者数", 1, "696人", "563人", "747人", "844人", "603人", "800人"),
        Row("市民対象講座の参加者数", 1, "2,600人", "3,478人", "2,808人", "3,249人", "3,091人", "3,000人"),
        Row("健康寿命 男性 女性", 2, "78.43歳 83.06歳", "78.33歳 82.61歳", "78.83歳 84.10歳", "79.06歳 84.02歳", "79.19歳 84.11歳", "79.34歳 84.19歳"),
        Row("人口の維持", 1, "39,811人", "39,077人", "", "", "", "38,616人"),
        Row("生活習慣病罹患率", 1, "22.71%", "20.97%", "22.23%", "21.50%", "22.91%", "19.98%"),
        Row("・橋梁補強 完了率 ・浸水対策 完了率", 2, "33% 23%", "33% 35%", "33% 50%", "67% 59%", "67% 94%", "100% 100%"),
        Row("自主防災組織の組織率", 1, "54%", "63%", "63%", "64%", "70.5%", "70%"),
        Row("特定健康診査受診率", 1, "24.10%", "26.20%", "25.40%", "23.40%", "22.60%", "60.00%"),
        Row("休日救急体制の対応日数 看護師数", 2, "72日 608人", "72日 —", "72日 —", "72日 —", "73日 —", "72日 647人"),
        Row("高齢者の社会参加の割合", 1, "23%", "23%", "26%", "27%", "26%", "40%"),
        Row("住み替え用高齢者公営住宅整備戸数", 1, "0戸", "0戸", "0戸", "0戸", "0戸", "10戸"),
        Row("高齢者相互支援推進啓発員数", 1, "27人", "62人", "78人", "84人", "92人", "100人"),
        Row("公共施設等の総面積の縮小", 1, "319千㎡", "319千㎡", "319千㎡", "325千㎡", "未確定 (313千㎡)", "303千㎡"),
        Row("・多機能トイレ数 ・洋式化率", 2, "7カ所 46.0%", "9カ所 57.0%", "9カ所 57.2%", "10カ所 59.0%", "11カ所 59.0%", "9カ所 60.0%"),
        Row("耐震化実施率", 1, "94.80%", "94.80%", "93.59%", "93.59%", "94.94%", "100%"),
        Row("空き家バンク登録数", 1, "0件", "0件", "36件", "23件", "21件", "10件"),
        Row("空き家の利活用件数", 1, "0件", "0件", "0件", "0件", "0件", "8件"),
        Row("省エネ住宅新築戸数", 1, "27戸", "25戸", "28戸", "28戸", "33戸", "34戸"),
        Row("バリアフリー改修戸数", 1, "13戸", "8戸", "10戸", "8戸", "6戸", "20戸"),
        Row("生活交通バス路線数", 1, "7路線", "7路線", "7路線", "7路線", "7路線", "7路線"),
        Row("救急医療体制の対応日数", 1, "365日", "365日", "365日", "365日", "365日", "365日"),
        Row("救急搬送疾病程度軽傷割合", 1, "37.10%", "38.30%", "35.40%", "35.30%", "31.60%", "35.00%"),
    ];

    private static (string Kpi, int Items, string[] Cells) Row(string kpi, int items, params string[] cells) => (kpi, items, cells);

    public static TheoryData<string, int, int, string> Cells()
    {
        var data = new TheoryData<string, int, int, string>();
        foreach (var (kpi, items, cells) in Rows)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                data.Add(kpi, items, i, cells[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void EveryCell_ParsesOrIsNoValueOrIsAReferenceTarget(string kpi, int items, int column, string cell)
    {
        _ = column;
        if (ValueParser.IsReferenceTarget(cell, out var reference))
        {
            Assert.Equal("全国平均", reference);
            Assert.Throws<ValueFormatException>(() => ValueParser.Parse(cell));
            return;
        }

        // 合計特殊出生率 is counted per calendar year (人口動態統計), so its bracketed period is read as calendar years.
        var yearKind = kpi == "合計特殊出生率" ? PeriodKind.CalendarYear : PeriodKind.FiscalYear;
        var values = ValueParser.ParseCell(cell, yearKind);
        if (values is [{ HasAmount: false } none])
        {
            Assert.True(none.NoValueReason is NoValueReasons.Blank or NoValueReasons.Dash, $"{kpi}: {cell}");
            return;
        }

        Assert.Equal(items, values.Count);
        Assert.All(values, v => Assert.True(v.HasAmount || v.NoValueReason == NoValueReasons.Dash, $"{kpi}: {cell}"));
    }

    [Fact]
    public void Table_HasEveryRowOfTheExcerpt()
    {
        Assert.Equal(64, Rows.Count);
        Assert.Equal(394, Rows.Sum(r => r.Cells.Length));
    }

    private static string Amounts(string cell, PeriodKind yearKind = PeriodKind.FiscalYear) =>
        string.Join(" | ", ValueParser.ParseCell(cell, yearKind).Select(v =>
            v.Amount is { } a ? $"{a.ToString(CultureInfo.InvariantCulture)} {v.Unit}".TrimEnd() : $"({v.NoValueReason})"));

    [Theory]
    [InlineData("16,474人", "16474 人")]
    [InlineData("19.50%", "19.50 %")]
    [InlineData("500t 2億円", "500 t | 200000000 円")]
    [InlineData("248.8t 9,950万円", "248.8 t | 99500000 円")]
    [InlineData("5億1千万", "510000000")]
    [InlineData("11億4千万", "1140000000")]
    [InlineData("141万5千人", "1415000 人")]
    [InlineData("50万9千人", "509000 人")]
    [InlineData("5億5,450万円", "554500000 円")]
    [InlineData("7億858万円", "708580000 円")]
    [InlineData("△2.71点 △3.75点 △3.39点 △9.23点", "-2.71 点 | -3.75 点 | -3.39 点 | -9.23 点")]
    [InlineData("+0.2点 +1.5点 △0.8点 △2.8点", "0.2 点 | 1.5 点 | -0.8 点 | -2.8 点")]
    [InlineData("94名 38所", "94 人 | 38 所")]
    [InlineData("72日 —", "72 日 | (—)")]
    [InlineData("—", "(—)")]
    [InlineData("", "(空欄)")]
    [InlineData("未確定 (313千㎡)", "313000 ㎡")]
    [InlineData("7カ所 46.0%", "7 か所 | 46.0 %")]
    [InlineData("(1.64)", "1.64")]
    public void Cells_GoldenAmounts(string cell, string expected) => Assert.Equal(expected, Amounts(cell));

    [Fact]
    public void BirthRate_BaselineIsTheMeanOfCalendarYears2008To2012_AndBracketedActualsAreReferenceValues()
    {
        // 001 合計特殊出生率: 基準値 (H20-24) 1.51; H27 (1.64) and H28 (1.48) are the health office's single-year
        // figures (参考値, "健康推進課調べによる単年の数値"); the target (1.65) is bracketed as well.
        var baseline = ValueParser.Parse("(H20-24) 1.51", PeriodKind.CalendarYear);
        Assert.Equal(1.51m, baseline.Amount);
        Assert.Equal(new PeriodRange(Period.OfCalendarYear(2008), Period.OfCalendarYear(2012)), baseline.Period);
        Assert.False(baseline.IsReference);
        Assert.True(ValueParser.Parse("(1.64)").IsReference);
        Assert.False(ValueParser.Parse("1.60").IsReference);
    }
}
