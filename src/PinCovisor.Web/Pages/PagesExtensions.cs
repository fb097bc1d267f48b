using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PinCovisor.Web.Demo;
using PinCovisor.Web.Hub;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Pages;

/// <summary>
/// The browser side: <c>/join</c>, <c>/agent</c>, <c>/widget.js</c>, the demo under <c>/demo</c>,
/// static assets from <c>wwwroot</c> (built from <c>client/</c>), CORS for shop pages that embed the
/// widget, and the security headers.
/// </summary>
internal static class PagesExtensions
{
    internal static IHostApplicationBuilder AddPages(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var environment = builder.Environment;
        builder.Services.AddOptions<PageOptions>()
            .BindConfiguration(PageOptions.SectionName)
            .PostConfigure(o => o.DemoEnabled ??= environment.IsDevelopment())
            // Options validation, so the host refuses to start rather than serve a signing oracle.
            .Validate(o => !o.DemoOn || environment.IsDevelopment(),
                $"Pages:DemoEnabled is true in the {environment.EnvironmentName} environment: the phone simulator signs requests " +
                "with Twilio:AuthToken, so the demo runs only in Development. Remove Pages:DemoEnabled.")
            .ValidateOnStart();
        builder.AddDemo();
        builder.Services.AddCors();
        builder.Services.AddResponseCompression(o =>
        {
            // Only the built code and styles, all public: no API answer carrying a token or a
            // customer's words is ever compressed (so compression cannot leak secrets, BREACH-style).
            o.EnableForHttps = true;
            o.MimeTypes = ["text/javascript", "text/css", "application/json", "image/svg+xml", "application/manifest+json"];
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(
            o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(
            o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        // The shop origins allowed to open the hub (Hub:AllowedOrigins) are the ones whose pages may
        // call the widget's APIs. No cookies cross origins: the widget holds a bearer token.
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CovisorHubOptions>>((cors, hub) => cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. hub.Value.AllowedOrigins.Select(o => OriginCheck.Normalise(o)!)])
                .WithMethods("GET", "POST")
                .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, "X-Requested-With", "X-SignalR-User-Agent")
                .WithExposedHeaders(HeaderNames.RetryAfter)
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return builder;
    }

    /// <summary>Security headers, CORS and static files; call before authentication and the endpoints.</summary>
    internal static WebApplication UsePages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var demo = DemoEnabled(app);
        app.UseSecurityHeaders();
        // The demo's assets exist only where the demo does.
        app.UseWhen(context => !demo && context.Request.Path.StartsWithSegments("/demo"),
            branch => branch.Run(context => { context.Response.StatusCode = StatusCodes.Status404NotFound; return Task.CompletedTask; }));
        app.UseWhen(IsPublicAsset, branch => branch.UseResponseCompression());
        var widgetCache = app.Services.GetRequiredService<IOptions<PageOptions>>().Value.WidgetCacheControl;
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                var path = file.Context.Request.Path;
                // Chunks are named by their content's hash; the widget's stylesheet travels with the
                // widget; everything else is revalidated (ETag) so a deploy shows at once.
                file.Context.Response.Headers.CacheControl =
                    path.StartsWithSegments("/js/chunks") ? "public, max-age=31536000, immutable"
                    : path.Equals("/css/widget.css", StringComparison.Ordinal) ? widgetCache
                    : "no-cache";
            },
        });
        app.UseCors();
        return app;
    }

    internal static WebApplication MapPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = app.Environment.WebRootFileProvider;
        var options = app.Services.GetRequiredService<IOptions<PageOptions>>().Value;

        // Pages and scripts, not JSON APIs: the REST contract (OpenApi/) leaves them out.
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", () => Results.Redirect("/join"));
        pages.MapGet("/join", async (HttpRequest request, PinCovisor.Web.Insight.InsightCounters insight) =>
        {
            // Device and invite links open the page too, but nobody types a PIN there.
            if (!request.Query.ContainsKey("device") && !request.Query.ContainsKey("invite"))
            {
                await insight.PageOpenedAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            }

            return Page(files, "join.html");
        });
        pages.MapGet("/agent", () => Page(files, "agent.html"));
        pages.MapGet("/agent/insight", () => Page(files, "insight.html"));
        pages.MapGet("/widget.js", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = options.WidgetCacheControl;
            // Shop pages on other origins load it with a plain script tag.
            context.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            return Asset(files, "js/widget.js", "text/javascript; charset=utf-8");
        });
        pages.MapGet("/widget.js.map", () => Asset(files, "js/widget.js.map", "application/json"));
        pages.MapGet("/agent/sw.js", (HttpContext context) =>
        {
            // The worker lives at /agent/sw.js and controls the console at /agent.
            context.Response.Headers["Service-Worker-Allowed"] = "/agent";
            context.Response.Headers.CacheControl = "no-cache";
            return Asset(files, "js/agent-sw.js", "text/javascript; charset=utf-8");
        });

        if (DemoEnabled(app))
        {
            pages.MapGet("/demo", () => Page(files, "demo/index.html"));
            pages.MapGet("/demo/phone", () => Page(files, "demo/phone.html"));
            pages.MapGet("/demo/whatsapp", () => Page(files, "demo/whatsapp.html"));
            app.MapDemo();
        }

        return app;
    }

    /// <summary>The bundles, styles and the widget: public files worth compressing.</summary>
    private static bool IsPublicAsset(HttpContext context)
    {
        var path = context.Request.Path;
        return path.StartsWithSegments("/js") || path.StartsWithSegments("/css")
            || path.Equals("/widget.js", StringComparison.Ordinal) || path.Equals("/agent/sw.js", StringComparison.Ordinal);
    }

    internal static bool DemoEnabled(WebApplication app) => app.Services.GetRequiredService<IOptions<PageOptions>>().Value.DemoOn;

    private static IResult Page(IFileProvider files, string path)
    {
        var file = files.GetFileInfo(path);
        return file.Exists
            ? Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "This page is not built",
                detail: "The browser code is missing; build the host (dotnet build runs the client build).");
    }

    private static IResult Asset(IFileProvider files, string path, string contentType)
    {
        var file = files.GetFileInfo(path);
        return file.Exists ? Results.Stream(file.CreateReadStream(), contentType) : Results.NotFound();
    }
}
