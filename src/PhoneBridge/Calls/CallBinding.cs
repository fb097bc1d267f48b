namespace PhoneBridge.Calls;

/// <summary>What asking to bind an agent's call leg to a call did.</summary>
public enum CallBindingOutcome
{
    /// <summary>The agent on this leg is now the call's answering agent.</summary>
    Bound,

    /// <summary>This leg bound the call before: a retry or a replay, and nothing changed.</summary>
    Repeated,

    /// <summary>The call has ended: nothing changed.</summary>
    CallOver,
}

/// <summary>A call's record after a binding request, and what the request did.</summary>
/// <param name="Call">The record as it now stands.</param>
/// <param name="Outcome">Only <see cref="CallBindingOutcome.Bound"/> changed anything.</param>
public sealed record CallBinding(CallRecord Call, CallBindingOutcome Outcome);
