using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Agents;

/// <summary>
/// Agents' passwords through ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted).
/// Verifying always runs the hasher, also for unknown usernames, so a refusal takes as long
/// whether or not the account exists. At most <see cref="AgentLoginOptions.MaxConcurrentPasswordChecks"/>
/// checks run at once, so a flood of logins queues instead of taking every core from the calls.
/// </summary>
internal sealed class AgentPasswords : IDisposable
{
    /// <summary>The meter of agent sign-in (<c>PinCovisor.Agents</c>).</summary>
    public const string MeterName = "PinCovisor.Agents";

    private static readonly AgentCredential Nobody = new();

    private readonly PasswordHasher<AgentCredential> _hasher = new();
    private readonly Lazy<string> _decoy;
    private readonly SemaphoreSlim _gate;
    private readonly Counter<long> _checks;

    public AgentPasswords(IOptions<AgentLoginOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        // A hash of a random password nobody knows: what unknown usernames are checked against.
        _decoy = new Lazy<string>(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        var parallel = options.Value.MaxConcurrentPasswordChecks > 0 ? options.Value.MaxConcurrentPasswordChecks : Environment.ProcessorCount;
        _gate = new SemaphoreSlim(parallel, parallel);
        _checks = meters.Create(MeterName).CreateCounter<long>("pinc.agent.password_checks", unit: "{check}",
            description: "Password hashes computed to check a login, for known and unknown usernames alike.");
    }

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    /// <summary>
    /// True when <paramref name="password"/> matches <paramref name="passwordHash"/>. A missing or
    /// malformed hash is checked against a decoy instead, and fails. Waits its turn at the gate.
    /// </summary>
    public async Task<bool> VerifyAsync(string? passwordHash, string password, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _checks.Add(1);
            if (!IsHash(passwordHash))
            {
                _ = _hasher.VerifyHashedPassword(Nobody, _decoy.Value, password);
                return false;
            }

            return _hasher.VerifyHashedPassword(Nobody, passwordHash!, password) != PasswordVerificationResult.Failed;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether a configured hash is in a format <see cref="PasswordHasher{TUser}"/> reads (base64, version 2 or 3).</summary>
    public static bool IsHash(string? passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
        {
            return false;
        }

        var buffer = new byte[passwordHash.Length];
        return Convert.TryFromBase64String(passwordHash, buffer, out var written) && written > 1 && buffer[0] is 0x00 or 0x01;
    }

    /// <summary>The hasher's user type; the default hasher never looks at it.</summary>
    private sealed class AgentCredential;

    public void Dispose() => _gate.Dispose();
}
