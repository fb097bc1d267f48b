using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd.Pages;

/// <summary>The phone simulator at <c>/demo/phone</c>: plays Twilio's part against the real webhooks.</summary>
public sealed partial class PhoneSimulator(Role phone)
{
    /// <summary>
    /// Dials the shop from <paramref name="from"/> (null: the number the simulator offers) and returns
    /// the PIN the IVR reads out.
    /// </summary>
    public async Task<string> CallAsync(string? from)
    {
        await phone.Page.GotoAsync("/demo/phone").WaitAsync(Limits.Await);
        // Call is on once the simulator has its setup, which also offers a number of its own in the same field.
        await Expect(phone.ById("phone-call")).ToBeEnabledAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        if (from is not null)
        {
            await phone.ById("phone-from").FillAsync(from).WaitAsync(Limits.Await);
        }

        await phone.ById("phone-call").ClickAsync().WaitAsync(Limits.Await);
        // The IVR says the code twice.
        var pins = await Eventually.UntilAsync(
            async () => Pins(await phone.ById("phone-say").AllTextContentsAsync()),
            pins => pins.Count >= 2,
            "two phone-say lines that read the code digit by digit");
        pins.Distinct().Should().ContainSingle("the code is said twice, the same both times");
        return pins[0];
    }

    /// <summary>Lets the IVR finish (ending any keypad wait at once) until the Dial rings, then answers as <paramref name="target"/>.</summary>
    public async Task AnswerAsync(string target)
    {
        await AnswerButtonAsync(target);
        await Expect(phone.ById("phone-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Limits.Ms(Limits.Arrival) });
    }

    /// <summary>
    /// Lets the IVR finish until the Dial rings, then picks up on <paramref name="target"/> (an agent's
    /// number), which asks for a key before taking the call. With <paramref name="pressKey"/> the agent
    /// presses 1 and is connected; without it the phone lets the question go by, as a voicemail does,
    /// and the leg is hung up.
    /// </summary>
    public async Task PickUpPhoneAsync(string target, bool pressKey)
    {
        await AnswerButtonAsync(target);
        var asked = phone.ById("phone-agent-say").Filter(new() { HasText = "Pulse cualquier tecla" });
        await Expect(asked.Last).ToBeVisibleAsync(new() { Timeout = Limits.Ms(Limits.Arrival) });
        if (pressKey)
        {
            await phone.Page.Locator("[data-key=\"1\"]").ClickAsync().WaitAsync(Limits.Await);
            await Expect(phone.ById("phone-status")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = Limits.Ms(Limits.Arrival) });
        }
        else
        {
            await phone.ById("phone-gather-skip").ClickAsync().WaitAsync(Limits.Await);
        }
    }

    /// <summary>The codes whispered to agents so far, as the agent column shows them.</summary>
    public async Task<IReadOnlyList<string>> WhisperedPinsAsync() =>
        Pins(await phone.ById("phone-agent-say").AllTextContentsAsync().WaitAsync(Limits.Await));

    /// <summary>
    /// Lets the IVR finish until the queue waits for an agent, answers as <paramref name="target"/> (an
    /// agent's number) and, when the agent line asks for the agent code, keys <paramref name="code"/>
    /// and <c>#</c> on the keypad.
    /// </summary>
    public async Task TakeFromQueueAsync(string target, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        await AnswerButtonAsync(target);
        await Expect(phone.ById("phone-agent-say")).ToHaveCountAsync(1, new() { Timeout = Limits.Ms(Limits.Arrival) });
        foreach (var key in code + "#")
        {
            await phone.Page.Locator($"[data-key=\"{key}\"]").ClickAsync().WaitAsync(Limits.Await);
        }
    }

    private async Task AnswerButtonAsync(string target)
    {
        await RingingAsync();
        await phone.Page.Locator($"[data-testid=phone-answer][data-target=\"{target}\"]").ClickAsync().WaitAsync(Limits.Await);
    }

    /// <summary>Lets the IVR finish (ending any keypad wait at once) until the agents' devices ring, or the queue waits for one.</summary>
    public async Task RingingAsync()
    {
        await Eventually.UntilAsync(async () =>
        {
            var state = await phone.ById("phone-status").GetAttributeAsync("data-state").WaitAsync(Limits.Await);
            var skip = phone.ById("phone-gather-skip");
            if (state != "dialing" && await skip.IsVisibleAsync().WaitAsync(Limits.Await))
            {
                try
                {
                    await skip.ClickAsync(new() { Timeout = 1_000 }).WaitAsync(Limits.Await);
                }
                catch (TimeoutException)
                {
                    // The wait ended on its own between looking and clicking.
                }
            }

            return state;
        }, state => state == "dialing", "phone-status data-state=dialing (ringing the agents, or the queue waiting for one)", TimeSpan.FromSeconds(30));
    }

    /// <summary>Hangs up; the simulator then sends the status callback Twilio sends at the end of a call.</summary>
    public async Task HangUpAsync()
    {
        await phone.ById("phone-hangup").ClickAsync().WaitAsync(Limits.Await);
        await Expect(phone.ById("phone-status")).ToHaveAttributeAsync("data-state", "ended", new() { Timeout = Limits.Ms(Limits.Arrival) });
    }

    private static List<string> Pins(IEnumerable<string> said) =>
        [.. said.Select(line => SpelledDigits().Match(line)).Where(m => m.Success).Select(m => new string([.. m.Value.Where(char.IsAsciiDigit)]))];

    // The IVR reads the code digit by digit with commas between them ("4, 8, 2, 9, 1, 7").
    [GeneratedRegex(@"\d(?:,\s*\d){3,}")]
    private static partial Regex SpelledDigits();
}
