using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Redis;
using PhoneBridge.Telemetry;
using StackExchange.Redis;

namespace PhoneBridge.Pins;

/// <summary>
/// <see cref="IPinStore"/> on Redis. Each change is one Lua script on one slot: the shared index
/// (<c>{pins}</c>) decides uniqueness and single use, the call's record (<c>{call:CA…}</c>) decides
/// which PIN the call has. Where an operation needs both, it goes index first for issuing and call
/// first for revoking, so a failure half way leaves at worst an unused place in the index.
/// </summary>
internal sealed class RedisPinStore : IPinStore
{
    // Redis keeps keys a little past expiry so that expiry is always decided by the store's clock.
    private static readonly TimeSpan CleanupSlack = TimeSpan.FromMinutes(1);

    // A revoked marker outlives any plausible retry of the call's webhooks.
    private static readonly TimeSpan RevokedRetention = TimeSpan.FromDays(1);

    private readonly PinOptions _options;
    private readonly PinCrypto _crypto;
    private readonly PinIndex _index;
    private readonly PinReservations _reservations;
    private readonly CallPins _calls;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PhoneBridgeMetrics? _metrics;

    public RedisPinStore(
        IConnectionMultiplexer redis, IOptions<PinOptions> options, TimeProvider time, ILogger<RedisPinStore> logger, PhoneBridgeMetrics metrics)
        : this(redis, options, time, logger, RedisKeys.PinIndexTag, metrics)
    {
    }

    /// <summary>With its own index tag, so tests sharing a server do not share PIN capacity.</summary>
    internal RedisPinStore(
        IConnectionMultiplexer redis, IOptions<PinOptions> options, TimeProvider time, ILogger logger, string indexTag, PhoneBridgeMetrics? metrics = null)
    {
        _metrics = metrics;
        _options = options.Value;
        _crypto = new PinCrypto(_options.SecretBytes()
            ?? throw new InvalidOperationException($"{PinOptions.SectionName}:SecretKey is required."));
        var database = redis.GetDatabase();
        _index = new PinIndex(database, indexTag);
        _reservations = new PinReservations(_options, _crypto, _index, logger);
        _calls = new CallPins(database);
        _time = time;
        _logger = logger;
    }

    private TimeSpan RecordTtl => _options.Lifetime + CleanupSlack;

    public async Task<IssuedPin?> IssueAsync(string callSid, CancellationToken cancellationToken = default)
    {
        // A new call is the common case, so the index is asked for a place straight away: two round
        // trips, one per slot. The claim on the call's record is the authority on whether the call
        // already has a PIN (a retry) or was revoked; then the place just reserved is given back.
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        PinRecord candidate;
        try
        {
            candidate = await _reservations.ReserveAsync(callSid, now, RecordTtl, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Every length is full; a retry of a call that already has its PIN still gets it, and
            // a call that ended gets none, as when there is room.
            var current = await _calls.ReadAsync(callSid, cancellationToken).ConfigureAwait(false);
            if (current?.State == PinRecord.Revoked)
            {
                PinLog.IssueRefused(_logger, callSid);
                return null;
            }

            if (current is null || !current.StandsAt(now))
            {
                throw;
            }

            PinLog.Reused(_logger, callSid);
            return ToIssued(callSid, current);
        }

        // The place is reserved; from here the claim runs even if the caller gives up, otherwise
        // the place would sit unused until it expires.
        var standing = await _calls.ClaimAsync(callSid, candidate, now, RecordTtl, CancellationToken.None).ConfigureAwait(false);
        if (standing == candidate)
        {
            PinLog.Issued(_logger, callSid, candidate.Length);
            _metrics?.PinIssued("new");
            return ToIssued(callSid, candidate);
        }

        await _index.ReleaseAsync(callSid, candidate.Hash!, candidate.Length, CancellationToken.None).ConfigureAwait(false);
        if (standing is null)
        {
            PinLog.IssueRefused(_logger, callSid);
            return null;
        }

        PinLog.Reused(_logger, callSid);
        return ToIssued(callSid, standing);
    }

    public async Task<IssuedPin?> ReissueAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var candidate = await _reservations.ReserveAsync(callSid, now, RecordTtl, cancellationToken).ConfigureAwait(false);

        // As for issuing: once the place is reserved the rest runs to the end, so no place is left
        // unused and the old PIN's place is always freed.
        var (replaced, previous) = await _calls.ReplaceAsync(callSid, candidate, RecordTtl, CancellationToken.None).ConfigureAwait(false);
        if (!replaced)
        {
            await _index.ReleaseAsync(callSid, candidate.Hash!, candidate.Length, CancellationToken.None).ConfigureAwait(false);
            PinLog.IssueRefused(_logger, callSid);
            return null;
        }

        if (previous is var (hash, length) && hash != candidate.Hash)
        {
            await _index.ReleaseAsync(callSid, hash, length, CancellationToken.None).ConfigureAwait(false);
        }

        PinLog.Reissued(_logger, callSid, candidate.Length);
        _metrics?.PinIssued("reissued");
        return ToIssued(callSid, candidate);
    }

