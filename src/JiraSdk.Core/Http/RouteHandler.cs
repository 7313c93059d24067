using System.Net;
using System.Runtime.CompilerServices;
using JiraSdk.Auth;

namespace JiraSdk.Http;

/// <summary>
/// Sends each attempt and redirect hop where the credentials are accepted: the site, or the API gateway
/// (<c>https://api.atlassian.com/ex/jira/{cloudId}/…</c>) for OAuth 2.0 and for Basic authentication with scoped API
/// tokens, configured or detected. Its own step, before authentication, so signing never moves a request (OAuth 1.0a
/// signs the URL the request really goes to). On the gateway, only the route of the site's cloud id gets credentials:
/// a hop elsewhere on api.atlassian.com goes without them.
/// </summary>
internal sealed class RouteHandler : PipelineHandler
{
    private readonly JiraAuthentication? _authentication;
    private readonly ApiGatewayRoute? _gateway;
    private readonly ScopedTokenDetection? _detection;
    // Made once: on the gateway route every call hands it to the cloud id lookup (which answers from its cache).
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _sendInnerTask;

    public RouteHandler(JiraAuthentication? authentication, ApiGatewayRoute? gateway = null, ScopedTokenDetection? detection = null)
    {
        _authentication = authentication;
        _gateway = gateway;
        _detection = detection;
        _sendInnerTask = SendInnerTaskAsync;
    }

#if NET6_0_OR_GREATER
    [AsyncMethodBuilder(typeof(PooledValueTaskMethodBuilder<>))]
#endif
    protected override async ValueTask<HttpResponseMessage> SendStepAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var gateway = _gateway ?? _detection?.ConfirmedRoute;
        var detecting = false;
        if (!request.MustGoWithoutCredentials() && request.RequestUri is { } uri)
        {
            if (gateway is not null && gateway.IsSiteRequest(uri))
            {
                var cloudId = await gateway.GetCloudIdAsync(_sendInnerTask, cancellationToken).ConfigureAwait(false);
                request.RequestUri = gateway.MapToGateway(uri, cloudId);
            }
            else if (gateway is not null && gateway.IsGatewayOrigin(uri))
            {
                if (!gateway.IsRouteRequest(uri)) request.WithdrawCredentials();
            }
            else
            {
                if (_authentication is not null) await _authentication.RouteAsync(request, cancellationToken).ConfigureAwait(false);
                detecting = _detection is { IsUndecided: true } && _detection.Route.IsSiteRequest(uri) && !request.MustGoWithoutCredentials();
            }
        }
        request.MarkRouted();
        if (!detecting) return await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);

        // Until the site accepts the credentials once, a 401 may mean a scoped API token, which works only on the gateway:
        // the same request may have to go again, so its body must stay re-sendable.
        if (request.Content is { } content) await content.LoadIntoBufferAsync().ConfigureAwait(false);
        var response = await SendInnerAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            if (response.IsSuccessStatusCode) _detection!.SiteAccepted();
            return response;
        }
        return await _detection!.TryGatewayAsync(request, response, _sendInnerTask, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Detects a scoped API token (<c>JiraClientOptions.DetectScopedApiTokens</c>): with Basic authentication and no gateway
/// configured, the first 401 from the site makes it read the cloud id from <c>{site}/_edge/tenant_info</c> (without
/// credentials) and send that request once more through <c>{gateway}/ex/jira/{cloudId}/…</c>. If the gateway accepts
/// it, every later request goes there; if the site accepts a call first, or the lookup or the gateway refuses, the
/// client stays on the site and detection ends. Decided once per client, one detection at a time.
/// </summary>
internal sealed class ScopedTokenDetection
{
    private const int Undecided = 0, Site = 1, Gateway = 2;
    private readonly SemaphoreSlim _deciding = new(1, 1);
    private int _state;

    public ScopedTokenDetection(ApiGatewayRoute route)
    {
        Route = route;
    }

    /// <summary>The gateway route tried when the site answers 401.</summary>
    public ApiGatewayRoute Route { get; }

    public bool IsUndecided => Volatile.Read(ref _state) == Undecided;

    /// <summary>The gateway route once it accepted the credentials; <c>null</c> before, or when the site is the route.</summary>
    public ApiGatewayRoute? ConfirmedRoute => Volatile.Read(ref _state) == Gateway ? Route : null;

    /// <summary>The site answered an authenticated request with success: the credentials belong there.</summary>
    public void SiteAccepted() => Interlocked.CompareExchange(ref _state, Site, Undecided);

    /// <summary>
    /// After the site's 401: sends <paramref name="request"/> through the gateway if it is (or becomes) the route, and
    /// returns the gateway's answer; otherwise returns the site's <paramref name="unauthorized"/> as it is.
    /// </summary>
    public async Task<HttpResponseMessage> TryGatewayAsync(HttpRequestMessage request, HttpResponseMessage unauthorized,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var siteUri = request.RequestUri!;
        try
        {
            await _deciding.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            unauthorized.Dispose();
            throw;
        }
        try
        {
            var state = Volatile.Read(ref _state);
            if (state == Site) return unauthorized;
            string cloudId;
            try
            {
                cloudId = await Route.GetCloudIdAsync(send, cancellationToken).ConfigureAwait(false);
            }
            catch (JiraCredentialsException)
            {
                // tenant_info answered, but with no cloud id: not a Jira Cloud site, so not a scoped token either.
                Volatile.Write(ref _state, Site);
                return unauthorized;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                return unauthorized; // the lookup could not be made; a later 401 tries again
            }

            if (unauthorized.Content is { } body) await body.LoadIntoBufferAsync().ConfigureAwait(false);
            request.RequestUri = Route.MapToGateway(siteUri, cloudId);
            HttpResponseMessage viaGateway;
            try
            {
                viaGateway = await send(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The gateway could not be reached: the site's answer stands, and a later 401 tries again.
                request.RequestUri = siteUri;
                return unauthorized;
            }
            if (viaGateway.StatusCode == HttpStatusCode.Unauthorized)
            {
                // Refused on both routes: a wrong credential, reported as the site's 401.
                viaGateway.Dispose();
                request.RequestUri = siteUri;
                if (state == Undecided) Volatile.Write(ref _state, Site);
                return unauthorized;
            }
            Volatile.Write(ref _state, Gateway);
            unauthorized.Dispose();
            return viaGateway;
        }
        catch
        {
            unauthorized.Dispose();
            throw;
        }
        finally
        {
            _deciding.Release();
        }
    }
}
