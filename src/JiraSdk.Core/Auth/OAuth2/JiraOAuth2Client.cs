using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Http;

namespace JiraSdk.Auth;

/// <summary>
/// The Atlassian OAuth 2.0 (3LO) calls an app makes around authentication: the authorize URL, the code exchange, token
/// refresh and the accessible-resources lookup. <see cref="JiraAuthentication.OAuth2"/> uses it to refresh tokens.
/// </summary>
public sealed class JiraOAuth2Client
{
    /// <summary>The scope that makes Atlassian issue a refresh token; always requested.</summary>
    public const string OfflineAccessScope = "offline_access";

    private readonly HttpClient _httpClient;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly JiraOAuth2Endpoints _endpoints;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the client.</summary>
    /// <param name="httpClient">Sends the token and accessible-resources requests.</param>
    /// <param name="clientId">The app's client id.</param>
    /// <param name="clientSecret">The app's client secret.</param>
    /// <param name="endpoints">The Atlassian endpoints; the production ones when <c>null</c>.</param>
    /// <param name="timeProvider">The clock that turns <c>expires_in</c> into an expiry time; the system clock when <c>null</c>.</param>
    public JiraOAuth2Client(HttpClient httpClient, string clientId, string clientSecret, JiraOAuth2Endpoints? endpoints = null, TimeProvider? timeProvider = null)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        if (clientId is null) throw new ArgumentNullException(nameof(clientId));
        if (clientSecret is null) throw new ArgumentNullException(nameof(clientSecret));
        if (clientId.Trim().Length == 0) throw new JiraCredentialsException("OAuth 2.0 needs the app's client id.");
        if (clientSecret.Length == 0) throw new JiraCredentialsException("OAuth 2.0 needs the app's client secret.");
        _clientId = clientId;
        _clientSecret = clientSecret;
        _endpoints = endpoints ?? new JiraOAuth2Endpoints();
        _endpoints.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A random, URL-safe value for the <c>state</c> parameter; keep it to compare with the callback's.</summary>
    public static string CreateState()
    {
        return Convert.ToBase64String(CryptoRandom.Bytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// The consent page URL to send the user to (<c>audience=api.atlassian.com</c>, <c>response_type=code</c>,
    /// <c>prompt=consent</c>). <see cref="OfflineAccessScope"/> is added when missing so a refresh token is issued.
    /// </summary>
    /// <param name="redirectUri">The callback URL registered for the app.</param>
    /// <param name="scopes">The scopes to ask for, e.g. <c>read:jira-work</c>.</param>
    /// <param name="state">An unguessable value bound to the user's session (see <see cref="CreateState"/>).</param>
    public Uri GetAuthorizeUrl(Uri redirectUri, IEnumerable<string> scopes, string state)
    {
        if (redirectUri is null) throw new ArgumentNullException(nameof(redirectUri));
        if (scopes is null) throw new ArgumentNullException(nameof(scopes));
        if (string.IsNullOrEmpty(state)) throw new JiraCredentialsException("The OAuth 2.0 state must not be empty; it protects the callback against forgery.");
        var scopeList = scopes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (!scopeList.Contains(OfflineAccessScope)) scopeList.Add(OfflineAccessScope);
        var query = new[]
        {
            ("audience", "api.atlassian.com"),
            ("client_id", _clientId),
            ("scope", string.Join(" ", scopeList)),
            ("redirect_uri", redirectUri.AbsoluteUri),
            ("state", state),
            ("response_type", "code"),
            ("prompt", "consent"),
        };
        var separator = string.IsNullOrEmpty(_endpoints.AuthorizeEndpoint.Query) ? "?" : "&";
        return new Uri(_endpoints.AuthorizeEndpoint.AbsoluteUri + separator +
                       string.Join("&", query.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2))));
    }

