namespace Sosei.Web.Endpoints;

/// <summary>
/// The errors of the API and the download endpoints: RFC 9457 problem details (<c>application/problem+json</c>) with
/// the title and the detail in Japanese and English, so a script and a person both read them. See docs/api.md.
/// </summary>
internal static class ApiProblems
{
    /// <summary>404 for something that does not exist.</summary>
    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "見つかりません / Not Found");

    /// <summary>404 for an unknown plan.</summary>
    public static IResult UnknownPlan(string plan) => NotFound($"計画「{plan}」はありません。 / There is no plan “{plan}”.");

    /// <summary>400 for a request that cannot be answered as asked (a year that is not a year …).</summary>
    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "リクエストが正しくありません / Bad Request");

    /// <summary>503 for something this server cannot do now (a PDF without a browser to render it).</summary>
    public static IResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "利用できません / Service Unavailable");

    /// <summary>405 for a method the path does not take (the API only reads: GET).</summary>
    public static IResult MethodNotAllowed(string method, string path) =>
        TypedResults.Problem(
            $"「{path}」は {method} を受け付けません（API は GET だけです）。 / “{path}” does not accept {method} (the API is GET only).",
            statusCode: StatusCodes.Status405MethodNotAllowed,
            title: "許可されていないメソッドです / Method Not Allowed");

    /// <summary>500 for an error of the server itself (logged; the answer says nothing of its inner workings).</summary>
    public static IResult ServerError() =>
        TypedResults.Problem(
            "サーバーで問題が発生しました。時間をおいて再度お試しください。 / Something went wrong on the server. Please try again later.",
            statusCode: StatusCodes.Status500InternalServerError,
            title: "サーバーエラー / Internal Server Error");
    /// <summary>503 with Retry-After for a request this server is too busy for now (the PDF queue is full).</summary>
    public static IResult Busy(string detail, TimeSpan retryAfter) => new WithRetryAfter(
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "混み合っています / Service Busy"),
        retryAfter);

    private sealed class WithRetryAfter(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
