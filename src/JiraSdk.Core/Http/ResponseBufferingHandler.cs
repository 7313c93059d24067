namespace JiraSdk.Http;

/// <summary>
/// Reads JSON, text and HTML response bodies to their end inside the pipeline, so the body phase belongs to the call: a
/// connection reset or stall while reading happens here, inside the retry handler (which repeats idempotent requests) and
/// the deadline, and the error mapping reports it with the request's method and path.
/// </summary>
/// <remarks>
/// Downloads (attachments, anything not JSON or text) and requests that asked for a stream
/// (<see cref="RequestProperties.StreamResponseBody"/>) are left to stream; <see cref="TimeoutHandler"/> guards their reads.
/// </remarks>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Content is not { } content || content is BufferedBodyContent || !ShouldBuffer(request, content)) return response;
        try
        {
            response.Content = await BufferedBodyContent.ReadAsync(content, cancellationToken).ConfigureAwait(false);
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
