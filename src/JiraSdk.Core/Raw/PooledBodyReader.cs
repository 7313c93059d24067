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
    /// <exception cref="Errors.JiraResponseTooLargeException">The body has more than <paramref name="maxBytes"/> bytes.</exception>
    public static async ValueTask<(byte[] Buffer, int Length)> ReadAsync(HttpContent content, CancellationToken cancellationToken, long maxBytes = MaxArrayLength)
    {
#if NET5_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        return await ReadAsync(stream, content.Headers.ContentLength, cancellationToken, maxBytes).ConfigureAwait(false);
    }

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    /// <param name="stream">The body.</param>
    /// <param name="lengthHint">
    /// The announced length, if any. Only a smaller first buffer is taken from it: a server may announce gigabytes and send
    /// bytes (or nothing), so the buffer grows with the bytes that arrive.
    /// </param>
    /// <param name="maxBytes">The most bytes the body may have; one more fails the read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The rented array and how much of it the body fills; return the array to <see cref="ArrayPool{T}.Shared"/>.</returns>
    /// <exception cref="Errors.JiraResponseTooLargeException">The body has more than <paramref name="maxBytes"/> bytes (reading stops at the first read that passes them).</exception>
    public static async ValueTask<(byte[] Buffer, int Length)> ReadAsync(Stream stream, long? lengthHint, CancellationToken cancellationToken, long maxBytes = MaxArrayLength)
    {
        var limit = Math.Min(maxBytes, MaxArrayLength);
        var buffer = ArrayPool<byte>.Shared.Rent(lengthHint is >= 0 and < InitialBufferSize && lengthHint.Value < limit ? (int)lengthHint.Value + 1 : (int)Math.Min(InitialBufferSize, limit + 1));
        try
        {
            var length = 0;
            while (true)
            {
                // Room for one byte past the limit, so a body that has it is told apart from one that ends there.
                if (length == buffer.Length) buffer = Grow(buffer, length, (int)Math.Min(buffer.Length * 2L, limit + 1));
#if NET5_0_OR_GREATER
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0) return (buffer, length);
                length += read;
                if (length > limit) throw TooLarge(maxBytes);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    // The longest byte array .NET makes (Array.MaxLength).
    private const long MaxArrayLength = 0x7FFFFFC7;

    private static Errors.JiraResponseTooLargeException TooLarge(long maxBytes) =>
        new($"The response body is larger than the client's limit of {maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes (JiraClientOptions.MaxResponseBodyBytes); reading stopped there.", maxBytes);

    private static byte[] Grow(byte[] buffer, int length, int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(size, length + 1));
        Buffer.BlockCopy(buffer, 0, larger, 0, length);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
