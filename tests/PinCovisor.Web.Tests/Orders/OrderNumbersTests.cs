using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Orders;

namespace PinCovisor.Web.Tests.Orders;

public sealed class OrderNumbersTests
{
    [Fact]
    public void TheDefaultPatternFindsEveryOrderNumberWithWhereItStands()
    {
        var text = "¿Dónde está mi pedido AB-123456? También CD654321, pero no ab-123456 ni XY-12345 ni EF-1234567.";

        var found = Numbers(new OrdersOptions()).Find(text);

        found.Should().Equal(new OrderMention(22, 9, "AB-123456"), new OrderMention(41, 8, "CD654321"));
        found!.Should().AllSatisfy(o => text.Substring(o.Start, o.Length).Should().Be(o.Number));
    }

    [Fact]
    public void PositionsCountUtf16CodeUnitsAsTheBrowserDoes()
    {
        var text = "👟 pedido ZX-000042";

        Numbers(new OrdersOptions()).Find(text).Should().Equal(new OrderMention(10, 9, "ZX-000042"));
    }

    [Fact]
    public void ATextWithoutOrderNumbersOrAnEmptyPatternMarksNothing()
    {
        Numbers(new OrdersOptions()).Find("Hola, ¿tenéis la talla 42?").Should().BeNull();
        Numbers(new OrdersOptions { NumberPattern = "" }).Find("AB-123456").Should().BeNull();
    }

    [Theory]
    [InlineData("[A-Z{2}")]
    [InlineData(@"(\d)\1")]
    [InlineData(@"(?<=#)\d+")]
    public void APatternThatDoesNotCompileWithoutBacktrackingIsRefusedNamingTheKey(string pattern) =>
        OrderNumbers.Validate(new OrdersOptions { NumberPattern = pattern }).Should().StartWith("Orders:NumberPattern");

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:01:00")]
    public void AMatchTimeoutOutOfRangeIsRefusedNamingTheKey(string timeout) =>
        OrderNumbers.Validate(new OrdersOptions { MatchTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) })
            .Should().StartWith("Orders:MatchTimeout");

    [Fact]
    public async Task APatternThatWouldBacktrackCatastrophicallyRunsInLinearTime()
    {
        // With backtracking, (a+)+b over 40 000 a's and no b would not finish in a lifetime.
        var numbers = Numbers(new OrdersOptions { NumberPattern = "(a+)+b", MatchTimeout = TimeSpan.FromSeconds(10) });

        var found = await Task.Run(() => numbers.Find(new string('a', 40_000) + "!")).WaitAsync(TimeSpan.FromSeconds(30));

        found.Should().BeNull();
    }

    [Fact]
    public async Task ASearchThatTimesOutKeepsWhatItFoundAndDoesNotThrow()
    {
        var logs = new FakeLogCollector();
        var numbers = new OrderNumbers(Options.Create(new OrdersOptions { MatchTimeout = TimeSpan.FromTicks(1) }), new FakeLogger<OrderNumbers>(logs));
        var text = "AB-123456 " + string.Concat(Enumerable.Repeat("CD-12345 ", 2_000_000));

        var found = await Task.Run(() => numbers.Find(text)).WaitAsync(TimeSpan.FromSeconds(30));

        // A one-tick budget may run out before the first match too (a loaded machine): then nothing is found.
        (found ?? []).Should().NotContain(o => o.Number != "AB-123456", "past the timeout nothing more is looked for");
        logs.Lines.Should().ContainSingle(l => l.Contains("timed out", StringComparison.Ordinal) && !l.Contains("CD-", StringComparison.Ordinal));
    }

    private static OrderNumbers Numbers(OrdersOptions options) => new(Options.Create(options), NullLogger<OrderNumbers>.Instance);
}
