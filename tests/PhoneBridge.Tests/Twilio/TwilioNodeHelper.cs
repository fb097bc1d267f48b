using PhoneBridge.Testing.Web;
using System.Diagnostics;
using System.Text.Json;

namespace PhoneBridge.Tests.Twilio;

/// <summary>
/// Runs a batch of cases through the official Twilio Node helper (tests/twilio-node/crosscheck.js),
/// one process per batch, and returns one result per case.
/// </summary>
public static class TwilioNodeHelper
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Each case is an object with an "op" (see crosscheck.js); each result is the "ok" value.</summary>
    public static async Task<IReadOnlyList<NodeResult>> RunAsync(IEnumerable<object> cases)
    {
        string folder = Repository.Path("tests", "twilio-node");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "twilio")))
        {
            throw new InvalidOperationException(
                $"The Twilio Node helper is not installed in {folder}: run ./test.sh (it runs npm ci in tests/twilio-node).");
        }

        ProcessStartInfo start = new("node", "crosscheck.js")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        Task<string> output = node.StandardOutput.ReadToEndAsync();
        Task<string> errors = node.StandardError.ReadToEndAsync();
        try
        {
            await node.StandardInput.WriteAsync(JsonSerializer.Serialize(new { cases }, Json)).WaitAsync(TimeSpan.FromSeconds(30));
            node.StandardInput.Close();
        }
        catch (IOException)
        {
            // Node exited before reading its input; its stderr below says why.
        }

        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        string stdout = await output.WaitAsync(TimeSpan.FromSeconds(30));
        if (node.ExitCode != 0)
        {
            // "Cannot find module 'twilio'" here usually means npm ci is re-installing node_modules right now.
            throw new InvalidOperationException(
                $"crosscheck.js failed ({node.ExitCode}); run ./test.sh (it runs npm ci in tests/twilio-node). {await errors.WaitAsync(TimeSpan.FromSeconds(30))}");
        }

        return JsonSerializer.Deserialize<NodeResult[]>(stdout, Json)!;
    }
}

/// <summary>One case's outcome: <see cref="Ok"/> when the helper returned, <see cref="Error"/> when it threw.</summary>
public sealed record NodeResult(JsonElement Ok, string? Error)
{
    public string Text => Error is null ? Ok.GetString()! : throw new InvalidOperationException("Node threw: " + Error);

    public bool Valid => Ok.GetProperty("valid").GetBoolean();

    public string Signature => Ok.GetProperty("signature").GetString()!;
}
