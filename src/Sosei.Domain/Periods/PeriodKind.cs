namespace Sosei.Domain.Periods;

/// <summary>What a value's period means. Kept with every value: a KPI may be counted per 年度, per 年 or on a survey date.</summary>
public enum PeriodKind
{
    /// <summary>年度: April – March.</summary>
    FiscalYear = 0,

    /// <summary>年: January – December.</summary>
    CalendarYear = 1,

    /// <summary>A month (H31.3 = March 2019), e.g. when a result is published.</summary>
    Month = 2,

    /// <summary>A day, e.g. a census survey date (国勢調査 10月1日).</summary>
    Date = 3,
}
