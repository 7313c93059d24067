using JiraSdk.Auth;
using JiraSdk.Http;
using Microsoft.Extensions.Logging;

namespace JiraSdk;

/// <summary>How a <see cref="JiraClient"/> reaches a Jira site.</summary>
public sealed class JiraClientOptions
{
    /// <summary>The site URL, e.g. <c>https://your-domain.atlassian.net</c> or a Data Center base URL with its context path.</summary>
    public Uri? SiteUrl { get; set; }

    /// <summary>
    /// The credentials (<c>JiraAuthentication.Basic</c>, <c>.PersonalAccessToken</c>, <c>.OAuth1</c>, <c>.OAuth2</c>, …).
    /// Every pipeline built from these options shares this one instance, so token renewals are shared too. Unset means
    /// anonymous calls.
    /// </summary>
    public JiraAuthentication? Authentication { get; set; }

    /// <summary>
    /// For schemes <see cref="Authentication"/> does not cover: creates a handler that authenticates requests (one per
    /// pipeline instance). It sits where the authentication handler would, inside the retry handler, so every attempt is
    /// authenticated anew. Cannot be combined with <see cref="Authentication"/>.
    /// </summary>
    public Func<DelegatingHandler>? AuthenticationHandler { get; set; }

    /// <summary>
    /// Sends every request for the site through Atlassian's API gateway, <c>{ApiGatewayBaseUrl}/ex/jira/{cloudId}/…</c>,
    /// as scoped API tokens require: they work only there, with Basic authentication (email + scoped token), and the site
    /// answers 401 to them. Requires <c>JiraAuthentication.Basic</c>. The cloud id is <see cref="CloudId"/>, or read once
    /// without credentials from <c>{SiteUrl}/_edge/tenant_info</c> through this client's pipeline. Default <c>false</c>.
    /// </summary>
    public bool UseApiGateway { get; set; }

    /// <summary>
    /// Detects scoped API tokens when <see cref="UseApiGateway"/> is off and <see cref="Authentication"/> is
    /// <c>JiraAuthentication.Basic</c>: until the site accepts a call, a 401 from it makes the client read the cloud id
    /// from <c>{SiteUrl}/_edge/tenant_info</c> (without credentials) and send the refused request once more through
    /// <c>{ApiGatewayBaseUrl}/ex/jira/{cloudId}/…</c>. If the gateway accepts it, every later call goes there; if the site
    /// has no cloud id or the gateway refuses too (or cannot be reached), the client stays on the site and the site's 401
    /// is raised as before. Decided once per client. Default <c>true</c>, so a scoped token works with the site URL
    /// alone; it applies to Jira Cloud site names (<c>*.atlassian.net</c>, <c>*.jira.com</c>) or when
    /// <see cref="ApiGatewayBaseUrl"/> is set, so Data Center credentials never go to Atlassian's gateway. Set
    /// <see cref="UseApiGateway"/> for a Cloud site on a custom domain, or <c>false</c> here to never try the gateway.
    /// </summary>
    public bool DetectScopedApiTokens { get; set; } = true;

    /// <summary>The site's cloud id for <see cref="UseApiGateway"/> (or detection); when unset it is read from <c>/_edge/tenant_info</c>.</summary>
    public string? CloudId { get; set; }

    /// <summary>The API gateway for <see cref="UseApiGateway"/> and <see cref="DetectScopedApiTokens"/>; default <c>https://api.atlassian.com</c>. Override for tests.</summary>
    public Uri ApiGatewayBaseUrl { get; set; } = DefaultApiGatewayBaseUrl;

    private static readonly Uri DefaultApiGatewayBaseUrl = new("https://api.atlassian.com");

    /// <summary>When and how long to retry. Defaults: 4 attempts, at most 60 seconds of waiting.</summary>
    public JiraRetryOptions Retry { get; set; } = new();

    /// <summary>The limit for a whole call: every attempt, the waits between them and the reading of a JSON or text body.
    /// Default 100 seconds, at most 2^32 - 2 milliseconds (about 49.7 days, the timers' limit; a client with a longer one is
    /// refused with <see cref="ArgumentOutOfRangeException"/>); <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.
    /// A streamed download's reads keep the same deadline.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The most bytes of a JSON or text response body the pipeline reads into memory, counted after decompression; a larger
    /// body fails the call with <see cref="JiraSdk.Errors.JiraResponseTooLargeException"/> (not retried) as soon as it passes
    /// the limit, so a decompression bomb or a runaway body cannot exhaust memory. Default 256 MiB. Downloads are streamed
    /// and not limited.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public long MaxResponseBodyBytes
    {
        get => _maxResponseBodyBytes;
        set => _maxResponseBodyBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The response body limit must be positive.");
    }

    private long _maxResponseBodyBytes = JiraPipelineSettings.DefaultMaxResponseBodyBytes;

    /// <summary>Your application's product token for <c>User-Agent</c> (e.g. <c>DocsReminder/1.2</c>); <c>JiraSdk/version</c> is always added.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Where the SDK logs (category <c>JiraSdk.Http</c>); secrets are redacted. With dependency injection the container's factory is used when unset.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Where responses that do not match Atlassian's spec are reported (once per place, never the value), and whether
    /// they fail the call (<see cref="JiraSdk.Serialization.JiraSchemaDiagnostics.Strict"/>, for tests). Unset: read
    /// tolerantly and log a warning through <see cref="LoggerFactory"/> (category <c>JiraSdk.Serialization</c>).
    /// </summary>
    public JiraSdk.Serialization.JiraSchemaDiagnostics? SchemaDiagnostics { get; set; }

