using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Tests.Hub;

public sealed class TranscriptCsvTests
{
    private static readonly DateTimeOffset At = new(2025, 5, 4, 12, 14, 55, 20, TimeSpan.FromHours(2));

    [Fact]
    public void CellsThatStartLikeAFormulaGetAnApostropheAndAreQuotedOnlyWhenRfc4180NeedsIt()
    {
        var csv = TranscriptCsv.Write([
            new TranscriptLine(3, At, "customer", "Eva", "chat.message", "\tcmd"),
            new TranscriptLine(4, At, "customer", "-Eva-", "chat.message", "\r=1+1"),
            new TranscriptLine(5, At, "system", null, "session.ended", "Session ended (ended-by-agent)"),
        ]);

        csv.Should().Be("seq,time,role,name,kind,text\r\n"
            + "3,2025-05-04T10:14:55.020Z,customer,Eva,chat.message,'\tcmd\r\n"
            + "4,2025-05-04T10:14:55.020Z,customer,'-Eva-,chat.message,\"'\r=1+1\"\r\n"
            + "5,2025-05-04T10:14:55.020Z,system,,session.ended,Session ended (ended-by-agent)\r\n");
    }
}
