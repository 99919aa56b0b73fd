namespace Sosei.Application.Security;

/// <summary>Roles. Until fine-grained roles arrive, an administrator may edit everything and anyone may read.</summary>
public static class Roles
{
    /// <summary>May edit plans, KPIs, values, projects and settings.</summary>
    public const string Administrator = "Administrator";
}

/// <summary>A person who signs in. Passwords are stored only as ASP.NET Core Identity hashes.</summary>
public sealed class AppUser
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Sign-in name (admin).</summary>
    public required string UserName { get; set; }

    /// <summary>Display name (事務局).</summary>
    public string? DisplayName { get; set; }

    /// <summary>Password hash (PBKDF2, ASP.NET Core Identity v3 format).</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Role.</summary>
    public required string Role { get; set; }

    /// <summary>When the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Changes whenever the password changes; a sign-in cookie carries the stamp it was issued with and stops working
    /// when the stamp differs (as ASP.NET Core Identity's security stamp).
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>Wrong passwords given since the last successful sign-in (or the last lockout).</summary>
    public int FailedSignIns { get; set; }

    /// <summary>Until when sign-in is refused after too many wrong passwords; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>
/// A signed-in browser. The sign-in cookie names its session; signing out deletes the row, so a copy of the cookie
/// saved before is refused afterwards (a cookie alone cannot be revoked).
/// </summary>
public sealed class SignInSession
{
    /// <summary>Random identifier (the cookie's session claim).</summary>
    public required string Id { get; set; }

    /// <summary>The user.</summary>
    public int UserId { get; set; }

    /// <summary>When the session began.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
