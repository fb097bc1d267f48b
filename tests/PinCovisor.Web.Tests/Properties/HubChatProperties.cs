using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Testing.Properties;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Tests.Hub;

namespace PinCovisor.Web.Tests.Properties;

/// <summary>
/// Arbitrary chat texts (any UTF-16, lone surrogates, control and bidi characters, thousands of
/// characters) are either relayed to the agent exactly as the documented cleaning leaves them, or
/// refused with a HubException that says why; the connection survives and nothing is logged as an error.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class HubChatProperties(RedisServers servers)
{
    private const int Runs = 40;
    private const int MaxTextLength = 2000;

    private static readonly string[] Pieces =
        ["a", " ", "\n", "\r\n", "\r", "\t", "\0", "\u0007", "\u202E", "\u2066", "é", "e\u0301", "😀", "\uD83D", "\uDE00", "中", "<b>", "&amp;", "\uFFFF", "\u200B"];

    private static readonly Arbitrary<string> Texts = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
            Gen.Elements(Pieces).ListOf().Select(string.Concat),
            // Right around the length limit: 1,998 to 2,002 characters, some of them emoji.
            Gen.Zip(Gen.Choose(1998, 2002), Gen.Elements("x", "😀", "é")).Select(p => string.Concat(Enumerable.Repeat(p.Item2, p.Item1))))
        .ToArbitrary();

    [Fact]
    public async Task AnyChatTextIsRelayedAsCleanedOrRefusedWithAReason()
    {
        await using var scenario = await Unthrottled.StartAsync(servers);

        Prop.ForAll(Texts, text => SendAsync(scenario, text)).Check(PropertyRuns.Config(Runs, "chat text"));

        scenario.Customer.Connection.State.Should().Be(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        scenario.Host.Logs.Lines.Should().NotContain(l => l.StartsWith("Error ", StringComparison.Ordinal));
    }

    private static async Task SendAsync(HubScenario scenario, string text)
    {
        var expected = Acceptable(text);
        long seq;
        try
        {
            seq = await scenario.Customer.ChatAsync(scenario.SessionId, text);
        }
        catch (HubException refusal)
        {
            expected.Should().BeNull($"\"{Escaped(text)}\" is a fine message, yet it was refused: {refusal.Message}");
            refusal.Message.Should().MatchRegex("HubException: (The message is empty|Messages are at most 2000 characters)\\.$");
            return;
        }

        expected.Should().NotBeNull($"\"{Escaped(text)}\" should have been refused");
        var events = await scenario.Agent.Events.WaitForAsync(scenario.SessionId, applied => applied.Any(e => e.Seq == seq));
        events.Single(e => e.Seq == seq).DataAs<ChatMessage>().Text.Should().Be(expected, "the agent reads exactly what the customer wrote, cleaned");
    }

    // What the hub must relay for this text, or null when it must refuse it. JSON travels as UTF-8,
    // so a lone surrogate reaches the server as U+FFFD, as any UTF-8 encoder writes it.
    private static string? Acceptable(string text)
    {
        var cleaned = PlainText.Clean(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
        return cleaned is not null && new StringInfo(cleaned).LengthInTextElements <= MaxTextLength ? cleaned : null;
    }

    private static string Escaped(string text) =>
        text.Length > 80 ? $"{text.Length} characters" : string.Concat(text.Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