    /// <summary>The clock for retry waits and timeouts; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Creates the handler that talks to the network, for a proxy, client certificates or a test double; by default a
    /// <c>SocketsHttpHandler</c> (the pipeline asks for compressed responses and decodes them itself). Turn automatic redirects off on your handler: the pipeline
    /// follows redirects itself, so that credentials never reach another host.
    /// </summary>
    public Func<HttpMessageHandler>? PrimaryHandler { get; set; }

    internal HttpMessageHandler CreatePrimaryHandler() => PrimaryHandler?.Invoke() ?? JiraHttpPipeline.CreatePrimaryHandler();

    internal Uri ValidatedSiteUrl()
    {
        var site = SiteUrl ?? throw new InvalidOperationException($"{nameof(JiraClientOptions)}.{nameof(SiteUrl)} is required.");
        if (!site.IsAbsoluteUri || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"{nameof(JiraClientOptions)}.{nameof(SiteUrl)} must be an absolute http(s) URL.");
        if (!string.IsNullOrEmpty(site.UserInfo))
            throw new InvalidOperationException($"{nameof(JiraClientOptions)}.{nameof(SiteUrl)} must not carry credentials; use the authentication option.");
        // The generated clients append relative paths, which only works below a base address ending in '/'.
        return site.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? site : new Uri(site.GetLeftPart(UriPartial.Path) + "/");
    }

    internal JiraPipelineSettings ToPipelineSettings(ILoggerFactory? fallbackLoggerFactory) => new()
    {
        Retry = Retry ?? new JiraRetryOptions(),
        Timeout = Timeout,
        MaxResponseBodyBytes = MaxResponseBodyBytes,
        Authentication = Authentication,
        CreateAuthenticationHandler = AuthenticationHandlerFactory(),
        LoggerFactory = LoggerFactory ?? fallbackLoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        Time = TimeProvider ?? TimeProvider.System,
        SchemaDiagnostics = SchemaDiagnostics,
        ApiGateway = ApiGatewayRouteOrNull(),
        ScopedTokenDetection = ScopedTokenDetectionOrNull(),
    };

    private ScopedTokenDetection? ScopedTokenDetectionOrNull() =>
        DetectScopedApiTokens && !UseApiGateway && Authentication is BasicAuthentication
        && SiteUrl is { IsAbsoluteUri: true } site && ApiGatewayBaseUrl is { IsAbsoluteUri: true }
        && (IsJiraCloudSiteName(site) || !ReferenceEquals(ApiGatewayBaseUrl, DefaultApiGatewayBaseUrl))
            ? new ScopedTokenDetection(new ApiGatewayRoute(ValidatedSiteUrl(), ApiGatewayBaseUrl, CloudId))
            : null;

    /// <summary>Atlassian's Cloud site names; any other host may be Data Center, whose credentials stay off the gateway.</summary>
    private static bool IsJiraCloudSiteName(Uri site) =>
        site.Scheme == Uri.UriSchemeHttps
        && (site.IdnHost.EndsWith(".atlassian.net", StringComparison.OrdinalIgnoreCase) || site.IdnHost.EndsWith(".jira.com", StringComparison.OrdinalIgnoreCase));

    private ApiGatewayRoute? ApiGatewayRouteOrNull()
    {
        if (!UseApiGateway) return null;
        if (Authentication is not BasicAuthentication)
            throw new InvalidOperationException(
                $"{nameof(JiraClientOptions)}.{nameof(UseApiGateway)} routes Basic authentication with a scoped API token; set {nameof(Authentication)} to JiraAuthentication.Basic(email, token). OAuth 2.0 routes through the gateway by itself.");
        if (ApiGatewayBaseUrl is null || !ApiGatewayBaseUrl.IsAbsoluteUri)
            throw new InvalidOperationException($"{nameof(JiraClientOptions)}.{nameof(ApiGatewayBaseUrl)} must be an absolute URL.");
        return new ApiGatewayRoute(ValidatedSiteUrl(), ApiGatewayBaseUrl, CloudId);
    }

    private Func<DelegatingHandler?>? AuthenticationHandlerFactory()
    {
        if (Authentication is not null && AuthenticationHandler is not null)
            throw new InvalidOperationException($"Set either {nameof(JiraClientOptions)}.{nameof(Authentication)} or {nameof(AuthenticationHandler)}, not both.");
        return AuthenticationHandler;
    }

    internal void ApplyTo(HttpClient httpClient)
    {
        httpClient.BaseAddress = ValidatedSiteUrl();
        // The pipeline's TimeoutHandler owns the deadline; HttpClient's own would surface as an indistinct cancellation.
        httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrWhiteSpace(UserAgent) && !httpClient.DefaultRequestHeaders.UserAgent.TryParseAdd(UserAgent))
            throw new InvalidOperationException($"'{UserAgent}' is not a valid User-Agent product token (e.g. MyApp/1.0).");
    }
}
