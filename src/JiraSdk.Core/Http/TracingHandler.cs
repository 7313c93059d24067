using System.Diagnostics;

namespace JiraSdk.Http;

/// <summary>
/// Wraps each call in an activity from <see cref="JiraTelemetry.ActivitySourceName"/>, tagged with OpenTelemetry's HTTP
/// client names; the URL is redacted like in logs.
/// </summary>
internal sealed class TracingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var activity = JiraTelemetry.Source.StartActivity("Jira " + request.Method.Method, ActivityKind.Client);
        if (activity is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        activity.SetTag("http.request.method", request.Method.Method);
        activity.SetTag("url.full", RequestDescription.RedactedUrl(request.RequestUri));
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("server.address", uri.Host);
            activity.SetTag("server.port", uri.Port);
        }
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
}
