using System.Globalization;
using System.Threading.RateLimiting;
using Sosei.Application.Common;
using Sosei.Application.Reports;

namespace Sosei.Web.Infrastructure;

/// <summary>
/// Rate limit of PDF downloads (<see cref="Policy"/>, on the report endpoint): a client that is not signed in may ask
/// for <see cref="PdfOptions.AnonymousPerMinute"/> PDFs a minute from one address (the forwarded one behind a known
/// proxy, since UseForwardedHeaders runs first); signed-in staff are not limited; other formats are not limited.
/// Past the limit the answer is 429 with Retry-After and a problem detail in the UI language.
/// </summary>
public static class PdfRateLimit
{
    /// <summary>The name of the rate-limiting policy.</summary>
    public const string Policy = "pdf";

    /// <summary>The message of a 429.</summary>
    public static Message TooMany(int perMinute) => new(
        $"PDF のダウンロードは、サインインしていない場合 1 分間に {perMinute.ToString(CultureInfo.InvariantCulture)} 件までです。しばらくおいてからもう一度お試しください（Excel・CSV は制限されません）。",
        $"Without signing in, PDFs can be downloaded {perMinute.ToString(CultureInfo.InvariantCulture)} times a minute. Please try again shortly (Excel and CSV are not limited).");

    /// <summary>Registers the policy.</summary>
    public static IServiceCollection AddPdfRateLimit(this IServiceCollection services, PdfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perMinute = Math.Max(1, options.AnonymousPerMinute);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, http =>
            {
                var isPdf = string.Equals(http.Request.RouteValues["format"] as string, "pdf", StringComparison.OrdinalIgnoreCase);
                if (!isPdf || http.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter("anonymous:" + address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                        TooMany(perMinute).In(CultureInfo.CurrentUICulture),
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "リクエストが多すぎます / Too Many Requests")
                    .ExecuteAsync(http);
            };
        });
        return services;
    }
}
