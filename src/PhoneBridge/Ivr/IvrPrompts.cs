namespace PhoneBridge.Ivr;

/// <summary>Everything the IVR says, in one language.</summary>
public sealed record IvrPrompts(
    string Language,
    string DefaultVoice,
    string Greeting,
    string PinIntro,
    string PinAgain,
    string Menu,
    string MenuRepeatOnly,
    string Connecting,
    string VisualUnavailable,
    string Closed,
    string SmsSent,
    string SmsFailed,
    string StillTrying,
    string NobodyAvailable,
    string WhisperPin,
    string WhisperNoPin,
    string YouAreWith,
    string AcceptAsk,
    string SmsBody,
    string AgentCodeAsk,
    string AgentCodeWrong,
    string AgentCodeRefused,
    string AgentCodeLocked,
    string AgentCodeUnavailable,
    string Transferring,
    string TransferBack)
{
    private static readonly IvrPrompts Spanish = new(
        "es-ES",
        "Polly.Lucia",
        "Hola, gracias por llamar.",
        "Para ver en la web lo que le muestre nuestro agente, su código es:",
        "Repito, su código es:",
        "Pulse 1 para oírlo otra vez, o 2 para recibirlo por mensaje de texto.",
        "Pulse 1 para oírlo otra vez.",
        "Le pasamos con un agente.",
        "Disculpe, ahora mismo no podemos darle un código para la web. Le pasamos igualmente con un agente.",
        "Gracias por llamar. Ahora mismo estamos cerrados; vuelva a llamarnos en nuestro horario de atención. Adiós.",
        "Le hemos enviado el código por mensaje de texto.",
        "Disculpe, no hemos podido enviarle el mensaje.",
        "Nuestros agentes siguen ocupados. Seguimos intentándolo, no cuelgue.",
        "Lo sentimos, ahora mismo no hay ningún agente disponible. Vuelva a llamarnos más tarde. Adiós.",
        "Código visual:",
        "Llamada de cliente, sin código visual.",
        "Le atiende",
        "Llamada de un cliente de la web. Pulse cualquier tecla para atenderla.",
        "Su código para ver lo que le muestra nuestro agente: {0}. Ábralo aquí: {1}",
        "Línea de agentes. Marque su código de agente y pulse la tecla almohadilla.",
        "Ese código no es correcto.",
        "No se ha aceptado el código. Adiós.",
        "Demasiados códigos incorrectos para este agente. Inténtelo más tarde o use su softphone. Adiós.",
        "Disculpe, ahora mismo no podemos comprobar códigos de agente. Use su softphone o vuelva a llamar más tarde. Adiós.",
        "Le pasamos con otro compañero. No cuelgue, por favor.",
        "No ha podido atenderle. Le devolvemos con el agente que le atendía.");

    private static readonly IvrPrompts English = new(
        "en-US",
        "Polly.Joanna",
        "Hello, thank you for calling.",
        "To see on our website what our agent shows you, your code is:",
        "Once again, your code is:",
        "Press 1 to hear it again, or 2 to get it by text message.",
        "Press 1 to hear it again.",
        "Connecting you to an agent.",
        "Sorry, we cannot give you a website code right now. We are connecting you to an agent anyway.",
        "Thank you for calling. We are closed right now; please call again during our opening hours. Goodbye.",
        "We have sent you the code by text message.",
        "Sorry, we could not send the text message.",
        "Our agents are still busy. We are still trying, please hold.",
        "Sorry, no agent is available right now. Please call again later. Goodbye.",
        "Visual code:",
        "Customer call, no visual code.",
        "You are with",
        "A customer call from the website. Press any key to take it.",
        "Your code to see what our agent shows you: {0}. Open it here: {1}",
        "Agent line. Key your agent code, then press the hash key.",
        "That code is not right.",
        "The code was not accepted. Goodbye.",
        "Too many wrong codes for this agent. Try again later, or use your softphone. Goodbye.",
        "Sorry, agent codes cannot be checked right now. Use your softphone, or call again later. Goodbye.",
        "Transferring you to a colleague. Please hold.",
        "They could not take your call. We are putting you back to the agent you were with.");

    /// <summary>The prompts for a language tag; English for any <c>en-*</c>, Spanish otherwise.</summary>
    public static IvrPrompts For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return language.Equals("en-GB", StringComparison.OrdinalIgnoreCase)
                ? English with { Language = "en-GB", DefaultVoice = "Polly.Amy" }
                : English;
        }

        return Spanish;
    }

    /// <summary>True for the languages the IVR ships prompts for.</summary>
    public static bool IsSupported(string language) =>
        language is "es-ES" or "en-US" or "en-GB";
}
