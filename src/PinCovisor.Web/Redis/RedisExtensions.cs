using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Redis;

/// <summary>The one Redis connection of this process: real Redis when configured, else embedded Garnet.</summary>
internal static class RedisExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectionMultiplexer"/>. With <c>ConnectionStrings:Redis</c> empty, starts
    /// a Garnet server in-process on a loopback port, so the product runs with nothing installed;
    /// in Production only when <c>Redis:Embedded</c> is true.
    /// </summary>
    internal static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration.GetConnectionString("Redis");
        var external = !string.IsNullOrWhiteSpace(configured);
        var environment = builder.Environment;
        builder.Services.AddOptions<RedisOptions>()
            .BindConfiguration(RedisOptions.SectionName)
            .Validate(o => external || (o.Embedded ?? !environment.IsProduction()),
                $"ConnectionStrings:Redis is empty, and in {environment.EnvironmentName} the embedded in-memory store starts only with " +
                "Redis:Embedded=true. Set ConnectionStrings:Redis to your Redis, or Redis:Embedded=true for one host that keeps its state in Redis:EmbeddedDataDir.")
            .ValidateOnStart();

        builder.Services.AddSingleton(services =>
        {
            // Refuses (naming both settings) before any server starts, whoever asks first.
            var options = services.GetRequiredService<IOptions<RedisOptions>>().Value;
            return external
                ? RedisEndpoint.External(configured!)
                : RedisEndpoint.Embedded(EmbeddedGarnet.Start(dataDirectory: options.EmbeddedDataDirectory(environment.ContentRootPath)));
        });
        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var options = ConfigurationOptions.Parse(services.GetRequiredService<RedisEndpoint>().ConnectionString);
            // Start even when Redis is down: the IVR must keep routing calls, and the connection
            // heals by itself when Redis returns.
            options.AbortOnConnectFail = false;
            // Every pub/sub channel of the product starts with pb:, like its keys: the hosts' control
            // channel and SignalR's backplane, which shares this connection (see HubBackplane).
            options.ChannelPrefix = RedisChannel.Literal(PhoneBridge.Redis.RedisKeys.Prefix);
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddHostedService<RedisStartup>();
        return builder;
    }
}
