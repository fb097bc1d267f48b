using PinCovisor.Web.Conversations;

namespace PinCovisor.Web.Tests.Conversations;

public sealed class CustomerLanguageTests
{
    [Theory]
    [InlineData("¿Tenéis la talla 42?", "+447700900123")]
    [InlineData("¡Gracias!", "+12025550123")]
    [InlineData("Quiero cambiar mi pedido", "whatsapp:+447700900123")]
    [InlineData("Buenas tardes", "+33612345678")]
    [InlineData("año", "+49301234567")]
    [InlineData("Do you have size 42?", "whatsapp:+34600111222")]
    [InlineData("", "+5215512345678")]
    [InlineData(null, "+541112345678")]
    [InlineData("Hi", "whatsapp:+18095551234")]
    public void SpanishTextOrASpanishSpeakingCountrysNumberMeansSpanish(string? text, string address) =>
        CustomerLanguage.IsSpanish(text, address).Should().BeTrue();

    [Theory]
    [InlineData("Do you have size 42?", "+447700900123")]
    [InlineData("Hello, is my order on its way?", "whatsapp:+12025550123")]
    [InlineData("", "+33612345678")]
    [InlineData(null, "whatsapp:+18005551234")]
    [InlineData("No", "+49301234567")]
    public void AnythingElseMeansEnglish(string? text, string address) =>
        CustomerLanguage.IsSpanish(text, address).Should().BeFalse();
}
