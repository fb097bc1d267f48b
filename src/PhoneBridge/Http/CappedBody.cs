using System.Buffers;

namespace PhoneBridge.Http;

/// <summary>Reads a body whole without ever holding more than a cap of it, whatever its sender announced.</summary>
public static class CappedBody
{
    /// <summary>All of <paramref name="source"/>, or null as soon as it runs past <paramref name="maxBytes"/> (reading stops there).</summary>
    public static async Task<byte[]?> ReadAsync(Stream source, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
