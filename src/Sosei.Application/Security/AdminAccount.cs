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
public sealed class AdminAccount(SoseiDbContext db, TimeProvider clock)
{
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
                    admin.PasswordHash = Hasher.HashPassword(admin, configuredPassword);
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

    private static string Generate()
    {
        // 20 characters from an alphabet without look-alikes (0/O, 1/l/I).
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
