using Sosei.Domain.Achievement;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;

namespace Sosei.Domain.Tests.Achievement;

/// <summary>
/// A tree shaped like the 網走市 strategy (reference document 001): 基本目標 with 数値目標, measures below them, and
/// 再掲 rows (合計特殊出生率(再掲), 食品製造業の付加価値率(再掲) shown again under 基本目標3).
/// </summary>
public class VerificationSummaryTests
{
    private const string Above = "80%以上";
    private const string Below = "80%未満";
    private const string NoData = "—";

    private static readonly SummaryNode[] Nodes =
    [
        new("g2", null, "基本目標2 交流人口の拡大", 2),
        new("g1", null, "基本目標1 産業振興と雇用の場の創出", 1),
        new("g1-1", "g1", "地域産業の競争力を強化する取組", 1),
        new("g1-1-a", "g1-1", "ブランド化と高付加価値化", 1),
        new("g1-2", "g1", "多様な就労環境の創出", 2),
        new("g2-1", "g2", "「おいしいまち」網走のブランド化", 1),
        new("g3", null, "基本目標3 結婚・出産・子育て", 3),
        new("g3-1", "g3", "妊婦・乳幼児の健診、相談等の実施", 1),
        new("g3-2", "g3", "雇用の場の創出と就労支援", 2),
        new("g4", null, "基本目標4 人材の育成", 4),
    ];

    private static readonly SummaryKpi[] Kpis =
    [
        new("employees", "g1", KpiLevel.Goal, Above),
        new("value-added", "g1-1-a", KpiLevel.Measure, Below, ["g3-2"]),
        new("downtown-weekday", "g1-1", KpiLevel.Measure, Below),
        new("haccp", "g1-1", KpiLevel.Measure, Above),
        new("startups", "g1-2", KpiLevel.Measure, Above, ["g3-2"]),
        new("tourists", "g2", KpiLevel.Goal, Below),
        new("overnight", "g2-1", KpiLevel.Measure, Below),
        new("tfr", "g3", KpiLevel.Goal, NoData, ["g3-1"]),
        new("matchmaking", "g3-1", KpiLevel.Measure, Below),
        new("grant-project", "g3-2", KpiLevel.Project, Above),
    ];

    private static VerificationSummary Summary() =>
        VerificationSummary.Build(new FiscalYear(2018), GradeScale.TwoBand80, Nodes, Kpis);

    [Fact]
    public void Summary_RowsFollowTheGoalsOrderAndIncludeGoalsWithoutKpis()
    {
        var summary = Summary();

        Assert.Equal(["g1", "g2", "g3", "g4"], summary.Rows.Select(r => r.NodeId));
        Assert.Equal(0, summary.Rows[3].All.Total);
        Assert.Equal(new FiscalYear(2018), summary.Year);
    }

    [Fact]
    public void Summary_CountsGoalAndMeasureKpisPerGradeUnderEachGoal()
    {
        var g1 = Summary().Rows[0];

        Assert.Equal(1, g1.Goal.Count(Above));
        Assert.Equal(0, g1.Goal.Count(Below));
        Assert.Equal(2, g1.Measure.Count(Above));
        Assert.Equal(2, g1.Measure.Count(Below));
        Assert.Equal(5, g1.All.Total);
        Assert.Equal([Above, Below, NoData], g1.All.ByGrade.Select(c => c.Code));
    }

    [Fact]
    public void Summary_RelistedKpis_CountOnceAtTheirHome()
    {
        var summary = Summary();
        var g3 = summary.Rows[2];

        // value-added and startups are 再掲 under g3-2 but live under g1: g3 counts only its own.
        Assert.DoesNotContain("value-added", g3.All.ByGrade.SelectMany(c => c.KpiIds));
        Assert.DoesNotContain("startups", g3.All.ByGrade.SelectMany(c => c.KpiIds));
        Assert.Equal(3, g3.All.Total);
        Assert.Equal(Kpis.Length, summary.Totals.All.Total);
        Assert.Equal(Kpis.Length, summary.Rows.Sum(r => r.All.Total));
    }

    [Fact]
    public void Summary_NoDataIsCountedInItsOwnColumn()
    {
        var g3 = Summary().Rows[2];

        Assert.Equal(["tfr"], g3.Goal.Of(NoData).KpiIds);
        Assert.Equal(1, g3.Goal.Total);
    }

    [Fact]
    public void Summary_ProjectKpisAreCountedApartAndInAll()
    {
        var g3 = Summary().Rows[2];

        Assert.Equal(["grant-project"], g3.Project.Of(Above).KpiIds);
        Assert.Equal(0, g3.Measure.Count(Above));
        Assert.Equal(1, g3.All.Count(Above));
    }

