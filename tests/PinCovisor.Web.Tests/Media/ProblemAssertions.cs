using System.Net;
using System.Text.Json;

namespace PinCovisor.Web.Tests.Media;

internal static class ProblemAssertions
{
    /// <summary>Asserts an application/problem+json answer with this status; returns its detail.</summary>
    public static async Task<string> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(30));
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().Should().Be((int)status);
        return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString()! : "";
    }
}
