using Microsoft.Extensions.Hosting;

namespace PinCovisor.Web.CallBack;

/// <summary>Wires "call me back" on the visual side: the requests' store and the desk the hub calls.</summary>
internal static class CallBackExtensions
{
    /// <summary>
    /// Registers the call-back desk. Its options (<c>CallBack</c> section) and the dialer come with
    /// <c>AddIvr</c>; the number is encrypted with the Data Protection key ring the agents' sign-in uses.
    /// </summary>
    internal static IHostApplicationBuilder AddCallBack(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CallBackStore>();
        builder.Services.AddSingleton<CallBackDesk>();
        return builder;
    }
}
