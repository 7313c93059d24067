using System.Net.Http.Headers;
using System.Text;
using JiraSdk.Testing.Rest;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Http;

namespace JiraSdk.Testing.Hosting;

/// <summary>
/// Finds the caller of each request, as Jira does: HTTP Basic (email or user name + API token/password), a
/// personal access token as <c>Bearer</c> (Data Center), OAuth 1.0a (application links) and OAuth 2.0 access tokens
/// (only through <c>/ex/jira/{cloudId}</c>, as the site itself refuses them). No header means an anonymous request;
/// credentials that do not check out get 401 with <c>X-Seraph-LoginReason: AUTHENTICATED_FAILED</c>.
/// </summary>
internal sealed class SandboxAuthentication
{
    private readonly SandboxStore _store;
    private readonly IReadOnlyList<ISandboxCredentialScheme> _schemes;

    public SandboxAuthentication(SandboxStore store, IReadOnlyList<ISandboxCredentialScheme> schemes)
    {
        _store = store;
        _schemes = schemes;
    }

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length == 0 || IsUnauthenticatedPath(http.Request.Path))
        {
            await next(http).ConfigureAwait(false);
            return;
        }
        if (!AuthenticationHeaderValue.TryParse(header, out var value))
        {
            await RejectAsync(http, "The Authorization header could not be parsed.").ConfigureAwait(false);
            return;
        }
        UserRecord? user = null;
        string? failure = null;
        if (string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            user = Basic(value.Parameter, out failure);
        else if (string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) && _store.Mode == JiraSandboxMode.DataCenter && !IsGateway(http))
            user = _store.Read(() => _store.Users.Values.FirstOrDefault(u => u.PersonalAccessToken is not null && u.PersonalAccessToken == value.Parameter));
        else
        {
            foreach (var scheme in _schemes)
            {
                var result = await scheme.AuthenticateAsync(http, value).ConfigureAwait(false);
                if (result is null) continue;
                user = result.User;
                failure = result.Failure;
                break;
            }
        }
        if (user is null)
        {
            await RejectAsync(http, failure ?? "Client must be authenticated to access this resource.").ConfigureAwait(false);
            return;
        }
        http.SetUser(user);
        await next(http).ConfigureAwait(false);
    }

    public static bool IsGateway(HttpContext http) => http.Items.ContainsKey(GatewayItem);

    public const string GatewayItem = "JiraSandbox.Gateway";

    /// <summary>OAuth endpoints check their own credentials (client secret, access token, OAuth 1.0a signature).</summary>
    private static bool IsUnauthenticatedPath(PathString path) =>
        path.StartsWithSegments("/oauth/token", StringComparison.Ordinal)
        || path.StartsWithSegments("/plugins/servlet/oauth", StringComparison.Ordinal);

    private UserRecord? Basic(string? parameter, out string? failure)
    {
        failure = null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? ""));
        }
        catch (FormatException)
        {
            failure = "The Basic credentials are not valid Base64.";
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return null;
        var name = decoded[..colon];
        var secret = decoded[(colon + 1)..];
        return _store.Read(() =>
        {
            var user = _store.FindUser(name);
            return user is { Active: true } && Equal(user.ApiToken, secret) ? user : null;
        });
    }

    private static bool Equal(string expected, string actual) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    /// <summary>Jira's answer to rejected credentials: 401, the Seraph login reason, and its error shape.</summary>
    public static Task RejectAsync(HttpContext http, string message)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers["X-Seraph-LoginReason"] = "AUTHENTICATED_FAILED";
        http.Response.Headers.WWWAuthenticate = "Basic realm=\"protected-area\"";
        http.Response.ContentType = RestIO.JsonMediaType;
        return http.Response.WriteAsync(RestIO.ErrorBody(new[] { message }).ToJsonString(), http.RequestAborted);
    }
}

/// <summary>The outcome of a credential scheme: the user, or why the credentials failed.</summary>
internal sealed record CredentialResult(UserRecord? User, string? Failure);

/// <summary>An additional way to authenticate (OAuth 1.0a, OAuth 2.0); returns null when the header is not its scheme.</summary>
internal interface ISandboxCredentialScheme
{
    ValueTask<CredentialResult?> AuthenticateAsync(HttpContext http, AuthenticationHeaderValue header);
}
