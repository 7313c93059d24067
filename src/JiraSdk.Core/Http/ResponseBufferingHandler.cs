using System.Runtime.CompilerServices;
namespace JiraSdk.Http;

/// <summary>
/// Reads JSON, text and HTML response bodies to their end inside the pipeline, so the body phase belongs to the call: a
/// connection reset or stall while reading happens here, inside the retry handler (which repeats idempotent requests) and
/// the deadline, and the error mapping reports it with the request's method and path. On .NET 8 and later it also asks for
/// compressed responses and decodes them (<c>ContentCoding</c>: gzip, deflate, br), buffered or streamed; a body
/// that does not decode is a damaged transfer (an <see cref="IOException"/>, retried like one). A body is read up to
/// <see cref="JiraPipelineSettings.MaxResponseBodyBytes"/> (decoded); one byte more fails the call with
/// <see cref="Errors.JiraResponseTooLargeException"/>, so memory stays bounded whatever the server sends.
/// </summary>
/// <remarks>
/// Downloads (attachments, anything not JSON or text) and requests that asked for a stream
/// (<see cref="RequestProperties.StreamResponseBody"/>) are left to stream; <see cref="TimeoutHandler"/> guards their reads.
/// </remarks>
internal sealed class ResponseBufferingHandler : PipelineHandler
{
    private readonly long _maxBytes;

    /// <param name="maxBytes">The most bytes a buffered body may have, decoded (<see cref="JiraPipelineSettings.MaxResponseBodyBytes"/>).</param>
    public ResponseBufferingHandler(long maxBytes = JiraPipelineSettings.DefaultMaxResponseBodyBytes)
    {
        if (maxBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The response body limit must be positive.");
        _maxBytes = maxBytes;
    }

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    protected override async ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        ContentCoding.Ask(request);
#endif
        var response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is not { } content || content is BufferedBodyContent) return response;
#if NET8_0_OR_GREATER
        var coding = ContentCoding.Of(content);
#endif
        if (!ShouldBuffer(request, content))
        {
#if NET8_0_OR_GREATER
            if (coding is not null) response.Content = new DecodedContent(content, coding);
#endif
            return response;
        }
        try
        {
#if NET8_0_OR_GREATER
            response.Content = coding is null
                ? await BufferedBodyContent.ReadAsync(content, _maxBytes, cancellationToken).ConfigureAwait(false)
                : await BufferedBodyContent.ReadDecodedAsync(content, coding, _maxBytes, cancellationToken).ConfigureAwait(false);
#else
            response.Content = await BufferedBodyContent.ReadAsync(content, _maxBytes, cancellationToken).ConfigureAwait(false);
#endif
        }
        catch (Errors.JiraResponseTooLargeException tooLarge)
        {
            tooLarge.RequestMethod = request.Method.Method;
            tooLarge.RequestPath = RequestDescription.PathOf(request);
            response.Dispose();
            throw;
        }
        catch
        {
            response.Dispose();
            throw;
        }
        content.Dispose();
        return response;
    }

    private static bool ShouldBuffer(HttpRequestMessage request, HttpContent content)
    {
        if (request.WantsStreamedResponseBody() || request.Method == HttpMethod.Head) return false;
        var type = MediaTypes.RawContentType(content);
        // No type: Jira's empty 204s and error bodies from proxies; small, and an error must be readable.
        if (type is null) return true;
        return MediaTypes.StartsWith(type, "application/json")
            || MediaTypes.EndsWith(type, "+json")
            || MediaTypes.StartsWith(type, "text/");
    }
}
