using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Domain.Tests.Kpis;

/// <summary>
/// Targets as other municipalities' published KPI tables and plan texts write them: a cumulative window before or
/// after the value (<c>(H27~H31累計):10,000人</c>), and sentences of the plan's prose
/// (「5年間で100人の雇用の創出を図ります。」, 「年間50件を維持します」, 「10%増加させる」). The plan is FY2015–FY2019.
/// </summary>
public class OtherMunicipalitiesPhraseTests
{
    private static readonly TargetPhraseContext Plan = new(new FiscalYear(2015), new FiscalYear(2019), KpiLevel.Measure, null);

    [Theory]
    [InlineData("(H27~H31累計):10,000人", 2015, 2019)]
    [InlineData("（H27～H31累計）10,000人", 2015, 2019)]
    [InlineData("（Ｈ２７～Ｈ３１累計）：１０，０００人", 2015, 2019)]
    [InlineData("10,000人(H27～H31累計)", 2015, 2019)]
    [InlineData("[H27~28 累計] 10,000人", 2015, 2016)]
    [InlineData("(H28~H30累計):10,000人", 2016, 2018)]
    [InlineData("累計10,000人(H28~H30)", 2016, 2018)]
    public void Parse_CumulativeWindow_IsACumulativeTargetOverTheWindowWritten(string phrase, int first, int last)
    {
        var kpi = TargetPhraseParser.Parse("移住者数", phrase, Plan);
        Assert.Equal(TargetKind.Cumulative, kpi.TargetKind);
        Assert.Equal(KpiDirection.Increase, kpi.Direction);
        Assert.Equal(10_000m, kpi.Target!.Value);
        Assert.Equal(PeriodRange.FiscalYears(first, last), kpi.Target.Period);
        Assert.Equal("人", kpi.Unit);
        Assert.Equal(phrase, kpi.TargetPhrase);
    }

    [Fact]
    public void Parse_PeriodBeforeALevel_IsTheTargetYear()
    {
        var kpi = TargetPhraseParser.Parse("満足度", "(R1)60.0%", Plan);
        Assert.Equal(TargetKind.Level, kpi.TargetKind);
        Assert.Equal(60.0m, kpi.Target!.Value);
        Assert.Equal(PeriodRange.FiscalYears(2019, 2019), kpi.Target.Period);
    }

    [Fact]
    public void Parse_JobsCreatedOverFiveYears_IsCumulative()
    {
        var kpi = TargetPhraseParser.Parse("新規雇用者数", "5年間で100人の雇用の創出を図ります。", Plan);
        Assert.Equal(TargetKind.Cumulative, kpi.TargetKind);
        Assert.Equal(KpiDirection.Increase, kpi.Direction);
        Assert.Equal(100m, kpi.Target!.Value);
        Assert.Equal("人", kpi.Unit);
        Assert.Equal(PeriodRange.FiscalYears(2015, 2019), kpi.Target.Period);
        Assert.Null(kpi.Baseline);
        Assert.Equal("5年間で100人の雇用の創出を図ります。", kpi.TargetPhrase);
    }

    [Fact]
    public void Parse_AnnualCountMaintained_IsMaintainOverThePlan()
    {
        var kpi = TargetPhraseParser.Parse("移住相談件数", "年間50件を維持します", Plan);
        Assert.Equal(TargetKind.Maintain, kpi.TargetKind);
        Assert.Equal(KpiDirection.Maintain, kpi.Direction);
        Assert.Equal(50m, kpi.Target!.Value);
        Assert.Equal("件", kpi.Unit);
        Assert.Equal(PeriodRange.FiscalYears(2015, 2019), kpi.Target.Period);
    }

    [Fact]
    public void Parse_IncreaseByAPercentage_IsAChange()
    {
        var kpi = TargetPhraseParser.Parse("観光入込客数の伸び率", "10%増加させる", Plan);
        Assert.Equal(TargetKind.Change, kpi.TargetKind);
        Assert.Equal(KpiDirection.Increase, kpi.Direction);
        Assert.Equal(10m, kpi.Target!.Value);
        Assert.Equal("%", kpi.Unit);
        Assert.Equal(PeriodRange.FiscalYears(2019, 2019), kpi.Target.Period);
    }