    public async Task<IssuedPin?> FindByCallAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var current = await _calls.ReadAsync(callSid, cancellationToken).ConfigureAwait(false);
        return current is not null && current.StandsAt(_time.GetUtcNow().ToUnixTimeMilliseconds())
            ? ToIssued(callSid, current)
            : null;
    }

    public async Task<string?> RedeemAsync(string pin, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(pin))
        {
            PinLog.RedeemRefused(_logger);
            return null;
        }

        var hash = _crypto.IndexHash(pin);
        var callSid = await _index.RedeemAsync(hash, _time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);

        // The index said yes; the call must agree too, or a revoke racing this redeem would let
        // someone join a call that just ended.
        if (callSid is null || !await _calls.MarkRedeemedAsync(callSid, hash, CancellationToken.None).ConfigureAwait(false))
        {
            PinLog.RedeemRefused(_logger);
            return null;
        }

        PinLog.Redeemed(_logger, callSid);
        return callSid;
    }

    public async Task<string?> FindCallByPinAsync(string pin, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(pin))
        {
            PinLog.LookupFoundNothing(_logger);
            return null;
        }

        var hash = _crypto.IndexHash(pin);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var callSid = await _index.PeekAsync(hash, now, cancellationToken).ConfigureAwait(false);

        // The index keeps a revoked PIN's place until it is released, so the call's own record has
        // the last word, as it does for redeeming.
        var record = callSid is null ? null : await _calls.ReadAsync(callSid, cancellationToken).ConfigureAwait(false);
        if (record is null || !record.StandsAt(now) || record.Hash != hash)
        {
            PinLog.LookupFoundNothing(_logger);
            return null;
        }

        PinLog.LookedUp(_logger, callSid!);
        return callSid;
    }

    public async Task RevokeAsync(string callSid, CancellationToken cancellationToken = default)
    {
        // The call's record first: once it says revoked no new PIN can be claimed, so the one PIN
        // it returns is the only one to take out of the index. Retrying repeats both steps.
        var previous = await _calls.RevokeAsync(callSid, RevokedRetention, cancellationToken).ConfigureAwait(false);
        if (previous is var (hash, length))
        {
            await _index.ReleaseAsync(callSid, hash, length, CancellationToken.None).ConfigureAwait(false);
        }

        PinLog.Revoked(_logger, callSid);
    }

    private IssuedPin ToIssued(string callSid, PinRecord record) => new(
        callSid,
        _crypto.Digits(callSid, Convert.FromHexString(record.Nonce!), record.Length),
        DateTimeOffset.FromUnixTimeMilliseconds(record.ExpiresAtMs),
        record.State == PinRecord.Redeemed ? PinState.Redeemed : PinState.Live);

    private bool IsWellFormed(string? pin) =>
        pin is not null
        && pin.Length >= PinOptions.MinimumLength
        && pin.Length <= _options.MaxLength
        && pin.All(char.IsAsciiDigit);
}
