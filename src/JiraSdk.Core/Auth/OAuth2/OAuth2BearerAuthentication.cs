using System.Net.Http.Headers;

namespace JiraSdk.Auth;

/// <summary>
/// What both OAuth 2.0 flows share: a bearer token from a single-flight source, a route from the site URL to
/// <c>{gateway}/ex/jira/{cloudId}/…</c> (applied by the pipeline's route step, before authentication), and one renewal
/// after a 401 unless the 401 is about scopes.
/// </summary>
internal abstract class OAuth2BearerAuthentication : JiraAuthentication
{
    private const string ScopeMismatch = "scope does not match";
    private readonly OAuth2TokenSource _tokens;
    private readonly CloudSiteResolver _sites;
    private readonly JiraOAuth2Endpoints _endpoints;

    private readonly JiraOAuth2Client _client;

    /// <summary>The token client both grants use, from the settings they share.</summary>
    private protected static JiraOAuth2Client CreateClient(JiraOAuth2OptionsBase options)
    {
        if (options.Endpoints is null) throw new JiraCredentialsException($"{options.GetType().Name}.Endpoints cannot be null.");
        return new JiraOAuth2Client(options.HttpClient ?? CreateTokenHttpClient(options.TimeProvider), options.ClientId, options.ClientSecret, options.Endpoints, options.TimeProvider);
    }

    /// <summary>
    /// Token and accessible-resources calls go through the SDK's pipeline (timeout, retry of idempotent calls, tracing,
    /// logging with redaction), without authentication: they carry their own credentials.
    /// </summary>
    internal static HttpClient CreateTokenHttpClient(TimeProvider? timeProvider)
    {
        var settings = new Http.JiraPipelineSettings { Time = timeProvider ?? TimeProvider.System };
        var handler = Http.JiraHttpPipeline.Chain(Http.JiraHttpPipeline.CreateHandlers(settings), Http.JiraHttpPipeline.CreatePrimaryHandler());
        // Built from JiraHttpPipeline's own handlers: the same door as JiraClient, minus authentication.
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    private protected OAuth2BearerAuthentication(OAuth2TokenSource tokens, JiraOAuth2Client client, string? cloudId, Uri? siteUrl, JiraOAuth2Endpoints endpoints)
    {
        _tokens = tokens;
        _client = client;
        _sites = new CloudSiteResolver(cloudId, siteUrl, ListSitesAsync);
        _endpoints = endpoints;
    }

    internal override bool CanRenewAfterUnauthorized => true;

    internal override async ValueTask RouteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
            throw new JiraCredentialsException("OAuth 2.0 requests need an absolute URI; set HttpClient.BaseAddress to the Jira site.");
        var tokens = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        var cloudId = await _sites.GetCloudIdAsync(uri, tokens.AccessToken, cancellationToken).ConfigureAwait(false);
        var route = _endpoints.JiraBaseFor(cloudId);
        if (IsGatewayRequest(uri))
        {
            // Already on the gateway (a hop, a self link): the token goes to the chosen site's route only, never to
            // another path or another site's cloud id there.
            if (!uri.AbsoluteUri.StartsWith(route.AbsoluteUri, StringComparison.OrdinalIgnoreCase)) Http.RequestProperties.WithdrawCredentials(request);
            return;
        }
        request.RequestUri = MapToGateway(route, uri);
    }

