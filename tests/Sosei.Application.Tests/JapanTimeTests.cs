using Microsoft.Extensions.Time.Testing;
using Sosei.Application.Common;
using Sosei.Application.Evaluation;
using Sosei.Application.Plans;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests;

/// <summary>One "today in Japan" for every default-year decision, whatever the server's time zone.</summary>
public class JapanTimeTests
{
    // 2025-03-31T15:30Z is 1 April 2025, 00:30 in Japan: 令和7年度 has begun there, not yet on a UTC host.
    private static FakeTimeProvider UtcHostAtJapaneseMidnight() => new(new DateTimeOffset(2025, 3, 31, 15, 30, 0, TimeSpan.Zero));

    [Fact]
    public void TodayInJapan_On1AprilAt0030Jst_IsTheNewFiscalYearOnAUtcHost()
    {
        var clock = UtcHostAtJapaneseMidnight();
        Assert.Equal(TimeZoneInfo.Utc, clock.LocalTimeZone);

        Assert.Equal(new DateOnly(2025, 4, 1), clock.TodayInJapan());
        Assert.Equal(TimeSpan.FromHours(9), clock.NowInJapan().Offset);
        Assert.Equal("令和7年度", clock.CurrentFiscalYearInJapan().ToJapanese());
    }

    [Fact]
    public async Task PlanPagesAndPopulationPages_On1AprilAt0030Jst_PickTheSameYear()
    {
        var clock = UtcHostAtJapaneseMidnight();
        await using var db = await TestDatabase.CreateEmptyAsync(DbKind.Sqlite);
        await using var context = db.NewContext();
        var plan = new Plan { Code = "p", Name = "p", StartFiscalYear = 2020, EndFiscalYear = 2030 };

        // Plan pages, verification, reports and the API: the default year of a plan without data is the current one.
        var planYear = new PlanEvaluator(context, clock).DefaultYear(plan, []);

        // Population pages: targets are shown up to the current year in Japan.
        var populationYear = clock.TodayInJapan().Year;

        Assert.Equal(2025, planYear);
        Assert.Equal(planYear, populationYear);
    }
}
