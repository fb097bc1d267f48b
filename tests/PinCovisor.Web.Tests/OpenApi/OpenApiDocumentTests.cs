using System.Net;
using System.Text.Json.Nodes;
using PhoneBridge.Testing.Redis;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.OpenApi;

[Collection(RedisCollection.Name)]
public sealed class OpenApiDocumentTests(RedisServers servers)
{
    [Fact]
    public async Task TheDocumentServedInDevelopmentIsTheCheckedInCopy()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["environment"] = "Development",
        });
        using var http = host.CreateLoopbackClient();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var served = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var path = RestContractFiles.Full(RestContractFiles.DocumentPath);
        if (Environment.GetEnvironmentVariable(RestContractFiles.UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served.TrimEnd() + "\n").WaitAsync(TimeSpan.FromSeconds(30));
        }

        var checkedIn = await File.ReadAllTextAsync(path).WaitAsync(TimeSpan.FromSeconds(30));
        RestContractFiles.FirstDifference(JsonNode.Parse(checkedIn), JsonNode.Parse(served)).Should().BeNull(
            $"{RestContractFiles.DocumentPath} must be the document the host serves; regenerate it and the browser code's types with: {RestContractFiles.RegenerateCommand}");
    }

    [Fact]
    public async Task TheDocumentIsNotServedInProduction()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Redis:Embedded"] = "true",
        });
        using var http = host.CreateLoopbackClient();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