    [Fact]
    public void Summary_TotalsRow_AddsUpEveryGoalAndListsTheKpis()
    {
        var totals = Summary().Totals;

        Assert.True(totals.IsTotal);
        Assert.Equal("合計", totals.Label);
        Assert.Equal(3, totals.Goal.Total);
        Assert.Equal(1, totals.Goal.Count(Above));
        Assert.Equal(1, totals.Goal.Count(Below));
        Assert.Equal(1, totals.Goal.Count(NoData));
        Assert.Equal(["haccp", "startups"], totals.Measure.Of(Above).KpiIds);
        Assert.Equal(["value-added", "downtown-weekday", "overnight", "matchmaking"], totals.Measure.Of(Below).KpiIds);
        Assert.Equal(4, totals.All.Count(Above));
    }

    [Fact]
    public void Summary_WithARoot_TakesItsChildrenAsGoals()
    {
        SummaryNode[] nodes = [new("root", null, "戦略理念", 0), .. Nodes.Select(n => n.ParentId is null ? n with { ParentId = "root" } : n)];

        var summary = VerificationSummary.Build(new FiscalYear(2018), GradeScale.TwoBand80, nodes, Kpis, rootId: "root");

        Assert.Equal(["g1", "g2", "g3", "g4"], summary.Rows.Select(r => r.NodeId));
        Assert.Equal(Kpis.Length, summary.Totals.All.Total);
    }

    [Fact]
    public void Summary_KpiAtTheRoot_IsRejectedAsNotUnderAGoal()
    {
        SummaryNode[] nodes = [new("root", null, "戦略理念", 0), .. Nodes.Select(n => n.ParentId is null ? n with { ParentId = "root" } : n)];
        SummaryKpi[] kpis = [new("population", "root", KpiLevel.Goal, Above)];

        var ex = Assert.Throws<ArgumentException>(
            () => VerificationSummary.Build(new FiscalYear(2018), GradeScale.TwoBand80, nodes, kpis, rootId: "root"));
        Assert.Contains("「population」", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_RelistedKpiGivenTwice_IsRejected()
    {
        SummaryKpi[] kpis = [.. Kpis, new("tfr", "g3-1", KpiLevel.Goal, NoData)];

        var ex = Assert.Throws<ArgumentException>(() => VerificationSummary.Build(new FiscalYear(2018), GradeScale.TwoBand80, Nodes, kpis));
        Assert.Contains("「tfr」", ex.Message, StringComparison.Ordinal);
        Assert.Contains("再掲", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_UnknownGradeCode_IsRejectedQuotingIt()
    {
        SummaryKpi[] kpis = [new("x", "g1", KpiLevel.Goal, "A")];

        var ex = Assert.Throws<ArgumentException>(() => VerificationSummary.Build(new FiscalYear(2018), GradeScale.TwoBand80, Nodes, kpis));
        Assert.Contains("「A」", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nowhere", null)]
    [InlineData("g1", "nowhere")]
    public void Summary_UnknownHomeOrRelistingNode_IsRejectedQuotingIt(string home, string? relisting)
    {
        SummaryKpi[] kpis = [new("x", home, KpiLevel.Measure, Above, relisting is null ? null : [relisting])];

        var ex = Assert.Throws<ArgumentException>(() => VerificationSummary.Build(new FiscalYear(2018), GradeScale.TwoBand80, Nodes, kpis));
        Assert.Contains("「nowhere」", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_BadTrees_AreRejected()
    {
        var scale = GradeScale.TwoBand80;
        var year = new FiscalYear(2018);
        Assert.Throws<ArgumentException>(() => VerificationSummary.Build(year, scale, [.. Nodes, new("g1", null, "dup", 9)], []));
        Assert.Throws<ArgumentException>(() => VerificationSummary.Build(year, scale, [.. Nodes, new("orphan", "missing", "x", 9)], []));
        Assert.Throws<ArgumentException>(() => VerificationSummary.Build(year, scale, Nodes, [], rootId: "missing"));

        SummaryNode[] cycle = [new("g1", null, "g1", 1), new("a", "b", "a", 1), new("b", "a", "b", 1)];
        var ex = Assert.Throws<ArgumentException>(
            () => VerificationSummary.Build(year, scale, cycle, [new SummaryKpi("x", "a", KpiLevel.Measure, Above)]));
        Assert.Contains("循環", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_OnTheAbcdScale_HasAColumnPerGrade()
    {
        SummaryKpi[] kpis = [new("a", "g1", KpiLevel.Goal, "A"), new("c", "g1-1", KpiLevel.Measure, "C"), new("n", "g2", KpiLevel.Goal, "—")];

        var summary = VerificationSummary.Build(new FiscalYear(2018), GradeScale.Abcd, Nodes, kpis);

        Assert.Equal(["A", "B", "C", "D", "—"], summary.Totals.All.ByGrade.Select(c => c.Code));
        Assert.Equal([1, 0, 1, 0, 1], summary.Totals.All.ByGrade.Select(c => c.Count));
        Assert.Throws<ArgumentException>(() => summary.Totals.All.Count("80%以上"));
    }
}
