using System.Text;
using JiraSdk.Errors;

namespace JiraSdk.Http;

/// <summary>
/// Turns every failed call into the <see cref="JiraException"/> family: a status of 400 or more into the matching
/// <see cref="JiraApiException"/>, an <c>X-Seraph-LoginReason</c> that reports failed credentials (even on a 200) into
/// <see cref="JiraAuthenticationException"/>, and transport failures into <see cref="JiraNetworkException"/>. Exceptions
/// carry the request method and path, never the query or credentials.
/// </summary>
/// <remarks>Outermost, so it sees the final outcome after retries, authentication renewal and redirects.</remarks>
internal sealed class ErrorMappingHandler : DelegatingHandler
{
    /// <summary>The most of an error body read into memory; Jira's error bodies are a few hundred bytes.</summary>
    internal const int MaxErrorBodyBytes = 64 * 1024;

    private readonly TimeProvider _time;

    public ErrorMappingHandler(TimeProvider time)
    {
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (JiraTimeoutException timeout)
        {
            timeout.RequestMethod = request.Method.Method;
            timeout.RequestPath = RequestDescription.PathOf(request);
            throw;
        }
        catch (Exception failure) when (RetryHandler.IsTransientNetworkFailure(failure, cancellationToken))
        {
            throw new JiraNetworkException($"Could not reach Jira: {failure.Message}", failure)
            {
                RequestMethod = request.Method.Method,
                RequestPath = RequestDescription.PathOf(request),
            };
        }

        var failed = (int)response.StatusCode >= 400
            || SeraphLoginReason.IsFailure(RateLimitHeaders.HeaderValue(response, JiraAuthenticationException.SeraphLoginReasonHeader));
        if (!failed || request.WantsErrorResponses()) return response;

        using (response)
        {
            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var error = JiraErrorFactory.Create((int)response.StatusCode, body, HeadersOf(response), _time.GetUtcNow());
            error.DescribeRequest(request);
            throw error;
        }
    }

    internal static IReadOnlyDictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers) headers[header.Key] = header.Value;
        if (response.Content is not null)
            foreach (var header in response.Content.Headers) headers[header.Key] = header.Value;
        return headers;
    }

    private static async Task<string?> ReadBoundedAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null) return null;
#if NET5_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var buffer = new byte[MaxErrorBodyBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            length += read;
        return length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }
}
