using System.Net;
using System.Text;

namespace PinCovisor.Web.Tests.BadInput;

/// <summary>PIN strings no keypad produces, sent to <c>POST /api/join</c>: each a 400 validation problem, none a lookup.</summary>
internal static class PinCases
{
    public static IEnumerable<BadInputCase> All()
    {
        yield return Pin("an empty PIN", "");
        yield return Pin("10 KB of digits", new string('7', 10_240));
        yield return Pin("10 KB of letters", new string('x', 10_240));
        yield return Pin("letters among the digits", "12ab56");
        yield return Pin("Arabic-Indic digits", "١٢٣٤٥٦");
        yield return Pin("fullwidth digits", "１２３４５６");
        yield return Pin("Devanagari digits", "१२३४५६");
        yield return Pin("superscript digits", "¹²³⁴⁵⁶");
        yield return Pin("digits padded with spaces", " 123456 ");
        yield return Pin("digits split by a space", "123 456");
        yield return Pin("digits and a NUL", "123456\0");
        yield return Pin("digits and a line break", "123456\n");
        yield return Pin("a signed number", "-123456");
        yield return Pin("a lone surrogate", "123\uD800456");
        yield return Raw("an explicit null", """{"pin":null}""");
        yield return Raw("a boolean", """{"pin":true}""");
        yield return Raw("an object", """{"pin":{"digits":"123456"}}""");
        yield return Raw("a number in exponent form", """{"pin":1.23456e5}""");
    }

    private static BadInputCase Pin(string name, string pin) =>
        Raw(name, System.Text.Json.JsonSerializer.Serialize(new { pin }));

    private static BadInputCase Raw(string name, string body) =>
        new("join: " + name, HttpStatusCode.BadRequest, Answer.Problem, async host =>
        {
            using var client = host.ClientWith(null);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            return await client.PostAsync(new Uri("/api/join", UriKind.Relative), content).WaitAsync(TimeSpan.FromSeconds(30));
        });
}
