namespace PhoneBridge.Pins;

/// <summary>Where a call's PIN is in its single use.</summary>
public enum PinState
{
    /// <summary>Issued and not yet used: typing it joins the call.</summary>
    Live,

    /// <summary>Already used once; it is still repeated to the caller but joins no one else.</summary>
    Redeemed,
}
