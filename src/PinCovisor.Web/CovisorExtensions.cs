namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the visual side: auth, sessions, agents, the real-time hub, media and catalog.</summary>
public static class CovisorExtensions
{
    public static IHostApplicationBuilder AddCovisor(this IHostApplicationBuilder builder)
    {
        builder.AddCovisorAuth();
        builder.AddSessions();
        builder.AddAgents();
        builder.AddCovisorHub();
        builder.AddMedia();
        builder.AddVisitors();
        builder.AddCallBack();
        builder.AddConversations();
        builder.AddOrders();
        builder.AddCsat();
        builder.AddRetention();
        builder.AddInsight();
        builder.AddTelemetry();
        builder.AddWebhooks();
        return builder;
    }

    public static WebApplication MapCovisor(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSessions();
        app.MapAgents();
        app.MapCovisorHub();
        app.MapMedia();
        app.MapVisitors();
        app.MapConversations();
        app.MapOrders();
        app.MapCsat();
        app.MapRetention();
        app.MapInsight();
        app.MapTelemetry();
        app.MapWebhooks();
        return app;
    }
}
