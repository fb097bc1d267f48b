using Microsoft.AspNetCore.Http.HttpResults;

namespace PinCovisor.Web.Media;

/// <summary>The <c>application/problem+json</c> answers of the media, video and catalog APIs.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Forbidden(string detail) => Of(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult TooLarge(string detail) => Of(StatusCodes.Status413PayloadTooLarge, "Too large", detail);

    public static ProblemHttpResult UnsupportedType(string detail) =>
        Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported image format", detail);

    public static ProblemHttpResult Unprocessable(string detail) => Of(StatusCodes.Status422UnprocessableEntity, "Image refused", detail);

    public static ProblemHttpResult TooMany(string detail) => Of(StatusCodes.Status429TooManyRequests, "Quota reached", detail);

    private static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
