using System.Net.Http.Headers;
using System.Text;

namespace JiraSdk.Auth;

/// <summary>
/// The OAuth 1.0a three-legged token dance against a Jira application link: get a request token, send the user to the
/// authorize URL, exchange the verifier for an access token. Requests are signed with RSA-SHA1 using the consumer key
/// and private key from <see cref="JiraOAuth1Options"/> (its access token is not needed).
/// </summary>
public sealed class JiraOAuth1TokenDance
{
    private const string OutOfBand = "oob";
    private readonly HttpClient _httpClient;
    private readonly Uri _siteUrl;
    private readonly OAuth1Signer _signer;

    /// <summary>Creates the dance; reads the private key now, so a bad key fails here.</summary>
    /// <param name="httpClient">
    /// Sends the token requests: best the <c>HttpClient</c> of a <c>JiraClient</c> without credentials, so they go through the
    /// SDK's pipeline (timeout, retry, tracing, redacted logs); no authentication handler is needed, the requests carry their own.
    /// </param>
    /// <param name="siteUrl">The Jira base URL, including any context path (e.g. <c>https://jira.example.com/jira</c>).</param>
    /// <param name="options">The consumer key and private key.</param>
    /// <exception cref="JiraPrivateKeyException">The private key cannot be read.</exception>
    public JiraOAuth1TokenDance(HttpClient httpClient, Uri siteUrl, JiraOAuth1Options options)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        if (siteUrl is null) throw new ArgumentNullException(nameof(siteUrl));
        if (!siteUrl.IsAbsoluteUri) throw new JiraCredentialsException("The Jira site URL for the OAuth 1.0a token dance must be absolute.");
        _siteUrl = siteUrl.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? siteUrl : new Uri(siteUrl.AbsoluteUri + "/");
        _signer = OAuth1Signer.FromOptions(options);
    }

    /// <summary>Step 1: obtains a request token from <c>/plugins/servlet/oauth/request-token</c>.</summary>
    /// <param name="callbackUrl">Where Jira sends the user after approval (with <c>oauth_verifier</c>); <c>null</c> for out-of-band, where Jira shows the verifier.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="JiraCredentialsException">Jira refused the request (the message carries Jira's <c>oauth_problem</c>).</exception>
    public async Task<JiraOAuth1RequestToken> GetRequestTokenAsync(Uri? callbackUrl = null, CancellationToken cancellationToken = default)
    {
        var callback = callbackUrl?.AbsoluteUri ?? OutOfBand;
        var answer = await PostAsync("plugins/servlet/oauth/request-token", new[] { Pair("oauth_callback", callback) }, "request token", cancellationToken).ConfigureAwait(false);
        return new JiraOAuth1RequestToken(
            Require(answer, "oauth_token", "request token"),
            answer.TryGetValue("oauth_token_secret", out var secret) ? secret : string.Empty,
            answer.TryGetValue("oauth_callback_confirmed", out var confirmed) && string.Equals(confirmed, "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Step 2: the page where the user approves access (<c>/plugins/servlet/oauth/authorize?oauth_token=…</c>).</summary>
    /// <param name="requestToken">The request token from step 1.</param>
    public Uri GetAuthorizeUrl(JiraOAuth1RequestToken requestToken)
    {
        if (requestToken is null) throw new ArgumentNullException(nameof(requestToken));
        return new Uri(_siteUrl, "plugins/servlet/oauth/authorize?oauth_token=" + PercentEncoding.Encode(requestToken.Token));
    }

    /// <summary>Step 3: exchanges the approved request token and its verifier for an access token at <c>/plugins/servlet/oauth/access-token</c>.</summary>
    /// <param name="requestToken">The request token from step 1, approved by the user.</param>
    /// <param name="verifier">The <c>oauth_verifier</c> Jira passed to the callback or showed the user.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="JiraCredentialsException">Jira refused the exchange (the message carries Jira's <c>oauth_problem</c>).</exception>
    public async Task<JiraOAuth1AccessToken> GetAccessTokenAsync(JiraOAuth1RequestToken requestToken, string verifier, CancellationToken cancellationToken = default)
    {
        if (requestToken is null) throw new ArgumentNullException(nameof(requestToken));
        if (verifier is null) throw new ArgumentNullException(nameof(verifier));
        if (verifier.Trim().Length == 0) throw new JiraCredentialsException("The OAuth 1.0a verifier is empty; use the oauth_verifier Jira returned after approval.");
        var answer = await PostAsync(
            "plugins/servlet/oauth/access-token",
            new[] { Pair("oauth_token", requestToken.Token), Pair("oauth_verifier", verifier.Trim()) },
            "access token",
            cancellationToken).ConfigureAwait(false);
        TimeSpan? expiresIn = answer.TryGetValue("oauth_expires_in", out var seconds) && long.TryParse(seconds, out var value) ? TimeSpan.FromSeconds(value) : null;
        return new JiraOAuth1AccessToken(
            Require(answer, "oauth_token", "access token"),
            answer.TryGetValue("oauth_token_secret", out var secret) ? secret : string.Empty,
            expiresIn);
    }

    private async Task<Dictionary<string, string>> PostAsync(string relativePath, KeyValuePair<string, string>[] protocolParameters, string what, CancellationToken cancellationToken)
    {
        var uri = new Uri(_siteUrl, relativePath);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "OAuth", _signer.CreateAuthorizationParameter("POST", uri, Array.Empty<KeyValuePair<string, string>>(), protocolParameters));
        // Through the SDK's pipeline the refusal is read here (its oauth_problem), not turned into a Jira error.
        Http.RequestProperties.ReturnErrorResponses(request);
        using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var answer = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in PercentEncoding.ParseForm(body.Trim())) answer[pair.Key] = pair.Value;
        if (!response.IsSuccessStatusCode)
        {
            var problem = answer.TryGetValue("oauth_problem", out var p) ? $" (oauth_problem={p})" : string.Empty;
            throw new JiraCredentialsException(
                $"Jira refused the OAuth 1.0a {what} request with HTTP {(int)response.StatusCode}{problem}. Check the consumer key and that the application link holds the matching public key.");
        }
        return answer;
    }

    private static string Require(Dictionary<string, string> answer, string name, string what) =>
        answer.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new JiraCredentialsException($"Jira's OAuth 1.0a {what} answer has no {name}; is the site URL right?");

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);
}

