using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PinCovisor.Web.Hub;

namespace PinCovisor.Web.Orders;

/// <summary>
/// Finds the shop's order numbers (<see cref="OrdersOptions.NumberPattern"/>) in chat text, so the
/// console can highlight them (and, once the shop's order source exists, look them up). The
/// pattern runs without backtracking and with a timeout: a customer's text cannot stall a host.
/// </summary>
internal sealed class OrderNumbers(IOptions<OrdersOptions> options, ILogger<OrderNumbers> logger)
{
    private readonly Regex? _pattern = Compile(options.Value);

    /// <summary>The order numbers in <paramref name="text"/>, in order; null when there are none.</summary>
    public IReadOnlyList<OrderMention>? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_pattern is null || text.Length == 0)
        {
            return null;
        }

        var found = new List<OrderMention>();
        // The regex's timeout bounds each match; the whole search is held to it too.
        var started = Stopwatch.GetTimestamp();
        var timedOut = false;
        try
        {
            for (var match = _pattern.Match(text); match.Success && !timedOut; match = match.NextMatch())
            {
                if (match.Length > 0)
                {
                    found.Add(new OrderMention(match.Index, match.Length, match.Value));
                }

                timedOut = Stopwatch.GetElapsedTime(started) > _pattern.MatchTimeout;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            timedOut = true;
        }

        if (timedOut)
        {
            OrdersLog.MatchTimedOut(logger, text.Length, found.Count);
        }

        return found.Count == 0 ? null : found;
    }

    /// <summary>True when <paramref name="text"/> is one whole order number, nothing around it.</summary>
    public bool IsWhole(string text) => Find(text) is [{ Start: 0 } whole] && whole.Length == text.Length;

    /// <summary><paramref name="message"/> with its order numbers marked.</summary>
    public ChatMessage Mark(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message with { Orders = Find(message.Text) };
    }

    /// <summary>Null when the options are usable, else a message naming the key.</summary>
    public static string? Validate(OrdersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MatchTimeout <= TimeSpan.Zero || options.MatchTimeout > TimeSpan.FromSeconds(10))
        {
            return "Orders:MatchTimeout must be positive and at most 10 seconds";
        }

        try
        {
            _ = Compile(options);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return $"Orders:NumberPattern is not a regular expression this host can run without backtracking: {e.Message}";
        }
    }

    private static Regex? Compile(OrdersOptions options) => string.IsNullOrWhiteSpace(options.NumberPattern)
        ? null
        : new Regex(options.NumberPattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, options.MatchTimeout);
}

/// <summary>An order number in a chat message's text.</summary>
/// <param name="Start">Where it starts, in UTF-16 code units from the start of the text (as JavaScript indexes strings).</param>
/// <param name="Length">Its length in UTF-16 code units.</param>
/// <param name="Number">The text matched.</param>
public sealed record OrderMention(int Start, int Length, string Number);
