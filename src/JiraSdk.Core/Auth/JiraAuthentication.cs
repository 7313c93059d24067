using System.Net.Http.Headers;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace JiraSdk.Auth;

/// <summary>
/// Credentials for Jira: HTTP Basic (email + API token, or user + password), a personal access token (Data Center),
/// OAuth 1.0a with RSA-SHA1 (Data Center application links), OAuth 2.0 (3LO) and OAuth 2.0 client credentials
/// (Cloud service accounts). Create one with the static factory methods; use it as a Kiota
/// <see cref="IAuthenticationProvider"/> or through <see cref="JiraAuthenticationHandler"/> in an HttpClient pipeline.
/// </summary>
/// <remarks>
/// Instances are thread-safe and meant to be shared. <see cref="object.ToString"/> names the scheme and never reveals a secret.
/// </remarks>
public abstract class JiraAuthentication : IAuthenticationProvider
{
    private protected JiraAuthentication()
    {
    }

    /// <summary>HTTP Basic authentication: an Atlassian account email with an API token (Cloud), or a user name with a password (Data Center).</summary>
    /// <param name="user">The email address or user name.</param>
    /// <param name="secret">The API token or password; encoded as UTF-8, so non-ASCII passwords work.</param>
    /// <exception cref="ArgumentNullException">A value is <c>null</c>.</exception>
    /// <exception cref="JiraCredentialsException">The user is empty or contains a colon, or the secret is empty.</exception>
    public static JiraAuthentication Basic(string user, string secret) => new BasicAuthentication(user, secret);

    /// <summary>A personal access token sent as <c>Authorization: Bearer …</c> (Jira Data Center / Server 8.14+).</summary>
    /// <param name="token">The personal access token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <c>null</c>.</exception>
    /// <exception cref="JiraCredentialsException">The token is empty or contains whitespace.</exception>
    public static JiraAuthentication PersonalAccessToken(string token) => new PersonalAccessTokenAuthentication(token);

    /// <summary>
    /// OAuth 1.0a with RSA-SHA1 signatures, as Jira application links require. The private key is read now: a malformed
    /// or wrong key fails here with <see cref="JiraPrivateKeyException"/>, not at the first request.
    /// </summary>
    /// <param name="options">The consumer key, the private key and the access token.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="JiraPrivateKeyException">The private key cannot be read.</exception>
    /// <exception cref="JiraCredentialsException">A required option is missing.</exception>
    public static JiraAuthentication OAuth1(JiraOAuth1Options options) => new OAuth1Authentication(options);

    /// <summary>
    /// OAuth 2.0 authorization code grant (3LO) for Jira Cloud: refreshes the access token ahead of expiry, persists every
    /// rotated token set through <see cref="JiraOAuth2Options.SaveTokensAsync"/>, and sends requests to the API gateway
    /// (<c>https://api.atlassian.com/ex/jira/{cloudId}/…</c>).
    /// </summary>
    /// <param name="options">The client, the current tokens, where to persist new ones and which site to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="JiraCredentialsException">A required option is missing.</exception>
    public static JiraAuthentication OAuth2(JiraOAuth2Options options) => new OAuth2Authentication(options);

    /// <summary>
    /// OAuth 2.0 client credentials grant for Atlassian service accounts: fetches and renews access tokens with the
    /// client id and secret, and sends requests to the API gateway (<c>https://api.atlassian.com/ex/jira/{cloudId}/…</c>).
    /// </summary>
    /// <param name="options">The service account's client id and secret and which site to use.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="JiraCredentialsException">A required option is missing.</exception>
    public static JiraAuthentication OAuth2ClientCredentials(JiraOAuth2ClientCredentialsOptions options) =>
        new OAuth2ClientCredentialsAuthentication(options);

    /// <summary>
    /// A Jira Data Center service account (Jira 11+): OAuth 2.0 client credentials at <c>{site}/rest/oauth2/latest/token</c>,
    /// sent as <c>Authorization: Bearer …</c> to the site itself. There are no refresh tokens: a new access token is
    /// requested when the current one nears expiry or is rejected with 401. Token calls go through the SDK's pipeline.
    /// </summary>
    /// <param name="options">The site URL, the service account's client id and secret, and optional scopes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <c>null</c>.</exception>
    /// <exception cref="JiraCredentialsException">The site URL, client id or secret is missing.</exception>
    public static JiraAuthentication DataCenterServiceAccount(JiraDataCenterServiceAccountOptions options) =>
        new DataCenterServiceAccountAuthentication(options);

    /// <summary>
    /// Applies the credentials to one outgoing attempt or redirect hop. Called again for every retry and hop, so OAuth 1.0a
    /// signs each method, URL and nonce afresh. Never changes where the request goes (see <see cref="RouteAsync"/>).
    /// </summary>
    internal abstract ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the request to where these credentials are accepted, before it is authenticated: OAuth 2.0 maps the site URL
    /// to the API gateway (<c>https://api.atlassian.com/ex/jira/{cloudId}/…</c>). By default the request stays on the site.
    /// </summary>
    internal virtual ValueTask RouteAsync(HttpRequestMessage request, CancellationToken cancellationToken) => default;

    /// <summary>
    /// Called once when an authenticated attempt got 401; returns <c>true</c> if the credentials were renewed and the
    /// request should be sent again.
    /// </summary>
    internal virtual ValueTask<bool> TryRenewAfterUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken) => new(false);

    /// <summary>Whether <see cref="TryRenewAfterUnauthorizedAsync"/> can ever return <c>true</c>, so request bodies must stay re-sendable.</summary>
    internal virtual bool CanRenewAfterUnauthorized => false;

    /// <summary>Applies the same credentials as <see cref="JiraAuthenticationHandler"/> to a Kiota request.</summary>
    /// <param name="request">The Kiota request; its <c>Authorization</c> header is set and its URI may be rewritten.</param>
    /// <param name="additionalAuthenticationContext">Not used.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        using var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod.ToString().ToUpperInvariant()), request.URI);
        var formBody = await ReadFormBodyAsync(request, cancellationToken).ConfigureAwait(false);
        if (formBody is not null)
        {
            message.Content = new ByteArrayContent(formBody);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(FormContent.MediaType);
        }
        var originalUri = message.RequestUri;
        await RouteAsync(message, cancellationToken).ConfigureAwait(false);
        if (Http.RequestProperties.MustGoWithoutCredentials(message)) return; // outside the route the credentials go to
        await AuthenticateAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Headers.Authorization is { } authorization)
        {
            request.Headers.Remove("Authorization");
            request.Headers.Add("Authorization", authorization.ToString());
        }
        if (message.RequestUri != originalUri && message.RequestUri is not null)
            request.URI = message.RequestUri;
    }

    /// <summary>Names the scheme; never reveals a secret.</summary>
    public abstract override string ToString();

    private static async Task<byte[]?> ReadFormBodyAsync(RequestInformation request, CancellationToken cancellationToken)
    {
        if (request.Content is not { } content || !request.Headers.TryGetValue("Content-Type", out var types))
            return null;
        if (!types.Any(FormContent.IsFormMediaType)) return null;
        if (!content.CanSeek)
            throw new JiraCredentialsException("A form-encoded Kiota request body must be seekable so its parameters can be signed and still be sent.");
        var start = content.Position;
        using var buffer = new MemoryStream();
#if NET8_0_OR_GREATER
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
#else
        await content.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
#endif
        content.Position = start;
        return buffer.ToArray();
    }
}
