using Microsoft.Extensions.Options;

namespace PinCovisor.Web.Orders;

/// <summary>The orders of a local file (<see cref="OrderFile"/>), read once, when first asked; a changed file needs a restart.</summary>
internal sealed class FileOrderSource(IOptions<OrdersOptions> options, IHostEnvironment environment, ILogger<FileOrderSource> logger) : IOrderSource
{
    private readonly Lazy<Dictionary<string, Order>> _orders = new(() =>
    {
        var path = FullPath(options.Value.Source, environment);
        var orders = OrderFile.Read(path);
        OrdersLog.FileLoaded(logger, orders.Count, path);
        return orders;
    });

    public Task<OrderLookup> FindAsync(string number, CancellationToken cancellationToken = default) =>
        Task.FromResult(_orders.Value.TryGetValue(number, out var order) ? OrderLookup.Found(order) : OrderLookup.NotFound);

    public static string FullPath(OrderSourceOptions source, IHostEnvironment environment) =>
        Path.GetFullPath(source.Path!, environment.ContentRootPath);
}