/// <summary>An unauthorized request token from step 1 of the OAuth 1.0a dance.</summary>
public sealed class JiraOAuth1RequestToken
{
    /// <summary>Creates the token (e.g. when it was kept between the steps).</summary>
    /// <param name="token">The <c>oauth_token</c>.</param>
    /// <param name="tokenSecret">The <c>oauth_token_secret</c> (unused by RSA-SHA1).</param>
    /// <param name="callbackConfirmed">Whether Jira confirmed the callback.</param>
    public JiraOAuth1RequestToken(string token, string tokenSecret, bool callbackConfirmed)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
        TokenSecret = tokenSecret ?? string.Empty;
        CallbackConfirmed = callbackConfirmed;
    }

    /// <summary>The request token (<c>oauth_token</c>).</summary>
    public string Token { get; }

    /// <summary>The request token secret (<c>oauth_token_secret</c>).</summary>
    public string TokenSecret { get; }

    /// <summary>Whether Jira answered <c>oauth_callback_confirmed=true</c>.</summary>
    public bool CallbackConfirmed { get; }

    /// <summary>Never shows the token.</summary>
    public override string ToString() => "OAuth 1.0a request token (redacted)";
}

/// <summary>The access token from step 3 of the OAuth 1.0a dance; store it and pass it as <see cref="JiraOAuth1Options.AccessToken"/>.</summary>
public sealed class JiraOAuth1AccessToken
{
    /// <summary>Creates the token.</summary>
    /// <param name="token">The <c>oauth_token</c>.</param>
    /// <param name="tokenSecret">The <c>oauth_token_secret</c>.</param>
    /// <param name="expiresIn">How long Jira says the token lives, if it said.</param>
    public JiraOAuth1AccessToken(string token, string tokenSecret, TimeSpan? expiresIn)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
        TokenSecret = tokenSecret ?? string.Empty;
        ExpiresIn = expiresIn;
    }

    /// <summary>The access token (<c>oauth_token</c>).</summary>
    public string Token { get; }

    /// <summary>The access token secret (<c>oauth_token_secret</c>).</summary>
    public string TokenSecret { get; }

    /// <summary>The lifetime Jira reported (<c>oauth_expires_in</c>), or <c>null</c>.</summary>
    public TimeSpan? ExpiresIn { get; }

    /// <summary>Never shows the token.</summary>
    public override string ToString() => "OAuth 1.0a access token (redacted)";
}
