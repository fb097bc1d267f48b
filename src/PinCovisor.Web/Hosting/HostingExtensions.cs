using Serilog;
using Serilog.Events;

namespace PinCovisor.Web.Hosting;

/// <summary>Cross-cutting host set-up: logging, proxies, errors.</summary>
internal static class HostingExtensions
{
    /// <summary>Serilog from configuration (section <c>Serilog</c>), console by default; proxies; problem details.</summary>
    public static WebApplicationBuilder AddHosting(this WebApplicationBuilder builder)
    {
        // Serilog is the one console writer; providers registered later (tests) still get events.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<CustomerPathMask>()
            // SignalR's dispatcher logs every failed hub call as an error, a client's refusal too;
            // the hub's HubFailureLogFilter logs each at the level it deserves instead.
            .Filter.ByExcluding(e => e.Level == LogEventLevel.Error && DispatcherFailure(e))
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            // Also feed any other registered logging providers (tests capture lines this way).
            // The host's own logger, not Serilog's static Log.Logger: a process running several
            // hosts (tests, benchmarks) would otherwise send every host's events to the last one built.
            preserveStaticLogger: true,
            writeToProviders: true);
        CachingLoggerFactory.Decorate(builder.Services);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<RedisOutageHandler>();
        // A malformed body is the client's mistake in every environment: a 400, never an exception page.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        ForwardedHeadersSetup.AddForwardedHeaders(builder.Services);
        return builder;
    }

    private static readonly Func<LogEvent, bool> DispatcherFailure =
        Serilog.Filters.Matching.FromSource(PinCovisor.Web.Hub.HubFailureLogFilter.DispatcherCategory);

    private static LogEventLevel RequestLevel(HttpContext context, double elapsedMs, Exception? error) =>
        error is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error : LogEventLevel.Debug;

    public static WebApplication UseHosting(this WebApplication app)
    {
        ForwardedHeadersSetup.UseForwardedHeaders(app);
        app.UseExceptionHandler();
        // Empty 4xx/5xx answers of the JSON APIs become problem+json; Twilio's webhooks keep
        // their bare 403 (Twilio reads only the status).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/twilio"), branch => branch.UseStatusCodePages());
        // One line per request, at Debug: the pages poll every few seconds and load dozens of static
        // files, which would bury the call and session events. Failures stand out at Error.
        app.UseSerilogRequestLogging(options => options.GetLevel = RequestLevel);
        return app;
    }
}
