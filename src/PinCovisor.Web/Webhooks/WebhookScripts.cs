using PhoneBridge.Redis;

namespace PinCovisor.Web.Webhooks;

/// <summary>The queue's Lua, shipped as embedded <c>Scripts/*.lua</c>; each touches only the queue's slot.</summary>
internal static class WebhookScripts
{
    public static readonly EmbeddedScript Enqueue = EmbeddedScript.Load(typeof(WebhookScripts), "enqueue");
    public static readonly EmbeddedScript Claim = EmbeddedScript.Load(typeof(WebhookScripts), "claim");
    public static readonly EmbeddedScript Settle = EmbeddedScript.Load(typeof(WebhookScripts), "settle");
    public static readonly EmbeddedScript Revive = EmbeddedScript.Load(typeof(WebhookScripts), "revive");
    public static readonly EmbeddedScript Discard = EmbeddedScript.Load(typeof(WebhookScripts), "discard");
}
