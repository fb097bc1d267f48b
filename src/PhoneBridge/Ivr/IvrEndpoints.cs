using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PhoneBridge.Messaging;
using PhoneBridge.Twilio;
using Twilio.TwiML;

namespace PhoneBridge.Ivr;

/// <summary>The webhooks a shop pastes into Twilio, all under <c>/twilio</c>, all signature-validated.</summary>
internal static class IvrEndpoints
{
    public static IEndpointRouteBuilder MapIvrEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var twilio = endpoints.MapGroup("/twilio")
            .ValidateTwilioRequest()
            .AddEndpointFilter<CallLogScopeFilter>()
            .DisableAntiforgery()
            .ExcludeFromDescription();

        var voice = twilio.MapGroup("/voice").AddEndpointFilter<TwiMLFallbackFilter>();
        voice.MapPost("/", (HttpRequest request, IncomingCall ivr, CancellationToken ct) =>
            Respond(request, (call, token) => ivr.AnswerAsync(request, call, token), ct));
        voice.MapPost("/menu", (HttpRequest request, IncomingCall ivr, CancellationToken ct) =>
            Respond(request, (call, token) => ivr.MenuAsync(request, call, Count(request, "repeats", 0), token), ct));
        voice.MapPost("/order", (HttpRequest request, OrderEntry order, CancellationToken ct) =>
            Respond(request, (call, token) => order.KeyedAsync(request, call, Count(request, "try", 1), token), ct));
        voice.MapPost("/route", (HttpRequest request, CallRouter router, CancellationToken ct) =>
            Respond(request, (call, _) => Task.FromResult(
                router.Route(request, call, new VoiceResponse(), Count(request, "attempt", 1), announce: false)), ct));
        voice.MapPost("/dial-result", (HttpRequest request, CallRouter router, CancellationToken ct) =>
            Respond(request, (call, token) => router.AfterDialAsync(request, call, Count(request, "attempt", 1), token), ct));
        voice.MapPost("/whisper", (HttpRequest request, AgentBinding binding, CancellationToken ct) =>
            Respond(request, binding.WhisperAsync, ct));
        voice.MapPost("/whisper/ask", (HttpRequest request, AgentBinding binding, CancellationToken ct) =>
            Respond(request, (leg, _) => Task.FromResult(binding.Ask(request, leg)), ct));
        voice.MapPost("/whisper/accept", (HttpRequest request, AgentBinding binding, CancellationToken ct) =>
            Respond(request, binding.AcceptAsync, ct));
        voice.MapPost("/agent", (HttpRequest request, AgentLine line, CancellationToken ct) =>
            Respond(request, (call, token) => line.CallInAsync(request, call, token), ct));
        voice.MapPost("/agent/code", (HttpRequest request, AgentLine line, CancellationToken ct) =>
            Respond(request, (call, token) => line.CodeAsync(request, call, Count(request, "try", 1), token), ct));
        voice.MapPost("/dequeued", (HttpRequest request, AgentBinding binding, CancellationToken ct) =>
            Respond(request, binding.DequeuedAsync, ct));
        voice.MapPost("/transfer-result", (HttpRequest request, CallTransfers transfers, CancellationToken ct) =>
            Respond(request, (call, token) => transfers.ResultAsync(request, call, token), ct));
        voice.MapCallBack();

        twilio.MapPost("/status", async (HttpRequest request, StatusCallback status, CancellationToken ct) =>
        {
            var call = await TwilioWebhook.ReadAsync(request, ct).ConfigureAwait(false);
            return await status.ApplyAsync(call, ct).ConfigureAwait(false)
                ? Results.NoContent()
                : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        twilio.MapMessaging();
        return endpoints;
    }

    private static async Task<TwiMLResult> Respond(
        HttpRequest request, Func<TwilioWebhook, CancellationToken, Task<VoiceResponse>> step, CancellationToken cancellationToken)
    {
        var call = await TwilioWebhook.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        return new TwiMLResult(await step(call, cancellationToken).ConfigureAwait(false));
    }

    // Counters travel in the query string of our own URLs; anything unparsable restarts the count.
    private static int Count(HttpRequest request, string name, int fallback) =>
        int.TryParse(request.Query[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and < 100
            ? value
            : fallback;
}
