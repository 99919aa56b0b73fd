using System.Globalization;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Domain.Tests.Kpis;

public class TargetPhraseParserTests
{
    // 根室市創生総合戦略: 平成27年度（2015年度）～平成31年度（2019年度）.
    private static readonly FiscalYear PlanStart = new(2015);
    private static readonly FiscalYear PlanEnd = new(2019);

    private static TargetPhraseContext Context(
        KpiLevel level = KpiLevel.Measure,
        Period? baselinePeriod = null,
        KpiDirection? direction = null,
        TargetKind? kind = null) => new(PlanStart, PlanEnd, level, baselinePeriod, direction, kind);

    private static string? Invariant(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);

    public static TheoryData<string, int, string> BodyCases() => Cases(NemuroStrategyPhrases.Body, "body");

    public static TheoryData<string, int, string> SystemChartCases() => Cases(NemuroStrategyPhrases.SystemChart, "chart");

    private static TheoryData<string, int, string> Cases(IReadOnlyList<PhraseCase> cases, string table)
    {
        var data = new TheoryData<string, int, string>();
        for (var i = 0; i < cases.Count; i++)
        {
            data.Add(table, i, cases[i].Phrase);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BodyCases))]
    [MemberData(nameof(SystemChartCases))]
    public void Parse_EveryPhraseOfTheNemuroStrategy(string table, int index, string phrase)
    {
        var c = (table == "body" ? NemuroStrategyPhrases.Body : NemuroStrategyPhrases.SystemChart)[index];
        Assert.Equal(c.Phrase, phrase);

        var kpi = TargetPhraseParser.Parse(c.Name, c.Phrase, Context(c.Level));

        Assert.Equal(c.Name, kpi.Name);
        Assert.Equal(c.Level, kpi.Level);
        Assert.Equal(c.Phrase, kpi.TargetPhrase);
        Assert.Equal(c.Kind, kpi.TargetKind);
        Assert.Equal(c.Direction, kpi.Direction);
        Assert.Equal(c.Target, Invariant(kpi.Target?.Value));
        Assert.Equal(c.Baseline, Invariant(kpi.Baseline?.Value));
        Assert.Equal(c.Unit, kpi.Unit);
        Assert.Equal(c.Decimals, kpi.Decimals);
        Assert.NotNull(kpi.Target!.Period);
    }

    [Fact]
    public void DataTable_HoldsEveryPhraseOfTheDocument()
    {
        Assert.Equal(10, NemuroStrategyPhrases.Body.Count(c => c.Level == KpiLevel.Goal));
        Assert.Equal(41, NemuroStrategyPhrases.Body.Count(c => c.Level == KpiLevel.Measure));
        Assert.Equal(28, NemuroStrategyPhrases.SystemChart.Count);
    }

    [Fact]
    public void Parse_PercentWithPoints_GivesTargetAndBaseline()
    {
        var kpi = TargetPhraseParser.Parse("子育ての環境や支援に満足している保護者の割合", "5年で30.0%とし22.3ポイント向上", Context());
        Assert.Equal(TargetKind.Level, kpi.TargetKind);
        Assert.Equal(KpiDirection.Increase, kpi.Direction);
        Assert.Equal(30.0m, kpi.Target!.Value);
        Assert.Equal(7.7m, kpi.Baseline!.Value);
        Assert.Equal("%", kpi.Unit);
        Assert.Equal("%", kpi.DisplayUnit);
        Assert.Equal(1, kpi.Decimals);
        Assert.Equal(PeriodRange.FiscalYears(2019, 2019), kpi.Target.Period);
    }

    [Theory]
    [InlineData("5年で30.0%とし、\n22.3ポイント向上")]
    [InlineData("5年で30.0%とし\r\n22.3ポイント向上")]
    [InlineData("  ５年で３０．０％とし、２２．３ポイント向上。")]
    [InlineData("5年で30.0%とし22.3ポイント向上※1")]
    [InlineData("：5年で 30.0 %とし 22.3 ポイント向上")]
    [InlineData("5年間で30.0%とし22.3pt向上")]
    [InlineData("5か年で30.0%とし22.3ポイント改善")]
    public void Parse_IgnoresLineBreaksSpacesCommasAndFootnotes(string phrase)
    {
        var kpi = TargetPhraseParser.Parse("割合", phrase, Context());
        Assert.Equal(30.0m, kpi.Target!.Value);
        Assert.Equal(7.7m, kpi.Baseline!.Value);
        Assert.Equal(phrase, kpi.TargetPhrase);
    }

    [Fact]
    public void Parse_LineBreakInsideValuePhrase()
    {
        var kpi = TargetPhraseParser.Parse("移住相談ワンストップ窓口への相談件数", "5年で年間相談件数50件\nとし年間18件増加", Context());
        Assert.Equal(50m, kpi.Target!.Value);
        Assert.Equal(32m, kpi.Baseline!.Value);
    }

    [Fact]
    public void Parse_PopulationDecreaseRate_InfersLowerIsBetterFromTheName()
    {
        // 000 基本目標-2 数値目標③ and footnote ※2: the decrease rate was 1.78% (2014) and is to improve by 0.97 points.
        var kpi = TargetPhraseParser.Parse("人口減少率", "5年で0.81%とし0.97ポイント向上^{※2}", Context(KpiLevel.Goal));
        Assert.Equal(KpiDirection.Decrease, kpi.Direction);
        Assert.Equal(1.78m, kpi.Baseline!.Value);
        Assert.Equal(0.81m, kpi.Target!.Value);
    }

    [Fact]
    public void Parse_DirectionOverride_DecidesWhatImprovementMeans()
    {
        var down = TargetPhraseParser.Parse("指標A", "5年で0.81%とし0.97ポイント向上", Context(direction: KpiDirection.Decrease));
        Assert.Equal(KpiDirection.Decrease, down.Direction);
        Assert.Equal(1.78m, down.Baseline!.Value);

        var up = TargetPhraseParser.Parse("指標A", "5年で0.81%とし0.97ポイント向上", Context());
        Assert.Equal(KpiDirection.Increase, up.Direction);
        Assert.Equal(-0.16m, up.Baseline!.Value);

        // The override wins over the name too.
        var overridden = TargetPhraseParser.Parse("人口減少率", "5年で0.81%とし0.97ポイント向上", Context(direction: KpiDirection.Increase));
        Assert.Equal(KpiDirection.Increase, overridden.Direction);
        Assert.Equal(-0.16m, overridden.Baseline!.Value);
    }

    [Theory]
    [InlineData("人口減少率")]
    [InlineData("待機児童数")]
    [InlineData("生活習慣病罹患率")]
    [InlineData("季節労働者数")]
    [InlineData("交通事故件数")]
    public void Parse_DecreaseWordsInName_MakeImprovementAFall(string name)
    {
        var kpi = TargetPhraseParser.Parse(name, "5年で10とし2ポイント改善", Context());
        Assert.Equal(KpiDirection.Decrease, kpi.Direction);
        Assert.Equal(12m, kpi.Baseline!.Value);
    }

    [Fact]
    public void Parse_Decrease_BaselineIsTargetPlusChange()
    {
        var kpi = TargetPhraseParser.Parse("季節労働者数", "5年で473人とし107人減少", Context());
        Assert.Equal(KpiDirection.Decrease, kpi.Direction);
        Assert.Equal(580m, kpi.Baseline!.Value);
    }

    [Fact]
    public void Parse_AnnualAmountWithCompoundChange()
    {
        var kpi = TargetPhraseParser.Parse("根室税関支署管内の輸出入貿易額", "5年で年間50億円とし2億4千万円増加", Context());
        Assert.Equal(TargetKind.Level, kpi.TargetKind);
        Assert.Equal(5_000_000_000m, kpi.Target!.Value);
        Assert.Equal(4_760_000_000m, kpi.Baseline!.Value);
        Assert.Equal("円", kpi.Unit);
        Assert.Equal("億円", kpi.DisplayUnit);
    }

    [Fact]
    public void Parse_DaysWritten日間_AreDays()
    {
        var kpi = TargetPhraseParser.Parse("長期滞在者の滞在日数", "5年で年間延べ2,000日間とし年間1,770日間増加", Context());
        Assert.Equal("日", kpi.Unit);
        Assert.Equal("日間", kpi.DisplayUnit);
        Assert.Equal(230m, kpi.Baseline!.Value);
    }

    [Fact]
    public void Parse_ZeroMaintained_IsLowerIsBetterOverThePlan()
    {
        var kpi = TargetPhraseParser.Parse("幼稚園、保育所待機児童数", "ゼロ名維持", Context());
        Assert.Equal(TargetKind.Maintain, kpi.TargetKind);
        Assert.Equal(KpiDirection.Decrease, kpi.Direction);
        Assert.Equal(0m, kpi.Target!.Value);
        Assert.Equal("人", kpi.Unit);
        Assert.Equal("名", kpi.DisplayUnit);
        Assert.Equal(PeriodRange.FiscalYears(2015, 2019), kpi.Target.Period);
        Assert.Null(kpi.Baseline);
    }

    [Fact]
    public void Parse_NonZeroMaintained_IsMaintain()
    {
        var kpi = TargetPhraseParser.Parse("救急医療体制の対応日数", "365日維持", Context());
        Assert.Equal(TargetKind.Maintain, kpi.TargetKind);
        Assert.Equal(KpiDirection.Maintain, kpi.Direction);
        Assert.Equal(365m, kpi.Target!.Value);
    }

    [Fact]
    public void Parse_Annual_TargetsEveryYearOfThePlan()
    {
        var kpi = TargetPhraseParser.Parse("留守家庭児童会・放課後教室等の利用者数", "年間延べ46,000人", Context());
        Assert.Equal(TargetKind.Annual, kpi.TargetKind);
        Assert.Equal(46_000m, kpi.Target!.Value);
        Assert.Equal(PeriodRange.FiscalYears(2015, 2019), kpi.Target.Period);
    }

    [Fact]
    public void Parse_Change_HasNoBaselineValue_ButKeepsTheBaselinePeriod()
    {
        var kpi = TargetPhraseParser.Parse("保育料や学校給食費等が無料になる多子世帯数", "5年で延べ1,400世帯増加", Context(baselinePeriod: Period.OfFiscalYear(2014)));
        Assert.Equal(TargetKind.Change, kpi.TargetKind);
        Assert.Equal(1_400m, kpi.Target!.Value);
        Assert.Null(kpi.Baseline!.Value);
        Assert.Equal(PeriodRange.FiscalYears(2014, 2014), kpi.Baseline.Period);
        Assert.Equal(PeriodRange.FiscalYears(2019, 2019), kpi.Target.Period);
    }

    [Fact]
    public void Parse_ChangeDownward_IsANegativeChange()
    {
        var kpi = TargetPhraseParser.Parse("ごみ排出量", "5年で500t削減", Context());
        Assert.Equal(TargetKind.Change, kpi.TargetKind);
        Assert.Equal(KpiDirection.Decrease, kpi.Direction);
        Assert.Equal(-500m, kpi.Target!.Value);
    }

    [Fact]
    public void Parse_Cumulative_AccumulatesOverThePlanYears()
    {
        var kpi = TargetPhraseParser.Parse("独身者の出会いの場に参加した人数", "5年で男女200人", Context());
        Assert.Equal(TargetKind.Cumulative, kpi.TargetKind);
        Assert.Equal(PeriodRange.FiscalYears(2015, 2019), kpi.Target!.Period);

        var total = TargetPhraseParser.Parse("ふるさと納税制度を活用した寄附受納額", "5年で総額100億円増加", Context());
        Assert.Equal(TargetKind.Cumulative, total.TargetKind);
        Assert.Equal(10_000_000_000m, total.Target!.Value);
        Assert.Equal("億円", total.DisplayUnit);
    }

    [Fact]
    public void Parse_YearsCountFromPlanStart()
    {
        var kpi = TargetPhraseParser.Parse("指標", "3年で50人", Context());
        Assert.Equal(PeriodRange.FiscalYears(2015, 2017), kpi.Target!.Period);
        var level = TargetPhraseParser.Parse("指標", "3年で50%", Context());
        Assert.Equal(PeriodRange.FiscalYears(2017, 2017), level.Target!.Period);
        var noYears = TargetPhraseParser.Parse("指標", "50%", Context());
        Assert.Equal(PeriodRange.FiscalYears(2019, 2019), noYears.Target!.Period);
    }

    [Fact]
    public void Parse_KindOverride_DecidesAnAmbiguousPhrase()
    {
        var level = TargetPhraseParser.Parse("民間等による利活用が行われた旧学校施設", "5年で3施設", Context());
        Assert.Equal(TargetKind.Level, level.TargetKind);
        var cumulative = TargetPhraseParser.Parse("民間等による利活用が行われた旧学校施設", "5年で3施設", Context(kind: TargetKind.Cumulative));
        Assert.Equal(TargetKind.Cumulative, cumulative.TargetKind);
        Assert.Equal(PeriodRange.FiscalYears(2015, 2019), cumulative.Target!.Period);
    }

    [Fact]
    public void Parse_AchieveZero_IsLowerIsBetter()
    {
        var kpi = TargetPhraseParser.Parse("幼稚園・保育所待機児童数", "5年で季節待機児童ゼロ達成", Context(KpiLevel.Goal));
        Assert.Equal(TargetKind.Level, kpi.TargetKind);
        Assert.Equal(KpiDirection.Decrease, kpi.Direction);
        Assert.Equal(0m, kpi.Target!.Value);
        Assert.Equal(KpiLevel.Goal, kpi.Level);
    }

    [Theory]
    [InlineData("", "空です")]
    [InlineData("   ", "空です")]
    [InlineData("大幅に増やす", "目標値（数値）がありません")]
    [InlineData("5年で", "目標値（数値）がありません")]
    [InlineData("5年で30人程度を目指す", "数値「30人程度」が読めません")]
    [InlineData("5年で30.0%とし22.3ポイント", "「とし」の後")]
    [InlineData("5年で30.0%とし22.3人向上", "単位が合いません")]
    [InlineData("5年で473人とし107件減少", "単位が合いません")]
    [InlineData("5年で4万万人", "数値「4万万人」が読めません")]
    [InlineData("5年でabc人", "目標値（数値）がありません")]
    [InlineData("0年で5人", "0年")]
    [InlineData("300年で5人", "扱える年度（1900～2200年度）を超えます")]
    [InlineData("全国平均", "目標値（数値）がありません")]
    [InlineData("5年で—", "目標値（数値）がありません")]
    [InlineData("5年で30.0%以下を目指す", "数値「30.0%以下」が読めません")]
    public void Parse_RejectsWithReasonAndQuote(string phrase, string reason)
    {
        var ex = Assert.Throws<TargetPhraseException>(() => TargetPhraseParser.Parse("指標", phrase, Context()));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"「{phrase}」は目標の書き方として読めません", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{phrase}\" is not a target phrase", ex.Message, StringComparison.Ordinal);
        Assert.Equal(phrase, ex.Phrase);
        Assert.IsAssignableFrom<FormatException>(ex);
        Assert.False(TargetPhraseParser.TryParse("指標", phrase, Context(), out var kpi, out var error));
        Assert.Null(kpi);
        Assert.Equal(ex.Message, error.Message);
    }

    [Fact]
    public void TryParse_NullPhrase_IsRejected() =>
        Assert.False(TargetPhraseParser.TryParse("指標", null, Context(), out _, out _));

    [Fact]
    public void Parse_PlanEndingBeforeItStarts_IsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() =>
            TargetPhraseParser.Parse("指標", "5年で50人", new TargetPhraseContext(PlanEnd, PlanStart, KpiLevel.Measure, null)));
}
