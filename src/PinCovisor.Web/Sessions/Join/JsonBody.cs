using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// Reads a small JSON body without letting a missing, oversized or malformed one become an
/// exception: callers answer 400 with a validation problem instead.
/// </summary>
internal static class JsonBody
{
    private const long MaxBytes = 4096;

    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or InvalidOperationException)
        {
            return null;
        }
    }
}
