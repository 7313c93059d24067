using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JiraSdk.Http;

/// <summary>What the pipeline is built from; JiraClientOptions maps onto it.</summary>
internal sealed class JiraPipelineSettings
{
    public JiraRetryOptions Retry { get; set; } = new();

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>256 MiB: far above any Jira answer read into memory (a search page of 5000 issues with every field), far below what would exhaust a process.</summary>
    public const long DefaultMaxResponseBodyBytes = 256L * 1024 * 1024;

    /// <summary>The most bytes of a JSON or text body the pipeline reads into memory, decoded; see <c>JiraClientOptions.MaxResponseBodyBytes</c>.</summary>
    public long MaxResponseBodyBytes { get; set; } = DefaultMaxResponseBodyBytes;

    /// <summary>The credentials: the pipeline gets a route step and an authentication step for them.</summary>
    public Auth.JiraAuthentication? Authentication { get; set; }

    /// <summary>A caller's own authentication handler (one per pipeline instance), when <see cref="Authentication"/> is unset.</summary>
    public Func<DelegatingHandler?>? CreateAuthenticationHandler { get; set; }

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Routes site requests through the API gateway (scoped API tokens with Basic authentication); null keeps them on the site.</summary>
    public ApiGatewayRoute? ApiGateway { get; set; }

    /// <summary>Moves Basic authentication to the gateway once the site refuses a token the gateway accepts; null never does.</summary>
    public ScopedTokenDetection? ScopedTokenDetection { get; set; }

    /// <summary>Where schema mismatches in responses are reported; null means a fresh one logging through <see cref="LoggerFactory"/>.</summary>
    public JiraSdk.Serialization.JiraSchemaDiagnostics? SchemaDiagnostics { get; set; }
}

/// <summary>
/// The one place the HTTP pipeline is composed. A request walks it top to bottom; the response walks back up.
/// <code>
/// JiraSchemaDiagnosticsHandler  attaches where the generated clients report responses that do not match the spec
/// ErrorMappingHandler      ours   status ≥ 400 / X-Seraph-LoginReason failure / login page / transport failure → JiraException family
///  TracingHandler          ours   one Activity ("JiraSdk") per call, retries and redirects inside it
///   TimeoutHandler         ours   one deadline for the whole call, body included → JiraTimeoutException
///    RateLimitGovernorHandler ours waits out quota pauses (whole client), burst pauses (endpoint), serialised issue writes, near-limit pacing
///    RetryHandler          ours   429 any method, 502/503/504 + network errors (body reads too) idempotent only
///     ResponseBufferingHandler ours JSON/text bodies read to the end here (up to a limit), so their failures are retried and mapped; gzip/deflate/br asked for and decoded (net8)
///      RedirectHandler     ours   follows 3xx; a hop to another origin is marked to go without credentials
///       RouteHandler       ours   site or API gateway (OAuth 2.0, scoped API tokens configured or detected: api.atlassian.com/ex/jira/{cloudId})
///        authentication    Auth   AuthenticationStep (JiraAuthenticationHandler's work): applied anew on every attempt and hop, renews once on 401
///        UserAgentHandler  ours   adds "JiraSdk/version" to User-Agent, once per request
///         LoggingHandler   ours   one log line per request on the wire, secrets redacted
///          primary         .NET   SocketsHttpHandler (net8: no decompression, the body step does it) / HttpClientHandler (gzip/deflate): no auto-redirect
/// </code>
/// Kiota's CompressionHandler gzips request bodies, which Jira does not accept; response decompression is the body step's
/// on .NET 8 and later (a primary handler that decompresses itself leaves nothing for it to do) and the primary handler's on
/// netstandard2.0.
/// </summary>
internal static class JiraHttpPipeline
{
    public const string LoggerCategory = "JiraSdk.Http";

    /// <summary>The delegating handlers, outermost first; each call returns new instances.</summary>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(JiraPipelineSettings settings)
    {
        var logger = settings.LoggerFactory.CreateLogger(LoggerCategory);
        var diagnostics = settings.SchemaDiagnostics ?? new JiraSdk.Serialization.JiraSchemaDiagnostics();
        diagnostics.Logger ??= settings.LoggerFactory.CreateLogger(JiraSdk.Serialization.JiraSchemaDiagnostics.LoggerCategory);
        var governor = new RateLimitGovernor(settings.Time, settings.Retry);
        var handlers = new List<DelegatingHandler>
        {
            new JiraSdk.Serialization.JiraSchemaDiagnosticsHandler(diagnostics),
            new ErrorMappingHandler(settings.Time),
            new TracingHandler(),
            new TimeoutHandler(settings.Timeout, settings.Time),
            new RateLimitGovernorHandler(governor),
            new RetryHandler(settings.Retry, settings.Time, logger, governor),
            new ResponseBufferingHandler(settings.MaxResponseBodyBytes),
            new RedirectHandler(),
        };
        if (settings.Authentication is { } credentials)
        {
            handlers.Add(new RouteHandler(credentials, settings.ApiGateway, settings.ScopedTokenDetection));
            handlers.Add(new Auth.AuthenticationStep(credentials));
        }
        else if (settings.CreateAuthenticationHandler?.Invoke() is { } authentication)
        {
            handlers.Add(authentication);
        }
        handlers.Add(new UserAgentHandler());
        handlers.Add(new LoggingHandler(logger));
        return handlers;
    }

    /// <summary>The handler that talks to the network.</summary>
    public static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // Compression is asked for and undone by the pipeline's body step (ContentCoding), without .NET's per-call layer.
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            // DNS changes (Atlassian's edge moves) are picked up without recreating the client.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        };
#endif
    }

    /// <summary>Links <paramref name="handlers"/> (outermost first) in front of <paramref name="primary"/>.</summary>
    public static HttpMessageHandler Chain(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler primary)
    {
        var inner = primary;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }
        return inner;
    }

    internal static readonly string SdkVersion =
        typeof(JiraHttpPipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
