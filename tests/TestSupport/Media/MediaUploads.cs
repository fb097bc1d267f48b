using System.Net.Http.Headers;
using System.Net.Http.Json;
using PhoneBridge.Testing.Web;

namespace PhoneBridge.Testing.Media;

/// <summary>The 201 body of an upload.</summary>
public sealed record UploadedMedia(string MediaId, string ContentType, int Width, int Height, long Bytes, string Url);

/// <summary>Uploads images to <c>/api/sessions/{id}/media</c> the two ways browsers send them.</summary>
public static class MediaUploads
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A loopback client that sends <paramref name="token"/> as its bearer token.</summary>
    public static HttpClient ClientFor(PinCovisorHost host, string token)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateLoopbackClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>POSTs the bytes as the raw body, with whatever Content-Type the sender claims.</summary>
    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string sessionId, byte[] body, string contentType = "image/jpeg")
    {
        ArgumentNullException.ThrowIfNull(client);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync($"/api/sessions/{sessionId}/media", content).WaitAsync(Timeout);
    }

    /// <summary>POSTs the bytes as the one file of a multipart/form-data body.</summary>
    public static Task<HttpResponseMessage> PostMultipartAsync(
        HttpClient client, string sessionId, byte[] file, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        ArgumentNullException.ThrowIfNull(client);
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { part, "file", fileName } };
        return client.PostAsync($"/api/sessions/{sessionId}/media", form).WaitAsync(Timeout);
    }

    /// <summary>Uploads and expects 201; returns the body.</summary>
    public static async Task<UploadedMedia> UploadAsync(HttpClient client, string sessionId, byte[] image)
    {
        using var response = await PostRawAsync(client, sessionId, image);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException(
                $"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().WaitAsync(Timeout)}");
        }

        return (await response.Content.ReadFromJsonAsync<UploadedMedia>().WaitAsync(Timeout))!;
    }
}
