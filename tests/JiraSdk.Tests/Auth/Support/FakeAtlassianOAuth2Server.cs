using JiraSdk.Tests.Support;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Tests.Auth.Support;

/// <summary>
/// A stand-in for auth.atlassian.com and api.atlassian.com on a loopback server: a token endpoint with rotating refresh
/// tokens (a used refresh token answers <c>invalid_grant</c>), client credentials, accessible-resources, and a Jira API
/// under <c>/ex/jira/{cloudId}/</c> that accepts only the newest access token.
/// </summary>
internal sealed class FakeAtlassianOAuth2Server : IAsyncDisposable
{
    internal const string ClientId = "client-id-1";
    internal const string ClientSecret = "client-secret-1";

    private readonly FakeTimeProvider _time;
    private readonly LoopbackServer _server;
    private readonly object _gate = new();
    private int _issued;

    internal FakeAtlassianOAuth2Server(FakeTimeProvider time)
    {
        _time = time;
        _server = LoopbackServer.Start(HandleAsync);
    }

    internal Uri BaseUri => _server.BaseUri;

    /// <summary>Endpoints pointing at this server.</summary>
    internal JiraSdk.Auth.JiraOAuth2Endpoints Endpoints => new()
    {
        AuthorizeEndpoint = new Uri(BaseUri, "authorize"),
        TokenEndpoint = new Uri(BaseUri, "oauth/token"),
        ApiGatewayBaseUrl = BaseUri,
    };

    /// <summary>The refresh token the server will accept next; older ones are rotated away.</summary>
    internal string CurrentRefreshToken { get; set; } = "refresh-0";

    /// <summary>The access token the API accepts.</summary>
    internal string ValidAccessToken { get; set; } = "access-0";

    /// <summary>Sites returned by accessible-resources.</summary>
    internal List<(string Id, string Url)> Sites { get; } = [("cloud-a", "https://site-a.atlassian.net")];

    /// <summary>When set, the API answers 401 this way instead of serving (scope mismatch cases).</summary>
    internal Func<HttpListenerResponse, Task>? ApiRejection { get; set; }

    /// <summary>Real time the token endpoint takes, so concurrent callers overlap with a refresh in flight.</summary>
    internal TimeSpan TokenLatency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>When set, the token endpoint answers every request with this status and an OAuth <c>server_error</c>.</summary>
    internal int? TokenOutageStatus { get; set; }

    internal ConcurrentQueue<JsonElement> TokenRequests { get; } = new();
    internal int AccessibleResourcesCalls;
    internal ConcurrentQueue<string> ApiCalls { get; } = new();

    internal ConcurrentQueue<Exception> Errors => _server.HandlerErrors;

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var body = await LoopbackServer.ReadBodyAsync(request);
        var bearer = request.Headers["Authorization"] is { } auth && auth.StartsWith("Bearer ") ? auth.Substring(7) : null;

        if (path == "/oauth/token" && request.HttpMethod == "POST")
        {
            await Task.Delay(TokenLatency);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement.Clone();
            TokenRequests.Enqueue(root);
            if (TokenOutageStatus is { } outage)
            {
                await LoopbackServer.WriteAsync(context.Response, outage, "{\"error\":\"server_error\",\"error_description\":\"try later\"}");
                return;
            }
            await AnswerTokenRequestAsync(context.Response, request.ContentType, root);
            return;
        }
        if (path == "/oauth/token/accessible-resources")
        {
            Interlocked.Increment(ref AccessibleResourcesCalls);
            if (bearer != ValidAccessToken)
            {
                await LoopbackServer.WriteAsync(context.Response, 401, "{\"code\":401,\"message\":\"Unauthorized\"}");
                return;
            }
            var sites = Sites.Select(s => new { id = s.Id, url = s.Url, name = new Uri(s.Url).Host.Split('.')[0], scopes = new[] { "read:jira-work" }, avatarUrl = "https://x/avatar.png" });
            await LoopbackServer.WriteAsync(context.Response, 200, JsonSerializer.Serialize(sites));
            return;
        }
        if (path.StartsWith("/ex/jira/", StringComparison.Ordinal))
        {
            ApiCalls.Enqueue(request.HttpMethod + " " + request.RawUrl + " bearer=" + bearer + " body=" + Encoding.UTF8.GetString(body));
            if (ApiRejection is { } reject)
            {
                await reject(context.Response);
                return;
            }
            if (bearer != ValidAccessToken)
            {
                await LoopbackServer.WriteAsync(context.Response, 401, "{\"code\":401,\"message\":\"Unauthorized\"}");
                return;
            }
            await LoopbackServer.WriteAsync(context.Response, 200, "{\"path\":\"" + request.RawUrl + "\",\"bytes\":" + body.Length + "}");
            return;
        }
        await LoopbackServer.WriteAsync(context.Response, 404, "{}");
    }

    private async Task AnswerTokenRequestAsync(HttpListenerResponse response, string? contentType, JsonElement root)
    {
        if (contentType?.StartsWith("application/json") != true
            || root.GetProperty("client_id").GetString() != ClientId
            || root.GetProperty("client_secret").GetString() != ClientSecret)
        {
            await LoopbackServer.WriteAsync(response, 401, "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}");
            return;
        }
        switch (root.GetProperty("grant_type").GetString())
        {
            case "refresh_token":
                string accessToken, refreshToken;
                lock (_gate)
                {
                    if (root.GetProperty("refresh_token").GetString() != CurrentRefreshToken)
                    {
                        accessToken = refreshToken = "";
                    }
                    else
                    {
                        var n = ++_issued;
                        accessToken = ValidAccessToken = "access-" + n;
                        refreshToken = CurrentRefreshToken = "refresh-" + n;
                    }
                }
                if (refreshToken.Length == 0)
                {
                    await LoopbackServer.WriteAsync(response, 403, "{\"error\":\"invalid_grant\",\"error_description\":\"Unknown or invalid refresh token.\"}");
                    return;
                }
                await LoopbackServer.WriteAsync(response, 200, Tokens(accessToken, refreshToken));
                return;
            case "authorization_code":
                if (root.GetProperty("code").GetString() != "code-1" || root.GetProperty("redirect_uri").GetString() != "https://app.example.com/callback")
                {
                    await LoopbackServer.WriteAsync(response, 403, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}");
                    return;
                }
                lock (_gate)
                {
                    ValidAccessToken = "access-code";
                    CurrentRefreshToken = "refresh-code";
                }
                await LoopbackServer.WriteAsync(response, 200, Tokens("access-code", "refresh-code"));
                return;
            case "client_credentials":
                string serviceToken;
                lock (_gate) serviceToken = ValidAccessToken = "service-" + ++_issued;
                await LoopbackServer.WriteAsync(response, 200, "{\"access_token\":\"" + serviceToken + "\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"read:jira-work\"}");
                return;
            default:
                await LoopbackServer.WriteAsync(response, 400, "{\"error\":\"unsupported_grant_type\"}");
                return;
        }
    }

    private static string Tokens(string accessToken, string refreshToken) =>
        "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken + "\",\"expires_in\":3600,\"scope\":\"read:jira-work offline_access\",\"token_type\":\"Bearer\"}";

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
