namespace PhoneBridge.Ivr;

/// <summary>What a customer who is called back hears, in one language (the IVR's languages).</summary>
/// <param name="ConnectingWith">Said before the agent is rung; <c>{0}</c> is the agent's display name.</param>
/// <param name="AgentUnavailable">Said when the call has no agent to put through (its record is gone).</param>
public sealed record CallBackPrompts(string ConnectingWith, string AgentUnavailable)
{
    private static readonly CallBackPrompts Spanish = new(
        "Hola, le llamamos de la tienda. Le pasamos con {0}.",
        "Disculpe, ahora mismo no podemos pasarle con el agente. Vuelva a pedirnos que le llamemos desde la web. Adiós.");

    private static readonly CallBackPrompts English = new(
        "Hello, this is the shop calling you back. Connecting you with {0}.",
        "Sorry, we cannot put you through to the agent right now. Please ask us to call you again from the website. Goodbye.");

    /// <summary>The prompts for a language tag, chosen as <see cref="IvrPrompts.For"/> chooses.</summary>
    public static CallBackPrompts For(IvrPrompts prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        return prompts.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Spanish;
    }
}
