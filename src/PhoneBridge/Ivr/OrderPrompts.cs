namespace PhoneBridge.Ivr;

/// <summary>What the caller hears around keying an order number, in one language (the IVR's languages).</summary>
/// <param name="Offer">Said after the menu; <c>{0}</c> is the key.</param>
/// <param name="Ask">Asks for the digits.</param>
/// <param name="NotValid">Said when the digits cannot be an order number (too few, too many, none), before asking again.</param>
/// <param name="NotFound">Said when the shop does not know the number, before asking again.</param>
/// <param name="Noted">Said when the number is taken.</param>
/// <param name="GoingOn">Said when the second try failed too: the call goes on without it.</param>
public sealed record OrderPrompts(string Offer, string Ask, string NotValid, string NotFound, string Noted, string GoingOn)
{
    private static readonly OrderPrompts Spanish = new(
        "Para darnos su número de pedido, pulse {0}.",
        "Marque los números de su pedido y pulse la tecla almohadilla.",
        "Ese número de pedido no es correcto.",
        "No encontramos ese pedido.",
        "Gracias, el agente tendrá su pedido a la vista.",
        "Seguimos sin el número de pedido; el agente se lo pedirá.");

    private static readonly OrderPrompts English = new(
        "To give us your order number, press {0}.",
        "Key the digits of your order number, then press the hash key.",
        "That order number is not right.",
        "We cannot find that order.",
        "Thank you, the agent will have your order in front of them.",
        "We will go on without the order number; the agent will ask you for it.");

    /// <summary>The prompts for a language tag, chosen as <see cref="IvrPrompts.For"/> chooses.</summary>
    public static OrderPrompts For(IvrPrompts prompts)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        return prompts.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Spanish;
    }
}
