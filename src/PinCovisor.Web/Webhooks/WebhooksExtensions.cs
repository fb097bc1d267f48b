using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PinCovisor.Web.Sessions;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Webhooks;

/// <summary>Wires the outbound webhooks: the <c>Webhooks</c> options, checked at start, the queue, the delivery loop and the dead letters' endpoints.</summary>
internal static class WebhooksExtensions
{
    /// <summary>
    /// Registers <c>Webhooks</c> and wraps the session notifier and the call events so that what they
    /// tell is published too. Call after the hub and sessions are added: it wraps what they registered.
    /// </summary>
    internal static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhooksOptions>, WebhooksValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookQueue>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<ShopEvents>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // A redirect is an answer the receiver must fix, not one to follow with the signature.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        Wrap<ISessionNotifier>(services, (sp, inner) => ActivatorUtilities.CreateInstance<WebhookSessionNotifier>(sp, inner));
        Wrap<ICallEvents>(services, (sp, inner) => ActivatorUtilities.CreateInstance<WebhookCallEvents>(sp, inner));
        return builder;
    }

    /// <summary>Maps <c>/api/admin/webhooks/dead-letters</c>.</summary>
    internal static WebApplication MapWebhooks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapDeadLetters();
        return app;
    }

    // Replaces the last registration of TService by wrap(the instance it made), still a singleton.
    private static void Wrap<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> wrap)
        where TService : class
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"AddWebhooks wraps {typeof(TService).Name}: register it first.");
        services.Remove(inner);
        services.AddSingleton(sp => wrap(sp, (TService)(inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))));
    }

    private sealed class WebhooksValidation : IValidateOptions<WebhooksOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebhooksOptions options) =>
            Problem(options) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;

        private static string? Problem(WebhooksOptions options)
        {
            if (!WebhookKeys.IsKeySafe(options.Queue))
            {
                return "Webhooks:Queue must be 1-64 letters, digits, '-', '_' or '.'";
            }

            if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
            {
                return "Webhooks:Timeout must be positive and at most a minute";
            }

            if (options.MaxAttempts is < 1 or > 100 || options.MaxAge <= TimeSpan.Zero)
            {
                return "Webhooks:MaxAttempts must be 1 to 100 and Webhooks:MaxAge positive";
            }

            if (options.BackoffBase <= TimeSpan.Zero || options.BackoffCap < options.BackoffBase)
            {
                return "Webhooks:BackoffBase must be positive and Webhooks:BackoffCap at least Webhooks:BackoffBase";
            }

            if (options.PollInterval <= TimeSpan.Zero || options.MaxDeadLetters < 1)
            {
                return "Webhooks:PollInterval must be positive and Webhooks:MaxDeadLetters at least 1";
            }

            // On Linux "/path" parses as an absolute file: URI, hence the scheme check.
            if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl)
                && !(Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicBase) && publicBase.Scheme is "http" or "https"))
            {
                return "Webhooks:PublicBaseUrl must be an absolute http(s) URL";
            }

            for (var i = 0; i < options.Endpoints.Count; i++)
            {
                if (Endpoint(options.Endpoints[i], $"Webhooks:Endpoints:{i}") is { } failure)
                {
                    return failure;
                }
            }

            return options.Endpoints.GroupBy(e => e.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
                ? $"Webhooks:Endpoints: the name {twice.Key} is used twice"
                : null;
        }

        private static string? Endpoint(WebhookEndpointOptions endpoint, string key)
        {
            if (!WebhookKeys.IsKeySafe(endpoint.Name))
            {
                return $"{key}:Name must be 1-64 letters, digits, '-', '_' or '.'";
            }

            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url)
                || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))))
            {
                return $"{key}:Url must be an absolute https URL (http only to a loopback address)";
            }

            if (endpoint.Secret.Length < 32)
            {
                return $"{key}:Secret must be at least 32 characters";
            }

            return endpoint.Events.FirstOrDefault(e => !WebhookEventTypes.All.Contains(e)) is { } unknown
                ? $"{key}:Events: {unknown} is not an event type ({string.Join(", ", WebhookEventTypes.All)})"
                : null;
        }

        private static bool IsLoopback(Uri url) =>
            url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
    }
}