    [Theory]
    [InlineData("5年で30.0%を目指す", "30.0", TargetKind.Level, KpiDirection.Increase)]
    [InlineData("5年で30.0%を目指します。", "30.0", TargetKind.Level, KpiDirection.Increase)]
    [InlineData("5年で500tの削減を図ります", "-500", TargetKind.Change, KpiDirection.Decrease)]
    [InlineData("5年で473人を確保します", "473", TargetKind.Level, KpiDirection.Increase)]
    [InlineData("待機児童ゼロを達成します", "0", TargetKind.Level, KpiDirection.Decrease)]
    [InlineData("年間50件を維持する", "50", TargetKind.Maintain, KpiDirection.Maintain)]
    [InlineData("5年で60%とする", "60", TargetKind.Level, KpiDirection.Increase)]
    [InlineData("5年で60.0%とします。", "60.0", TargetKind.Level, KpiDirection.Increase)]
    [InlineData("観光入込客数を10%増加させます", "10", TargetKind.Change, KpiDirection.Increase)]
    [InlineData("５年間で、１００人の雇用の創出を図ります。", "100", TargetKind.Cumulative, KpiDirection.Increase)]
    public void Parse_SentencesOfThePlanText_ReadAsTheirPhrase(string phrase, string target, TargetKind kind, KpiDirection direction)
    {
        var kpi = TargetPhraseParser.Parse("指標", phrase, Plan);
        Assert.Equal(kind, kpi.TargetKind);
        Assert.Equal(direction, kpi.Direction);
        Assert.Equal(decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture), kpi.Target!.Value);
    }

    [Theory]
    [InlineData("雇用の創出を図ります。", "目標値（数値と単位）がありません", "states no target figure")]
    [InlineData("5年間で多くの雇用の創出を図ります", "目標値（数値と単位）がありません", "states no target figure")]
    [InlineData("移住者の増加を目指します", "目標値（数値と単位）がありません", "states no target figure")]
    [InlineData("100人の雇用の創出を検討します", "述語「検討します」", "predicate")]
    [InlineData("100人程度の雇用の創出を図ります", "単位「人程度」", "人程度")]
    [InlineData("5年で30人程度を目指す", "単位「人程度」", "人程度")]
    [InlineData("5年で60%とし増加する", "「とし」の後", "after とし")]
    [InlineData("増加する", "目標値（数値と単位）がありません", "states no target figure")]
    [InlineData("(H27~H31累計):", "後に目標値がありません", "no target value")]
    [InlineData("(H27~H31累計):大幅に増やす", "目標値（数値）がありません", "no number")]
    public void Parse_SentencesWithoutAClearTarget_AreRefusedNamingWhatIsMissing(string phrase, string japanese, string english)
    {
        var ex = Assert.Throws<TargetPhraseException>(() => TargetPhraseParser.Parse("指標", phrase, Plan));
        Assert.Contains(japanese, ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.Contains(english, ex.EnglishMessage, StringComparison.Ordinal);
        Assert.StartsWith($"「{phrase}」は目標の書き方として読めません", ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.Equal(phrase, ex.Phrase);

        // The phrase is quoted once, by the phrase's message, not again by the reason.
        Assert.Equal(1, Occurrences(ex.JapaneseMessage, phrase.TrimEnd('。')));
        Assert.Equal(1, Occurrences(ex.EnglishMessage, phrase.TrimEnd('。')));
    }

    [Theory]
    [InlineData("5年で4万万人")]
    [InlineData("5年で30人を目標")]
    [InlineData("5年で1,23,4人")]
    [InlineData("100人程度の雇用の創出を図ります")]
    public void Parse_ValueError_IsSaidOnceNotQuotedFromTheValueParser(string phrase)
    {
        var ex = Assert.Throws<TargetPhraseException>(() => TargetPhraseParser.Parse("指標", phrase, Plan));

        // The phrase's message, with the phrase's examples; the value parser's own message and examples are not inside.
        Assert.Equal(1, Occurrences(ex.JapaneseMessage, "例:"));
        Assert.Equal(1, Occurrences(ex.EnglishMessage, "Examples:"));
        Assert.DoesNotContain("数値として読めません", ex.JapaneseMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("is not a value", ex.EnglishMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("/", ex.JapaneseMessage.Replace("人/年", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("は目標", ex.EnglishMessage, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 400, $"{ex.Message.Length} characters: {ex.Message}");
    }

    private static int Occurrences(string text, string word) => text.Split(word).Length - 1;
}
