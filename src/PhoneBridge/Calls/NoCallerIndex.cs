namespace PhoneBridge.Calls;

/// <summary>The default <see cref="ICallerIndex"/> until the host registers its own: nothing is filed.</summary>
internal sealed class NoCallerIndex : ICallerIndex
{
    public Task AddCallAsync(string callSid, string? number, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
