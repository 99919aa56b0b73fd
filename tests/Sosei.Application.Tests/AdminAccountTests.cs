using Microsoft.Extensions.Time.Testing;
using Sosei.Application.Security;
using Sosei.Application.Tests.Infrastructure;

namespace Sosei.Application.Tests;

public class AdminAccountTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)));

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ensure_WithoutConfiguredPassword_GeneratesOneOnceAndStoresOnlyItsHash(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        string? generated;
        await using (var context = db.NewContext())
        {
            generated = await new AdminAccount(context, Clock).EnsureAsync(null);
        }

        Assert.NotNull(generated);
        Assert.True(generated.Length >= 20);
        await using (var context = db.NewContext())
        {
            var accounts = new AdminAccount(context, Clock);
            Assert.Null(await accounts.EnsureAsync(null));
            var user = Assert.Single(context.Users);
            Assert.DoesNotContain(generated, user.PasswordHash, StringComparison.Ordinal);
            Assert.NotNull(await accounts.VerifyAsync("admin", generated));
            Assert.Null(await accounts.VerifyAsync("admin", generated + "x"));
            Assert.Null(await accounts.VerifyAsync("nobody", generated));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ensure_WithConfiguredPassword_UsesItAndResetsItWhenChanged(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var context = db.NewContext();
        var accounts = new AdminAccount(context, Clock);

        Assert.Null(await accounts.EnsureAsync("first-Password-1"));
        Assert.NotNull(await accounts.VerifyAsync("admin", "first-Password-1"));

        Assert.Null(await accounts.EnsureAsync("second-Password-2"));
        Assert.Null(await accounts.VerifyAsync("admin", "first-Password-1"));
        Assert.NotNull(await accounts.VerifyAsync("admin", "second-Password-2"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedForFifteenMinutes_ThenWorks_AndASessionEndsWithSignOutOrANewPassword(DbKind kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)));
        await using var context = db.NewContext();
        var accounts = new AdminAccount(context, clock);
        await accounts.EnsureAsync("first-Password-1");

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Failed, await accounts.SignInAsync("admin", "wrong"));
        }

        var locked = await accounts.SignInAsync("admin", "wrong");
        Assert.Equal(clock.GetUtcNow().AddMinutes(15), locked.LockedUntil);
        Assert.NotNull((await accounts.SignInAsync("admin", "first-Password-1")).LockedUntil);
        Assert.Equal(SignInOutcome.Failed, await accounts.SignInAsync("nobody", "wrong"));

        clock.Advance(TimeSpan.FromMinutes(15));
        var signedIn = await accounts.SignInAsync("admin", "first-Password-1");
        Assert.NotNull(signedIn.User);
        var stamp = signedIn.User!.SecurityStamp;
        Assert.True(await accounts.IsSessionValidAsync(signedIn.User.Id, signedIn.SessionId!, stamp));
        Assert.False(await accounts.IsSessionValidAsync(signedIn.User.Id, signedIn.SessionId!, stamp + "x"));

        await accounts.EndSessionAsync(signedIn.SessionId!);
        Assert.False(await accounts.IsSessionValidAsync(signedIn.User.Id, signedIn.SessionId!, stamp));

        var again = await accounts.SignInAsync("admin", "first-Password-1");
        await accounts.EnsureAsync("second-Password-2");
        await using var fresh = db.NewContext();
        Assert.False(await new AdminAccount(fresh, clock).IsSessionValidAsync(again.User!.Id, again.SessionId!, stamp));
    }
}
