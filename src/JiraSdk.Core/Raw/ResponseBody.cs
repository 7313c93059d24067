using System.Buffers;
using JiraSdk.Errors;
using JiraSdk.Http;

namespace JiraSdk.Raw;

/// <summary>
/// Takes a response body as one array rented from <see cref="ArrayPool{T}"/>: the pipeline's buffer when it read the body
/// (no copy), else the stream read here, with a transport failure reported as <see cref="JiraNetworkException"/> naming
/// the request (an HttpClient without the SDK's pipeline reads its bodies here).
/// </summary>
internal static class ResponseBody
{
    /// <summary>The body; return the array to <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static async ValueTask<(byte[] Buffer, int Length)> TakeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is not { } content) return (Array.Empty<byte>(), 0);
        if (content is BufferedBodyContent buffered) return buffered.Detach() ?? (Array.Empty<byte>(), 0);
        try
        {
            return await PooledBodyReader.ReadAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not JiraException && RetryHandler.IsTransientNetworkFailure(failure, cancellationToken))
        {
            var request = response.RequestMessage;
            throw JiraNetworkException.WhileReading(request?.Method.Method, RequestDescription.PathOf(request), failure);
        }
    }

    /// <summary>
    /// Raises the SDK's exception when <paramref name="response"/> failed (status, <c>X-Seraph-LoginReason</c>, CAPTCHA,
    /// an HTML login page where JSON was due), judged from its headers and its already taken <paramref name="body"/>.
    /// The pipeline has done this before; this covers an HttpClient without it, through the same factory.
    /// </summary>
    public static void ThrowIfFailed(HttpResponseMessage response, ArraySegment<byte> body)
    {
        if (!JiraErrorFactory.FailsByHeaders(response) && !JiraErrorFactory.MayBeLoginPage(response)) return;
        var text = body.Count == 0 ? null : System.Text.Encoding.UTF8.GetString(body.Array!, body.Offset, Math.Min(body.Count, JiraErrorFactory.MaxErrorBodyBytes));
        if (JiraErrorFactory.ForResponse(response, text, DateTimeOffset.UtcNow) is { } error) throw error;
    }
}
