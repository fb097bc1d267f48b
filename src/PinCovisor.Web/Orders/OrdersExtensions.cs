using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Orders;

/// <summary>Wires orders: the <c>Orders</c> options, checked at start, the matcher chat uses, the order source and its endpoints.</summary>
internal static class OrdersExtensions
{
    /// <summary>Registers <c>Orders</c>; a pattern that does not compile or an unusable source stops the host at start, naming the key.</summary>
    internal static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OrdersOptions>().BindConfiguration(OrdersOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OrdersOptions>, OrdersValidation>();
        builder.Services.AddSingleton<OrderNumbers>();
        builder.Services.AddSingleton<OrderMentions>();
        builder.Services.AddSingleton<OrderBook>();
        builder.Services.AddSingleton<CallOrders>();
        builder.Services.AddSingleton<OrderSharing>();
        builder.Services.AddSingleton<PhoneBridge.Ivr.IKeyedOrders>(services => services.GetRequiredService<CallOrders>());
        builder.Services.AddSingleton<FileOrderSource>();
        builder.Services.AddSingleton<HttpOrderSource>();
        builder.Services.AddHttpClient(HttpOrderSource.ClientName, client =>
        {
            client.MaxResponseContentBufferSize = HttpOrderSource.MaxAnswerBytes;
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            // Each lookup has its own Orders:Source:Timeout.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        return builder;
    }

    /// <summary>Maps <c>/api/orders/{number}</c>.</summary>
    internal static WebApplication MapOrders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOrderEndpoints();
        return app;
    }

    private sealed class OrdersValidation(IHostEnvironment environment) : IValidateOptions<OrdersOptions>
    {
        public ValidateOptionsResult Validate(string? name, OrdersOptions options) =>
            (OrderNumbers.Validate(options) ?? ValidateSource(options.Source)) is { } failure
                ? ValidateOptionsResult.Fail(failure)
                : ValidateOptionsResult.Success;

        private string? ValidateSource(OrderSourceOptions source)
        {
            if (source.CacheFor < TimeSpan.Zero || source.NotFoundCacheFor < TimeSpan.Zero)
            {
                return "Orders:Source:CacheFor and Orders:Source:NotFoundCacheFor must not be negative";
            }

            switch (source.Kind)
            {
                case OrderSourceKind.Http when HttpOrderSource.Validate(source.UrlTemplate) is { } template:
                    return template;
                case OrderSourceKind.Http when string.IsNullOrWhiteSpace(source.HeaderName) != string.IsNullOrEmpty(source.HeaderValue):
                    return "Orders:Source:HeaderName and Orders:Source:HeaderValue go together: set both or neither";
                case OrderSourceKind.Http when source.Timeout <= TimeSpan.Zero || source.Timeout > TimeSpan.FromSeconds(30):
                    return "Orders:Source:Timeout must be positive and at most 30 seconds";
                case OrderSourceKind.File when string.IsNullOrWhiteSpace(source.Path):
                    return "Orders:Source:Path is required when Orders:Source:Kind is File";
                case OrderSourceKind.File:
                    try
                    {
                        _ = OrderFile.Read(FileOrderSource.FullPath(source, environment));
                        return null;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
                    {
                        return $"Orders:Source:Path {source.Path} is not a readable JSON or CSV file of orders: {e.Message}";
                    }

                default:
                    return null;
            }
        }
    }
}
