namespace PinCovisor.Web.Hub;

/// <summary>Synced video: every command is stamped with the server's clock so members correct their drift.</summary>
internal sealed partial class CovisorHub
{
    private static readonly string[] VideoActions = ["load", "play", "pause", "seek", "rate"];

    /// <summary>Loads, plays, pauses, seeks or changes the rate of the shared video; returns the event's sequence number.</summary>
    public Task<long> ControlVideo(string sessionId, VideoCommand command)
    {
        _ = command ?? throw HubErrors.Invalid("Send a video command.");
        var action = VideoActions.Contains(command.Action)
            ? command.Action
            : throw HubErrors.Invalid("A video command is load, play, pause, seek or rate.");
        var state = new VideoState(
            action,
            _sources.VideoId(command.VideoId),
            HubValidation.Range(command.Position, 0, TimeSpan.FromDays(1).TotalSeconds, "video position"),
            HubValidation.Range(command.Rate, 0.25, 4, "playback rate"),
            action switch
            {
                "play" => true,
                "pause" => false,
                _ => command.Playing,
            },
            _time.GetUtcNow());
        return PublishAsync(sessionId, EventKinds.Video, state);
    }
}
