using PinCovisor.Web.Hosting;
using Serilog.Events;
using Serilog.Parsing;

namespace PinCovisor.Web.Tests.Hosting;

public sealed class CustomerPathMaskTests
{
    [Theory]
    [InlineData("/api/customers/+34600111222", "/api/customers/{phone}")]
    [InlineData("/api/customers/whatsapp:+34600111222/export", "/api/customers/{phone}/export")]
    [InlineData("/API/Customers/%2B34600111222", "/api/customers/{phone}")]
    public void ACustomersNumberInTheRequestPathIsReplacedOnEveryLineOfTheRequest(string path, string logged)
    {
        var line = Line(("RequestPath", path), ("Path", path), ("Other", path));

        new CustomerPathMask().Enrich(line, null!);

        Value(line, "RequestPath").Should().Be(logged);
        Value(line, "Path").Should().Be(logged);
        Value(line, "Other").Should().Be(path, "only the request's path properties are rewritten");
    }

    [Theory]
    [InlineData("/api/sessions/s_abc/transcript")]
    [InlineData("/api/customersx/+34600111222")]
    public void OtherPathsAreLoggedAsTheyAre(string path)
    {
        var line = Line(("RequestPath", path));

        new CustomerPathMask().Enrich(line, null!);

        Value(line, "RequestPath").Should().Be(path);
    }

    private static LogEvent Line(params (string Name, string Value)[] properties) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Warning, null, new MessageTemplateParser().Parse("A line"),
            properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));

    private static object? Value(LogEvent line, string name) => ((ScalarValue)line.Properties[name]).Value;
}
