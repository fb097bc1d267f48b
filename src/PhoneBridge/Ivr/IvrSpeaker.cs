using Twilio.TwiML;
using Gather = Twilio.TwiML.Voice.Gather;

namespace PhoneBridge.Ivr;

/// <summary>Writes prompts as <c>&lt;Say&gt;</c> in the configured language and voice.</summary>
internal sealed record IvrSpeaker(IvrPrompts Prompts, string Voice)
{
    /// <summary>
    /// The shop's language (<see cref="IvrOptions.Language"/>), or for a caller whose number's country
    /// (Twilio's <c>FromCountry</c>) is in <see cref="IvrOptions.LanguageByCountry"/>, that country's
    /// language. Agents' legs pass no caller: they hear the shop's language.
    /// </summary>
    public static IvrSpeaker For(IvrOptions options, TwilioWebhook? caller = null) => ForCountry(options, caller?.FromCountry);

    /// <summary>The shop's language, or the one <see cref="IvrOptions.LanguageByCountry"/> gives a number of <paramref name="country"/>.</summary>
    public static IvrSpeaker ForCountry(IvrOptions options, string? country)
    {
        var language = options.LanguageFor(country);
        var prompts = IvrPrompts.For(language);
        // A configured voice speaks the shop's language; another language gets that language's own.
        var voice = language == options.Language && !string.IsNullOrWhiteSpace(options.Voice) ? options.Voice : prompts.DefaultVoice;
        return new IvrSpeaker(prompts, voice);
    }

    public VoiceResponse Line(VoiceResponse response, string text) =>
        response.Say(text, voice: Voice, language: Prompts.Language);

    public Gather Line(Gather gather, string text) =>
        gather.Say(text, voice: Voice, language: Prompts.Language);
}
