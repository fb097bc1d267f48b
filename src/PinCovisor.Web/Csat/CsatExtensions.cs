using PinCovisor.Web.Agents;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Retention;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Csat;

/// <summary>Wires the satisfaction survey: the <c>Csat</c> options, checked at start, its store, the question at close and its endpoints.</summary>
internal static class CsatExtensions
{
    /// <summary>Registers <c>Csat</c>; an unusable window, comment length or text stops the host at start, naming the key.</summary>
    internal static IHostApplicationBuilder AddCsat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CsatOptions>()
            .BindConfiguration(CsatOptions.SectionName)
            .Validate(o => o.ResponseWindow >= TimeSpan.FromMinutes(1) && o.ResponseWindow <= TimeSpan.FromDays(30),
                "Csat:ResponseWindow must be between one minute and 30 days")
            .Validate(o => o.MaxComment is >= 0 and <= 5000, "Csat:MaxComment must be between 0 and 5000 characters")
            .Validate(o => o.KeepFor >= o.ResponseWindow && o.KeepFor <= TimeSpan.FromDays(3660),
                "Csat:KeepFor must be at least Csat:ResponseWindow and at most ten years")
            .Validate(o => Fits(o.QuestionEs), $"Csat:QuestionEs must be a text of 1 to {CsatOptions.MaxTextLength} characters")
            .Validate(o => Fits(o.QuestionEn), $"Csat:QuestionEn must be a text of 1 to {CsatOptions.MaxTextLength} characters")
            .Validate(o => Fits(o.ThanksEs), $"Csat:ThanksEs must be a text of 1 to {CsatOptions.MaxTextLength} characters")
            .Validate(o => Fits(o.ThanksEn), $"Csat:ThanksEn must be a text of 1 to {CsatOptions.MaxTextLength} characters")
            .ValidateOnStart();
        services.AddSingleton<CsatStore>();
        services.AddSingleton<IRetainedData, CsatRetention>();
        services.AddSingleton<CsatTickets>();
        services.AddSingleton<CsatQuestions>();
        services.AddSingleton<CsatReplies>();
        return builder;
    }

    /// <summary>Maps <c>POST /api/csat</c> (anonymous: the survey's token is the credential) and <c>/api/admin/csat</c> (admins only).</summary>
    internal static WebApplication MapCsat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCsatEndpoints();
        app.MapGroup("/api/admin")
            .RequireAuthorization(CovisorClaims.AgentPolicy)
            .AddEndpointFilter<AdminOnlyFilter>()
            .WithTags("Csat")
            .MapAdminCsat();
        return app;
    }

    private static bool Fits(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= CsatOptions.MaxTextLength;
}
