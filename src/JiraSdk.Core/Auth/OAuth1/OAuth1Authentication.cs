using System.Net.Http.Headers;

namespace JiraSdk.Auth;

/// <summary>OAuth 1.0a RSA-SHA1 with an access token: every attempt is signed with a fresh nonce and timestamp.</summary>
internal sealed class OAuth1Authentication : JiraAuthentication
{
    private readonly OAuth1Signer _signer;
    private readonly string _accessToken;
    private readonly string _consumerKey;

    internal OAuth1Authentication(JiraOAuth1Options options)
    {
        _signer = OAuth1Signer.FromOptions(options);
        if (string.IsNullOrWhiteSpace(options.AccessToken))
            throw new JiraCredentialsException("OAuth 1.0a needs the access token from the token dance (JiraOAuth1Options.AccessToken); JiraOAuth1TokenDance obtains one.");
        _accessToken = options.AccessToken!;
        _consumerKey = options.ConsumerKey;
    }

    internal override async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
            throw new JiraCredentialsException("OAuth 1.0a can only sign requests with an absolute URI; set HttpClient.BaseAddress to the Jira site.");
        var body = await OAuth1FormBody.ReadParametersAsync(request.Content, cancellationToken).ConfigureAwait(false);
        var parameter = _signer.CreateAuthorizationParameter(
            request.Method.Method, uri, body, new[] { new KeyValuePair<string, string>("oauth_token", _accessToken) });
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", parameter);
    }

    /// <inheritdoc />
    public override string ToString() => $"OAuth 1.0a (RSA-SHA1) authentication for consumer '{_consumerKey}' (key and token redacted)";
}
