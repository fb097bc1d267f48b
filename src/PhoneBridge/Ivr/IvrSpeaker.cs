using PhoneBridge.Twilio.TwiML;

namespace PhoneBridge.Ivr;

/// <summary>Writes prompts as <c>&lt;Say&gt;</c> in the configured language and voice.</summary>
internal sealed record IvrSpeaker(IvrPrompts Prompts, string Voice)
{
    public static IvrSpeaker For(IvrOptions options)
    {
        var prompts = IvrPrompts.For(options.Language);
        return new IvrSpeaker(prompts, string.IsNullOrWhiteSpace(options.Voice) ? prompts.DefaultVoice : options.Voice);
    }

    public VoiceResponse Line(VoiceResponse response, string text) =>
        response.Say(text, Voice, Prompts.Language);

    public Gather Line(Gather gather, string text) =>
        gather.Say(text, Voice, Prompts.Language);
}
