using System.CommandLine;
using JiraSdk.Auth;

namespace JiraSdk.Cli.Configuration;

/// <summary>The kinds of credentials the tool can use.</summary>
internal enum AuthKind
{
    Basic,
    Pat,
    OAuth1,
    OAuth2,
}

/// <summary>
/// The configuration of one run: each value from its option, else its environment variable, else the profile file.
/// Secrets are held here and handed to the SDK; nothing in this type prints them.
/// </summary>
internal sealed class CliSettings
{
    private CliSettings(ProfileStore store, CliProfile profile)
    {
        Store = store;
        Profile = profile;
    }

    public ProfileStore Store { get; }
    public CliProfile Profile { get; }
    public Uri? SiteUrl { get; private set; }
    public string ApiVersion { get; private set; } = "3";
    public string? ExplicitAuth { get; private set; }
    public string? Email { get; private set; }
    public string? ApiToken { get; private set; }
    public string? Pat { get; private set; }
    public string? ConsumerKey { get; private set; }
    public string? PrivateKeyFile { get; private set; }
    public string? OAuth1AccessToken { get; private set; }
    public string? ClientId { get; private set; }
    public string? ClientSecret { get; private set; }

    /// <summary>
    /// The API gateway basic authentication moves to when the site refuses a scoped API token (env
    /// <c>JIRA_API_GATEWAY_URL</c>, profile <c>apiGatewayBaseUrl</c>); the SDK's default, <c>https://api.atlassian.com</c>, when unset.
    /// </summary>
    public Uri? ApiGatewayBaseUrl { get; private set; }

