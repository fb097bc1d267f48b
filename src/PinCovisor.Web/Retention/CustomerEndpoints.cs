using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PhoneBridge.Calls;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Retention;

/// <summary>What <c>DELETE /api/customers/{phone}</c> answers: the number masked and what went.</summary>
internal sealed record ErasureView(string Phone, CustomerErasure Removed);

/// <summary><c>DELETE /api/customers/{phone}</c> and <c>GET /api/customers/{phone}/export</c>, for admins.</summary>
internal static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder customers)
    {
        customers.MapDelete("/{phone}", EraseAsync);
        customers.MapGet("/{phone}/export", ExportAsync);
        return customers;
    }

    private static async Task<Results<Ok<ErasureView>, ValidationProblem>> EraseAsync(
        string phone, ClaimsPrincipal user, HttpContext http, CustomerEraser eraser, ILoggerFactory loggers)
    {
        if (CustomerNumbers.Normalize(phone) is not { } e164)
        {
            return BadNumber();
        }

        var removed = await eraser.EraseAsync(e164, http.RequestAborted).ConfigureAwait(false);
        var masked = PhoneNumberMask.Mask(e164);
        RetentionLog.Erased(loggers.CreateLogger(typeof(CustomerEndpoints)), user.AgentUsername()!, masked, removed.Calls, removed.Sessions,
            removed.Events, removed.Media, removed.Conversations, removed.Visitors, removed.Pins, removed.Csat);
        return TypedResults.Ok(new ErasureView(masked, removed));
    }

    private static async Task<Results<Ok<CustomerExport>, ValidationProblem>> ExportAsync(
        string phone, ClaimsPrincipal user, HttpContext http, CustomerExporter exporter, ILoggerFactory loggers)
    {
        if (CustomerNumbers.Normalize(phone) is not { } e164)
        {
            return BadNumber();
        }

        var export = await exporter.ExportAsync(e164, http.RequestAborted).ConfigureAwait(false);
        RetentionLog.Exported(loggers.CreateLogger(typeof(CustomerEndpoints)), user.AgentUsername()!, export.Phone, export.Calls.Count, export.Sessions.Count);
        return TypedResults.Ok(export);
    }

    private static ValidationProblem BadNumber() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["phone"] = ["Give the number in E.164 (+34600111222), optionally as whatsapp:+34600111222."],
    });
}
