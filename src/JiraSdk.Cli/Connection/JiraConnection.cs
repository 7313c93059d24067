using JiraSdk.Auth;
using JiraSdk.Cli.Configuration;
using JiraSdk.Errors;
using JiraSdk.Raw;

namespace JiraSdk.Cli.Connection;

/// <summary>A successful response as the commands need it: status, reason and body text.</summary>
internal sealed record JiraResponse(int StatusCode, string ReasonPhrase, string Body);

/// <summary>
/// Where the commands get their <see cref="JiraClient"/>: one on the site URL with the configured credentials, so every
/// command gets the SDK's whole pipeline (route, authentication, rate-limit governor, retry, safe redirects, timeout,
/// and the library's judgement of failure: status, X-Seraph-LoginReason, CAPTCHA, HTML login pages), and ones without
/// credentials for the calls that carry their own (the OAuth token dances). The CLI makes no HttpClient of its own and
/// never decides success by status code itself.
/// </summary>
internal sealed class JiraConnection : IDisposable
{
    private readonly JiraClient _jira;
    private readonly JiraClient? _tokenCalls;

    private JiraConnection(JiraClient jira, JiraClient? tokenCalls, string apiVersion)
    {
        _jira = jira;
        _tokenCalls = tokenCalls;
        ApiVersion = apiVersion;
    }

    /// <summary>The REST API version of the search and issue commands ("2" or "3").</summary>
    public string ApiVersion { get; }

    public Uri SiteUrl => _jira.HttpClient.BaseAddress!;

    /// <summary>The SDK client every command sends through.</summary>
    public JiraClient Client => _jira;

    /// <summary>The client with the SDK pipeline on the site URL, for SDK components that take an HttpClient (webhook registrar, polling).</summary>
    public HttpClient Http => _jira.HttpClient;

    public static async Task<JiraConnection> OpenAsync(CliSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var site = settings.RequireSiteUrl();
        JiraClient? tokenCalls = null;
        try
        {
            var authentication = await CreateAuthenticationAsync(settings, context, endpoint => tokenCalls = OpenWithoutCredentials(context, endpoint), cancellationToken);
            var options = Options(context, site, authentication);
            // A scoped API token the site refuses moves to the gateway (the SDK detects it); a configured gateway also
            // lets that happen for a site that is not *.atlassian.net.
            if (settings.ApiGatewayBaseUrl is { } gateway) options.ApiGatewayBaseUrl = gateway;
            return new JiraConnection(new JiraClient(options), tokenCalls, settings.ApiVersion);
        }
        catch
        {
            tokenCalls?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A client without credentials, over the same pipeline and network handler as the command's own: for requests that
    /// carry their own credentials (the OAuth 1.0a token dance on the site, OAuth 2.0 token calls at the authorization
    /// server). Requests to other hosts than <paramref name="baseUrl"/> are sent as given (absolute URLs).
    /// </summary>
    public static JiraClient OpenWithoutCredentials(CliContext context, Uri baseUrl) => new(Options(context, baseUrl, authentication: null));

    private static JiraClientOptions Options(CliContext context, Uri site, JiraAuthentication? authentication)
    {
        // A wait the user would otherwise take for a hang is said on stderr.
        context.Retry.Waiting ??= wait =>
        {
            if (wait.IsRateLimited)
                context.Error.WriteLine($"jira: rate limited; retrying in {Math.Ceiling(wait.Delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)} s");
        };
        return new JiraClientOptions
        {
            SiteUrl = site,
            Authentication = authentication,
            UserAgent = "jira-cli/" + (typeof(JiraConnection).Assembly.GetName().Version?.ToString(3) ?? "0"),
            TimeProvider = context.TimeProvider,
            Retry = context.Retry,
            // Only a test's handler replaces the SDK's own, which turns off automatic redirects so that the pipeline's
            // RedirectHandler decides where credentials may go.
            PrimaryHandler = context.CreatePrimaryHandler,
        };
    }

    private static async Task<JiraAuthentication> CreateAuthenticationAsync(
        CliSettings settings, CliContext context, Func<Uri, JiraClient> tokenClientFor, CancellationToken cancellationToken)
    {
        switch (settings.SelectAuthKind())
        {
            case AuthKind.Basic:
                return JiraAuthentication.Basic(settings.Email!, settings.ApiToken!);
            case AuthKind.Pat:
                return JiraAuthentication.PersonalAccessToken(settings.Pat!);
            case AuthKind.OAuth1:
                return JiraAuthentication.OAuth1(await settings.OAuth1OptionsAsync(context, cancellationToken));
            default:
                var stored = settings.Profile.OAuth2!;
                var endpoints = settings.OAuth2Endpoints();
                return JiraAuthentication.OAuth2(new JiraOAuth2Options
                {
                    ClientId = settings.ClientId!,
                    ClientSecret = settings.ClientSecret!,
                    Tokens = new JiraOAuth2Tokens(stored.AccessToken!, stored.RefreshToken, stored.ExpiresAt ?? DateTimeOffset.MinValue, stored.Scope),
                    SaveTokensAsync = (tokens, ct) => OAuth2TokenStorage.SaveAsync(settings, tokens, cloudId: null, ct),
                    CloudId = stored.CloudId,
                    SiteUrl = settings.SiteUrl,
                    Endpoints = endpoints,
                    // Refreshes and the accessible-resources lookup go through the SDK's pipeline too, without the
                    // user's bearer token: they carry the app's credentials.
                    HttpClient = tokenClientFor(endpoints.TokenEndpoint).HttpClient,
                    TimeProvider = context.TimeProvider,
                });
        }
    }

    /// <summary>Sends one request through <see cref="JiraClient"/>'s universal request; a failed one raises the SDK's <see cref="JiraException"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">A path on the site, with any query (<c>/rest/api/2/search?jql=…</c> or without the slash).</param>
    /// <param name="jsonBody">A JSON request body, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<JiraResponse> SendAsync(HttpMethod method, string relativePath, string? jsonBody, CancellationToken cancellationToken)
    {
        var options = new JiraRequestOptions();
        // Jira refuses state-changing requests without this header from clients it takes for browsers (XSRF check).
        options.Headers["X-Atlassian-Token"] = "no-check";
        if (jsonBody is not null) options.WithJsonBody(jsonBody);
        using var response = await _jira.SendForResponseAsync(method, SiteAddressOf(relativePath), options, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new JiraResponse((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, body);
    }

    /// <summary>Sends one request and returns the body of its successful response; a failed one raises the SDK's exception.</summary>
    public async Task<string> SendExpectingSuccessAsync(HttpMethod method, string relativePath, string? jsonBody, CancellationToken cancellationToken) =>
        (await SendAsync(method, relativePath, jsonBody, cancellationToken)).Body;

    /// <summary>
    /// The user's path with its query already written out, as a URL on the site: braces are escaped so the universal
    /// request reads none of them as a <c>{placeholder}</c>, and the site's context path is kept.
    /// </summary>
    private string SiteAddressOf(string relativePath) =>
        new Uri(SiteUrl, relativePath.TrimStart('/').Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal)).AbsoluteUri;

    public void Dispose()
    {
        _jira.Dispose();
        _tokenCalls?.Dispose();
    }
}
