using FsCheck.Xunit;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Tests.Text;
using Sosei.Domain.Values;

namespace Sosei.Domain.Tests.Values;

public class ValueParserProperties
{
    private static readonly string[] KnownUnits = ["", "人", "%", "円", "t", "㎡", "か所", "件", "kW", "ポイント", "歳", "施設", "世帯"];

    [Property(MaxTest = 2000, Arbitrary = [typeof(NotationArbitraries)])]
    public void TryParse_NeverThrows_AndParseThrowsOnlyValueFormatException(NotationText text)
    {
        var ok = ValueParser.TryParse(text.Value, out var value, out var error);
        Assert.Equal(ok, value is not null);
        Assert.Equal(ok, error is null);
        if (ok)
        {
            Assert.Equal(text.Value, value!.OriginalText);
            Assert.Equal(value.HasAmount, value.NoValueReason is null);
            Assert.Equal(value, ValueParser.Parse(text.Value));
        }
        else
        {
            var ex = Assert.Throws<ValueFormatException>(() => ValueParser.Parse(text.Value));
            Assert.Equal(error!.Message, ex.Message);
        }

        var cellOk = ValueParser.TryParseCell(text.Value, PeriodKind.FiscalYear, out var values, out _);
        Assert.Equal(cellOk, values is not null);
        if (!cellOk)
        {
            Assert.Throws<ValueFormatException>(() => ValueParser.ParseCell(text.Value));
        }
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(NotationArbitraries)])]
    public void TargetPhrase_TryParseNeverThrows(NotationText text)
    {
        var context = new TargetPhraseContext(new FiscalYear(2015), new FiscalYear(2019), KpiLevel.Measure, null);
        var ok = TargetPhraseParser.TryParse("指標", text.Value, context, out var kpi, out var error);
        Assert.Equal(ok, kpi is not null);
        if (!ok)
        {
            var ex = Assert.Throws<TargetPhraseException>(() => TargetPhraseParser.Parse("指標", text.Value, context));
            Assert.Equal(error!.Message, ex.Message);
        }
    }

    [Property(MaxTest = 1000)]
    public void Format_ThenParse_GivesTheAmountBack(decimal amount, byte unitIndex)
    {
        var unit = KnownUnits[unitIndex % KnownUnits.Length];
        var scale = (decimal.GetBits(amount)[3] >> 16) & 0xFF;
        var text = ValueFormatter.Format(amount, unit, unit, scale);
        var value = ValueParser.Parse(text);
        Assert.Equal(amount, value.Amount);
        Assert.Equal(NotationArbitraries.Invariant(amount), NotationArbitraries.Invariant(value.Amount!.Value));
        Assert.Equal(unit, value.Unit);
        Assert.Equal(scale, value.Decimals);
    }

    [Property(MaxTest = 1000)]
    public void SpaceBetweenNumberAndUnit_ReadsAsWrittenTogether(long units, byte decimals, byte unitIndex, bool ideographic)
    {
        // 4,356 億円 = 4,356億円, 13 人 = 13人, 13　人 = 13人: only the original text differs.
        var places = decimals % 5;
        var display = (string[])["万人", "億円", "人", "%", "千㎡", "件"];
        var unit = display[unitIndex % display.Length];
        var text = ValueFormatter.Format(units / (decimal)Math.Pow(10, places) * Units.SplitMultiplier(unit).Multiplier, Units.SplitMultiplier(unit).Unit, unit, places);
        var last = text.Length - 1;
        while (!char.IsAsciiDigit(text[last]))
        {
            last--;
        }

        var spaced = text[..(last + 1)] + (ideographic ? "\u3000" : " ") + text[(last + 1)..];

        var together = ValueParser.Parse(text);
        var apart = ValueParser.Parse(spaced);

        Assert.Equal(together with { OriginalText = spaced }, apart);
    }

    [Property(MaxTest = 1000)]
    public void Format_WithMultiplier_ThenParse_GivesTheAmountBack(long units, byte decimals, bool large)
    {
        // An amount with at most 4 decimals in 万 (or 8 in 億) is exact in the display unit.
        var places = decimals % 5;
        var (display, factor) = large ? ("億円", 100_000_000m) : ("万人", 10_000m);
        var shown = units / (decimal)Math.Pow(10, places);
        var amount = shown * factor;
        var text = ValueFormatter.Format(amount, large ? "円" : "人", display, places);
        var value = ValueParser.Parse(text);
        Assert.Equal(amount, value.Amount);
        Assert.Equal(display, value.DisplayUnit);
    }
}
