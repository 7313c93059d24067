using System.Net;
using System.Runtime.CompilerServices;
using JiraSdk.Http;

namespace JiraSdk.Auth;

/// <summary>
/// What <see cref="JiraAuthenticationHandler"/> does to a request, in one place for the public handler (over any inner
/// handler) and for the SDK's pipeline step (<see cref="AuthenticationStep"/>, whose state is pooled between calls).
/// </summary>
internal static class AuthenticatedSend
{
    /// <summary>
    /// Routes (unless the route step has), authenticates and sends <paramref name="request"/>; on a 401 the credentials
    /// can fix (an OAuth 2.0 token refresh), renews them and sends it once more. A hop marked to go without credentials
    /// passes untouched.
    /// </summary>
#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    public static async ValueTask<HttpResponseMessage> SendAsync<TInner>(JiraAuthentication authentication, HttpRequestMessage request, TInner inner, CancellationToken cancellationToken)
        where TInner : struct, IInnerSender
    {
        // A redirect hop to another origin: the credentials stay with the site.
        if (RequestProperties.MustGoWithoutCredentials(request)) return await inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (authentication.CanRenewAfterUnauthorized && request.Content is { } content and not ByteArrayContent)
            await content.LoadIntoBufferAsync().ConfigureAwait(false); // a second send must find the same bytes
        var originalUri = request.RequestUri;
        // Inside JiraClient's pipeline the route step has run; used on its own, this handler routes too.
        var routeHere = !RequestProperties.WasRouted(request);
        if (routeHere)
        {
            await authentication.RouteAsync(request, cancellationToken).ConfigureAwait(false);
            // The route may find the request outside where the credentials go (OAuth 2.0: another path on the gateway).
            if (RequestProperties.MustGoWithoutCredentials(request)) return await inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await authentication.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        bool renewed;
        try
        {
            renewed = await authentication.TryRenewAfterUnauthorizedAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
        if (!renewed) return response;

        response.Dispose();
        request.RequestUri = originalUri;
        if (routeHere) await authentication.RouteAsync(request, cancellationToken).ConfigureAwait(false);
        await authentication.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        return await inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The authentication step of the SDK's own pipeline: <see cref="JiraAuthenticationHandler"/>'s work as a <see cref="PipelineHandler"/>.</summary>
internal sealed class AuthenticationStep : PipelineHandler
{
    private readonly JiraAuthentication _authentication;

    public AuthenticationStep(JiraAuthentication authentication)
    {
        _authentication = authentication;
    }

    protected override ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        AuthenticatedSend.SendAsync(_authentication, request, Inner, cancellationToken);
}
