using JiraSdk.Auth;

namespace JiraSdk.Http;

/// <summary>
/// Sends each attempt and redirect hop where the credentials are accepted: the site, or for OAuth 2.0 the API gateway
/// (<c>https://api.atlassian.com/ex/jira/{cloudId}/…</c>). Its own step, before authentication, so signing never moves a
/// request (OAuth 1.0a signs the URL the request really goes to).
/// </summary>
internal sealed class RouteHandler : DelegatingHandler
{
    private readonly JiraAuthentication _authentication;

    public RouteHandler(JiraAuthentication authentication)
    {
        _authentication = authentication;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.MustGoWithoutCredentials())
            await _authentication.RouteAsync(request, cancellationToken).ConfigureAwait(false);
        request.MarkRouted();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
