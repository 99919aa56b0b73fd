namespace Sosei.Web.Infrastructure;

/// <summary>What the sign-in cookie carries beyond name, role and id, and the sign-in rate-limit policy.</summary>
public static class SignInClaims
{
    /// <summary>The session the cookie belongs to (deleted at sign-out).</summary>
    public const string Session = "sosei:session";

    /// <summary>The user's security stamp when the cookie was issued (changes with the password).</summary>
    public const string Stamp = "sosei:stamp";

    /// <summary>The rate-limit policy of the sign-in page (per client address).</summary>
    public const string RateLimitPolicy = "sign-in";
}
