namespace Sosei.Domain.Tests;

public class SmokeTests
{
    [Fact]
    public void JapaneseCalendar_KnowsReiwa() =>
        Assert.Equal(6, new System.Globalization.JapaneseCalendar().GetYear(new DateTime(2024, 5, 1)));
}
