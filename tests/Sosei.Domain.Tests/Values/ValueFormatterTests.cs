using Sosei.Domain.Values;

namespace Sosei.Domain.Tests.Values;

public class ValueFormatterTests
{
    [Theory]
    [InlineData("16474", "人", null, 0, "16,474人")]
    [InlineData("16474", "人", "", 0, "16,474人")]
    [InlineData("1415000", "人", "万人", 1, "141.5万人")]
    [InlineData("1415000", "人", "万人", 0, "142万人")]
    [InlineData("240000000", "円", "億円", 1, "2.4億円")]
    [InlineData("727980000", "円", "万円", 0, "72,798万円")]
    [InlineData("19.50", "%", "%", 2, "19.50%")]
    [InlineData("19.5", "%", "%", 2, "19.50%")]
    [InlineData("-3.3", "", "", 1, "△3.3")]
    [InlineData("0.05", "%", null, 1, "0.1%")]
    [InlineData("-0.05", "%", null, 1, "△0.1%")]
    [InlineData("-0.04", "", null, 1, "0.0")]
    [InlineData("1294000", "t", "千トン", 0, "1,294千トン")]
    [InlineData("1294000", "トン", "千トン", 0, "1,294千トン")]
    [InlineData("319000", "㎡", "千㎡", 0, "319千㎡")]
    [InlineData("368000", "kW", "万kW", 1, "36.8万kW")]
    [InlineData("510000000", "", "億", 1, "5.1億")]
    [InlineData("1234000000", "円", "百万円", 0, "1,234百万円")]
    [InlineData("3", "か所", "カ所", 0, "3カ所")]
    [InlineData("50000000000", "円", "百億円", 0, "5百億円")]
    [InlineData("150000", "人", "十万人", 1, "1.5十万人")]
    [InlineData("5", "人", "名", 0, "5名")]
    public void Format_DividesByTheDisplayMultiplier(string amount, string unit, string? displayUnit, int decimals, string expected) =>
        Assert.Equal(expected, ValueFormatter.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), unit, displayUnit, decimals));

    [Fact]
    public void Format_DisplayUnitOfAnotherUnit_IsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() => ValueFormatter.Format(5m, "件", "万人", 0));

    [Theory]
    [InlineData(-1)]
    [InlineData(29)]
    public void Format_DecimalsOutOfRange_IsAnArgumentError(int decimals) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueFormatter.Format(5m, "人", null, decimals));

    [Theory]
    [InlineData("36.8万kW", "36.8万kW")]
    [InlineData("19.50%", "19.50%")]
    [InlineData("16,474人", "16,474人")]
    [InlineData("１６，４７４人", "16,474人")]
    [InlineData("2億4千万円", "2.4億円")]
    [InlineData("141万5千人", "141.5万人")]
    [InlineData("7億2,798万円", "7.2798億円")]
    [InlineData("△3.3", "△3.3")]
    [InlineData("—", "—")]
    [InlineData("未確定", "未確定")]
    [InlineData("", "")]
    public void Format_ParsedValue_UsesItsDisplayUnitAndDecimals(string text, string expected) =>
        Assert.Equal(expected, ValueFormatter.Format(ValueParser.Parse(text)));

    [Theory]
    [InlineData("1.37", 2)]
    [InlineData("10.0%", 1)]
    [InlineData("19.50%", 2)]
    [InlineData("16,474人", 0)]
    [InlineData("141万5千人", 1)]
    [InlineData("(1.64)", 2)]
    [InlineData("△2.7", 1)]
    public void WrittenDecimals_AreTheDigitsTheDocumentWrote(string text, int expected) =>
        Assert.Equal(expected, ValueFormatter.WrittenDecimals(text));

    [Theory]
    [InlineData("—")]
    [InlineData("未確定")]
    [InlineData("")]
    public void WrittenDecimals_OfATextWithoutNumber_IsNull(string text) =>
        Assert.Null(ValueFormatter.WrittenDecimals(text));

    [Theory]
    [InlineData("1.37", "", 2, "1.37")]
    [InlineData("10.0", "%", 1, "10.0%")]
    [InlineData("10", "%", 1, "10.0%")]
    public void Format_KeepsThePrecisionItIsGiven_TrailingZerosIncluded(string amount, string unit, int decimals, string expected) =>
        Assert.Equal(expected, ValueFormatter.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), unit, null, decimals));

    [Theory]
    [InlineData("1400", "世帯", 0, "1,400世帯増加")]
    [InlineData("-107", "人", 0, "107人減少")]
    [InlineData("25", "人", 0, "25人増加")]
    public void Change_IsWrittenAsTheDocumentsWriteIt_AmountThenIncreaseOrDecrease(string change, string unit, int decimals, string expected) =>
        Assert.Equal(expected, ValueFormatter.Change(decimal.Parse(change, System.Globalization.CultureInfo.InvariantCulture), unit, null, decimals));

    [Theory]
    [InlineData("1400", "世帯", 0, "an increase of 1,400世帯")]
    [InlineData("-107", "人", 0, "a decrease of 107人")]
    [InlineData("0", "人", 0, "no change (0人)")]
    public void ChangeInEnglish_KeepsTheAmountAsTheJapaneseWritesIt_AndSaysTheDirectionInWords(string change, string unit, int decimals, string expected) =>
        Assert.Equal(expected, ValueFormatter.ChangeInEnglish(decimal.Parse(change, System.Globalization.CultureInfo.InvariantCulture), unit, null, decimals));

    [Fact]
    public void Change_IsNeverWrittenWithAPlusSign() =>
        Assert.DoesNotContain("+", ValueFormatter.Change(1400m, "世帯", null, 0), StringComparison.Ordinal);

    [Theory]
    [InlineData("11億4千万", "円", "11億4千万円")]
    [InlineData("5億1千万", "円", "5億1千万円")]
    [InlineData("16,474", "人", "16,474人")]
    [InlineData("7億8436万円", "円", "7億8436万円")]
    [InlineData("16,474人", "人", "16,474人")]
    [InlineData("1.51", "", "1.51")]
    [InlineData("(1.64)", "人", "(1.64)")]
    [InlineData("—", "人", "—")]
    [InlineData("未確定 (313千㎡)", "㎡", "未確定 (313千㎡)")]
    [InlineData(" △2.7 ", "", "△2.7")]
    public void WithUnit_AddsTheUnitOnlyWhereTheDocumentLeftItOut(string text, string unit, string expected) =>
        Assert.Equal(expected, ValueFormatter.WithUnit(text, unit));

    [Theory]
    [InlineData(0, "人", "#,##0\"人\";\"△\"#,##0\"人\"")]
    [InlineData(1, "万人", "#,##0.0\"万人\";\"△\"#,##0.0\"万人\"")]
    [InlineData(2, "", "#,##0.00;\"△\"#,##0.00")]
    public void SpreadsheetFormat_WritesNegativesWithTheTriangleAsTheTextDoes(int decimals, string unit, string expected) =>
        Assert.Equal(expected, ValueFormatter.SpreadsheetFormat(decimals, unit));

    [Fact]
    public void FormatOrExact_WithADisplayUnitOfAnotherUnit_WritesTheExactAmountInTheBaseUnit() =>
        Assert.Equal("1,532,000人", ValueFormatter.FormatOrExact(1532000m, "人", "億円", 0));

    [Fact]
    public void SpreadsheetFormat_PutsQualifierTextAroundBothSections() =>
        Assert.Equal("\"未確定 (\"#,##0\"千㎡\"\")\";\"未確定 (\"\"△\"#,##0\"千㎡\"\")\"", ValueFormatter.SpreadsheetFormat(0, "千㎡", "未確定 (", ")"));
}
