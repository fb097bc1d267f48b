namespace PinCovisor.Web.Hub;

/// <summary>The shared picture: image and product sharing, zoom/pan, annotation strokes, pointer.</summary>
internal sealed partial class CovisorHub
{
    /// <summary>Shows everybody an image uploaded into this session, or a catalog product's picture.</summary>
    public async Task<long> ShareImage(string sessionId, ImageShareInput input)
    {
        await _access.RequireAsync(Context, sessionId, cancellationToken: Aborted).ConfigureAwait(false);
        var image = await _sources.ImageAsync(sessionId, input, Aborted).ConfigureAwait(false);
        return await PublishAsync(sessionId, EventKinds.ImageShared, image).ConfigureAwait(false);
    }

    /// <summary>Puts a catalog product's card (title, price, link) into the conversation.</summary>
    public async Task<long> ShareProduct(string sessionId, string productId)
    {
        await _access.RequireAsync(Context, sessionId, cancellationToken: Aborted).ConfigureAwait(false);
        var product = await _sources.ProductAsync(productId, Aborted).ConfigureAwait(false);
        return await PublishAsync(sessionId, EventKinds.ProductCard, new ProductCard(product)).ConfigureAwait(false);
    }

    /// <summary>Mirrors the caller's zoom and pan of the shared image to the others.</summary>
    public Task<long> SetView(string sessionId, ViewState view)
    {
        _ = view ?? throw HubErrors.Invalid("Send a zoom and a view centre.");
        var checkedView = new ViewState(
            HubValidation.Range(view.Zoom, 1, 20, "zoom"),
            HubValidation.Range(view.CenterX, 0, 1, "view centre"),
            HubValidation.Range(view.CenterY, 0, 1, "view centre"));
        return PublishAsync(sessionId, EventKinds.ViewChanged, checkedView);
    }

    /// <summary>Adds one batch of a stroke's points.</summary>
    public Task<long> AddStroke(string sessionId, StrokeInput stroke)
    {
        _ = stroke ?? throw HubErrors.Invalid("Send a stroke.");
        var added = new StrokeAdded(
            HubValidation.Id(stroke.StrokeId, "stroke id"),
            HubValidation.Points(stroke.Points),
            HubValidation.Color(stroke.Color),
            HubValidation.Range(stroke.Width, 0.5, 64, "stroke width"));
        return PublishAsync(sessionId, EventKinds.StrokeAdded, added);
    }

    /// <summary>Removes a stroke (every batch with its id).</summary>
    public Task<long> UndoStroke(string sessionId, string strokeId) =>
        PublishAsync(sessionId, EventKinds.StrokeUndone, new StrokeUndone(HubValidation.Id(strokeId, "stroke id")));

    /// <summary>Removes every stroke from the shared image.</summary>
    public Task<long> ClearStrokes(string sessionId) =>
        PublishAsync(sessionId, EventKinds.StrokesCleared, new { });

    /// <summary>Shows the others where the caller points (0 to 1 over the image). Not logged.</summary>
    public async Task MovePointer(string sessionId, double x, double y)
    {
        var signal = new PointerSignal(sessionId, State.Caller.Author,
            HubValidation.Range(x, 0, 1, "pointer position"), HubValidation.Range(y, 0, 1, "pointer position"));
        await _access.RequireAsync(Context, sessionId, cancellationToken: Aborted).ConfigureAwait(false);
        await SignalAsync(sessionId, c => c.PointerMoved(signal), c => c.PointerMoved(_customers.Of(signal))).ConfigureAwait(false);
    }
}
