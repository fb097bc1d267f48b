using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace PhoneBridge.Bench.Measuring;

/// <summary>
/// The Redis floor under the webhook: <c>SET key value NX EX 600</c> against the same server, by
/// <c>redis-benchmark</c> when installed, else the same round trip through StackExchange.Redis.
/// </summary>
public static class RedisBaseline
{
    public sealed record Figures(string Tool, double PerSecond, double P50, double P95, double P99, double Max);

    public static async Task<Figures> SetNxExAsync(string connectionString, int clients, int requests)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var endpoint = options.EndPoints.OfType<System.Net.IPEndPoint>().First();
        if (File.Exists("/usr/bin/redis-benchmark") || File.Exists("/usr/local/bin/redis-benchmark"))
        {
            var figures = await RedisBenchmarkAsync(endpoint, options.Password, clients, requests);
            if (figures is not null)
            {
                return figures;
            }
        }

        return await ThroughClientAsync(connectionString, clients, requests);
    }

    private static async Task<Figures?> RedisBenchmarkAsync(System.Net.IPEndPoint endpoint, string? password, int clients, int requests)
    {
        var info = new ProcessStartInfo("redis-benchmark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The embedded Garnet has a password of its own per start; options go before the command.
        var auth = string.IsNullOrEmpty(password) ? [] : new[] { "-a", password };
        foreach (var arg in (string[])
        [
            "-h", endpoint.Address.ToString(), "-p", endpoint.Port.ToString(CultureInfo.InvariantCulture),
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-r", "1000000", "--csv", .. auth, "SET", "bench:set:__rand_int__", "v", "NX", "EX", "600",
        ])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        _ = await error;
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(l => l.StartsWith("\"SET", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var cells = line.Split("\",\"").Select(c => c.Trim('"')).ToArray();
        double Cell(int i) => double.Parse(cells[i], CultureInfo.InvariantCulture);
        return new Figures("redis-benchmark", Cell(1), Cell(4), Cell(5), Cell(6), Cell(7));
    }

    private static async Task<Figures> ThroughClientAsync(string connectionString, int clients, int requests)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = redis.GetDatabase();
        var perClient = Math.Max(1, requests / clients);
        var result = await Load.ClosedAsync(clients, TimeSpan.FromSeconds(perClient / 1000.0 + 1), () =>
            db.StringSetAsync("bench:set:" + Random.Shared.Next(1_000_000), "v", TimeSpan.FromSeconds(600), When.NotExists));
        var l = result.Latencies.Summary();
        return new Figures("StackExchange.Redis", result.PerSecond, l.P50, l.P95, l.P99, l.Max);
    }
}
