using PhoneBridge.Pins;
using PhoneBridge.Tests.Calls;

namespace PhoneBridge.Tests.Properties;

/// <summary>What the PIN store must answer, worked out from the steps so far.</summary>
internal sealed class PinModel(string[] calls)
{
    private readonly Pin?[] _pins = new Pin?[calls.Length];
    private readonly bool[] _ended = new bool[calls.Length];
    private readonly string?[] _lastDigits = new string?[calls.Length];

    private sealed record Pin(string Digits, long ExpiresAtMs, bool Redeemed)
    {
        public bool StandsAt(long nowMs) => ExpiresAtMs > nowMs;
    }

    public string? LastDigits(int call) => _lastDigits[call];

    public void Issued(int call, IssuedPin? issued, long now)
    {
        if (_ended[call])
        {
            issued.Should().BeNull("an ended call gets no PIN");
            return;
        }

        issued.Should().NotBeNull();
        if (_pins[call] is { } standing && standing.StandsAt(now))
        {
            issued!.Digits.Should().Be(standing.Digits, "a call keeps its PIN while it stands");
            return;
        }

        issued!.Digits.Should().MatchRegex("^[0-9]{4,10}$");
        _pins[call] = new Pin(issued.Digits, issued.ExpiresAt.ToUnixTimeMilliseconds(), Redeemed: false);
        _lastDigits[call] = issued.Digits;
    }

    public void Redeemed(string typed, string? callSid, long now)
    {
        var live = Enumerable.Range(0, calls.Length)
            .Where(c => !_ended[c] && _pins[c] is { Redeemed: false } p && p.StandsAt(now) && p.Digits == typed)
            .ToList();
        callSid.Should().Be(live.Count == 1 ? calls[live[0]] : null,
            "only a live PIN redeems, once; anything else (used, expired, ended, wrong, absurd) redeems nothing");
        foreach (var call in live)
        {
            _pins[call] = _pins[call]! with { Redeemed = true };
        }
    }

    public string? StandingCallOf(string typed, long now) =>
        Enumerable.Range(0, calls.Length)
            .Where(c => !_ended[c] && _pins[c] is { } p && p.StandsAt(now) && p.Digits == typed)
            .Select(c => calls[c])
            .SingleOrDefault();

    public void Ended(int call)
    {
        _ended[call] = true;
        _pins[call] = null;
    }

    /// <summary>Every call's PIN as the store reports it matches the model, and standing PINs are distinct.</summary>
    public async Task CheckAsync(IPinStore store, long now)
    {
        var standing = new List<string>();
        for (var call = 0; call < calls.Length; call++)
        {
            var found = await store.FindByCallAsync(calls[call]).WaitAsync(TestCalls.Timeout);
            var expected = _ended[call] ? null : _pins[call] is { } p && p.StandsAt(now) ? p : null;
            found?.Digits.Should().Be(expected?.Digits, "the store's PIN for a call is the model's");
            (found is null).Should().Be(expected is null, "a call has a PIN exactly while the model says it stands");
            found?.State.Should().Be(expected!.Redeemed ? PinState.Redeemed : PinState.Live);
            if (found is not null)
            {
                standing.Add(found.Digits);
            }
        }

        standing.Should().OnlyHaveUniqueItems("no two calls share standing digits");
    }
}
