using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhoneBridge.Hours;

namespace PhoneBridge.Tests.Ivr;

public sealed class BusinessHoursTests
{
    [Fact]
    public void WithNoScheduleTheLineIsAlwaysOpen()
    {
        var hours = Hours(new BusinessHoursOptions(), RandomInstant());

        hours.IsOpen().Should().BeTrue();
    }

    [Fact]
    public void OpeningHoursFollowSummerTimeInTheShopsZone()
    {
        var options = new BusinessHoursOptions();
        options.Weekly[DayOfWeek.Monday] = "09:00-10:00";

        // 2026-07-06 is a Monday; Madrid is UTC+2 in summer, so 09:30 local is 07:30Z.
        Hours(options, new DateTimeOffset(2026, 7, 6, 7, 30, 0, TimeSpan.Zero)).IsOpen().Should().BeTrue();
        Hours(options, new DateTimeOffset(2026, 7, 6, 8, 30, 0, TimeSpan.Zero)).IsOpen().Should().BeFalse();
    }

    [Fact]
    public void AClosedDateOverridesTheWeeklySchedule()
    {
        var options = new BusinessHoursOptions();
        options.Weekly[DayOfWeek.Friday] = "00:00-24:00";
        options.ClosedDates.Add("2026-12-25");

        // 23:30Z on the 24th is already the 25th in Madrid.
        Hours(options, new DateTimeOffset(2026, 12, 24, 23, 30, 0, TimeSpan.Zero)).IsOpen().Should().BeFalse();
        Hours(options, new DateTimeOffset(2026, 12, 24, 22, 30, 0, TimeSpan.Zero)).IsOpen().Should().BeFalse("the 24th is a Thursday, not listed");
        Hours(options, new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)).IsOpen().Should().BeTrue();
    }

    [Theory]
    [InlineData("Mars/Olympus", null, null, "BusinessHours:TimeZone")]
    [InlineData("Europe/Madrid", "9-14", null, "BusinessHours:Weekly:Monday")]
    [InlineData("Europe/Madrid", "14:00-09:00", null, "BusinessHours:Weekly:Monday")]
    [InlineData("Europe/Madrid", null, "25/12/2026", "BusinessHours:ClosedDates")]
    public void AnUnusableScheduleIsRejectedWithAMessageNamingTheKey(string zone, string? monday, string? closed, string key)
    {
        var options = new BusinessHoursOptions { TimeZone = zone };
        if (monday is not null)
        {
            options.Weekly[DayOfWeek.Monday] = monday;
        }

        if (closed is not null)
        {
            options.ClosedDates.Add(closed);
        }

        BusinessHours.Validate(options).Should().Contain(key);
    }

    [Theory]
    // Monday 2026-11-23, 08:00 in Madrid: later today.
    [InlineData("2026-11-23T07:00:00Z", "2026-11-23T09:00:00+01:00")]
    // Monday 11:00: open, so now.
    [InlineData("2026-11-23T10:00:00Z", "2026-11-23T11:00:00+01:00")]
    // Monday 15:00, between the ranges: the afternoon's.
    [InlineData("2026-11-23T14:00:00Z", "2026-11-23T16:00:00+01:00")]
    // Monday 21:00: Tuesday is closed (2026-11-24), Wednesday is not listed, Thursday opens.
    [InlineData("2026-11-23T20:00:00Z", "2026-11-26T09:00:00+01:00")]
    public void TheNextOpeningSkipsClosedDatesAndDaysWithoutHours(string utcNow, string expected)
    {
        var options = new BusinessHoursOptions();
        options.Weekly[DayOfWeek.Monday] = "16:00-20:00, 09:00-14:00";
        options.Weekly[DayOfWeek.Tuesday] = "09:00-14:00";
        options.Weekly[DayOfWeek.Thursday] = "09:00-14:00";
        options.ClosedDates.Add("2026-11-24");

        var hours = Hours(options, DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));

        hours.NextOpening().Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        hours.IsConfigured.Should().BeTrue();
    }

    [Fact]
    public void WithOnlyClosedDatesTheShopOpensAtTheMidnightAfterOne()
    {
        var options = new BusinessHoursOptions { TimeZone = "America/Mexico_City" };
        options.ClosedDates.Add("2026-12-25");

        // 18:00Z on the 25th is noon in Mexico City.
        var hours = Hours(options, new DateTimeOffset(2026, 12, 25, 18, 0, 0, TimeSpan.Zero));

        hours.IsOpen().Should().BeFalse();
        hours.Today().Should().Be(new DateOnly(2026, 12, 25));
        hours.NextOpening().Should().Be(new DateTimeOffset(2026, 12, 26, 0, 0, 0, TimeSpan.FromHours(-6)));
    }

    [Fact]
    public void AWeekWithNoHoursNeverOpens()
    {
        var options = new BusinessHoursOptions();
        options.Weekly[DayOfWeek.Monday] = "";

        Hours(options, RandomInstant()).NextOpening().Should().BeNull();
    }

    private static BusinessHours Hours(BusinessHoursOptions options, DateTimeOffset now) =>
        new(Options.Create(options), new FakeTimeProvider(now));

    private static DateTimeOffset RandomInstant() =>
        DateTimeOffset.UnixEpoch.AddSeconds(Random.Shared.NextInt64(1_700_000_000, 2_000_000_000));
}
