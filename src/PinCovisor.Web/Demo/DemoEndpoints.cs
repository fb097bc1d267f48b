using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using PhoneBridge.Ivr;
using PhoneBridge.Twilio;
using PinCovisor.Web.Media;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Demo;

/// <summary>The phone simulator's server side: it signs what the page sends as Twilio, and names whom it rings.</summary>
internal static class DemoEndpoints
{
    /// <summary>Registers the demo's options (section <c>Demo</c>) and the origin it lives at.</summary>
    internal static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DemoOptions>()
            .BindConfiguration(DemoOptions.SectionName)
            .Validate(o => string.IsNullOrEmpty(o.Origin) || PinCovisor.Web.Hub.OriginCheck.Normalise(o.Origin) is not null,
                "Demo:Origin must be an http(s) origin such as http://localhost:5080")
            .ValidateOnStart();
        builder.Services.AddSingleton<DemoOrigin>();
        builder.Services.AddHttpClient(SimulatorForwarder.ClientName, c => c.Timeout = SimulatorForwarder.Timeout);
        builder.Services.AddSingleton<DemoTwilioApi>();
        builder.Services.AddTransient<DemoTwilioApiHandler>();
        builder.Services.AddSingleton<PhoneBridge.Twilio.Rest.ITwilioApiStandIn, DemoTwilioApiStandIn>();
        builder.Services.AddHttpClient(PhoneBridge.Twilio.Rest.TwilioRest.HttpClientName).AddHttpMessageHandler<DemoTwilioApiHandler>();
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /demo/phone/sign</c>, <c>POST /demo/phone/send</c>, <c>GET /demo/phone/setup</c>, the feed of the
    /// simulated REST API and the messaging simulator's <c>POST /demo/whatsapp/media</c> and <c>POST /demo/whatsapp/later</c>. Only in development:
    /// whoever reaches the sign endpoint can make requests the IVR takes for Twilio's, so it must
    /// never be mapped on a host that faces Twilio for real (see docs/demo.md).
    /// </summary>
    internal static WebApplication MapDemo(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var phone = app.MapGroup("/demo/phone").ExcludeFromDescription();
        phone.MapPost("/sign", Sign);
        phone.MapPost("/send", SendAsync);
        var twilioApi = app.Services.GetRequiredService<DemoTwilioApi>();
        phone.MapGet("/setup", (IAgentDirectory agents, IOptionsMonitor<TwilioOptions> twilio, IOptions<IvrOptions> ivr) => TypedResults.Ok(new SimulatorSetup(
            demo.ShopNumber,
            string.IsNullOrEmpty(twilio.CurrentValue.AccountSid) ? "AC" + new string('0', 32) : twilio.CurrentValue.AccountSid,
            [.. agents.Reachable.Select(a => new SimulatorAgent(
                a.Username, a.DisplayName, a.ClientIdentity, [.. a.PhoneNumbers], [.. a.PhoneNumbers.Select(PhoneNumberMask.Mask)]))],
            ivr.Value.Language,
            ivr.Value.LanguageByCountry.ToDictionary(c => c.Key.ToUpperInvariant(), c => c.Value),
            twilioApi.Position)));
        phone.MapGet("/twilio-events", (long? after, string? call) =>
        {
            if (!string.IsNullOrEmpty(call))
            {
                twilioApi.Heard(call);
            }

            return TypedResults.Ok(twilioApi.After(after ?? 0));
        });
        app.MapPost("/demo/whatsapp/later", SimulatorWindow.LaterAsync).ExcludeFromDescription();
        if (demo.SimulateTwilioApi)
        {
            var api = app.MapGroup(DemoTwilioApi.Prefix).ExcludeFromDescription().DisableAntiforgery();
            // What the network knows is brought up to date before each request is answered.
            api.AddEndpointFilter(async (context, next) =>
            {
                twilioApi.EndCallsOfGonePhones();
                return await next(context).ConfigureAwait(false);
            });
            twilioApi.Api.Map(api);
            // The messaging simulator's photos live in the simulated API, so only beside it.
            app.MapPost("/demo/whatsapp/media", SimulatorMedia.StoreAsync).ExcludeFromDescription();
        }

        return app;
    }

    private static Results<Ok<SignResponse>, ProblemHttpResult> Sign(
        SignRequest input, HttpRequest request, IOptionsMonitor<TwilioOptions> twilio, DemoOrigin origin, DemoTwilioApi twilioApi)
    {
        var (signed, refusal) = SimulatorSigner.Sign(request, twilio.CurrentValue, origin.Value, input);
        if (signed is not null)
        {
            Follow(twilioApi.Api, signed.Path, input.Params);
        }

        return signed is null ? Problems.BadRequest(refusal!) : TypedResults.Ok(signed);
    }

    /// <summary>
    /// The simulator's calls are known to the simulated REST API, as Twilio knows every call of the
    /// account, so the host can fetch and redirect them: the first webhook of a call adds it, a status
    /// callback moves it on.
    /// </summary>
    private static void Follow(PhoneBridge.Twilio.Rest.Simulation.SimulatedTwilioApi api, string path, Dictionary<string, string>? fields)
    {
        if (fields is null || !fields.TryGetValue("CallSid", out var callSid))
        {
            return;
        }

        if (path.StartsWith("/twilio/voice", StringComparison.Ordinal) && !fields.ContainsKey("ParentCallSid")
            && fields.TryGetValue("From", out var from) && fields.TryGetValue("To", out var to))
        {
            api.AddCall(callSid, from, to);
        }
        else if (path.StartsWith("/twilio/status", StringComparison.Ordinal) && fields.TryGetValue("CallStatus", out var status))
        {
            api.SetStatus(callSid, status);
        }
    }

    /// <summary>
    /// Signs the request as <see cref="Sign"/> does and posts it to the webhook itself, for a page
    /// that is closing and cannot wait for a signature (the status callback sent on <c>pagehide</c>).
    /// </summary>
    private static async Task<Results<StatusCodeHttpResult, ProblemHttpResult>> SendAsync(
        SignRequest input, HttpRequest request, IOptionsMonitor<TwilioOptions> twilio, DemoOrigin origin, IHttpClientFactory clients,
        ILoggerFactory loggers, DemoTwilioApi twilioApi)
    {
        var (signed, refusal) = SimulatorSigner.Sign(request, twilio.CurrentValue, origin.Value, input);
        if (signed is null)
        {
            return Problems.BadRequest(refusal!);
        }

        Follow(twilioApi.Api, signed.Path, input.Params);

        var status = await SimulatorForwarder.PostAsync(clients, signed, input.Params ?? [], loggers.CreateLogger(typeof(DemoEndpoints)))
            .ConfigureAwait(false);
        return TypedResults.StatusCode(status);
    }
}
