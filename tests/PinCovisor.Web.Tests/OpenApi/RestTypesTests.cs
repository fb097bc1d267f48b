using System.Diagnostics;

namespace PinCovisor.Web.Tests.OpenApi;

public sealed class RestTypesTests
{
    [Fact]
    public async Task TheBrowserCodesRestTypesAreGeneratedFromTheCheckedInDocument()
    {
        var client = RestContractFiles.ClientFolder;
        var cli = Path.Combine(client, "openapi", "node_modules", "openapi-typescript", "bin", "cli.js");
        File.Exists(cli).Should().BeTrue($"building PinCovisor.Web runs npm ci in {client}, which installs openapi-typescript");
        var output = Path.Combine(Path.GetTempPath(), $"rest-{Guid.NewGuid():N}.d.ts");
        try
        {
            ProcessStartInfo start = new("node", [cli, RestContractFiles.Full(RestContractFiles.DocumentPath), "--output", output])
            {
                WorkingDirectory = client,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            node.ExitCode.Should().Be(0, $"openapi-typescript failed: {await stderr.WaitAsync(TimeSpan.FromSeconds(30))}{await stdout.WaitAsync(TimeSpan.FromSeconds(30))}");

            var generated = await File.ReadAllTextAsync(output).WaitAsync(TimeSpan.FromSeconds(30));
            var checkedIn = await File.ReadAllTextAsync(RestContractFiles.Full(RestContractFiles.TypesPath)).WaitAsync(TimeSpan.FromSeconds(30));

            RestContractFiles.FirstDifferentLine(checkedIn, generated).Should().BeNull(
                $"{RestContractFiles.TypesPath} must be generated from {RestContractFiles.DocumentPath}; run: cd src/PinCovisor.Web/client && npm run gen:rest");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