    public static async Task<CliSettings> ResolveAsync(ParseResult parse, GlobalOptions options, CliContext context, CancellationToken cancellationToken)
    {
        var store = ProfileStore.Locate(parse.GetValue(options.Profile), context);
        var profile = await store.LoadAsync(cancellationToken);
        string? Pick(Option<string?> option, string? variable, string? fromProfile) =>
            Blank(parse.GetValue(option)) ?? (variable is null ? null : context.GetEnvironment(variable)) ?? Blank(fromProfile);

        var settings = new CliSettings(store, profile);
        var url = Pick(options.Url, "JIRA_URL", profile.Url);
        if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp))
                throw new UsageException($"The Jira URL '{url}' is not an absolute http(s) URL.");
            settings.SiteUrl = site.AbsoluteUri.EndsWith('/') ? site : new Uri(site.AbsoluteUri + "/");
        }
        settings.ApiVersion = Pick(options.ApiVersion, "JIRA_API_VERSION", profile.ApiVersion) ?? "3";
        if (settings.ApiVersion is not ("2" or "3")) throw new UsageException($"--api must be 2 or 3, not '{settings.ApiVersion}'.");
        settings.ExplicitAuth = Pick(options.Auth, "JIRA_AUTH", profile.Auth)?.ToLowerInvariant();
        settings.Email = Pick(options.Email, "JIRA_EMAIL", profile.Email);
        settings.ApiToken = Pick(options.ApiToken, "JIRA_API_TOKEN", profile.ApiToken);
        settings.Pat = Pick(options.Pat, "JIRA_PAT", profile.PersonalAccessToken);
        settings.ConsumerKey = Pick(options.ConsumerKey, "JIRA_OAUTH1_CONSUMER_KEY", profile.OAuth1?.ConsumerKey);
        var keyFile = Pick(options.PrivateKeyFile, "JIRA_OAUTH1_PRIVATE_KEY_FILE", profile.OAuth1?.PrivateKeyFile);
        settings.PrivateKeyFile = keyFile is null ? null : context.ResolvePath(keyFile);
        settings.OAuth1AccessToken = Pick(options.AccessToken, "JIRA_OAUTH1_ACCESS_TOKEN", profile.OAuth1?.AccessToken);
        settings.ClientId = Pick(options.ClientId, "JIRA_OAUTH2_CLIENT_ID", profile.OAuth2?.ClientId);
        settings.ClientSecret = Pick(options.ClientSecret, "JIRA_OAUTH2_CLIENT_SECRET", profile.OAuth2?.ClientSecret);
        if ((context.GetEnvironment("JIRA_API_GATEWAY_URL") ?? Blank(profile.ApiGatewayBaseUrl)) is { } gateway)
            settings.ApiGatewayBaseUrl = Uri.TryCreate(gateway, UriKind.Absolute, out var gatewayUrl) && (gatewayUrl.Scheme == Uri.UriSchemeHttps || gatewayUrl.Scheme == Uri.UriSchemeHttp)
                ? gatewayUrl
                : throw new UsageException($"The API gateway URL '{gateway}' (JIRA_API_GATEWAY_URL or the profile's apiGatewayBaseUrl) is not an absolute http(s) URL.");
        return settings;
    }

    public Uri RequireSiteUrl() =>
        SiteUrl ?? throw new UsageException("No Jira site configured: pass --url, set JIRA_URL, or put \"url\" in the profile.");

    /// <summary>
    /// The credentials to send: the kind named by <c>--auth</c>, or else the first complete set in the order basic, PAT,
    /// OAuth 1.0a, OAuth 2.0.
    /// </summary>
    public AuthKind SelectAuthKind()
    {
        if (ExplicitAuth is not null)
        {
            var kind = ExplicitAuth switch
            {
                "basic" => AuthKind.Basic,
                "pat" => AuthKind.Pat,
                "oauth1" => AuthKind.OAuth1,
                "oauth2" => AuthKind.OAuth2,
                _ => throw new UsageException($"--auth must be basic, pat, oauth1 or oauth2, not '{ExplicitAuth}'."),
            };
            var missing = Missing(kind);
            if (missing.Count > 0) throw new UsageException($"--auth {ExplicitAuth} needs {string.Join(", ", missing)}.");
            return kind;
        }
        foreach (var kind in new[] { AuthKind.Basic, AuthKind.Pat, AuthKind.OAuth1, AuthKind.OAuth2 })
            if (Missing(kind).Count == 0) return kind;
        throw new UsageException(
            "No credentials configured: set JIRA_EMAIL and JIRA_API_TOKEN, or JIRA_PAT, or the JIRA_OAUTH1_* variables, or run 'jira oauth1 login' or 'jira oauth2 login'.");
    }

    private List<string> Missing(AuthKind kind)
    {
        var missing = new List<string>();
        void Need(string? value, string name)
        {
            if (value is null) missing.Add(name);
        }
        switch (kind)
        {
            case AuthKind.Basic:
                Need(Email, "JIRA_EMAIL");
                Need(ApiToken, "JIRA_API_TOKEN");
                break;
            case AuthKind.Pat:
                Need(Pat, "JIRA_PAT");
                break;
            case AuthKind.OAuth1:
                Need(ConsumerKey, "JIRA_OAUTH1_CONSUMER_KEY");
                Need(PrivateKeyFile, "JIRA_OAUTH1_PRIVATE_KEY_FILE");
                Need(OAuth1AccessToken, "JIRA_OAUTH1_ACCESS_TOKEN (run 'jira oauth1 login')");
                break;
            case AuthKind.OAuth2:
                Need(ClientId, "JIRA_OAUTH2_CLIENT_ID");
                Need(ClientSecret, "JIRA_OAUTH2_CLIENT_SECRET");
                Need(Profile.OAuth2?.AccessToken, "stored OAuth 2.0 tokens (run 'jira oauth2 login')");
                break;
        }
        return missing;
    }

    /// <summary>Reads the OAuth 1.0a private key file; a missing or unreadable file is a usage error.</summary>
    /// <remarks>Commands that need the access token get it checked by <see cref="SelectAuthKind"/>; <c>oauth1 login</c> has none yet.</remarks>
    public async Task<JiraOAuth1Options> OAuth1OptionsAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (ConsumerKey is null) throw new UsageException("OAuth 1.0a needs a consumer key: pass --consumer-key or set JIRA_OAUTH1_CONSUMER_KEY.");
        if (PrivateKeyFile is null) throw new UsageException("OAuth 1.0a needs the private key: pass --private-key-file or set JIRA_OAUTH1_PRIVATE_KEY_FILE (make one with 'jira oauth1 keygen').");
        string pem;
        try
        {
            pem = await File.ReadAllTextAsync(PrivateKeyFile, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read the private key file '{PrivateKeyFile}': {ex.Message}");
        }
        return new JiraOAuth1Options
        {
            ConsumerKey = ConsumerKey,
            PrivateKeyPem = pem,
            AccessToken = OAuth1AccessToken,
            AccessTokenSecret = Profile.OAuth1?.AccessTokenSecret,
            TimeProvider = context.TimeProvider,
        };
    }

    public JiraOAuth2Endpoints OAuth2Endpoints()
    {
        var endpoints = new JiraOAuth2Endpoints();
        var stored = Profile.OAuth2;
        if (stored?.AuthorizeEndpoint is { } authorize) endpoints.AuthorizeEndpoint = ParseUrl(authorize, "oauth2.authorizeEndpoint");
        if (stored?.TokenEndpoint is { } token) endpoints.TokenEndpoint = ParseUrl(token, "oauth2.tokenEndpoint");
        if (stored?.ApiGatewayBaseUrl is { } gateway) endpoints.ApiGatewayBaseUrl = ParseUrl(gateway, "oauth2.apiGatewayBaseUrl");
        return endpoints;
    }

    private static Uri ParseUrl(string value, string name) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) ? url : throw new UsageException($"The profile's {name} '{value}' is not an absolute URL.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Never shows a secret.</summary>
    public override string ToString() => $"settings for {SiteUrl?.ToString() ?? "(no site)"} (secrets redacted)";
}
