using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sosei.Application.Persistence;

namespace Sosei.Application.Security;

/// <summary>
/// The administrator account of a fresh installation. Its password comes from configuration
/// (<c>Sosei:AdminPassword</c>) or, when none is configured, is generated once and returned so the caller can print
/// it; only the hash is stored.
/// </summary>
public sealed class AdminAccount(SoseiDbContext db, TimeProvider clock, SignInOptions? signIn = null)
{
    private readonly SignInOptions signIn = signIn ?? new SignInOptions();

    /// <summary>The administrator's sign-in name.</summary>
    public const string AdminUserName = "admin";

    private static readonly PasswordHasher<AppUser> Hasher = new();

    /// <summary>
    /// Creates the administrator when there is no user yet. Returns the generated password when one was generated
    /// (so it can be shown once), otherwise null.
    /// </summary>
    public async Task<string?> EnsureAsync(string? configuredPassword, CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            if (!string.IsNullOrEmpty(configuredPassword))
            {
                // A configured password always wins, so an operator can reset it by configuration.
                var admin = await db.Users.SingleOrDefaultAsync(u => u.UserName == AdminUserName, cancellationToken);
                if (admin is not null && Hasher.VerifyHashedPassword(admin, admin.PasswordHash, configuredPassword) == PasswordVerificationResult.Failed)
                {
                    // A new password ends every sign-in made with the old one.
                    admin.PasswordHash = Hasher.HashPassword(admin, configuredPassword);
                    admin.SecurityStamp = NewStamp();
                    admin.FailedSignIns = 0;
                    admin.LockedUntil = null;
                    await db.SignInSessions.Where(x => x.UserId == admin.Id).ExecuteDeleteAsync(cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }
            }

            return null;
        }

        var generated = string.IsNullOrEmpty(configuredPassword) ? Generate() : null;
        var user = new AppUser
        {
            UserName = AdminUserName,
            DisplayName = "管理者",
            Role = Roles.Administrator,
            PasswordHash = "",
            CreatedAt = clock.GetUtcNow(),
            SecurityStamp = NewStamp(),
        };
        user.PasswordHash = Hasher.HashPassword(user, configuredPassword ?? generated!);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return generated;
    }

    /// <summary>Checks a user name and password; returns the user or null.</summary>
    public async Task<AppUser?> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null)
        {
            // Hash anyway so timing does not reveal whether the name exists.
            Hasher.HashPassword(new AppUser { UserName = userName, PasswordHash = "", Role = "" }, password);
            return null;
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>
    /// Signs in: checks the password, counts wrong ones (after <see cref="SignInOptions.MaxFailures"/> in a row the
    /// account is locked for <see cref="SignInOptions.LockoutMinutes"/>, even for the right password), and on success
    /// starts a session. An unknown name fails like a wrong password.
    /// </summary>
    /// <param name="userName">Sign-in name.</param>
    /// <param name="password">Password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user?.LockedUntil is { } locked && locked > now)
        {
            return SignInOutcome.Locked(locked);
        }

        var verified = await VerifyAsync(userName, password, cancellationToken);
        if (verified is null)
        {
            if (user is not null)
            {
                user.FailedSignIns++;
                if (user.FailedSignIns >= signIn.MaxFailures)
                {
                    user.FailedSignIns = 0;
                    user.LockedUntil = now.AddMinutes(signIn.LockoutMinutes);
                    await db.SaveChangesAsync(cancellationToken);
                    return SignInOutcome.Locked(user.LockedUntil.Value);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            return SignInOutcome.Failed;
        }

        verified.FailedSignIns = 0;
        verified.LockedUntil = null;
        if (verified.SecurityStamp.Length == 0)
        {
            verified.SecurityStamp = NewStamp();
        }

        var session = new SignInSession { Id = NewStamp(), UserId = verified.Id, CreatedAt = now };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return SignInOutcome.Success(verified, session.Id);
    }

    /// <summary>Whether a sign-in cookie's session still holds: the session exists and the user's stamp is the cookie's.</summary>
    /// <param name="userId">The cookie's user id.</param>
    /// <param name="sessionId">The cookie's session.</param>
    /// <param name="stamp">The cookie's security stamp.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task<bool> IsSessionValidAsync(int userId, string sessionId, string stamp, CancellationToken cancellationToken = default) =>
        db.SignInSessions.AnyAsync(
            x => x.Id == sessionId && x.UserId == userId && db.Users.Any(u => u.Id == userId && u.SecurityStamp == stamp),
            cancellationToken);

    /// <summary>Ends a session (sign-out): the cookie, and any copy of it, stops working.</summary>
    /// <param name="sessionId">The cookie's session.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task EndSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        await db.SignInSessions.Where(x => x.Id == sessionId).ExecuteDeleteAsync(cancellationToken);

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static string Generate()
    {
        // 20 characters from an alphabet without look-alikes (0/O, 1/l/I).
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}

/// <summary>Sign-in protection (configuration section <c>Sosei:SignIn</c>).</summary>
public sealed class SignInOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Sosei:SignIn";

    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in, in minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts (page loads and posts) allowed per client address and minute.</summary>
    public int PerAddressPerMinute { get; set; } = 20;
}

/// <summary>What a sign-in gave.</summary>
/// <param name="User">The user, when signed in.</param>
/// <param name="SessionId">The new session, when signed in.</param>
/// <param name="LockedUntil">Until when the account is locked, when locked.</param>
public sealed record SignInOutcome(AppUser? User, string? SessionId, DateTimeOffset? LockedUntil)
{
    /// <summary>Wrong name or password.</summary>
    public static SignInOutcome Failed { get; } = new(null, null, null);

    /// <summary>Signed in.</summary>
    /// <param name="user">The user.</param>
    /// <param name="sessionId">The session.</param>
    public static SignInOutcome Success(AppUser user, string sessionId) => new(user, sessionId, null);

    /// <summary>Locked after too many wrong passwords.</summary>
    /// <param name="until">Until when.</param>
    public static SignInOutcome Locked(DateTimeOffset until) => new(null, null, until);
}
