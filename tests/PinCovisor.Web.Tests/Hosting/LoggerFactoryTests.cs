using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Tests.Ivr;

namespace PinCovisor.Web.Tests.Hosting;

[Collection(RedisCollection.Name)]
public sealed partial class LoggerFactoryTests(RedisServers servers)
{
    [LoggerMessage(LogLevel.Warning, "Logged through the shared logger {Marker}")]
    private static partial void Marked(ILogger logger, string marker);

    [Fact]
    public async Task EachLogCategoryGetsOneLoggerThatStillReachesEveryProvider()
    {
        await using var host = HostFactory.Start(servers, RedisServerKind.Garnet);
        var factory = host.Services.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("PinCovisor.Tests.Category");
        var second = factory.CreateLogger("PinCovisor.Tests.Category");
        Marked(first, "m-7f3a");

        second.Should().BeSameAs(first, "a connection or request must not build loggers of its own");
        factory.CreateLogger("PinCovisor.Tests.Other").Should().NotBeSameAs(first);
        host.Logs.Lines.Should().Contain(line => line.Contains("m-7f3a", StringComparison.Ordinal));
    }
}
