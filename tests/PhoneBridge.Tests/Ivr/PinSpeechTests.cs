using PhoneBridge.Ivr;

namespace PhoneBridge.Tests.Ivr;

public sealed class PinSpeechTests
{
    [Theory]
    [InlineData("482917", "4, 8, 2, 9, 1, 7.")]
    [InlineData("0007", "0, 0, 0, 7.")]
    public void APinIsSpokenDigitByDigitWithPauses(string digits, string spoken) =>
        PinSpeech.Spell(digits).Should().Be(spoken);

    [Theory]
    [InlineData("es-ES", "es-ES", "Polly.Lucia")]
    [InlineData("en-US", "en-US", "Polly.Joanna")]
    [InlineData("en-GB", "en-GB", "Polly.Amy")]
    public void EachShippedLanguageHasItsOwnPromptsAndVoice(string language, string expected, string voice)
    {
        var prompts = IvrPrompts.For(language);

        prompts.Language.Should().Be(expected);
        prompts.DefaultVoice.Should().Be(voice);
        IvrPrompts.IsSupported(language).Should().BeTrue();
    }
}