    internal override async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
    }

    internal override async ValueTask<bool> TryRenewAfterUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // A token without the needed scope stays without it after a refresh; refreshing would only burn a rotation.
        if (await SaysScopeDoesNotMatchAsync(response).ConfigureAwait(false)) return false;
        var rejected = response.RequestMessage?.Headers.Authorization?.Parameter;
        await _tokens.RenewAfterRejectionAsync(rejected, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Lists the accessible sites; a rejected token is renewed once, as for any other request.</summary>
    private async Task<IReadOnlyList<JiraCloudResource>> ListSitesAsync(string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetAccessibleResourcesAsync(accessToken, cancellationToken).ConfigureAwait(false);
        }
        catch (AccessTokenRejectedException)
        {
            await _tokens.RenewAfterRejectionAsync(accessToken, cancellationToken).ConfigureAwait(false);
            var renewed = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            return await _client.GetAccessibleResourcesAsync(renewed.AccessToken, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsGatewayRequest(Uri uri) =>
        Uri.Compare(uri, _endpoints.ApiGatewayBaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary><c>https://site.atlassian.net/rest/api/3/myself?x=1</c> → <c>{jiraBase}rest/api/3/myself?x=1</c>.</summary>
    internal static Uri MapToGateway(Uri jiraBase, Uri siteRequest) =>
        new(jiraBase.AbsoluteUri + siteRequest.PathAndQuery.TrimStart('/'));

    private static async Task<bool> SaysScopeDoesNotMatchAsync(HttpResponseMessage response)
    {
        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if (challenge.ToString().IndexOf(ScopeMismatch, StringComparison.OrdinalIgnoreCase) >= 0) return true;
        }
        if (response.Content is null) return false;
        // Buffered, so the caller can still read the body of the 401 that is handed back.
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return body.IndexOf(ScopeMismatch, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}

/// <summary>OAuth 2.0 (3LO): refreshes with the rotating refresh token and persists every new token set.</summary>
internal sealed class OAuth2Authentication : OAuth2BearerAuthentication
{
    private readonly string _clientId;

    internal OAuth2Authentication(JiraOAuth2Options options) : this(options, Validate(options))
    {
    }

    private OAuth2Authentication(JiraOAuth2Options options, JiraOAuth2Client client)
        : base(
            new OAuth2TokenSource(options.Tokens, (current, ct) => RefreshAsync(client, current, ct),
                options.SaveTokensAsync ?? options.TokenStore!.SaveAsync, options.TimeProvider ?? TimeProvider.System, options.RefreshSkew,
                options.Tokens is null ? options.TokenStore!.LoadAsync : null),
            client,
            options.CloudId,
            options.SiteUrl,
            options.Endpoints)
    {
        _clientId = options.ClientId;
    }

    private static JiraOAuth2Client Validate(JiraOAuth2Options options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (options.SaveTokensAsync is not null && options.TokenStore is not null)
            throw new JiraCredentialsException("Set either JiraOAuth2Options.SaveTokensAsync or TokenStore, not both.");
        if (options.Tokens is null && options.TokenStore is null)
            throw new JiraCredentialsException("OAuth 2.0 needs the current tokens (JiraOAuth2Options.Tokens or a TokenStore that holds them); JiraOAuth2Client.ExchangeCodeAsync obtains the first set.");
        if (options.SaveTokensAsync is null && options.TokenStore is null)
            throw new JiraCredentialsException("OAuth 2.0 needs JiraOAuth2Options.SaveTokensAsync or TokenStore: Atlassian rotates refresh tokens, and an unsaved one is lost for good.");
        return CreateClient(options);
    }

    private static Task<JiraOAuth2Tokens> RefreshAsync(JiraOAuth2Client client, JiraOAuth2Tokens? current, CancellationToken cancellationToken)
    {
        if (current?.RefreshToken is not { } refreshToken)
            throw new JiraReauthorizationRequiredException(
                "The OAuth 2.0 access token expired and there is no refresh token (was the offline_access scope granted?). The user must authorize the app again.");
        return client.RefreshAsync(refreshToken, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"OAuth 2.0 (3LO) authentication for client '{_clientId}' (tokens redacted)";
}

/// <summary>OAuth 2.0 client credentials (service accounts): a new token is simply requested again.</summary>
internal sealed class OAuth2ClientCredentialsAuthentication : OAuth2BearerAuthentication
{
    private readonly string _clientId;

    internal OAuth2ClientCredentialsAuthentication(JiraOAuth2ClientCredentialsOptions options) : this(options, Validate(options))
    {
    }

    private OAuth2ClientCredentialsAuthentication(JiraOAuth2ClientCredentialsOptions options, JiraOAuth2Client client)
        : this(options, client, options.Scopes?.ToArray() ?? Array.Empty<string>())
    {
    }

    private OAuth2ClientCredentialsAuthentication(JiraOAuth2ClientCredentialsOptions options, JiraOAuth2Client client, string[] scopes)
        : base(
            new OAuth2TokenSource(null, (_, ct) => client.RequestClientCredentialsTokensAsync(scopes, ct), null, options.TimeProvider ?? TimeProvider.System, options.RefreshSkew),
            client,
            options.CloudId,
            options.SiteUrl,
            options.Endpoints)
    {
        _clientId = options.ClientId;
    }

    private static JiraOAuth2Client Validate(JiraOAuth2ClientCredentialsOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        return CreateClient(options);
    }

    /// <inheritdoc />
    public override string ToString() => $"OAuth 2.0 client credentials authentication for client '{_clientId}' (secret redacted)";
}
