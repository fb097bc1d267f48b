using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Twilio;

namespace PhoneBridge.Ivr;

/// <summary>Wiring of calls placed back to customers: options, the dialer, and the webhook Twilio fetches when they answer.</summary>
internal static class CallBackEndpoints
{
    public static IServiceCollection AddCallBack(this IServiceCollection services)
    {
        services.AddOptions<CallBackOptions>()
            .BindConfiguration(CallBackOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.From) || CallBackOptions.IsE164(o.From),
                "CallBack:From must be a number in E.164 (+ and 8 to 15 digits), or empty")
            .Validate(o => o.DefaultRegion is { Length: 2 } region && region.All(char.IsAsciiLetterUpper),
                "CallBack:DefaultRegion must be a two-letter upper-case country code (ES)")
            .Validate(o => o.RequestInterval >= TimeSpan.FromSeconds(1) && o.RequestInterval <= TimeSpan.FromHours(1),
                "CallBack:RequestInterval must be between 1 second and 1 hour")
            .ValidateOnStart();
        services.AddSingleton<CallBackDialer>();
        services.AddSingleton<CallBackAnswer>();
        return services;
    }

    /// <summary>Maps <c>POST /twilio/voice/callback</c> on the voice group (signature validated, TwiML on any failure).</summary>
    public static RouteGroupBuilder MapCallBack(this RouteGroupBuilder voice)
    {
        // The group is /twilio/voice: this is CallBackAnswer.Path.
        voice.MapPost("/callback", async (HttpRequest request, CallBackAnswer answer, CancellationToken ct) =>
        {
            var call = await TwilioWebhook.ReadAsync(request, ct).ConfigureAwait(false);
            return new TwiMLResult(await answer.AnswerAsync(request, call, ct).ConfigureAwait(false));
        });
        return voice;
    }
}
