using PhoneBridge.Calls;

namespace PhoneBridge.Tests.Calls;

public sealed class CallStatusExtensionsTests
{
    [Theory]
    [InlineData("queued", CallStatus.Queued, false)]
    [InlineData("ringing", CallStatus.Ringing, false)]
    [InlineData("in-progress", CallStatus.InProgress, false)]
    [InlineData("completed", CallStatus.Completed, true)]
    [InlineData("busy", CallStatus.Busy, true)]
    [InlineData("failed", CallStatus.Failed, true)]
    [InlineData("no-answer", CallStatus.NoAnswer, true)]
    [InlineData("canceled", CallStatus.Canceled, true)]
    public void EveryTwilioStatusReadsBackAndKnowsWhetherTheCallIsOver(string twilio, CallStatus status, bool over)
    {
        CallStatusExtensions.TryParseTwilio(twilio, out var parsed).Should().BeTrue();

        parsed.Should().Be(status);
        status.ToTwilioString().Should().Be(twilio);
        status.IsOver().Should().Be(over);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("InProgress")]
    [InlineData("answered")]
    public void AnythingElseIsNotAStatus(string? value) =>
        CallStatusExtensions.TryParseTwilio(value, out _).Should().BeFalse();
}
