using System.Buffers;
using System.Text.Json;

namespace JiraSdk.Raw;

/// <summary>
/// A response body read into a pooled buffer (<see cref="PooledBodyReader"/>) and parsed as JSON over that buffer.
/// Disposing returns the buffer and the document's own pooled arrays; elements that must outlive it are cloned first.
/// </summary>
internal sealed class PooledJsonBody : IDisposable
{
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

    /// <summary>Takes and parses the body of <paramref name="response"/>; <c>null</c> when it is empty.</summary>
    /// <param name="response">The response, its failure already ruled out.</param>
    /// <param name="invalid">Builds the exception for a body that is not JSON, from the body's bytes and the parser's error.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<PooledJsonBody?> ReadAsync(HttpResponseMessage response, Func<ArraySegment<byte>, JsonException, Exception> invalid, CancellationToken cancellationToken)
    {
        var (buffer, length) = await ResponseBody.TakeAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
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

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is null) return;
        Bytes = default;
        Document.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
