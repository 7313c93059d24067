using System.Net;

namespace JiraSdk.Http;

/// <summary>
/// A response body the pipeline hands on as a stream over another content's (a download it did not buffer): the headers
/// are the inner content's, the length is not known in advance, and disposing it disposes the inner content. Subclasses
/// say how the stream is opened (<see cref="GuardedBodyContent"/>: bound to the call's deadline; <c>DecodedContent</c>:
/// decompressed).
/// </summary>
internal abstract class StreamedBodyContent : HttpContent
{
    /// <param name="inner">The content read through.</param>
    /// <param name="skipHeader">Headers of <paramref name="inner"/> that do not describe this body; <c>null</c> keeps all.</param>
    protected StreamedBodyContent(HttpContent inner, Func<string, bool>? skipHeader = null)
    {
        Inner = inner;
#if NET8_0_OR_GREATER
        foreach (var header in inner.Headers.NonValidated)
        {
            if (skipHeader?.Invoke(header.Key) == true) continue;
            foreach (var value in header.Value) Headers.TryAddWithoutValidation(header.Key, value);
        }
#else
        foreach (var header in inner.Headers)
            if (skipHeader?.Invoke(header.Key) != true) Headers.TryAddWithoutValidation(header.Key, header.Value);
#endif
    }

    /// <summary>The content read through.</summary>
    protected HttpContent Inner { get; }

    /// <summary>Opens the body's stream.</summary>
    protected abstract Task<Stream> OpenAsync(CancellationToken cancellationToken);

    protected sealed override Task<Stream> CreateContentReadStreamAsync() => OpenAsync(CancellationToken.None);

#if NET5_0_OR_GREATER
    protected sealed override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    protected sealed override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        CopyAsync(stream, cancellationToken);
#endif

    protected sealed override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => CopyAsync(stream, CancellationToken.None);

    private async Task CopyAsync(Stream destination, CancellationToken cancellationToken)
    {
        using var source = await OpenAsync(cancellationToken).ConfigureAwait(false);
#if NET5_0_OR_GREATER
        await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
#else
        await source.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
#endif
    }

    protected sealed override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }
}
