using System.Buffers;
using System.Net;

namespace JiraSdk.Http;

/// <summary>
/// A response body the pipeline has read to its end into one array rented from <see cref="ArrayPool{T}"/>, so that reading
/// it cannot fail any more: the failures of the body phase (a reset, a stall) happened inside the pipeline, where the
/// retry policy, the deadline and the error mapping see them. Disposing returns the array.
/// </summary>
/// <remarks>
/// The array grows with the bytes that arrive and is never sized from <c>Content-Length</c>, which a server may
/// overstate. The SDK's readers take the array over (<see cref="Detach"/>) instead of copying it.
/// </remarks>
internal sealed class BufferedBodyContent : HttpContent
{
    private byte[]? _buffer;
    private int _length;

    private BufferedBodyContent(byte[] buffer, int length, HttpContent original, bool decoded)
    {
        _buffer = buffer;
        _length = length;
#if NET8_0_OR_GREATER
        // Copied as sent, unparsed: whoever reads a header parses it then, once.
        foreach (var header in original.Headers.NonValidated)
        {
            // The bytes held are the decoded body; the announced length may describe other bytes (or lie).
            if (string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (decoded && ContentCoding.DescribesEncodedBytes(header.Key)) continue;
            foreach (var value in header.Value) Headers.TryAddWithoutValidation(header.Key, value);
        }
#else
        foreach (var header in original.Headers)
        {
            if (string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#endif
        Headers.ContentLength = length;
    }

    /// <summary>Reads <paramref name="content"/> to its end; the caller disposes <paramref name="content"/>.</summary>
    /// <exception cref="Errors.JiraResponseTooLargeException">The body has more than <paramref name="maxBytes"/> bytes.</exception>
    public static async ValueTask<BufferedBodyContent> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var (buffer, length) = await Raw.PooledBodyReader.ReadAsync(content, cancellationToken, maxBytes).ConfigureAwait(false);
        return new BufferedBodyContent(buffer, length, content, decoded: false);
    }

#if NET8_0_OR_GREATER
    /// <summary>Reads <paramref name="content"/>, compressed with <paramref name="coding"/>, to the end of its decoded bytes.</summary>
    /// <exception cref="IOException">The body is not valid <paramref name="coding"/> data (a damaged transfer, retried like one).</exception>
    /// <exception cref="Errors.JiraResponseTooLargeException">The decoded body has more than <paramref name="maxBytes"/> bytes (a decompression bomb stops there).</exception>
    public static async ValueTask<BufferedBodyContent> ReadDecodedAsync(HttpContent content, string coding, long maxBytes, CancellationToken cancellationToken)
    {
        using var decoded = ContentCoding.Decode(await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), coding);
        var (buffer, length) = await Raw.PooledBodyReader.ReadAsync(decoded, lengthHint: null, cancellationToken, maxBytes).ConfigureAwait(false);
        return new BufferedBodyContent(buffer, length, content, decoded: true);
    }
#endif

    /// <summary>The body's bytes; empty once detached or disposed.</summary>
    public ArraySegment<byte> Bytes => _buffer is { } buffer ? new ArraySegment<byte>(buffer, 0, _length) : new ArraySegment<byte>(Array.Empty<byte>());

    /// <summary>
    /// Hands the rented array to the caller, who returns it to <see cref="ArrayPool{T}.Shared"/>; the content is empty
    /// afterwards. <c>null</c> when already detached.
    /// </summary>
    public (byte[] Buffer, int Length)? Detach()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        return buffer is null ? null : (buffer, _length);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var bytes = Bytes;
        return stream.WriteAsync(bytes.Array!, bytes.Offset, bytes.Count);
    }

    protected override Task<Stream> CreateContentReadStreamAsync()
    {
        var bytes = Bytes;
        return Task.FromResult<Stream>(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _buffer is null ? 0 : _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
            ArrayPool<byte>.Shared.Return(buffer);
        base.Dispose(disposing);
    }
}
