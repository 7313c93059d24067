namespace JiraSdk.Auth;

/// <summary>What both OAuth 2.0 grants need: the app's credentials, the site, and how tokens are fetched.</summary>
public abstract class JiraOAuth2OptionsBase
{
    /// <summary>The client id (of the app in the Atlassian developer console, or of the service account credential).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The site's cloud id, if known; then no accessible-resources lookup is made.</summary>
    public string? CloudId { get; set; }

    /// <summary>
    /// The site URL (e.g. <c>https://your-domain.atlassian.net</c>) used to pick the cloud id among the accessible
    /// resources. When neither this nor <see cref="CloudId"/> is set, the request's host is matched, and a token that
    /// reaches exactly one site uses it.
    /// </summary>
    public Uri? SiteUrl { get; set; }

    /// <summary>How long before expiry the access token is renewed; default one minute.</summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The Atlassian endpoints; override for tests.</summary>
    public JiraOAuth2Endpoints Endpoints { get; set; } = new();

    /// <summary>
    /// Sends token and accessible-resources requests. When <c>null</c>, an HttpClient over the SDK's own pipeline
    /// (timeout, retries, tracing, redacted logging; no authentication) is used.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>The clock for expiry decisions; <see cref="TimeProvider.System"/> when <c>null</c>.</summary>
    public TimeProvider? TimeProvider { get; set; }
}

/// <summary>Settings for OAuth 2.0 (3LO) authentication with Jira Cloud.</summary>
public sealed class JiraOAuth2Options : JiraOAuth2OptionsBase
{
    /// <summary>
    /// The current token set (from <see cref="JiraOAuth2Client.ExchangeCodeAsync"/> or storage). Required unless
    /// <see cref="TokenStore"/> is set, which then supplies it on first use.
    /// </summary>
    public JiraOAuth2Tokens? Tokens { get; set; }

    /// <summary>
    /// Persists every new token set. This or <see cref="TokenStore"/> is required: Atlassian rotates refresh tokens, so a
    /// refresh token that is not saved is lost and the user has to authorize again. Called once per refresh; when it
    /// throws, the call that caused the refresh fails with <see cref="JiraTokenPersistenceException"/>.
    /// </summary>
    public Func<JiraOAuth2Tokens, CancellationToken, Task>? SaveTokensAsync { get; set; }

    /// <summary>
    /// Loads the first token set (when <see cref="Tokens"/> is unset) and saves every new one, e.g.
    /// <see cref="JiraOAuth2FileTokenStore"/> or your own <see cref="IJiraOAuth2TokenStore"/>. Cannot be combined with
    /// <see cref="SaveTokensAsync"/>.
    /// </summary>
    public IJiraOAuth2TokenStore? TokenStore { get; set; }

    /// <summary>Names the client; never shows secrets or tokens.</summary>
    public override string ToString() => $"OAuth 2.0 (3LO) options for client '{ClientId}' (secret and tokens redacted)";
}

/// <summary>Settings for the OAuth 2.0 client credentials grant (Atlassian service accounts).</summary>
public sealed class JiraOAuth2ClientCredentialsOptions : JiraOAuth2OptionsBase
{
    /// <summary>Scopes to request; when empty, the token carries the scopes the credential was created with.</summary>
    public IList<string> Scopes { get; set; } = new List<string>();

    /// <summary>Names the client; never shows the secret.</summary>
    public override string ToString() => $"OAuth 2.0 client credentials options for client '{ClientId}' (secret redacted)";
}
