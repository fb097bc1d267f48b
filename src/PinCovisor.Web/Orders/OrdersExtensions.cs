using Microsoft.Extensions.Options;
using PinCovisor.Web.Orders;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires order numbers: the <c>Orders</c> options, checked at start, and the matcher chat uses.</summary>
public static class OrdersExtensions
{
    /// <summary>Registers <c>Orders</c>; a pattern that does not compile stops the host at start, naming the key.</summary>
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OrdersOptions>().BindConfiguration(OrdersOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OrdersOptions>, OrdersValidation>();
        builder.Services.AddSingleton<OrderNumbers>();
        return builder;
    }

    private sealed class OrdersValidation : IValidateOptions<OrdersOptions>
    {
        public ValidateOptionsResult Validate(string? name, OrdersOptions options) =>
            OrderNumbers.Validate(options) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
    }
}
