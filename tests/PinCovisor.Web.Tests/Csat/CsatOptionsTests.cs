using System.Net;
using Microsoft.Extensions.Options;
using PhoneBridge.Testing.Redis;
using PhoneBridge.Testing.Web;

namespace PinCovisor.Web.Tests.Csat;

[Collection(RedisCollection.Name)]
public sealed class CsatOptionsTests(RedisServers servers)
{
    [Theory]
    [InlineData("Csat:ResponseWindow", "00:00:30")]
    [InlineData("Csat:ResponseWindow", "31.00:00:00")]
    [InlineData("Csat:MaxComment", "-1")]
    [InlineData("Csat:MaxComment", "5001")]
    [InlineData("Csat:KeepFor", "01:00:00")]
    [InlineData("Csat:QuestionEs", " ")]
    [InlineData("Csat:QuestionEn", " ")]
    [InlineData("Csat:ThanksEs", " ")]
    [InlineData("Csat:ThanksEn", " ")]
    public void InvalidSettingsStopTheHostNamingTheKey(string key, string value)
    {
        StartRefusal.ShouldStopNaming(servers, key, new Dictionary<string, string?> { [key] = value });
    }

    [Fact]
    public async Task WithTheSurveyOffCustomersGetNoTokenAndNoAnswerIsTaken()
    {
        await using var scenario = await CsatScenario.StartAsync(servers, RedisServerKind.Garnet,
            new Dictionary<string, string?> { ["Csat:Enabled"] = "false" });

        var (customer, _) = await scenario.EndAsync();
        using var answer = await scenario.AnswerAsync(new { token = "anything", score = 5 });

        customer.GetProperty("csatToken").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        answer.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
