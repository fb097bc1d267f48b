using System.Collections.Concurrent;
using System.Net;
using System.Text;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Sessions;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Telemetry;

[Collection(RedisCollection.Name)]
public sealed class OtlpExportTests(RedisServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WithAnOtlpEndpointTheSpansAndTheMetersGoToTheCollector()
    {
        using var collector = new LoopbackCollector();
        var host = Ivr.HostFactory.Start(servers, RedisServerKind.Garnet, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        await using (host)
        {
            await Caller.CallAsync(new TwilioCaller(host.CreateLoopbackClient()));
        }

        // Stopping the host flushes both exporters.
        var traces = await collector.ReceivedAsync("/v1/traces", "twilio.webhook");
        var metrics = await collector.ReceivedAsync("/v1/metrics", "phonebridge.pins.issued");

        traces.Should().Contain("PhoneBridge", "the spans come from the PhoneBridge source and service");
        metrics.Should().Contain("phonebridge.twilio.webhooks");
    }

    /// <summary>An OTLP/HTTP receiver on loopback: keeps each body posted to it, by path.</summary>
    private sealed class LoopbackCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();
        private readonly Task _loop;

        public LoopbackCollector()
        {
            var port = LoopbackPorts.Unused();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string Endpoint { get; }

        /// <summary>The first body posted to <paramref name="path"/> that contains <paramref name="text"/> (protobuf keeps strings as UTF-8).</summary>
        public async Task<string> ReceivedAsync(string path, string text)
        {
            using var deadline = new CancellationTokenSource(Timeout);
            while (true)
            {
                if (_received.FirstOrDefault(r => r.Path == path && r.Body.Contains(text, StringComparison.Ordinal)) is { Body: { } body })
                {
                    return body;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(Timeout);
        }
    }
}
