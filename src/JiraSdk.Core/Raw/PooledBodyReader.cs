using System.Buffers;

namespace JiraSdk.Raw;

/// <summary>
/// Reads a response body into one array rented from <see cref="ArrayPool{T}"/>: bodies of hundreds of kilobytes (search
/// pages, long lists) would otherwise land on the large object heap once per call. The caller returns the array.
/// </summary>
internal static class PooledBodyReader
{
    private const int InitialBufferSize = 16 * 1024;

    /// <summary>Reads the body of <paramref name="content"/> to its end.</summary>
    public static async ValueTask<(byte[] Buffer, int Length)> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
#if NET5_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        return await ReadAsync(stream, content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    /// <param name="stream">The body.</param>
    /// <param name="lengthHint">
    /// The announced length, if any. Only a smaller first buffer is taken from it: a server may announce gigabytes and send
    /// bytes (or nothing), so the buffer grows with the bytes that arrive.
    /// </param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The rented array and how much of it the body fills; return the array to <see cref="ArrayPool{T}.Shared"/>.</returns>
    public static async ValueTask<(byte[] Buffer, int Length)> ReadAsync(Stream stream, long? lengthHint, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(lengthHint is >= 0 and < InitialBufferSize ? (int)lengthHint.Value + 1 : InitialBufferSize);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length) buffer = Grow(buffer, length);
#if NET5_0_OR_GREATER
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0) return (buffer, length);
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
