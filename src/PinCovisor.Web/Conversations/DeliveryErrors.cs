using System.Globalization;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Twilio's error codes for messages that failed or were not delivered, as a sentence for the agent
/// in English and Spanish. The table in docs/whatsapp.md ("Delivery statuses") is this one, row by row.
/// </summary>
internal static class DeliveryErrors
{
    /// <summary>The codes the console explains, with what it says.</summary>
    public static readonly IReadOnlyDictionary<int, DeliveryReason> Known = new Dictionary<int, DeliveryReason>
    {
        [63016] = new("WhatsApp refused free text outside the 24-hour window; send a template instead.",
            "WhatsApp rechazó el texto libre fuera de la ventana de 24 horas; envía una plantilla."),
        [63024] = new("The number is not a valid WhatsApp user: it may be mistyped or not on WhatsApp.",
            "El número no es un usuario válido de WhatsApp: puede estar mal escrito o no tener WhatsApp."),
        [63018] = new("WhatsApp's sending limit for the shop's number was reached; send it again later.",
            "Se alcanzó el límite de envíos de WhatsApp del número de la tienda; vuelve a enviarlo más tarde."),
        [63003] = new("WhatsApp could not find the customer's number.",
            "WhatsApp no encontró el número del cliente."),
        [63032] = new("WhatsApp did not deliver it to this customer because of a WhatsApp restriction; try again later.",
            "WhatsApp no se lo entregó a este cliente por una restricción de WhatsApp; inténtalo más tarde."),
        [30003] = new("The customer's phone is unreachable: switched off or out of coverage.",
            "El teléfono del cliente no está localizable: apagado o sin cobertura."),
        [30004] = new("The message was blocked, by the customer or by their carrier.",
            "El mensaje fue bloqueado, por el cliente o por su operador."),
        [30005] = new("The number is unknown or no longer in service.",
            "El número no existe o ya no está en servicio."),
        [30006] = new("The number is a landline or its carrier cannot receive messages.",
            "El número es un fijo o su operador no puede recibir mensajes."),
        [30007] = new("The carrier filtered the message as unwanted.",
            "El operador filtró el mensaje como no deseado."),
        [30008] = new("The carrier could not deliver it and gave no reason.",
            "El operador no pudo entregarlo y no dio el motivo."),
        [21610] = new("The customer has unsubscribed (they replied STOP); they must write START first.",
            "El cliente se dio de baja (respondió STOP); antes debe escribir START."),
        [21614] = new("The number is not a mobile number that can receive messages.",
            "El número no es un móvil que pueda recibir mensajes."),
    };

    /// <summary>The sentence for <paramref name="code"/>: a known one, else a generic one naming the code.</summary>
    public static DeliveryReason For(int? code) => code switch
    {
        { } known when Known.TryGetValue(known, out var reason) => reason,
        { } other => new(
            string.Create(CultureInfo.InvariantCulture, $"Twilio could not deliver it (error {other})."),
            string.Create(CultureInfo.InvariantCulture, $"Twilio no pudo entregarlo (error {other}).")),
        null => new("Twilio could not deliver it.", "Twilio no pudo entregarlo."),
    };
}

/// <summary>Why a message was not delivered, as the agent reads it.</summary>
/// <param name="En">In English.</param>
/// <param name="Es">In Spanish.</param>
public sealed record DeliveryReason(string En, string Es);
