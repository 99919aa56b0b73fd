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
}
