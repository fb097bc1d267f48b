using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>The one Redis connection of this process: real Redis when configured, else embedded Garnet.</summary>
public static class RedisExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectionMultiplexer"/>. With <c>ConnectionStrings:Redis</c> empty, starts
    /// a Garnet server in-process on a loopback port, so the product runs with nothing installed.
    /// </summary>
    public static IHostApplicationBuilder AddRedis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration.GetConnectionString("Redis");
        var redis = string.IsNullOrWhiteSpace(configured)
            ? RedisEndpoint.Embedded(EmbeddedGarnet.Start())
            : RedisEndpoint.External(configured);

        builder.Services.AddSingleton(redis);
        builder.Services.AddSingleton<IConnectionMultiplexer>(services =>
        {
            var options = ConfigurationOptions.Parse(redis.ConnectionString);
            // Start even when Redis is down: the IVR must keep routing calls, and the connection
            // heals by itself when Redis returns.
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddHostedService<RedisStartup>();
        return builder;
    }
}
