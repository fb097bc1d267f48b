using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace PinCovisor.Web.Hub;

/// <summary>
/// The JSON hub protocol, except that a call whose arguments do not fit its method (wrong count,
/// wrong types, a number that is not one) fails with a <see cref="HubException"/> a person can
/// read. SignalR's own answer, "Failed to invoke 'X' due to an error on the server.", blames the
/// server and carries no <c>HubException:</c> text for the pages to show.
/// </summary>
internal sealed class HubArgumentProtocol(IHubProtocol inner) : IHubProtocol
{
    private static readonly ConcurrentDictionary<string, string> Signatures = new(StringComparer.OrdinalIgnoreCase);

    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        if (!inner.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        // An unknown method already fails with a HubException ("Method does not exist.").
        if (message is InvocationBindingFailureMessage failure && failure.BindingFailure.SourceException is not HubException)
        {
            message = new InvocationBindingFailureMessage(failure.InvocationId, failure.Target,
                ExceptionDispatchInfo.Capture(new HubException(
                    $"The page sent a request this server does not understand ({Signature(failure.Target)}). Reload the page and try again.")));
        }

        return true;
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    // SignalR matches method names ignoring case and allows no overloads, so the name finds one method.
    private static string Signature(string target) => Signatures.GetOrAdd(target, static name =>
        typeof(CovisorHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)) is { } method
            ? $"{method.Name} takes {string.Join(", ", method.GetParameters().Where(p => !p.IsDefined(typeof(FromServicesAttribute))).Select(p => p.Name))}"
            : name);
}
