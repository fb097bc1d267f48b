using StackExchange.Redis;

namespace PinCovisor.Web.Webhooks;

/// <summary>The queue's Lua, shipped as embedded <c>Scripts/*.lua</c>; each touches only the queue's slot.</summary>
internal static class WebhookScripts
{
    public static readonly string Enqueue = Load("enqueue");
    public static readonly string Claim = Load("claim");
    public static readonly string Settle = Load("settle");
    public static readonly string Revive = Load("revive");
    public static readonly string Discard = Load("discard");

    /// <summary>Redis cannot abandon a script half way: cancelling stops the wait, the script still completes.</summary>
    public static Task<RedisResult> RunAsync(this IDatabase db, string script, RedisKey[] keys, RedisValue[] args, CancellationToken cancellationToken) =>
        db.ScriptEvaluateAsync(script, keys, args).WaitAsync(cancellationToken);

    private static string Load(string name)
    {
        var resource = $"{typeof(WebhookScripts).Namespace}.Scripts.{name}.lua";
        using var stream = typeof(WebhookScripts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Lua script {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
