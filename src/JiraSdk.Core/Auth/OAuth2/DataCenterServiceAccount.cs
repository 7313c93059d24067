using System.Net.Http.Headers;

namespace JiraSdk.Auth;

/// <summary>Settings for a Jira Data Center service account (Jira 11+, OAuth 2.0 client credentials).</summary>
public sealed class JiraDataCenterServiceAccountOptions
{
    /// <summary>The Data Center base URL with its context path, e.g. <c>https://jira.example.com/jira</c>; tokens come from <c>{SiteUrl}/rest/oauth2/latest/token</c>.</summary>
    public Uri? SiteUrl { get; set; }

    /// <summary>The service account's client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The service account's client secret.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Scopes to request; when empty, the token carries the scopes the service account was given.</summary>
    public IList<string> Scopes { get; set; } = new List<string>();

    /// <summary>How long before expiry a new access token is requested; default one minute.</summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sends token requests; when <c>null</c>, an HttpClient over the SDK's own pipeline (no authentication).</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>The clock for expiry decisions; <see cref="TimeProvider.System"/> when <c>null</c>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Names the client; never shows the secret.</summary>
    public override string ToString() => $"Jira Data Center service account options for client '{ClientId}' (secret redacted)";
}

/// <summary>Client credentials against Jira Data Center's own authorization server; requests stay on the site.</summary>
internal sealed class DataCenterServiceAccountAuthentication : JiraAuthentication
{
    private readonly OAuth2TokenSource _tokens;
    private readonly string _clientId;

    internal DataCenterServiceAccountAuthentication(JiraDataCenterServiceAccountOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (options.SiteUrl is not { IsAbsoluteUri: true } site || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp))
            throw new JiraCredentialsException("A Data Center service account needs the site URL (absolute http(s), e.g. https://jira.example.com).");
        var baseUrl = site.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? site : new Uri(site.AbsoluteUri + "/");
        var endpoints = new JiraOAuth2Endpoints { TokenEndpoint = new Uri(baseUrl, "rest/oauth2/latest/token") };
        var client = new JiraOAuth2Client(options.HttpClient ?? OAuth2BearerAuthentication.CreateTokenHttpClient(options.TimeProvider),
            options.ClientId, options.ClientSecret, endpoints, options.TimeProvider)
        {
            FormEncodedTokenRequests = true,
        };
        var scopes = options.Scopes?.ToArray() ?? Array.Empty<string>();
        _tokens = new OAuth2TokenSource(null, (_, ct) => client.RequestClientCredentialsTokensAsync(scopes, ct), null,
            options.TimeProvider ?? TimeProvider.System, options.RefreshSkew);
        _clientId = options.ClientId;
    }

    internal override async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var tokens = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
    }

    internal override bool CanRenewAfterUnauthorized => true;

    internal override async ValueTask<bool> TryRenewAfterUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await _tokens.RenewAfterRejectionAsync(response.RequestMessage?.Headers.Authorization?.Parameter, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"Jira Data Center service account authentication for client '{_clientId}' (secret redacted)";
}
