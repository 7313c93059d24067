using System.Runtime.CompilerServices;
using JiraSdk.Errors;

namespace JiraSdk.Http;

/// <summary>
/// Turns every failed call into the <see cref="JiraException"/> family through <see cref="JiraErrorFactory"/>: a status of
/// 400 or more, an <c>X-Seraph-LoginReason</c> that reports failed credentials (even on a 200), a CAPTCHA demand, an HTML
/// login page on a 2xx, and transport failures before or while the body was read (<see cref="JiraNetworkException"/>).
/// Exceptions carry the request method and path, never the query or credentials.
/// </summary>
/// <remarks>
/// Outermost, so it sees the final outcome after retries, authentication renewal and redirects. A request marked with
/// <see cref="RequestProperties.ReturnErrorResponses"/> (the per-call no-throw option) gets its response back as it is.
/// </remarks>
internal sealed class ErrorMappingHandler : PipelineHandler
{
    private readonly TimeProvider _time;

    public ErrorMappingHandler(TimeProvider time)
    {
        _time = time;
    }

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    protected override async ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (JiraTimeoutException timeout)
        {
            timeout.RequestMethod ??= request.Method.Method;
            timeout.RequestPath ??= RequestDescription.PathOf(request);
            throw;
        }
        catch (Exception failure) when (failure is not JiraException && RetryHandler.IsTransientNetworkFailure(failure, cancellationToken))
        {
            throw JiraNetworkException.WhileSending(request, failure);
        }

        if (request.WantsErrorResponses()) return response;
        // A streamed body cannot be looked at without taking it from the caller, so only buffered HTML is checked.
        if (!JiraErrorFactory.FailsByHeaders(response)
            && !(response.Content is BufferedBodyContent && JiraErrorFactory.MayBeLoginPage(response)))
            return response;

        JiraApiException? error;
        try
        {
            var body = await JiraErrorFactory.ReadBoundedBodyAsync(response, cancellationToken).ConfigureAwait(false);
            error = JiraErrorFactory.ForResponse(response, body, _time.GetUtcNow());
        }
        catch
        {
            response.Dispose();
            throw;
        }
        if (error is null) return response;
        response.Dispose();
        throw error;
    }

    internal static IReadOnlyDictionary<string, IEnumerable<string>> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers) headers[header.Key] = header.Value;
        if (response.Content is not null)
            foreach (var header in response.Content.Headers) headers[header.Key] = header.Value;
        return headers;
    }
}
