using StackExchange.Redis;

namespace PhoneBridge.Redis;

/// <summary>
/// A Lua script shipped as an embedded <c>.lua</c> resource next to the feature that uses it, so
/// it can be read (and run with <c>redis-cli --eval</c>) as Lua rather than as a C# string.
/// </summary>
public sealed class EmbeddedScript
{
    private readonly string _source;

    private EmbeddedScript(string source) => _source = source;

    /// <summary>Loads <c>{folder of <paramref name="anchor"/>}/Scripts/{name}.lua</c>.</summary>
    public static EmbeddedScript Load(Type anchor, string name)
    {
        var resource = $"{anchor.Namespace}.Scripts.{name}.lua";
        using var stream = anchor.Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Lua script {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return new EmbeddedScript(reader.ReadToEnd());
    }

    /// <summary>
    /// Runs the script with <paramref name="keys"/> as <c>KEYS</c> and <paramref name="args"/> as <c>ARGV</c>. Redis cannot abandon a script half way, so cancellation only stops the wait:
    /// the script still runs to completion on the server.
    /// </summary>
    public Task<RedisResult> RunAsync(IDatabase database, RedisKey[] keys, RedisValue[]? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.ScriptEvaluateAsync(_source, keys, args).WaitAsync(cancellationToken);
    }
}
