using System.Reflection;
using Sosei.Application.Evaluation;
using Sosei.Application.Kpis;
using Sosei.Application.Plans;
using Sosei.Application.Projects;
using Sosei.Domain.Kpis;
using Sosei.Domain.Periods;
using Sosei.Domain.Values;

namespace Sosei.Application.Tests.Evaluation;

/// <summary>
/// The read models keep the entities' property names (so a reader reads the same fields), and <c>Of</c> copies them.
/// </summary>
public class PlanViewsTests
{
    private static List<string> Missing(Type entity, Type view, params string[] left) =>
        entity.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .Except(view.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name))
            .Except(left)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_views_have_the_entities_properties_but_navigations_keys_and_versions()
    {
        Assert.Empty(Missing(typeof(Plan), typeof(PlanView), "Version", "OrganizationId", "RegionId", "ActualSelection", "ThresholdComparison", "SeriesAggregation", "RelativeTargetReading"));
        Assert.Empty(Missing(typeof(PlanNode), typeof(NodeView), "Version", "PlanId", "Parent", "Children"));
        Assert.Empty(Missing(typeof(Kpi), typeof(KpiView), "Version", "Plan", "HomeNode"));
        Assert.Empty(Missing(typeof(KpiSeries), typeof(SeriesView), "KpiId"));
        Assert.Empty(Missing(typeof(KpiValue), typeof(ValueView), "Version", "KpiId", "Series", "PeriodKind", "PeriodYear", "PeriodMonth", "PeriodDay"));
        Assert.Empty(Missing(typeof(Project), typeof(ProjectView), "Version", "PlanId", "Plan", "HomeNode", "DepartmentId"));
        Assert.Empty(Missing(typeof(Relisting), typeof(PlanRelistingView), "PlanId", "Plan", "Node", "Kpi", "Project"));
    }

    [Fact]
    public void A_kpi_view_copies_the_kpi_with_its_series_values_targets_and_departments_in_order()
    {
        var kpi = new Kpi
        {
            Id = 7, PlanId = 1, HomeNodeId = 3, Code = "K1", Name = "指標", SortOrder = 2, Level = KpiLevel.Measure, Unit = "人",
            DisplayUnit = "万人", Decimals = 1, Direction = KpiDirection.Decrease, TargetKind = TargetKind.Change,
            BaselineValue = 1m, BaselinePeriod = "FY2014", BaselineText = "1人", TargetValue = 2m, TargetPeriod = "FY2019",
            TargetReference = "全国平均", TargetText = "2人", TargetPhrase = "5年で2人", ValuePeriodKind = PeriodKind.CalendarYear,
            SurveyTiming = "10月1日", PublicationTiming = "翌年11月", Source = "国勢調査", Note = "※",
        };
        kpi.Series.Add(new KpiSeries { Id = 11, Code = "S", Name = "小学生", BaselineText = "3" });
        kpi.Values.Add(new KpiValue { Id = 21, SeriesId = 11, OriginalText = "5人", Amount = 5m, Qualifiers = ValueQualifiers.Provisional, Period = Period.OfFiscalYear(2016) });
        kpi.InterimTargets.Add(new KpiInterimTarget { SeriesId = 11, Period = "FY2017", Value = 4m, Text = "4人" });
        kpi.Departments.Add(new KpiDepartment { DepartmentId = 2, SortOrder = 1, Department = new Organizations.Department { Id = 2, Name = "第二課" } });
        kpi.Departments.Add(new KpiDepartment { DepartmentId = 1, SortOrder = 0, Department = new Organizations.Department { Id = 1, Name = "第一課" } });

        var view = KpiView.Of(kpi);

        foreach (var p in typeof(KpiView).GetProperties().Where(p => p.PropertyType.IsValueType || p.PropertyType == typeof(string)))
        {
            Assert.Equal(typeof(Kpi).GetProperty(p.Name)!.GetValue(kpi), p.GetValue(view));
        }

        Assert.Equal("小学生", Assert.Single(view.Series).Name);
        var value = Assert.Single(view.Values);
        Assert.Equal((11, Period.OfFiscalYear(2016), 5m, "5人", ValueQualifiers.Provisional), (value.SeriesId!.Value, value.Period, value.Amount!.Value, value.OriginalText, value.Qualifiers));
        Assert.Equal(new InterimTargetView(11, "FY2017", 4m, "4人"), Assert.Single(view.InterimTargets));
        Assert.Equal(["第一課", "第二課"], view.Departments.Select(d => d.Name));
    }
}
