using System.Diagnostics.Metrics;
using System.Net;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PhoneBridge.Telemetry;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Telemetry;

/// <summary>
/// OpenTelemetry: the <c>PhoneBridge</c> meter with ASP.NET Core's, HttpClient's and the runtime's,
/// scraped at <c>/metrics</c> (section <c>Metrics</c>); spans of the <c>PhoneBridge</c> source, ASP.NET
/// Core, SignalR and HttpClient. Both go out by OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
internal static class TelemetryExtensions
{
    /// <summary>The path Prometheus scrapes, on the main port and on <c>Metrics:Port</c>.</summary>
    public const string ScrapePath = "/metrics";

    private const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    // .NET's own SignalR spans, one per hub method call; HubTelemetryFilter adds the outcome.
    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    internal static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.ScrapeToken) || o.ScrapeToken.Trim().Length >= MetricsOptions.MinimumTokenLength,
                $"Metrics:ScrapeToken must be at least {MetricsOptions.MinimumTokenLength} characters, or empty")
            .Validate(o => o.Port is >= 0 and <= 65535, "Metrics:Port must be between 0 (none) and 65535")
            .Validate(o => IPAddress.TryParse(o.Address, out _), "Metrics:Address must be an IP address such as 127.0.0.1")
            .ValidateOnStart();
        services.AddSingleton<CovisorMetrics>();

        var metrics = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        if (!metrics.Enabled && !otlp)
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? PhoneBridgeTelemetry.Name))
            .WithMetrics(meters =>
            {
                meters.AddMeter(PhoneBridgeTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (metrics.Enabled)
                {
                    // No cached answer: each scrape reads the instruments as they are.
                    meters.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (metrics.Enabled && metrics.Port > 0)
                {
                    meters.AddPrometheusHttpListener(o =>
                    {
                        o.Host = metrics.ListenerHost();
                        o.Port = metrics.Port;
                        o.ScrapeEndpointPath = ScrapePath;
                    });
                }

                if (otlp)
                {
                    meters.AddOtlpExporter();
                }
            });
        services.ConfigureOpenTelemetryMeterProvider((provider, meters) =>
            meters.AddView(OtherHosts(provider.GetRequiredService<IMeterFactory>())));
        if (otlp)
        {
            telemetry.WithTracing(traces => traces
                .AddSource(PhoneBridgeTelemetry.Name, SignalRSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> on the main port behind <see cref="MetricsAccess"/>, unless <c>Metrics:Enabled</c> is false.</summary>
    internal static WebApplication MapTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(ScrapePath, meterProvider: null,
                configureBranchedPipeline: branch => branch.Use(MetricsAccess.InvokeAsync), optionsName: null);
        }

        return app;
    }

    // Meters made by another host's factory in the same process (tests, benchmarks) would otherwise
    // add their counts to this host's; process-wide meters (the runtime's) have no factory and stay.
    private static Func<Instrument, MetricStreamConfiguration?> OtherHosts(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    // Probes and scrapes every few seconds would bury the spans worth reading.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(ScrapePath) || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
