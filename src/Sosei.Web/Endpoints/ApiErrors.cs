namespace Sosei.Web.Endpoints;

/// <summary>
/// Keeps the JSON API answering JSON when no endpoint writes the answer: under <c>/api</c> an unknown path (404), a
/// method the path does not take (405) and an unhandled exception (500) are problem details (<see cref="ApiProblems"/>),
/// not the HTML error page or an empty body. The pages keep their HTML error pages. See docs/api.md.
/// </summary>
internal static partial class ApiErrors
{
    /// <summary>The path every API endpoint is under.</summary>
    public const string ApiPath = "/api";

    /// <summary>Adds the middleware; call after the status-code pages, so it answers before they do.</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(ApiPath, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                Log.Unhandled(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrors)), context.Request.Method, context.Request.Path, e);
                context.Response.Clear();
                await ApiProblems.ServerError().ExecuteAsync(context);
                return;
            }

            if (context.Response.HasStarted || context.Response.ContentLength > 0 || !string.IsNullOrEmpty(context.Response.ContentType))
            {
                return;
            }

            var problem = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ApiProblems.NotFound($"API に「{context.Request.Path}」はありません（docs/api.md）。 / The API has no “{context.Request.Path}” (see docs/api.md)."),
                StatusCodes.Status405MethodNotAllowed => ApiProblems.MethodNotAllowed(context.Request.Method, context.Request.Path),
                _ => null,
            };
            if (problem is not null)
            {
                await problem.ExecuteAsync(context);
            }
        });

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
        public static partial void Unhandled(ILogger logger, string method, PathString path, Exception exception);
    }
}
