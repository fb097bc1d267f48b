namespace PhoneBridge.Calls;

/// <summary>A call's record after a status callback, and whether that callback changed it.</summary>
/// <param name="Call">The record as it now stands.</param>
/// <param name="Changed">
/// False for a repeated, out-of-order or late status (the same callback sent twice, a "ringing"
/// after "in-progress", anything after the end): the record is as it was.
/// </param>
public sealed record CallUpdate(CallRecord Call, bool Changed);
