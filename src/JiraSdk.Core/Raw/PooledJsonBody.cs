using System.Buffers;
using System.Text.Json;

namespace JiraSdk.Raw;

/// <summary>
/// A response body read into a buffer rented from <see cref="ArrayPool{T}"/> and parsed as JSON over that buffer.
/// A search page is hundreds of kilobytes: read into a fresh array, every page would land on the large object heap.
/// Disposing returns the buffer and the document's own pooled arrays; elements that must outlive it are cloned first.
/// </summary>
internal sealed class PooledJsonBody : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private byte[]? _buffer;

    private PooledJsonBody(byte[] buffer, JsonDocument document)
    {
        _buffer = buffer;
        Document = document;
    }

    public JsonDocument Document { get; }

    public JsonElement Root => Document.RootElement;

    /// <summary>The body as it arrived, for error messages.</summary>
    public ArraySegment<byte> Bytes { get; private set; }

    /// <summary>Reads and parses <paramref name="stream"/>; <c>null</c> when it is empty.</summary>
    /// <param name="stream">The body.</param>
    /// <param name="lengthHint">The announced length, if any; a hint only (a decompressed body is longer).</param>
    /// <param name="invalid">Builds the exception for a body that is not JSON, from the body's bytes and the parser's error.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<PooledJsonBody?> ReadAsync(Stream stream, long? lengthHint, Func<ArraySegment<byte>, JsonException, Exception> invalid, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(lengthHint is > 0 and < int.MaxValue ? (int)lengthHint.Value + 1 : InitialBufferSize);
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
                if (read == 0) break;
                length += read;
            }
            if (length == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(buffer.AsMemory(0, length));
            }
            catch (JsonException error)
            {
                throw invalid(new ArraySegment<byte>(buffer, 0, length), error);
            }
            return new PooledJsonBody(buffer, document) { Bytes = new ArraySegment<byte>(buffer, 0, length) };
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

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is null) return;
        Bytes = default;
        Document.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