    /// <summary>Exchanges the authorization code from the callback for a token set.</summary>
    /// <param name="code">The <c>code</c> query parameter of the callback.</param>
    /// <param name="redirectUri">The same redirect URI used in the authorize URL.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="JiraReauthorizationRequiredException">The code is invalid, used or expired (<c>invalid_grant</c>).</exception>
    /// <exception cref="JiraCredentialsException">The token endpoint refused the request.</exception>
    public Task<JiraOAuth2Tokens> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken = default)
    {
        if (code is null) throw new ArgumentNullException(nameof(code));
        if (redirectUri is null) throw new ArgumentNullException(nameof(redirectUri));
        return RequestTokensAsync(
            new[] { ("grant_type", "authorization_code"), ("client_id", _clientId), ("client_secret", _clientSecret), ("code", code), ("redirect_uri", redirectUri.AbsoluteUri) },
            previousRefreshToken: null, cancellationToken);
    }

    /// <summary>
    /// Exchanges a refresh token for a new token set. Atlassian rotates refresh tokens: persist the returned set, the old
    /// refresh token soon stops working.
    /// </summary>
    /// <param name="refreshToken">The current refresh token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="JiraReauthorizationRequiredException">The refresh token is no longer valid (<c>invalid_grant</c>).</exception>
    /// <exception cref="JiraCredentialsException">The token endpoint refused the request.</exception>
    public Task<JiraOAuth2Tokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        if (refreshToken is null) throw new ArgumentNullException(nameof(refreshToken));
        return RequestTokensAsync(
            new[] { ("grant_type", "refresh_token"), ("client_id", _clientId), ("client_secret", _clientSecret), ("refresh_token", refreshToken) },
            refreshToken, cancellationToken);
    }

    /// <summary>Lists the sites the access token can reach, with their cloud ids.</summary>
    /// <param name="accessToken">A valid access token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="JiraCredentialsException">The endpoint refused the token or answered something unreadable.</exception>
    public async Task<IReadOnlyList<JiraCloudResource>> GetAccessibleResourcesAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        if (accessToken is null) throw new ArgumentNullException(nameof(accessToken));
        using var request = new HttpRequestMessage(HttpMethod.Get, _endpoints.AccessibleResourcesEndpoint);
        request.ReturnErrorResponses(); // through the SDK's pipeline, the OAuth answer is read here, not turned into a Jira error
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await ReadBodyAsync(response).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            throw new AccessTokenRejectedException("Atlassian's accessible-resources endpoint rejected the access token (HTTP 401).");
        if (!response.IsSuccessStatusCode)
            throw new JiraCredentialsException($"Atlassian's accessible-resources endpoint answered HTTP {(int)response.StatusCode}.");
        try
        {
            using var document = JsonDocument.Parse(body);
            var resources = new List<JiraCloudResource>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var id = item.GetProperty("id").GetString() ?? throw new FormatException("id is null");
                var url = new Uri(item.GetProperty("url").GetString() ?? throw new FormatException("url is null"));
                var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
                var scopes = item.TryGetProperty("scopes", out var s) && s.ValueKind == JsonValueKind.Array
                    ? s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                    : new List<string>();
                resources.Add(new JiraCloudResource(id, url, name, scopes));
            }
            return resources;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or UriFormatException)
        {
            throw new JiraCredentialsException("Atlassian's accessible-resources answer could not be read as a list of sites.", ex);
        }
    }

    /// <summary>
    /// Sends token requests as <c>application/x-www-form-urlencoded</c> (RFC 6749 §4.4.2), as Jira Data Center's own
    /// authorization server expects, instead of the JSON Atlassian's Cloud endpoint takes.
    /// </summary>
    internal bool FormEncodedTokenRequests { get; set; }

    /// <summary>The client credentials grant (service accounts).</summary>
    internal Task<JiraOAuth2Tokens> RequestClientCredentialsTokensAsync(IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var fields = new List<(string, string)> { ("grant_type", "client_credentials"), ("client_id", _clientId), ("client_secret", _clientSecret) };
        var scope = string.Join(" ", scopes.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (scope.Length > 0) fields.Add(("scope", scope));
        return RequestTokensAsync(fields, previousRefreshToken: null, cancellationToken);
    }

    private async Task<JiraOAuth2Tokens> RequestTokensAsync(IEnumerable<(string Name, string Value)> fields, string? previousRefreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoints.TokenEndpoint)
        {
            Content = FormEncodedTokenRequests
                ? new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))
                : JsonBody(fields),
        };
        request.ReturnErrorResponses(); // the OAuth error (invalid_grant, …) is read here
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await ReadBodyAsync(response).ConfigureAwait(false);
        var requestedAt = _timeProvider.GetUtcNow();
        JsonDocument? document = null;
        try
        {
            try
            {
                document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            }
            catch (JsonException) when (!response.IsSuccessStatusCode)
            {
                // A non-JSON error page; the status code says enough.
            }
            catch (JsonException ex)
            {
                throw new JiraCredentialsException("Atlassian's token endpoint answered with something that is not JSON.", ex);
            }
            var root = document?.RootElement;
            if (!response.IsSuccessStatusCode || root is not { ValueKind: JsonValueKind.Object } || !root.Value.TryGetProperty("access_token", out _))
                throw TokenError((int)response.StatusCode, root);
            var json = root.Value;
            var accessToken = json.GetProperty("access_token").GetString() ?? throw TokenError((int)response.StatusCode, root);
            var refreshToken = json.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : previousRefreshToken;
            var expiresAt = json.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var seconds)
                ? requestedAt.AddSeconds(seconds)
                : DateTimeOffset.MaxValue;
            var scope = json.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            return new JiraOAuth2Tokens(accessToken, refreshToken, expiresAt, scope);
        }
        finally
        {
            document?.Dispose();
        }
    }

    private static JiraException TokenError(int status, JsonElement? root)
    {
        string? error = null, description = null;
        if (root is { ValueKind: JsonValueKind.Object } json)
        {
            if (json.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String) error = e.GetString();
            if (json.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String) description = d.GetString();
        }
        var detail = (error is null ? string.Empty : $" error={error}") + (description is null ? string.Empty : $" ({description})");
        if (string.Equals(error, "invalid_grant", StringComparison.Ordinal))
            return new JiraReauthorizationRequiredException(
                $"Atlassian rejected the OAuth 2.0 grant (HTTP {status}{detail}): the refresh token or code is no longer valid. The user must authorize the app again.",
                status, root?.GetRawText());
        return new JiraCredentialsException($"Atlassian's token endpoint refused the request with HTTP {status}{(detail.Length == 0 ? " and no OAuth error" : detail)}.");
    }

    private static ByteArrayContent JsonBody(IEnumerable<(string Name, string Value)> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields) writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response) =>
        response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);

    /// <summary>Names the client; never shows the secret.</summary>
    public override string ToString() => $"Atlassian OAuth 2.0 client '{_clientId}' (secret redacted)";
}

/// <summary>An endpoint answered 401 to the access token; the caller may renew the token and try once more.</summary>
internal sealed class AccessTokenRejectedException : JiraCredentialsException
{
    internal AccessTokenRejectedException(string message) : base(message)
    {
    }
}
