using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Hosting;
using JiraSdk.Testing.Rest;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JiraSdk.Testing.Auth;

/// <summary>
/// Atlassian's OAuth 2.0 (3LO) on the sandbox's own host: <c>/authorize</c> (consents at once, as the administrator or
/// the user named by <c>login_hint</c>, and redirects with a code), <c>/oauth/token</c> (authorization code and refresh
/// token grants; refresh tokens rotate, a used one is refused), <c>/oauth/token/accessible-resources</c> (the site with
/// its cloud id) and the API gateway <c>/ex/jira/{cloudId}/…</c>, the only place access tokens are accepted. Point
/// <c>JiraOAuth2Endpoints</c> at <c>{site}authorize</c>, <c>{site}oauth/token</c> and <c>{site}</c>. Tokens live in
/// memory: a restarted sandbox asks for a new consent.
/// </summary>
internal sealed class OAuth2Server : ISandboxCredentialScheme
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly SandboxStore _store;
    private readonly string _cloudId;
    private readonly string _administratorId;
    private readonly ConcurrentDictionary<string, string> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _refreshTokens = new(StringComparer.Ordinal);

    private sealed record Grant(string ClientId, string AccountId, string Scope, string? RedirectUri, DateTimeOffset Expires);

    public OAuth2Server(SandboxStore store, string cloudId, string administratorId)
    {
        _store = store;
        _cloudId = cloudId;
        _administratorId = administratorId;
    }

    public void RegisterClient(string clientId, string clientSecret) => _clients[clientId] = clientSecret;

    public string? SecretOf(string clientId) => _clients.TryGetValue(clientId, out var secret) ? secret : null;

    public void Map(WebApplication app)
    {
        app.MapGet("/authorize", (HttpContext http) =>
        {
            var clientId = http.Query("client_id");
            var redirect = http.Query("redirect_uri");
            if (clientId is null || !_clients.ContainsKey(clientId) || redirect is null || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri))
                return RestIO.Json(new JsonObject { ["error"] = "invalid_request", ["error_description"] = "Unknown client_id or bad redirect_uri." }, 400);
            if (http.Query("response_type") != "code")
                return RestIO.Json(new JsonObject { ["error"] = "unsupported_response_type" }, 400);
            var user = _store.Read(() => _store.FindUser(http.Query("login_hint") ?? _administratorId));
            if (user is null) return RestIO.Json(new JsonObject { ["error"] = "access_denied" }, 400);
            var code = JiraSandboxSeeder.NewSecret();
            _codes[code] = new Grant(clientId, user.AccountId, http.Query("scope") ?? "", redirect, _store.Time.GetUtcNow() + CodeLifetime);
            var separator = string.IsNullOrEmpty(redirectUri.Query) ? "?" : "&";
            var target = redirect + separator + "code=" + Uri.EscapeDataString(code);
            if (http.Query("state") is { } state) target += "&state=" + Uri.EscapeDataString(state);
            return Results.Redirect(target);
        });

        app.MapPost("/oauth/token", async (HttpContext http) =>
        {
            var parameters = await ReadParametersAsync(http);
            string? P(string name) => parameters.TryGetValue(name, out var v) ? v : null;
            var clientId = P("client_id");
            if (clientId is null || !_clients.TryGetValue(clientId, out var secret) || secret != P("client_secret"))
                return TokenError(401, "access_denied", "Unauthorized");
            var now = _store.Time.GetUtcNow();
            Grant? grant;
            switch (P("grant_type"))
            {
                case "authorization_code":
                    if (P("code") is not { } code || !_codes.TryRemove(code, out grant) || grant.ClientId != clientId || grant.Expires < now || grant.RedirectUri != P("redirect_uri"))
                        return TokenError(403, "invalid_grant", "Invalid authorization code");
                    break;
                case "refresh_token":
                    // Rotating refresh tokens: each is good once (Atlassian's rotation); reuse is refused.
                    if (P("refresh_token") is not { } refresh || !_refreshTokens.TryRemove(refresh, out grant) || grant.ClientId != clientId)
                        return TokenError(403, "unauthorized_client", "refresh_token is invalid");
                    break;
                default:
                    return TokenError(400, "unsupported_grant_type", "Unsupported grant type");
            }
            var access = JiraSandboxSeeder.NewSecret();
            _accessTokens[access] = grant with { Expires = now + AccessTokenLifetime };
            var body = new JsonObject
            {
                ["access_token"] = access,
                ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
                ["token_type"] = "Bearer",
                ["scope"] = grant.Scope,
            };
            if (grant.Scope.Split(' ').Contains("offline_access", StringComparer.Ordinal))
            {
                var refreshToken = JiraSandboxSeeder.NewSecret();
                _refreshTokens[refreshToken] = grant with { Expires = DateTimeOffset.MaxValue };
                body["refresh_token"] = refreshToken;
            }
            return RestIO.Json(body);
        });

        app.MapGet("/oauth/token/accessible-resources", (HttpContext http) =>
        {
            if (Find(http.Request.Headers.Authorization.ToString()) is not { } grant)
                return RestIO.Json(new JsonObject { ["code"] = 401, ["message"] = "Unauthorized" }, 401);
            return RestIO.Json(new JsonArray(new JsonObject
            {
                ["id"] = _cloudId,
                ["url"] = _store.SiteBaseUrl.TrimEnd('/'),
                ["name"] = "sandbox",
                ["scopes"] = new JsonArray(grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => (JsonNode?)s).ToArray()),
                ["avatarUrl"] = _store.SiteBaseUrl + "images/site-avatar.png",
            }));
        });

        // Cloud publishes the cloud id without authentication (FACTS.md).
        app.MapGet("/_edge/tenant_info", () => RestIO.Json(new JsonObject { ["cloudId"] = _cloudId }));
    }

    /// <summary>Middleware: <c>/ex/jira/{cloudId}/rest/…</c> is served as <c>/rest/…</c>, with self links under the gateway.</summary>
    public async Task GatewayAsync(HttpContext http, RequestDelegate next)
    {
        const string prefix = "/ex/jira/";
        var path = http.Request.Path.Value ?? "";
        if (path.StartsWith(prefix, StringComparison.Ordinal))
        {
            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var cloudId = slash < 0 ? rest : rest[..slash];
            if (cloudId != _cloudId)
            {
                await RestIO.Json(RestIO.ErrorBody(new[] { "Cloud id not found." }), 404).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }
            http.Request.Path = slash < 0 ? "/" : rest[slash..];
            http.Items[SandboxAuthentication.GatewayItem] = true;
            http.SetBaseUrl($"{http.Request.Scheme}://{http.Request.Host}{prefix}{cloudId}/");
            if (http.Request.Headers.Authorization.Count == 0)
            {
                await RestIO.Json(new JsonObject { ["code"] = 401, ["message"] = "Unauthorized; scope does not match" }, 401).ExecuteAsync(http).ConfigureAwait(false);
                return;
            }
        }
        await next(http).ConfigureAwait(false);
    }

    public ValueTask<CredentialResult?> AuthenticateAsync(HttpContext http, AuthenticationHeaderValue header)
    {
        if (!string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)) return new((CredentialResult?)null);
        if (!SandboxAuthentication.IsGateway(http))
            return new(new CredentialResult(null, "OAuth 2.0 access tokens are accepted only through the API gateway (/ex/jira/{cloudId})."));
        var grant = Find("Bearer " + header.Parameter);
        if (grant is null) return new(new CredentialResult(null, "The access token is invalid or expired."));
        var user = _store.Read(() => _store.FindUser(grant.AccountId));
        if (user is not null) http.SetOAuthClientId(grant.ClientId);
        return new(new CredentialResult(user, user is null ? "The user no longer exists." : null));
    }

    private Grant? Find(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = authorization["Bearer ".Length..].Trim();
        return _accessTokens.TryGetValue(token, out var grant) && grant.Expires > _store.Time.GetUtcNow() ? grant : null;
    }

    private static IResult TokenError(int status, string error, string description) =>
        RestIO.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    /// <summary>Atlassian's token endpoint takes JSON; form encoding is accepted too.</summary>
    private static async Task<Dictionary<string, string>> ReadParametersAsync(HttpContext http)
    {
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            return form.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        }
        var body = await http.ReadObjectAsync().ConfigureAwait(false);
        return body.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => kv.Value!.ToString(), StringComparer.Ordinal);
    }
}
