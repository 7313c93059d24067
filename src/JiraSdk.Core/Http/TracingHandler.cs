using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace JiraSdk.Http;

/// <summary>
/// Wraps each call in an activity from <see cref="JiraTelemetry.ActivitySourceName"/>, tagged with OpenTelemetry's HTTP
/// client names. Tags pass the same allow-list as logs (<see cref="LogRedaction"/>): the URL keeps only known-safe query
/// values, and no header is written as a tag.
/// </summary>
/// <remarks>Nobody listening costs one check: no activity, no name, no tag is made.</remarks>
internal sealed class TracingHandler : PipelineHandler
{
    protected override ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        JiraTelemetry.Source.HasListeners() ? TracedAsync(request, cancellationToken) : SendInnerAsync(request, cancellationToken);

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    private async ValueTask<HttpResponseMessage> TracedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var activity = JiraTelemetry.Source.StartActivity(ActivityName(request.Method), ActivityKind.Client);
        if (activity is null) return await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);

        activity.SetTag("http.request.method", request.Method.Method);
        activity.SetTag("url.full", LogRedaction.Url(request.RequestUri));
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
        }
        try
        {
            var response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
            activity.SetTag("http.response.status_code", (int)response.StatusCode);
            if ((int)response.StatusCode >= 400)
            {
                activity.SetTag("error.type", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                activity.SetStatus(ActivityStatusCode.Error);
            }
            return response;
        }
        catch (Exception failure)
        {
            activity.SetTag("error.type", failure.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            throw;
        }
    }

    private static string ActivityName(HttpMethod method)
    {
        if (method == HttpMethod.Get) return "Jira GET";
        if (method == HttpMethod.Post) return "Jira POST";
        if (method == HttpMethod.Put) return "Jira PUT";
        if (method == HttpMethod.Delete) return "Jira DELETE";
        return "Jira " + method.Method;
    }
}
