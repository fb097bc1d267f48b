using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Hours;
using PhoneBridge.Messaging;
using PhoneBridge.Telemetry;

namespace PhoneBridge.Ivr;

/// <summary>Wires the IVR: its options, the call flow, and the webhooks under <c>/twilio</c>.</summary>
internal static class IvrExtensions
{
    /// <summary>
    /// Registers the IVR. Needs <c>AddTwilio</c>, <c>AddPins</c> and <c>AddCalls</c>, and one
    /// <c>StackExchange.Redis.IConnectionMultiplexer</c>: all call and PIN state lives in Redis.
    /// </summary>
    internal static IHostApplicationBuilder AddIvr(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddPhoneBridgeMetrics();

        services.AddOptions<IvrOptions>()
            .BindConfiguration(IvrOptions.SectionName)
            .Validate(o => IvrPrompts.IsSupported(o.Language), "Ivr:Language must be es-ES, en-US or en-GB")
            .Validate(o => o.LanguageByCountry.All(c => c.Key.Length == 2 && c.Key.All(char.IsAsciiLetter) && IvrPrompts.IsSupported(c.Value)),
                "Ivr:LanguageByCountry maps two-letter country codes (GB) to es-ES, en-US or en-GB")
            .Validate(o => o.Routing != IvrRouting.Forward || !string.IsNullOrWhiteSpace(o.ForwardNumber),
                "Ivr:ForwardNumber is required when Ivr:Routing is Forward")
            .Validate(o => !string.IsNullOrWhiteSpace(o.QueueName), "Ivr:QueueName is required")
            .Validate(o => o.DialTimeoutSeconds is >= 5 and <= 600, "Ivr:DialTimeoutSeconds must be between 5 and 600")
            .Validate(o => o.AcceptTimeoutSeconds is >= 2 and <= 30, "Ivr:AcceptTimeoutSeconds must be between 2 and 30")
            .Validate(o => Enum.IsDefined(o.AcceptByKey), "Ivr:AcceptByKey must be PhoneNumbers, Everyone or Nobody")
            .Validate(o => o.MaxDialAttempts is >= 1 and <= 10, "Ivr:MaxDialAttempts must be between 1 and 10")
            .Validate(o => o.MaxRepeats is >= 0 and <= 10, "Ivr:MaxRepeats must be between 0 and 10")
            .Validate(o => o.MenuTimeoutSeconds is >= 1 and <= 30, "Ivr:MenuTimeoutSeconds must be between 1 and 30")
            .Validate(o => o.StateTimeout > TimeSpan.Zero && o.StateTimeout < TimeSpan.FromSeconds(10),
                "Ivr:StateTimeout must be between 0 and 10 seconds (Twilio gives a webhook 15 s)")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IvrOptions>, IvrOrderValidation>();

        services.AddOptions<BusinessHoursOptions>().BindConfiguration(BusinessHoursOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BusinessHoursOptions>, BusinessHoursValidation>();

        services.AddOptions<List<AgentOptions>>()
            .BindConfiguration(AgentOptions.SectionName)
            .Validate(a => a.All(x => !string.IsNullOrWhiteSpace(x.Username)), "Agents:N:Username is required for every agent")
            .Validate(a => a.All(x => !string.IsNullOrWhiteSpace(x.DisplayName)), "Agents:N:DisplayName is required for every agent")
            .Validate(a => a.Select(x => x.Username).Distinct(StringComparer.Ordinal).Count() == a.Count,
                "Agents:N:Username must be unique")
            .Validate(a => a.All(x => string.IsNullOrEmpty(x.Code) || AgentCodes.IsAcceptable(x.Code)),
                "Agents:N:Code must be 6 to 10 digits, neither one digit repeated nor a run such as 123456")
            .Validate(a => a.All(x => string.IsNullOrEmpty(x.CodeHash) || AgentCodes.IsHash(x.CodeHash)),
                "Agents:N:CodeHash must be 64 lower-case hex digits, as the host stores agent codes")
            .ValidateOnStart();
        services.TryAddSingleton<IAgentDirectory, ConfiguredAgentDirectory>();
        services.AddOptions<AgentCodeOptions>()
            .BindConfiguration(AgentCodeOptions.SectionName)
            .Validate(o => o.MaxTriesPerCall is >= 1 and <= 10, "AgentCodes:MaxTriesPerCall must be between 1 and 10")
            .Validate(o => o.MaxFailures >= 1, "AgentCodes:MaxFailures must be at least 1")
            .Validate(o => o.FailureWindow > TimeSpan.Zero, "AgentCodes:FailureWindow must be positive")
            .ValidateOnStart();
        services.TryAddSingleton<AgentCodes>();
        services.AddSingleton<AgentCodeThrottle>();

        services.AddSingleton<BusinessHours>();
        services.AddSingleton<IvrState>();
        services.AddSingleton<IvrUrls>();
        services.AddSingleton<CallRouter>();
        services.AddSingleton<PinBySms>();
        services.AddSingleton<IncomingCall>();
        services.AddSingleton<OrderEntry>();
        services.TryAddSingleton<IKeyedOrders, NoKeyedOrders>();
        services.AddSingleton<AgentBinding>();
        services.AddSingleton<AgentLine>();
        services.AddSingleton<TransferMarks>();
        services.AddSingleton<CallTransfers>();
        services.TryAddSingleton<ICallTransferEvents, NoCallTransferEvents>();
        services.AddHostedService<AgentLineCheck>();
        services.AddSingleton<StatusCallback>();
        services.AddCallBack();
        services.AddMessaging();
        return builder;
    }

    /// <summary>Maps the Twilio webhooks under <c>/twilio</c> (see docs/twilio-setup.md).</summary>
    internal static WebApplication MapIvr(this WebApplication app)
    {
        app.MapIvrEndpoints();
        return app;
    }
}
