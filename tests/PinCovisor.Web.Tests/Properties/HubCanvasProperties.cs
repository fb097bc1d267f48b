using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Testing.Hub;
using PhoneBridge.Testing.Properties;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Properties;

/// <summary>
/// Arbitrary numbers for the shared view and for strokes (NaN, infinities, huge, negative, tiny) are
/// relayed exactly when every one is in range, refused with a HubException otherwise, and never
/// end up in the session's log out of range.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class HubCanvasProperties(RedisServers servers)
{
    private const int Runs = 40;

    private static readonly Gen<double> Odd = Gen.OneOf(
        Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -double.MaxValue,
            double.Epsilon, -double.Epsilon, 1e308, -1, 1.0000000000000002, 20.000000000000004, 64.5, 0.4999, 0.0),
        ArbMap.Default.GeneratorFor<double>());

    private static readonly Arbitrary<ViewState> Views =
        (from zoom in Number(1, 20) from x in Number(0, 1) from y in Number(0, 1) select new ViewState(zoom, x, y)).ToArbitrary();

    private static readonly Arbitrary<(double[] Points, double Width, string Color)> Strokes = (
        from pairs in Gen.Choose(0, 6)
        from points in Number(0, 1).ArrayOf(pairs * 2)
        from extra in Gen.Frequency((6, Gen.Constant(Array.Empty<double>())), (1, Number(0, 1).ArrayOf(1)))
        from width in Number(0.5, 64)
        from color in Gen.Frequency((4, Gen.Elements("#1a2b3c", "#1A2B3C80")), (1, Gen.Elements("#12345", "red", "#gggggg", "")))
        select ((double[])[.. points, .. extra], width, color)).ToArbitrary();

    private int _accepted;
    private int _refused;

    [Fact]
    public async Task AnyViewIsRelayedExactlyWhenInRangeAndRefusedOtherwise()
    {
        await using var scenario = await Unthrottled.StartAsync(servers);

        Prop.ForAll(Views, view => SendAsync(scenario, "SetView", Wire(view), InRange(view), EventKinds.ViewChanged,
            e => e.DataAs<ViewState>().Should().Be(view))).Check(PropertyRuns.Config(Runs, "view"));

        await AssertLogHoldsOnlyValidNumbersAsync(scenario);
    }

    [Fact]
    public async Task AnyStrokeIsRelayedExactlyWhenValidAndRefusedOtherwise()
    {
        await using var scenario = await Unthrottled.StartAsync(servers);

        Prop.ForAll(Strokes, s =>
        {
            var valid = s.Points.Length is >= 2 and <= 2048 && s.Points.Length % 2 == 0 && s.Points.All(p => InRange(p, 0, 1))
                && InRange(s.Width, 0.5, 64) && s.Color is "#1a2b3c" or "#1A2B3C80";
            var input = new { strokeId = "s-" + Guid.NewGuid().ToString("N"), points = s.Points.Select(Wire).ToArray(), color = s.Color, width = Wire(s.Width) };
            return SendAsync(scenario, "AddStroke", input, valid, EventKinds.StrokeAdded, e =>
            {
                var added = e.DataAs<StrokeAdded>();
                added.Points.Should().Equal(s.Points);
                added.Width.Should().Be(s.Width);
                added.Color.Should().Be(s.Color.ToLowerInvariant());
            });
        }).Check(PropertyRuns.Config(Runs, "stroke"));

        await AssertLogHoldsOnlyValidNumbersAsync(scenario);
    }

    private async Task SendAsync(HubScenario scenario, string method, object input, bool valid, string kind, Action<CovisorEvent> check)
    {
        long seq;
        try
        {
            seq = await scenario.Customer.InvokeAsync<long>(method, scenario.SessionId, input);
        }
        catch (HubException refusal)
        {
            valid.Should().BeFalse($"a valid {method} was refused: {refusal.Message}");
            refusal.Message.Should().Contain("HubException: ");
            Interlocked.Increment(ref _refused);
            return;
        }

        valid.Should().BeTrue($"{method} must refuse what is out of range");
        var events = await scenario.Agent.Events.WaitForAsync(scenario.SessionId, applied => applied.Any(e => e.Seq == seq));
        var stored = events.Single(e => e.Seq == seq);
        stored.Kind.Should().Be(kind);
        check(stored);
        Interlocked.Increment(ref _accepted);
    }

    // What a late joiner replays: every view and stroke in the log, each number finite and in range.
    private async Task AssertLogHoldsOnlyValidNumbersAsync(HubScenario scenario)
    {
        (_accepted, _refused).Should().Match<(int Accepted, int Refused)>(o => o.Accepted > 0 && o.Refused > 0, "the runs must try both sides of the line");
        await using var late = await HubClient.ConnectAsync(scenario.Host.BaseAddress, scenario.Session.AgentToken);
        var replay = await late.JoinAsync(scenario.SessionId);
        foreach (var e in replay.Events)
        {
            if (e.Kind == EventKinds.ViewChanged)
            {
                InRange(e.DataAs<ViewState>()).Should().BeTrue();
            }
            else if (e.Kind == EventKinds.StrokeAdded)
            {
                var stroke = e.DataAs<StrokeAdded>();
                stroke.Points.Should().OnlyContain(p => InRange(p, 0, 1));
                InRange(stroke.Width, 0.5, 64).Should().BeTrue();
            }
        }

        scenario.Customer.Connection.State.Should().Be(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        scenario.Host.Logs.Lines.Should().NotContain(l => l.StartsWith("Error ", StringComparison.Ordinal));
    }

    // Mostly within [min, max], where the line between accepted and refused is; otherwise anything a double can be.
    private static Gen<double> Number(double min, double max) => Gen.Frequency(
        (6, Gen.Choose(0, 1000).Select(n => min + ((max - min) * n / 1000.0))),
        (1, Odd));

    private static bool InRange(ViewState v) => InRange(v.Zoom, 1, 20) && InRange(v.CenterX, 0, 1) && InRange(v.CenterY, 0, 1);

    private static bool InRange(double value, double min, double max) => double.IsFinite(value) && value >= min && value <= max;

    // JSON has no NaN or infinities: a client sends them as the strings .NET would read with named literals.
    private static object Wire(double value) => double.IsFinite(value) ? value : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Wire(ViewState v) => new { zoom = Wire(v.Zoom), centerX = Wire(v.CenterX), centerY = Wire(v.CenterY) };
}
