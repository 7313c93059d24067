using System.Net;

namespace JiraSdk.Auth;

/// <summary>
/// Applies a <see cref="JiraAuthentication"/> to every request that passes through an HttpClient pipeline, and on a 401
/// that the authentication can fix (an OAuth 2.0 token refresh) renews the credentials and sends the request once more.
/// </summary>
/// <remarks>
/// Place it inside any retry and redirect handler, so every attempt and every redirect hop is authenticated afresh
/// (OAuth 1.0a signs the method, URL and a new nonce each time). A hop the SDK's redirect handler marks as leaving the
/// site's origin is sent without credentials.
/// </remarks>
public sealed class JiraAuthenticationHandler : DelegatingHandler
{
    private readonly JiraAuthentication _authentication;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or let IHttpClientFactory do it.</summary>
    /// <param name="authentication">The credentials to apply.</param>
    public JiraAuthenticationHandler(JiraAuthentication authentication)
    {
        _authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
    }

    /// <summary>Creates the handler with the handler that sends the authenticated requests.</summary>
    /// <param name="authentication">The credentials to apply.</param>
    /// <param name="innerHandler">The next handler in the pipeline.</param>
    public JiraAuthenticationHandler(JiraAuthentication authentication, HttpMessageHandler innerHandler) : base(innerHandler)
    {
        _authentication = authentication ?? throw new ArgumentNullException(nameof(authentication));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        // A redirect hop to another origin: the credentials stay with the site.
        if (Http.RequestProperties.MustGoWithoutCredentials(request)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (_authentication.CanRenewAfterUnauthorized && request.Content is { } content and not ByteArrayContent)
            await content.LoadIntoBufferAsync().ConfigureAwait(false); // a second send must find the same bytes
        var originalUri = request.RequestUri;
        // Inside JiraClient's pipeline the route step has run; used on its own, this handler routes too.
        var routeHere = !Http.RequestProperties.WasRouted(request);
        if (routeHere)
        {
            await _authentication.RouteAsync(request, cancellationToken).ConfigureAwait(false);
            // The route may find the request outside where the credentials go (OAuth 2.0: another path on the gateway).
            if (Http.RequestProperties.MustGoWithoutCredentials(request)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await _authentication.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        bool renewed;
        try
        {
            renewed = await _authentication.TryRenewAfterUnauthorizedAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        if (!renewed) return response;

        response.Dispose();
        request.RequestUri = originalUri;
        if (routeHere) await _authentication.RouteAsync(request, cancellationToken).ConfigureAwait(false);
        await _authentication.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
