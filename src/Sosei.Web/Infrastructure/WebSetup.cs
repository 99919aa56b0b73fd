using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.WebEncoders;
using Sosei.Application.Common;
using Sosei.Application.DemoData;
using Sosei.Application.ImportJobs;
using Sosei.Application.Persistence;
using Sosei.Application.Population;
using Sosei.Application.Reports;
using Sosei.Application.Security;
using Sosei.Application.Setup;
using Sosei.Application.Workbooks;
using Sosei.Web.Localization;

namespace Sosei.Web.Infrastructure;

/// <summary>Wires the web app: services, middleware and first-start initialisation.</summary>
public static partial class WebSetup
{
    /// <summary>Japanese first, English available.</summary>
    public static readonly CultureInfo[] SupportedCultures = [new("ja-JP"), new("en")];

    /// <summary>Endpoint name of the language switch <c>/lang/{culture}?returnUrl=</c>.</summary>
    public const string LanguageEndpoint = "language";

    /// <summary>Registers services.</summary>
    public static WebApplicationBuilder AddSosei(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var dbOptions = DatabaseSetup.ReadOptions(builder.Configuration);
        services.AddSoseiDatabase(dbOptions);
        services.AddSingleton(builder.Configuration.GetSection(ImportJobOptions.Section).Get<ImportJobOptions>() ?? new ImportJobOptions());
        services.AddSingleton(builder.Configuration.GetSection(FileLimits.Section).Get<FileLimits>() ?? new FileLimits());
        var signIn = builder.Configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        services.AddSingleton(signIn);
        var pdf = builder.Configuration.GetSection(PdfOptions.Section).Get<PdfOptions>() ?? new PdfOptions();
        services.AddSingleton(pdf);
        services.AddPdfRateLimit(pdf);
        services.AddSoseiApplication();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<UiText>();
        services.AddHostedService<ImportWorker>();

        // Japanese text is written as is, not as &#x…; entities (smaller pages, readable source), in problem details too.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddProblemDetails();

        // Keys for cookies and anti-forgery tokens live in the data folder so sign-ins survive a restart.
        services.AddDataProtection()
            .SetApplicationName("Sosei")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dbOptions.ResolvedDataDirectory, "keys")));

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Policies.CanEdit);
            o.Conventions.AddPageApplicationModelConvention("/Account/Login", m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(SignInClaims.RateLimitPolicy)));
        });
        // The sign-in, sign-out and denied paths are the routes of their pages, asked of the router when the options
        // are first used (on the first request, after the pages are mapped), so renaming a route cannot break sign-in.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<LinkGenerator>((o, links) =>
            {
                o.LoginPath = PagePath(links, "/Account/Login");
                o.LogoutPath = PagePath(links, "/Account/Logout");
                o.AccessDeniedPath = PagePath(links, "/Account/Denied");
            });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "sosei.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;

                // A cookie is only as good as its session: signed out (the row is gone) or the password changed (the
                // stamp differs), a saved copy of the cookie no longer signs anyone in.
                o.Events.OnValidatePrincipal = async context =>
                {
                    var principal = context.Principal;
                    var accounts = context.HttpContext.RequestServices.GetRequiredService<AdminAccount>();
                    if (principal is null
                        || !int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId)
                        || principal.FindFirstValue(SignInClaims.Session) is not { } session
                        || principal.FindFirstValue(SignInClaims.Stamp) is not { } stamp
                        || !await accounts.IsSessionValidAsync(userId, session, stamp, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });

        // Sign-in attempts per client address (the account itself locks after Sosei:SignIn:MaxFailures wrong passwords).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInClaims.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signIn.PerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // One OnRejected for every policy: the PDF limit's (registered before) answers for everything but sign-in.
            var others = o.OnRejected;
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != SignInClaims.RateLimitPolicy)
                {
                    if (others is not null)
                    {
                        await others(context, cancellationToken);
                    }

                    return;
                }

                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                var english = Message.IsEnglish(CultureInfo.CurrentUICulture);
                await context.HttpContext.Response.WriteAsync(
                    english
                        ? "Too many sign-in attempts from this address. Wait a minute and try again."
                        : "このアドレスからのログインの試行が多すぎます。1分ほど待ってから、もう一度お試しください。",
                    cancellationToken);
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CanEdit, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sosei.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Behind a reverse proxy (nginx, a load balancer) the app sees http from the proxy: X-Forwarded-Proto and -For
        // are taken from the proxies listed in Sosei:KnownProxies (loopback is always trusted), so HTTPS is known and
        // cookies are Secure, HSTS is sent and the client's address is the real one.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("Sosei:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("ja-JP");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            // Japanese unless the user chose English (cookie) or asked for it in the URL; the browser's
            // Accept-Language is not used, so a Japanese office PC with an English browser still gets Japanese.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return builder;
    }

    /// <summary>Adds middleware and endpoints.</summary>
    public static WebApplication UseSosei(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");

            // Only on HTTPS requests (the middleware skips plain http, so a town's PC on http://localhost is unaffected).
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");

        // Under /api a 404, a 405 and an exception are problem JSON, not the HTML error page (docs/api.md).
        Endpoints.ApiErrors.UseApiProblems(app);
        app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // What a signed-in user sees (staff pages, and public pages with staff-only parts) is not stored by the
            // browser or any cache in between: after logout, the back button or a shared PC shows nothing of it.
            if (context.User.Identity?.IsAuthenticated == true
                || context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            }

            await next();
        });
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapRazorPages();
        Endpoints.PlanApi.MapPlanApi(app);
        Endpoints.ReportEndpoints.MapReportEndpoints(app);
        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = culture == "en" ? "en" : "ja-JP";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(ReturnUrls.LocalOrHome(returnUrl));
        }).WithName(LanguageEndpoint);
        return app;
    }

    /// <summary>
    /// Creates and migrates the database, makes sure there is an administrator (printing a generated password once)
    /// and loads the demo data into an empty database.
    /// </summary>
    public static async Task InitializeSoseiAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Sosei");
        var options = sp.GetRequiredService<DatabaseOptions>();
        var db = sp.GetRequiredService<SoseiDbContext>();
        var description = options.Describe();
        Log.Database(logger, description);
        foreach (var repair in await DatabaseSetup.MigrateAsync(db, options))
        {
            Log.Repaired(logger, repair.Japanese, repair.English);
        }

        var generated = await sp.GetRequiredService<AdminAccount>().EnsureAsync(app.Configuration["Sosei:AdminPassword"]);
        if (generated is not null)
        {
            // Printed once, at the first start; only the hash is stored.
            Log.AdminCreated(logger, AdminAccount.AdminUserName, generated);
        }

        if (app.Configuration.GetValue("Sosei:LoadDemoData", true)
            && await sp.GetRequiredService<DemoDataLoader>().LoadIfEmptyAsync())
        {
            var files = string.Join(", ", DemoDataLoader.Files);
            Log.DemoLoaded(logger, files);
        }

        if (app.Configuration.GetValue("Sosei:LoadDemoData", true)
            && await sp.GetRequiredService<PopulationDemoLoader>().LoadIfEmptyAsync())
        {
            var files = string.Join(", ", PopulationDemoLoader.Files.Select(f => f.File));
            Log.DemoLoaded(logger, files);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "データの修復 / data repaired: {Japanese} / {English}")]
        public static partial void Repaired(ILogger logger, string japanese, string english);

        [LoggerMessage(Level = LogLevel.Information, Message = "Database: {Database}")]
        public static partial void Database(ILogger logger, string database);

        [LoggerMessage(Level = LogLevel.Warning, Message = "初回起動: 管理者アカウントを作成しました / Administrator account created. ユーザー名 / user: {User}  パスワード / password: {Password}  (この表示は一度だけです / shown only once)")]
        public static partial void AdminCreated(ILogger logger, string user, string password);

        [LoggerMessage(Level = LogLevel.Information, Message = "デモデータを読み込みました / demo data loaded: {Files}")]
        public static partial void DemoLoaded(ILogger logger, string files);
    }

    private static string PagePath(LinkGenerator links, string page) =>
        links.GetPathByPage(page) ?? throw new InvalidOperationException($"No route for the page {page}.");
}
