using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Application.Tests.Kpis;

/// <summary>
/// The rules of the one formatter of KPI numbers (<see cref="KpiFormat"/>), which the pages, the reports, the charts and
/// the API share. The cases come from the demo plans (seeds 000 and 001).
/// </summary>
public class KpiFormatTests
{
    private static KpiView NewKpi(string unit = "", string? displayUnit = null, int decimals = 0, TargetKind kind = TargetKind.Level) =>
        new() { Id = 1, Code = "K", Name = "指標", Unit = unit, DisplayUnit = displayUnit, Decimals = decimals, TargetKind = kind };

    private static ValueView Value(string text, decimal? amount, string unit = "") =>
        new() { Id = 1, OriginalText = text, Amount = amount, Unit = unit, Period = Period.OfFiscalYear(2018) };

    [Fact]
    public void Value_KeepsTheDecimalsItWasWrittenWith_EvenWhenTheKpiDeclaresFewer()
    {
        // 合計特殊出生率 1.37 in a KPI whose declared decimals are 0 (reports printed "1").
        var shown = KpiFormat.Value(NewKpi(), null, Value("1.37", 1.37m));

        Assert.Equal("1.37", shown.Text);
        Assert.Equal(1.37m, shown.Number);
        Assert.Equal(2, shown.Decimals);
        Assert.Equal("#,##0.00;\"△\"#,##0.00", shown.NumberFormat());
    }

    [Fact]
    public void Value_KeepsTrailingZeros_TenPointZeroPercentStaysTenPointZero()
    {
        var shown = KpiFormat.Value(NewKpi("%"), null, Value("10.0%", 10.0m, "%"));

        Assert.Equal("10.0%", shown.Text);
        Assert.Equal(1, shown.Decimals);
        Assert.Equal("#,##0.0\"%\";\"△\"#,##0.0\"%\"", shown.NumberFormat());
    }

    [Fact]
    public void Value_WrittenWithoutItsUnit_IsShownWithTheKpisUnit()
    {
        // 網走港 取扱金額 H30 「11億4千万」 (seed 001 omits 円).
        var shown = KpiFormat.Value(NewKpi("円"), null, Value("11億4千万", 1_140_000_000m));

        Assert.Equal("11億4千万円", shown.Text);
        Assert.Equal(1_140_000_000m, shown.Number);
    }

    [Fact]
    public void Value_Negative_IsATriangleInTextAndInTheNumberFormat()
    {
        // 全国学力調査 全国平均との差 H30 「△2.7」.
        var shown = KpiFormat.Value(NewKpi(), null, Value("△2.7", -2.7m));

        Assert.Equal("△2.7", shown.Text);
        Assert.Equal(-2.7m, shown.Number);
        Assert.EndsWith(";\"△\"#,##0.0", shown.NumberFormat(), StringComparison.Ordinal);
    }

    [Fact]
    public void Value_WrittenInTheBaseUnitOfAKpiShownInManNin_GetsTheDecimalsItNeeds()
    {
        var shown = KpiFormat.Value(NewKpi("人", "万人"), null, Value("1,532,000人", 1_532_000m, "人"));

        Assert.Equal(153.2m, shown.Number);
        Assert.Equal(1, shown.Decimals);
        Assert.Equal("万人", shown.DisplayUnit);
    }

    [Fact]
    public void Value_Provisional_HasTheWordBeforeTheNumber_AndAReferenceIsInBrackets()
    {
        var shown = KpiFormat.Value(NewKpi("㎡", "千㎡"), null, Value("未確定 (313千㎡)", 313_000m, "㎡"));

        Assert.Equal("未確定 (313千㎡)", shown.Text);
        Assert.Equal(313m, shown.Number);
        Assert.StartsWith("\"未確定 \"#,##0\"千㎡\"", shown.NumberFormat(provisional: true), StringComparison.Ordinal);
        Assert.StartsWith("\"(\"#,##0\"千㎡\"\")\"", shown.NumberFormat(reference: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Target_OfAChangeKpiWithoutText_IsWrittenAsTheDocumentWritesIt()
    {
        // 000 (根室市): 「5年で延べ1,400世帯増加」 — the page printed "+1,400世帯", the report "1,400世帯".
        var kpi = NewKpi("世帯", kind: TargetKind.Change) with { TargetValue = 1400m };

        var shown = KpiFormat.Target(kpi)!;

        Assert.Equal("1,400世帯増加", shown.Text);
        Assert.Equal(1400m, shown.Number);
        Assert.Equal("1,400世帯増加", shown.In(System.Globalization.CultureInfo.GetCultureInfo("ja-JP")));
        Assert.Equal("an increase of 1,400世帯", shown.In(System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Target_Relative_IsItsReferenceWithoutANumber()
    {
        var kpi = NewKpi(kind: TargetKind.Relative) with { TargetReference = "全国平均", TargetValue = 0m };

        var shown = KpiFormat.Target(kpi)!;

        Assert.Equal("全国平均", shown.Text);
        Assert.Null(shown.Number);
    }

    [Fact]
    public void Baseline_WithoutText_IsTheAmountInTheDisplayUnitWithTheKpisDecimals()
    {
        var kpi = NewKpi("人", "万人", decimals: 1) with { BaselineValue = 1_532_000m };

        Assert.Equal("153.2万人", KpiFormat.Baseline(kpi)!.Text);
    }

    [Fact]
    public void Baseline_ReadFromTheTargetPhrase_KeepsItsDigits_NotTheKpisDeclaredZeroDecimals()
    {
        // 000 (根室市) 合計特殊出生率: 「5年で1.49とし0.12ポイント向上」 gives the baseline 1.37 (reports printed "1").
        var kpi = NewKpi(decimals: 0) with { BaselineValue = 1.37m, TargetValue = 1.49m };

        var baseline = KpiFormat.Baseline(kpi)!;

        Assert.Equal("1.37", baseline.Text);
        Assert.Equal(2, baseline.Decimals);
        Assert.Equal("1.49", KpiFormat.Target(kpi)!.Text);
    }

    [Fact]
    public void Baseline_OfASeries_IsItsOwn_ElseTheKpis()
    {
        var kpi = NewKpi("社") with { BaselineText = "5社", BaselineValue = 5m };
        var own = new SeriesView(1, "S1", "ホタテ製品", null, null, 3m, "3社", null, null, 0);
        var none = new SeriesView(2, "S2", "サケ製品", null, null, null, null, null, null, 1);

        Assert.Equal("3社", KpiFormat.Baseline(kpi, own)!.Text);
        Assert.Equal("5社", KpiFormat.Baseline(kpi, none)!.Text);
        Assert.Null(KpiFormat.Target(kpi, none));
    }

    [Fact]
    public void Amount_ComputedTrend_HasOneMoreDecimalAndATriangleWhenNegative() =>
        Assert.Equal("△12.5人", KpiFormat.Amount(NewKpi("人"), null, -12.53m, extraDecimals: 1));

    [Theory]
    [InlineData("0.947", "94.7%")]
    [InlineData("1.05", "105.0%")]
    [InlineData("-0.12", "△12.0%")]
    public void Percent_HasOneDecimalAndTheTriangle(string ratio, string expected) =>
        Assert.Equal(expected, KpiFormat.Percent(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)));
}
