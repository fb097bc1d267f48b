using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace PinCovisor.Web.Catalog;

/// <summary>Wires the product catalog: the <c>Catalog</c> feed with its refresher, and <c>/api/catalog</c>.</summary>
internal static class CatalogExtensions
{
    internal static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CatalogOptions>()
            .BindConfiguration(CatalogOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.Feed) || o.IsRemote(out _) || CatalogFeedReader.FormatOf(o.Feed) is not null,
                "Catalog:Feed must be a .json or .csv file, or an http(s) URL")
            .Validate(o => o.RefreshInterval >= TimeSpan.FromSeconds(1), "Catalog:RefreshInterval must be at least one second")
            .Validate(o => o.MaxFeedBytes is > 0 and <= int.MaxValue / 2, "Catalog:MaxFeedBytes must be between 1 byte and 1 GiB")
            .ValidateOnStart();

        services.TryAddSingleton<FeedCatalog>();
        services.TryAddSingleton<CatalogFeedReader>();
        services.AddHostedService<CatalogRefresher>();
        services.AddHttpClient<CatalogFeedClient>()
            .AddResilienceHandler("catalog-feed", pipeline =>
            {
                // A GET of a feed is safe to repeat, so any transient failure is retried.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(500),
                    BackoffType = DelayBackoffType.Exponential,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is HttpRequestException
                        || args.Outcome.Result?.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                            or >= HttpStatusCode.InternalServerError),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(30));
            });
        return builder;
    }

    internal static WebApplication MapCatalog(this WebApplication app)
    {
        app.MapCatalogEndpoints();
        return app;
    }
}
