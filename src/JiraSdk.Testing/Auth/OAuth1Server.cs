using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using JiraSdk.Testing.Hosting;
using JiraSdk.Testing.Rest;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JiraSdk.Testing.Auth;

/// <summary>
/// OAuth 1.0a with RSA-SHA1 as Jira's application links do it (RFC 5849): consumers registered with a public key,
/// the token dance at <c>/plugins/servlet/oauth/request-token</c>, <c>/authorize</c> (approves at once as the
/// administrator, or the user named by <c>login_hint</c>) and <c>/access-token</c>, and every signed request checked
/// against the consumer's public key, with timestamps within 5 minutes and nonces used once. Verified here with
/// System.Security.Cryptography, independently of the SDK's signer. Tokens live in memory.
/// </summary>
internal sealed class OAuth1Server : ISandboxCredentialScheme
{
    private static readonly TimeSpan TimestampWindow = TimeSpan.FromMinutes(5);
    private readonly SandboxStore _store;
    private readonly string _administratorId;
    private readonly ConcurrentDictionary<string, RSA> _consumers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Token> _requestTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Token> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);

    private sealed record Token(string ConsumerKey, string Secret, string? Callback, string? Verifier, string? AccountId);

    public OAuth1Server(SandboxStore store, string administratorId)
    {
        _store = store;
        _administratorId = administratorId;
    }

    /// <summary>Registers (or replaces) a consumer with its RSA public key (PEM: <c>BEGIN PUBLIC KEY</c> or <c>BEGIN RSA PUBLIC KEY</c>).</summary>
    public void RegisterConsumer(string consumerKey, string publicKeyPem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        _consumers[consumerKey] = rsa;
    }

    public void Map(WebApplication app)
    {
        app.MapPost("/plugins/servlet/oauth/request-token", async (HttpContext http) =>
        {
            var (parameters, problem) = await VerifyAsync(http, requireToken: false);
            if (problem is not null) return Problem(problem);
            var token = new Token(parameters["oauth_consumer_key"], JiraSandboxSeeder.NewSecret(), parameters.GetValueOrDefault("oauth_callback"), null, null);
            var id = JiraSandboxSeeder.NewSecret();
            _requestTokens[id] = token;
            return Form(("oauth_token", id), ("oauth_token_secret", token.Secret), ("oauth_callback_confirmed", "true"));
        });

        app.MapGet("/plugins/servlet/oauth/authorize", (HttpContext http) =>
        {
            var id = http.Query("oauth_token");
            if (id is null || !_requestTokens.TryGetValue(id, out var token) || token.Verifier is not null) return Problem("token_rejected");
            var user = _store.Read(() => _store.FindUser(http.Query("login_hint") ?? _administratorId));
            if (user is null) return Problem("permission_denied");
            var verifier = JiraSandboxSeeder.NewSecret()[..12];
            _requestTokens[id] = token with { Verifier = verifier, AccountId = user.AccountId };
            if (token.Callback is null or "oob")
                return Results.Content($"<html><body><p>Access approved. Verification code: <b id=\"verifier\">{verifier}</b></p></body></html>", "text/html");
            var separator = token.Callback.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            return Results.Redirect(token.Callback + separator + "oauth_token=" + Uri.EscapeDataString(id) + "&oauth_verifier=" + Uri.EscapeDataString(verifier));
        });

        app.MapPost("/plugins/servlet/oauth/access-token", async (HttpContext http) =>
        {
            var (parameters, problem) = await VerifyAsync(http, requireToken: true, requestToken: true);
            if (problem is not null) return Problem(problem);
            var id = parameters["oauth_token"];
            if (!_requestTokens.TryGetValue(id, out var token) || token.Verifier is null || token.Verifier != parameters.GetValueOrDefault("oauth_verifier"))
                return Problem("permission_unknown");
            _requestTokens.TryRemove(id, out _);
            var access = JiraSandboxSeeder.NewSecret();
            _accessTokens[access] = token with { Secret = JiraSandboxSeeder.NewSecret() };
            // Jira's access tokens last five years (oauth_expires_in in seconds).
            return Form(("oauth_token", access), ("oauth_token_secret", _accessTokens[access].Secret), ("oauth_expires_in", "157680000"));
        });
    }

    public async ValueTask<CredentialResult?> AuthenticateAsync(HttpContext http, AuthenticationHeaderValue header)
    {
        if (!string.Equals(header.Scheme, "OAuth", StringComparison.OrdinalIgnoreCase)) return null;
        var (parameters, problem) = await VerifyAsync(http, requireToken: true).ConfigureAwait(false);
        if (problem is not null) return new CredentialResult(null, "OAuth 1.0a: " + problem);
        var token = _accessTokens[parameters["oauth_token"]];
        var user = _store.Read(() => _store.FindUser(token.AccountId));
        return new CredentialResult(user, user is null ? "OAuth 1.0a: the user no longer exists." : null);
    }

    /// <summary>Checks an OAuth 1.0a request's RSA-SHA1 signature, timestamp and nonce; returns its parameters or the
    /// OAuth problem (<c>oauth_problem</c> values of the OAuth Problem Reporting extension).</summary>
    private async Task<(Dictionary<string, string> Parameters, string? Problem)> VerifyAsync(HttpContext http, bool requireToken, bool requestToken = false)
    {
        var oauth = ParseHeader(http.Request.Headers.Authorization.ToString());
        if (oauth is null) return (new(), "parameter_absent");
        if (oauth.GetValueOrDefault("oauth_signature_method") != "RSA-SHA1") return (oauth, "signature_method_rejected");
        if (oauth.GetValueOrDefault("oauth_consumer_key") is not { } consumerKey || !_consumers.TryGetValue(consumerKey, out var rsa)) return (oauth, "consumer_key_unknown");
        if (!long.TryParse(oauth.GetValueOrDefault("oauth_timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (DateTimeOffset.FromUnixTimeSeconds(seconds) - _store.Time.GetUtcNow()).Duration() > TimestampWindow)
            return (oauth, "timestamp_refused");
        if (oauth.GetValueOrDefault("oauth_nonce") is not { Length: > 0 } nonce) return (oauth, "parameter_absent");
        if (requireToken)
        {
            var token = oauth.GetValueOrDefault("oauth_token");
            var tokens = requestToken ? _requestTokens : _accessTokens;
            if (token is null || !tokens.TryGetValue(token, out var known) || known.ConsumerKey != consumerKey) return (oauth, "token_rejected");
        }

        // Signature base string (RFC 5849 §3.4.1): method, base URI, and the sorted query, form and oauth parameters.
        var all = new List<(string Key, string Value)>();
        foreach (var (key, values) in http.Request.Query) foreach (var v in values) all.Add((key, v ?? ""));
        if (http.Request.HasFormContentType)
        {
            http.Request.EnableBuffering();
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            foreach (var (key, values) in form) foreach (var v in values) all.Add((key, v ?? ""));
            http.Request.Body.Position = 0;
        }
        foreach (var (key, value) in oauth) if (key != "oauth_signature" && key != "realm") all.Add((key, value));
        var normalized = string.Join("&", all.Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
        var baseUri = $"{http.Request.Scheme.ToLowerInvariant()}://{http.Request.Host.Value!.ToLowerInvariant()}{http.Request.PathBase}{OriginalPath(http)}";
        var baseString = http.Request.Method.ToUpperInvariant() + "&" + Encode(baseUri) + "&" + Encode(normalized);
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(oauth.GetValueOrDefault("oauth_signature") ?? "");
        }
        catch (FormatException)
        {
            return (oauth, "signature_invalid");
        }
        if (!rsa.VerifyData(Encoding.ASCII.GetBytes(baseString), signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1))
            return (oauth, "signature_invalid");
        // A nonce is good once per consumer within the timestamp window.
        var now = _store.Time.GetUtcNow();
        if (!_nonces.TryAdd(consumerKey + "\n" + seconds.ToString(CultureInfo.InvariantCulture) + "\n" + nonce, now)) return (oauth, "nonce_used");
        foreach (var old in _nonces.Where(n => now - n.Value > TimestampWindow + TimestampWindow).Select(n => n.Key).ToList()) _nonces.TryRemove(old, out _);
        return (oauth, null);
    }

    /// <summary>The path the client signed: the gateway rewrite never applies to OAuth 1.0a, so the request path as sent.</summary>
    private static string OriginalPath(HttpContext http) => http.Request.Path.Value ?? "/";

    private static Dictionary<string, string>? ParseHeader(string header)
    {
        if (!header.StartsWith("OAuth ", StringComparison.OrdinalIgnoreCase)) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[6..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) return null;
            var value = part[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
            result[part[..eq].Trim()] = Uri.UnescapeDataString(value);
        }
        return result;
    }

    /// <summary>RFC 3986 percent-encoding of everything but unreserved characters, as OAuth 1.0a requires.</summary>
    private static string Encode(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static IResult Form(params (string Key, string Value)[] values) =>
        Results.Content(string.Join("&", values.Select(v => Encode(v.Key) + "=" + Encode(v.Value))), "application/x-www-form-urlencoded");

    private static IResult Problem(string problem) =>
        Results.Content("oauth_problem=" + problem, "application/x-www-form-urlencoded", Encoding.UTF8, 401);
}
