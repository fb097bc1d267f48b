namespace PinCovisor.Web.Tests.Conversations;

/// <summary>One approved template, <c>pedido_listo</c>, as a shop configures it.</summary>
internal static class TestTemplates
{
    public const string PedidoSid = "HX0123456789abcdef0123456789abcdef";

    public const string PedidoPreview = "Hola {{1}}, tu pedido {{2}} está listo.";

    /// <summary>The <c>Messaging:Templates:pedido_listo</c> settings, with <paramref name="more"/> besides.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null) =>
        new(more ?? new Dictionary<string, string?>())
        {
            ["Messaging:Templates:pedido_listo:ContentSid"] = PedidoSid,
            ["Messaging:Templates:pedido_listo:Variables:0"] = "nombre",
            ["Messaging:Templates:pedido_listo:Variables:1"] = "pedido",
            ["Messaging:Templates:pedido_listo:Preview"] = PedidoPreview,
            ["Messaging:Templates:pedido_listo:Language"] = "es",
        };
}
