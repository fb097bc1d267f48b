using PhoneBridge.Calls;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Auth;
using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.Retention;

/// <summary>Wires retention: the <c>Retention</c> options, the customer index, erasure, export and the sweep.</summary>
internal static class RetentionExtensions
{
    /// <summary>Registers <c>Retention</c> (validated at start) and replaces PhoneBridge's no-op <see cref="ICallerIndex"/>.</summary>
    internal static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(o => new[] { o.CallRecords, o.Transcripts, o.Media, o.Conversations, o.Visitors, o.Csat }.All(d => d is >= 0 and <= RetentionOptions.MaxDays),
                "Retention:CallRecords, :Transcripts, :Media, :Conversations, :Visitors and :Csat are whole days from 0 (keys' own lifetimes only) to 3650")
            .Validate(o => o.SweepInterval >= TimeSpan.FromMinutes(1) && o.SweepInterval <= TimeSpan.FromDays(1),
                "Retention:SweepInterval must be between 1 minute and 1 day")
            .Validate(o => o.SweepBatch is >= 1 and <= 100_000, "Retention:SweepBatch must be between 1 and 100000")
            .ValidateOnStart();
        services.AddSingleton<CustomerNumbers>();
        services.AddSingleton<CustomerIndex>();
        services.AddSingleton<ICallerIndex>(s => s.GetRequiredService<CustomerIndex>());
        services.AddSingleton<CustomerEraser>();
        services.AddSingleton<CustomerExporter>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService(s => s.GetRequiredService<RetentionSweep>());
        return builder;
    }

    /// <summary>Maps <c>/api/customers</c> (erase and export a number), admins only.</summary>
    internal static WebApplication MapRetention(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/customers")
            .RequireAuthorization(CovisorClaims.AgentPolicy)
            .AddEndpointFilter<AdminOnlyFilter>()
            .WithTags("Retention")
            .MapCustomers();
        return app;
    }
}
