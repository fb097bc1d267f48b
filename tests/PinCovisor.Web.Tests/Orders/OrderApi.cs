using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PinCovisor.Web.Tests.Orders;

/// <summary>
/// A shop's order API on loopback, <c>GET /orders/{number}</c>, answering only with
/// <c>X-Shop-Key: secreto</c>: <see cref="Found"/> is an order, <see cref="Slow"/> never answers in
/// time, <see cref="Malformed"/> answers JSON that is no order; any other number is 404.
/// </summary>
internal sealed class OrderApi : IAsyncDisposable
{
    public const string HeaderName = "X-Shop-Key";
    public const string HeaderValue = "secreto";
    public const string Found = "AB-000001";
    public const string Slow = "AB-000002";
    public const string Malformed = "AB-000003";
    public const string Unknown = "AB-000404";

    private readonly WebApplication _app;
    private int _requests;

    private OrderApi(WebApplication app) => _app = app;

    /// <summary>Requests that reached the API, whatever they were answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The URL template of <c>Orders:Source:UrlTemplate</c>.</summary>
    public string UrlTemplate =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/orders/{number}";

    /// <summary>Settings of a host whose order source is this API.</summary>
    public Dictionary<string, string?> Settings(string headerValue = HeaderValue) => new()
    {
        ["Orders:Source:Kind"] = "Http",
        ["Orders:Source:UrlTemplate"] = UrlTemplate,
        ["Orders:Source:HeaderName"] = HeaderName,
        ["Orders:Source:HeaderValue"] = headerValue,
        ["Orders:Source:Timeout"] = "00:00:00.500",
    };

    public static async Task<OrderApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new OrderApi(app);
        app.MapGet("/orders/{number}", async (string number, HttpContext context) =>
        {
            Interlocked.Increment(ref api._requests);
            if (context.Request.Headers[HeaderName] != HeaderValue)
            {
                return Results.Unauthorized();
            }

            switch (number)
            {
                case Found:
                    return Results.Text($$"""
                        {"number": "{{Found}}", "status": "Enviado", "placedAt": "2026-11-28T10:15:00+01:00", "deliveryDate": "2026-12-09",
                         "currency": "EUR", "total": 118.9, "warehouse": "Getafe",
                         "items": [{"sku": "aurora-lampara-duna", "title": "Lámpara de mesa Duna", "quantity": 2, "price": 49.9, "colour": "arena"}]}
                        """, "application/json");
                case Slow:
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                    return Results.NoContent();
                case Malformed:
                    return Results.Text("""{"number": "AB-000003", "items": "ninguno"}""", "application/json");
                default:
                    return Results.NotFound();
            }
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}
