using PinCovisor.Web.Catalog;
using PinCovisor.Web.Media;
using PinCovisor.Web.Videos;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Where shared images, product cards and videos come from. Only what the server can vouch for is
/// shared: an image uploaded into this very session, a product of the shop's own catalog, one of the
/// shop's configured videos; never a URL a client typed.
/// </summary>
internal sealed class ShareSources(IServiceProvider services)
{
    /// <summary>The image to show for an uploaded media id or a product id (exactly one of them).</summary>
    public async Task<ImageShared> ImageAsync(string sessionId, ImageShareInput? input, CancellationToken cancellationToken = default)
    {
        if (input is { MediaId: { } mediaId, ProductId: null })
        {
            HubValidation.Id(mediaId, "media id");
            var media = services.GetService<RedisMediaStore>() ?? throw HubErrors.Invalid("Images cannot be shared on this server.");
            if (!await media.ExistsAsync(sessionId, mediaId, cancellationToken).ConfigureAwait(false))
            {
                throw HubErrors.Invalid("That image is not in this session (it may have expired); upload it again.");
            }

            var url = $"/api/sessions/{Uri.EscapeDataString(sessionId)}/media/{Uri.EscapeDataString(mediaId)}";
            return new ImageShared("media", mediaId, url, null);
        }

        if (input is { MediaId: null, ProductId: { } productId })
        {
            var product = await ProductAsync(productId, cancellationToken).ConfigureAwait(false);
            return product.ImageUrl is { Length: > 0 } imageUrl
                ? new ImageShared("product", null, imageUrl, product)
                : throw HubErrors.Invalid("That product has no picture to share.");
        }

        throw HubErrors.Invalid("Share either an uploaded image (mediaId) or a product (productId).");
    }

    /// <summary>The catalog's product, or a refusal.</summary>
    public async Task<Product> ProductAsync(string? productId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(productId) || productId.Length > 128)
        {
            throw HubErrors.Invalid("Name a product by its id.");
        }

        var catalog = services.GetService<FeedCatalog>() ?? throw HubErrors.Invalid("This shop has no product catalog.");
        return await catalog.FindAsync(productId, cancellationToken).ConfigureAwait(false)
            ?? throw HubErrors.Invalid("There is no such product in the catalog.");
    }

    /// <summary>The id of one of the shop's configured videos, or a refusal.</summary>
    public string VideoId(string? videoId)
    {
        var id = HubValidation.Id(videoId, "video id");
        return services.GetService<VideoLibrary>()?.Find(id) is not null
            ? id
            : throw HubErrors.Invalid("There is no such video in the shop's list.");
    }
}
