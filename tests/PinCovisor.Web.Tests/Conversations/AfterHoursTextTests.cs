using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Tests.Conversations;

public sealed class AfterHoursTextTests
{
    private static readonly DateOnly Saturday = new(2026, 11, 28);

    [Theory]
    [InlineData("2026-11-28T16:00:00+01:00", false, "today at 16:00")]
    [InlineData("2026-11-29T09:30:00+01:00", false, "tomorrow at 09:30")]
    [InlineData("2026-12-02T09:00:00+01:00", false, "on Wednesday at 09:00")]
    [InlineData("2026-12-07T09:00:00+01:00", false, "on 7 December at 09:00")]
    [InlineData("2026-11-28T16:00:00+01:00", true, "hoy a las 16:00")]
    [InlineData("2026-11-29T09:30:00+01:00", true, "mañana a las 09:30")]
    [InlineData("2026-12-02T09:00:00+01:00", true, "el miércoles a las 09:00")]
    [InlineData("2026-12-07T09:00:00+01:00", true, "el 7 de diciembre a las 09:00")]
    public void TheNextOpeningIsNamedAsPeopleSayIt(string opening, bool spanish, string expected)
    {
        var template = spanish ? "{day} a las {time}" : "{day} at {time}";

        AfterHoursReply.Compose(template, DateTimeOffset.Parse(opening, System.Globalization.CultureInfo.InvariantCulture), Saturday, spanish)
            .Should().Be(expected);
    }
}
