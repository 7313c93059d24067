using JiraSdk.Auth;

namespace JiraSdk.Http;

/// <summary>
/// Sends each attempt and redirect hop where the credentials are accepted: the site, or the API gateway
/// (<c>https://api.atlassian.com/ex/jira/{cloudId}/…</c>) for OAuth 2.0 and, when configured, for Basic authentication with
/// scoped API tokens. Its own step, before authentication, so signing never moves a request (OAuth 1.0a signs the URL
/// the request really goes to).
/// </summary>
internal sealed class RouteHandler : DelegatingHandler
{
    private readonly JiraAuthentication? _authentication;
    private readonly ApiGatewayRoute? _gateway;

    public RouteHandler(JiraAuthentication? authentication, ApiGatewayRoute? gateway = null)
    {
        _authentication = authentication;
        _gateway = gateway;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.MustGoWithoutCredentials())
        {
            if (_gateway is not null && request.RequestUri is { } uri && _gateway.IsSiteRequest(uri))
                return SendThroughGatewayAsync(request, uri, cancellationToken);
            if (_authentication is not null)
            {
                var routing = _authentication.RouteAsync(request, cancellationToken);
                // Credentials that keep requests on the site (Basic, PAT, OAuth 1.0a) route synchronously: no state machine.
                if (!routing.IsCompletedSuccessfully) return RouteThenSendAsync(routing, request, cancellationToken);
                routing.GetAwaiter().GetResult();
            }
        }
        request.MarkRouted();
        return base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendThroughGatewayAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        var cloudId = await _gateway!.GetCloudIdAsync(base.SendAsync, cancellationToken).ConfigureAwait(false);
        request.RequestUri = _gateway.MapToGateway(uri, cloudId);
        request.MarkRouted();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> RouteThenSendAsync(ValueTask routing, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await routing.ConfigureAwait(false);
        request.MarkRouted();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
