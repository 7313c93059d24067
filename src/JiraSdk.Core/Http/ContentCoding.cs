#if NET8_0_OR_GREATER
using System.IO.Compression;
using System.Net;

namespace JiraSdk.Http;

/// <summary>
/// Response compression (RFC 9110 §8.4.1: <c>gzip</c>, <c>deflate</c>, <c>br</c>), asked for and undone by the pipeline's
/// body step rather than by the primary handler: .NET's automatic decompression adds an async layer and three
/// enumerations of <c>Accept-Encoding</c> to every call. A response that arrives already decoded (a caller's own primary
/// handler with automatic decompression) has no <c>Content-Encoding</c> and passes as it is.
/// </summary>
internal static class ContentCoding
{
    /// <summary>The codings the SDK asks Jira for.</summary>
    public const string AcceptEncoding = "gzip, deflate, br";

    /// <summary>Asks for compressed responses, unless the caller set <c>Accept-Encoding</c> already.</summary>
    public static void Ask(HttpRequestMessage request)
    {
        if (!request.Headers.NonValidated.Contains("Accept-Encoding"))
            request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
    }

    /// <summary>The one coding <paramref name="content"/> is compressed with, or <c>null</c> when it is not (or with several, left as they are).</summary>
    public static string? Of(HttpContent content)
    {
        if (!content.Headers.NonValidated.TryGetValues("Content-Encoding", out var values) || values.Count != 1) return null;
        var coding = values.ToString().Trim();
        return coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase) ? "gzip"
            : coding.Equals("deflate", StringComparison.OrdinalIgnoreCase) ? "deflate"
            : coding.Equals("br", StringComparison.OrdinalIgnoreCase) ? "br"
            : null;
    }

    /// <summary>
    /// A stream of <paramref name="compressed"/>'s decoded bytes; disposing it disposes <paramref name="compressed"/>. Bytes
    /// that do not decode raise an <see cref="IOException"/> (a damaged transfer), never the decoder's <see cref="InvalidDataException"/>.
    /// </summary>
    public static Stream Decode(Stream compressed, string coding) => new DecodingStream(coding switch
    {
        "gzip" => new GZipStream(compressed, CompressionMode.Decompress),
        // HTTP's "deflate" is the zlib format (RFC 9110 §8.4.1.2).
        "deflate" => new ZLibStream(compressed, CompressionMode.Decompress),
        _ => new BrotliStream(compressed, CompressionMode.Decompress),
    }, coding);

    // The decoders report bad data as InvalidDataException, which the pipeline's body guard (and its retry policy) do not
    // take for a failed transfer; a streamed download must fail as a buffered body does.
    private sealed class DecodingStream(Stream decoder, string coding) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return decoder.Read(buffer);
            }
            catch (InvalidDataException damaged)
            {
                throw Damaged(damaged);
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await decoder.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException damaged)
            {
                throw Damaged(damaged);
            }
        }

        private IOException Damaged(InvalidDataException damaged) => new($"The response body is not valid {coding} data.", damaged);

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) decoder.Dispose();
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync() => decoder.DisposeAsync();
    }

    /// <summary>Whether a header describes the encoded bytes (and so does not hold for the decoded ones).</summary>
    public static bool DescribesEncodedBytes(string header) =>
        header.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) || header.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
        || header.Equals("Content-MD5", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A streamed response body decoded as it is read (downloads, requests that asked for a stream).</summary>
internal sealed class DecodedContent(HttpContent encoded, string coding) : StreamedBodyContent(encoded, ContentCoding.DescribesEncodedBytes)
{
    protected override async Task<Stream> OpenAsync(CancellationToken cancellationToken) =>
        ContentCoding.Decode(await Inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), coding);
}
#endif
