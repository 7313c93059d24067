using System.Net.Http.Headers;
using System.Text;
using JiraSdk.Auth;
using JiraSdk.Cli.Configuration;
using JiraSdk.Errors;

namespace JiraSdk.Cli.Connection;

/// <summary>A successful response as the commands need it: status, reason and body text.</summary>
internal sealed record JiraResponse(int StatusCode, string ReasonPhrase, string Body);

/// <summary>
/// The one seam between the commands and the SDK: a <see cref="JiraClient"/> on the site URL, so every command gets the
/// SDK's whole pipeline (authentication, retry on 429 and transient failures, safe redirects, timeout, and the library's
/// judgement of failure: status, X-Seraph-LoginReason, CAPTCHA, HTML login pages). A failed call raises the library's
/// exception; the CLI never decides success by status code itself.
/// </summary>
internal sealed class JiraConnection : IDisposable
{
    private readonly JiraClient _jira;

    private JiraConnection(JiraClient jira, string apiVersion)
    {
        _jira = jira;
        ApiVersion = apiVersion;
    }

    /// <summary>The REST API version of the search and issue commands ("2" or "3").</summary>
    public string ApiVersion { get; }

    public Uri SiteUrl => _jira.HttpClient.BaseAddress!;

    /// <summary>The SDK client every command sends through.</summary>
    public JiraClient Client => _jira;

    /// <summary>The client with the SDK pipeline on the site URL, for SDK components that take an HttpClient (webhook registrar).</summary>
    public HttpClient Http => _jira.HttpClient;

    public static async Task<JiraConnection> OpenAsync(CliSettings settings, CliContext context, CancellationToken cancellationToken)
    {
        var site = settings.RequireSiteUrl();
        var authentication = await CreateAuthenticationAsync(settings, context, cancellationToken);
        // A wait the user would otherwise take for a hang is said on stderr.
        context.Retry.Waiting ??= wait =>
        {
            if (wait.IsRateLimited)
                context.Error.WriteLine($"jira: rate limited; retrying in {Math.Ceiling(wait.Delay.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)} s");
        };
        var jira = new JiraClient(new JiraClientOptions
        {
            SiteUrl = site,
            Authentication = authentication,
            UserAgent = "jira-cli/" + (typeof(JiraConnection).Assembly.GetName().Version?.ToString(3) ?? "0"),
            TimeProvider = context.TimeProvider,
            Retry = context.Retry,
            // Only a test's handler replaces the SDK's own, which turns off automatic redirects so that the pipeline's
            // RedirectHandler decides where credentials may go.
            PrimaryHandler = context.CreatePrimaryHandler,
        });
        return new JiraConnection(jira, settings.ApiVersion);
    }

    private static async Task<JiraAuthentication> CreateAuthenticationAsync(CliSettings settings, CliContext context, CancellationToken cancellationToken)
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
                return JiraAuthentication.OAuth2(new JiraOAuth2Options
                {
                    ClientId = settings.ClientId!,
                    ClientSecret = settings.ClientSecret!,
                    Tokens = new JiraOAuth2Tokens(stored.AccessToken!, stored.RefreshToken, stored.ExpiresAt ?? DateTimeOffset.MinValue, stored.Scope),
                    SaveTokensAsync = (tokens, ct) => OAuth2TokenStorage.SaveAsync(settings, tokens, cloudId: null, ct),
                    CloudId = stored.CloudId,
                    SiteUrl = settings.SiteUrl,
                    Endpoints = settings.OAuth2Endpoints(),
                    HttpClient = new HttpClient(context.NewPrimaryHandler()),
                    TimeProvider = context.TimeProvider,
                });
        }
    }

    /// <summary>Sends one request; a failed one raises the SDK's <see cref="JiraException"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">A path on the site, with any query (<c>/rest/api/2/search?jql=…</c> or without the slash).</param>
    /// <param name="jsonBody">A JSON request body, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<JiraResponse> SendAsync(HttpMethod method, string relativePath, string? jsonBody, CancellationToken cancellationToken)
    {
        // The path comes from the user with its query already written out, so it is sent as given rather than through
        // the SDK's URL templates, which would read any '{' in it as a placeholder.
        using var request = new HttpRequestMessage(method, new Uri(SiteUrl, relativePath.TrimStart('/')));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // Jira refuses state-changing requests without this header from clients it takes for browsers (XSRF check).
        request.Headers.TryAddWithoutValidation("X-Atlassian-Token", "no-check");
        if (jsonBody is not null) request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        using var response = await _jira.SendForResponseAsync(request, cancellationToken: cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new JiraResponse((int)response.StatusCode, response.ReasonPhrase ?? string.Empty, body);
    }

    /// <summary>Sends one request and returns the body of its successful response; a failed one raises the SDK's exception.</summary>
    public async Task<string> SendExpectingSuccessAsync(HttpMethod method, string relativePath, string? jsonBody, CancellationToken cancellationToken) =>
        (await SendAsync(method, relativePath, jsonBody, cancellationToken)).Body;

    public void Dispose() => _jira.Dispose();
}
