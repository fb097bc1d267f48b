using Microsoft.Playwright;
using PinCovisor.EndToEnd.Browser;
using static Microsoft.Playwright.Assertions;

namespace PinCovisor.EndToEnd.Pages;

/// <summary>The covisor chat, the same on both sides.</summary>
public static class Chat
{
    public static async Task SendAsync(Role from, string text)
    {
        ArgumentNullException.ThrowIfNull(from);
        await from.ById("pc-chat-input").FillAsync(text).WaitAsync(Limits.Await);
        await from.ById("pc-chat-send").ClickAsync().WaitAsync(Limits.Await);
    }

    /// <summary>The messages written by <paramref name="author"/> (<c>agent</c>, <c>customer</c>, <c>system</c>).</summary>
    public static ILocator Messages(Role reader, string author)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Page.Locator($"[data-testid=pc-chat-message][data-role={author}]");
    }

    /// <summary>Waits until <paramref name="reader"/> shows a message by <paramref name="author"/> containing <paramref name="text"/>; returns it.</summary>
    public static async Task<ILocator> ExpectAsync(Role reader, string author, string text)
    {
        var message = Messages(reader, author).Filter(new() { HasText = text });
        await Expect(message).ToHaveCountAsync(1, new() { Timeout = Limits.Ms(Limits.Arrival) });
        return message;
    }
}
