using System.Net;
using System.Runtime.CompilerServices;

namespace JiraSdk.Http;

/// <summary>
/// Follows 301, 302, 303, 307 and 308 redirects, and never carries credentials to another origin.
/// </summary>
/// <remarks>
/// Written instead of Kiota's RedirectHandler, which keeps the Authorization header when only the port changes and
/// throws <see cref="InvalidOperationException"/> when redirects run out. Here an origin is scheme, host and port; a
/// redirect to another origin drops <c>Authorization</c>, <c>Proxy-Authorization</c> and <c>Cookie</c>, and an HTTPS to
/// HTTP downgrade is not followed (the 3xx is returned as is). 303, and 301/302 after a POST, continue as a GET without body.
/// </remarks>
internal sealed class RedirectHandler : PipelineHandler
{
    private readonly int _maxRedirects;

    public RedirectHandler(int maxRedirects = 5)
    {
        _maxRedirects = maxRedirects;
    }

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    protected override async ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        var current = request;
        for (var redirects = 0; redirects < _maxRedirects && IsRedirect(response.StatusCode); redirects++)
        {
            var location = response.Headers.Location;
            if (location is null || current.RequestUri is null) return response;
            var target = location.IsAbsoluteUri ? location : new Uri(current.RequestUri, location);
            if (current.RequestUri.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps) return response;

            var next = CopyFor(current, target, response.StatusCode);
            response.Dispose();
            current = next;
            response = await SendInnerAsync(current, cancellationToken).ConfigureAwait(false);
        }
        return response;
    }

    private static HttpRequestMessage CopyFor(HttpRequestMessage previous, Uri target, HttpStatusCode status)
    {
        var becomesGet = status == HttpStatusCode.SeeOther
            || ((status == HttpStatusCode.Moved || status == HttpStatusCode.Redirect) && previous.Method == HttpMethod.Post);
        var next = new JiraRequestMessage(becomesGet ? HttpMethod.Get : previous.Method, target)
        {
            Version = previous.Version,
            Content = becomesGet ? null : previous.Content,
        };
        foreach (var header in previous.Headers)
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (!RequestDescription.SameOrigin(previous.RequestUri!, target))
        {
            next.Headers.Authorization = null;
            next.Headers.ProxyAuthorization = null;
            next.Headers.Remove("Cookie");
        }
        RequestProperties.CopyOptions(previous, next);
        if (!RequestDescription.SameOrigin(previous.RequestUri!, target)) next.SendWithoutCredentials();
        return next;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;
}
