using Sosei.Domain.Periods;

namespace Sosei.Domain.Tests.Periods;

/// <summary>A fiscal year validates itself (as NodaTime's LocalDate does): no caller repeats the 1900–2200 check.</summary>
public class FiscalYearTests
{
    [Theory]
    [InlineData(FiscalYear.MinYear)]
    [InlineData(2024)]
    [InlineData(FiscalYear.MaxYear)]
    public void Constructor_AcceptsYearsInsideTheRange(int year)
    {
        Assert.Equal(year, new FiscalYear(year).Year);
        Assert.True(FiscalYear.IsValid(year));
        Assert.True(FiscalYear.TryCreate(year, out var fy));
        Assert.Equal(year, fy.Year);
    }

    [Theory]
    [InlineData(FiscalYear.MinYear - 1)]
    [InlineData(FiscalYear.MaxYear + 1)]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Constructor_RefusesYearsOutsideTheRange_WithAMessageNamingTheRange(int year)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(year));
        Assert.Equal("year", e.ParamName);
        Assert.Contains("1900～2200", e.Message, StringComparison.Ordinal);
        Assert.False(FiscalYear.IsValid(year));
        Assert.False(FiscalYear.TryCreate(year, out _));
    }

    [Fact]
    public void AddYears_PastTheRange_Throws()
    {
        Assert.Equal(new FiscalYear(2200), new FiscalYear(2199).AddYears(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(2200).AddYears(1));
    }

    [Fact]
    public void TryCreate_Optional_KeepsNullAndRefusesOutOfRange()
    {
        Assert.True(FiscalYear.TryCreate((int?)null, out var none));
        Assert.Null(none);
        Assert.True(FiscalYear.TryCreate((int?)2018, out var fy));
        Assert.Equal(new FiscalYear(2018), fy);
        Assert.False(FiscalYear.TryCreate((int?)1899, out var refused));
        Assert.Null(refused);
    }

    [Fact]
    public void Containing_1April_StartsTheNewFiscalYear()
    {
        Assert.Equal(2024, FiscalYear.Containing(new DateOnly(2025, 3, 31)).Year);
        Assert.Equal(2025, FiscalYear.Containing(new DateOnly(2025, 4, 1)).Year);
    }
}
