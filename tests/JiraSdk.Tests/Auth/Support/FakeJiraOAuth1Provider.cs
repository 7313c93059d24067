using JiraSdk.Tests.Support;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace JiraSdk.Tests.Auth.Support;

/// <summary>
/// A stand-in for Jira's OAuth 1.0a provider on a loopback server: the three token endpoints and two API resources,
/// every request checked by <see cref="IndependentOAuth1Verifier"/> (consumer key, signature, timestamp window, nonce
/// reuse, token state), answering the way Jira does (<c>oauth_problem=…</c> with 401).
/// </summary>
internal sealed class FakeJiraOAuth1Provider
{
    internal const string ConsumerKey = "jira-sdk-consumer";
    internal const string RequestToken = "request-token-7";
    internal const string RequestTokenSecret = "request-secret-7";
    internal const string Verifier = "verifier-42";
    internal const string AccessToken = "access-token-9";

    private readonly RSA _consumerPublicKey;
    private readonly Func<DateTimeOffset> _now;
    private readonly ConcurrentDictionary<string, bool> _nonces = new();
    private bool _requestTokenAuthorized;

    internal FakeJiraOAuth1Provider(RSA consumerPublicKey, Func<DateTimeOffset> now)
    {
        _consumerPublicKey = consumerPublicKey;
        _now = now;
    }

    /// <summary>Every <c>oauth_callback</c> received with a request-token call.</summary>
    internal ConcurrentQueue<string> Callbacks { get; } = new();

    /// <summary>What the API resources received, decoded, for the tests to compare with what was sent.</summary>
    internal ConcurrentQueue<string> ReceivedApiCalls { get; } = new();

    internal async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var rawTarget = request.RawUrl!;
        var path = rawTarget.Split('?')[0];

        if (path == "/plugins/servlet/oauth/authorize")
        {
            // The user approves in the browser; Jira then redirects to the callback with the verifier.
            var token = request.QueryString["oauth_token"];
            if (token != RequestToken)
            {
                await LoopbackServer.WriteAsync(context.Response, 400, "unknown request token", "text/plain");
                return;
            }
            _requestTokenAuthorized = true;
            var callback = Callbacks.LastOrDefault();
            if (callback is null || callback == "oob")
            {
                await LoopbackServer.WriteAsync(context.Response, 200, "<html>Your verification code is '" + Verifier + "'.</html>", "text/html");
                return;
            }
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = callback + (callback.Contains('?') ? "&" : "?") + "oauth_token=" + RequestToken + "&oauth_verifier=" + Verifier;
            context.Response.Close();
            return;
        }

        var body = await LoopbackServer.ReadBodyAsync(request);
        var check = IndependentOAuth1Verifier.Verify(request.HttpMethod, "http", request.Headers["Host"]!, rawTarget, request.ContentType, body, request.Headers["Authorization"], _consumerPublicKey);
        var problem = check.Valid ? Problem(check.OAuthParameters) : check.Problem;
        if (problem is not null)
        {
            // Like Jira, answer with the problem and the base string it computed (which the SDK must not surface).
            await LoopbackServer.WriteAsync(context.Response, 401,
                "oauth_problem=" + Uri.EscapeDataString(problem) + "&oauth_signature_base_string=" + Uri.EscapeDataString(check.BaseString), "text/plain");
            return;
        }
        var oauth = check.OAuthParameters;

        switch (request.HttpMethod, path)
        {
            case ("POST", "/plugins/servlet/oauth/request-token"):
                if (!oauth.TryGetValue("oauth_callback", out var callback) || oauth.ContainsKey("oauth_token"))
                {
                    await Refuse(context, "parameter_absent");
                    return;
                }
                Callbacks.Enqueue(callback);
                await LoopbackServer.WriteAsync(context.Response, 200,
                    $"oauth_token={RequestToken}&oauth_token_secret={RequestTokenSecret}&oauth_callback_confirmed=true", "text/plain");
                return;

            case ("POST", "/plugins/servlet/oauth/access-token"):
                if (oauth.GetValueOrDefault("oauth_token") != RequestToken || !_requestTokenAuthorized)
                {
                    await Refuse(context, "token_rejected");
                    return;
                }
                if (oauth.GetValueOrDefault("oauth_verifier") != Verifier)
                {
                    await Refuse(context, "verifier_invalid");
                    return;
                }
                await LoopbackServer.WriteAsync(context.Response, 200,
                    $"oauth_token={AccessToken}&oauth_token_secret=access-secret&oauth_expires_in=157680000&oauth_session_handle=h&oauth_authorization_expires_in=157680000", "text/plain");
                return;

            case (_, var apiPath) when apiPath.StartsWith("/rest/", StringComparison.Ordinal):
                if (oauth.GetValueOrDefault("oauth_token") != AccessToken)
                {
                    await Refuse(context, "token_rejected");
                    return;
                }
                var jql = request.QueryString["jql"];
                var form = request.ContentType?.StartsWith("application/x-www-form-urlencoded") == true
                    ? string.Join("&", IndependentOAuth1Verifier.FormPairs(Encoding.ASCII.GetString(body)).Select(p => p.Name + "=" + p.Value))
                    : null;
                ReceivedApiCalls.Enqueue(request.HttpMethod + " " + apiPath + (jql is null ? "" : " jql=" + jql) + (form is null ? "" : " form=" + form));
                await LoopbackServer.WriteAsync(context.Response, 200, "{\"ok\":true}");
                return;

            default:
                await LoopbackServer.WriteAsync(context.Response, 404, "not found", "text/plain");
                return;
        }
    }

    private string? Problem(IReadOnlyDictionary<string, string> oauth)
    {
        if (oauth["oauth_consumer_key"] != ConsumerKey) return "consumer_key_unknown";
        if (oauth.TryGetValue("oauth_version", out var version) && version != "1.0") return "version_rejected";
        if (!long.TryParse(oauth["oauth_timestamp"], out var timestamp) || Math.Abs(timestamp - _now().ToUnixTimeSeconds()) > 300) return "timestamp_refused";
        if (!_nonces.TryAdd(oauth["oauth_nonce"] + "|" + timestamp, true)) return "nonce_used";
        return null;
    }

    private static Task Refuse(HttpListenerContext context, string problem) =>
        LoopbackServer.WriteAsync(context.Response, 401, "oauth_problem=" + problem, "text/plain");
}
