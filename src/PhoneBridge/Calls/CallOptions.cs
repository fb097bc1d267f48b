namespace PhoneBridge.Calls;

/// <summary>How long call records are kept, bound to the <c>Calls</c> configuration section.</summary>
public sealed class CallOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Calls";

    /// <summary>The silence after which Twilio is asked about a call when <see cref="ReconcileAfter"/> is not set and <see cref="StaleAfter"/> allows it.</summary>
    public static readonly TimeSpan DefaultReconcileAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a call record (and an agent leg) lives in Redis after its last change. Default 24
    /// hours: longer than any call, short enough that masked numbers do not pile up.
    /// </summary>
    public TimeSpan RecordLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a call that is not over may go without news (its status moving, an agent answering,
    /// or Twilio's REST API saying it is still live) before the host ends it itself, as if its
    /// "completed" callback had come, once Twilio has been asked and could not say otherwise: a lost
    /// callback must not leave it listed, nor its session open, for a day. Default 4 hours: Twilio
    /// cuts every call at its time limit, 4 hours unless set otherwise, so a call silent that long
    /// has ended, while a real call of an hour or two is never cut. Must be shorter than
    /// <see cref="RecordLifetime"/>.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// How long a call that is not over may go without news before the host asks Twilio's REST API
    /// for its status (one GET): ended there, it is ended here with Twilio's status; still live, it is
    /// asked about again after as long. Unset: 10 minutes, or half of <see cref="StaleAfter"/> when that
    /// is 20 minutes or less. Must be positive and shorter than <see cref="StaleAfter"/>.
    /// </summary>
    public TimeSpan? ReconcileAfter { get; set; }

    /// <summary><see cref="ReconcileAfter"/>, or its default for <see cref="StaleAfter"/> when unset.</summary>
    internal TimeSpan ReconcileAfterOrDefault =>
        ReconcileAfter ?? (StaleAfter > DefaultReconcileAfter * 2 ? DefaultReconcileAfter : StaleAfter / 2);
}
