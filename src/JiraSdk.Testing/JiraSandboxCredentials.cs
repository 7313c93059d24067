namespace JiraSdk.Testing;

/// <summary>
/// The credentials a sandbox accepts for its administrator user, and the OAuth applications registered with it.
/// <see cref="ToString"/> never reveals a secret.
/// </summary>
public sealed class JiraSandboxCredentials
{
    internal JiraSandboxCredentials(string accountId, string email, string apiToken, string personalAccessToken,
        string oAuth2ClientId, string oAuth2ClientSecret, string cloudId, string oAuth1ConsumerKey)
    {
        AccountId = accountId;
        Email = email;
        ApiToken = apiToken;
        PersonalAccessToken = personalAccessToken;
        OAuth2ClientId = oAuth2ClientId;
        OAuth2ClientSecret = oAuth2ClientSecret;
        CloudId = cloudId;
        OAuth1ConsumerKey = oAuth1ConsumerKey;
    }

    /// <summary>The administrator's account id (Cloud) and user key (Data Center).</summary>
    public string AccountId { get; }

    /// <summary>The administrator's email address: the user half of HTTP Basic authentication.</summary>
    public string Email { get; }

    /// <summary>The administrator's API token (Cloud) or password (Data Center): the secret half of HTTP Basic authentication.</summary>
    public string ApiToken { get; }

    /// <summary>The administrator's personal access token, sent as <c>Authorization: Bearer …</c> (accepted in Data Center mode).</summary>
    public string PersonalAccessToken { get; }

    /// <summary>The client id of the OAuth 2.0 (3LO) app registered with the sandbox.</summary>
    public string OAuth2ClientId { get; }

    /// <summary>That app's client secret; it also signs the app's webhook deliveries (HS256 JWT).</summary>
    public string OAuth2ClientSecret { get; }

    /// <summary>The site's cloud id, for <c>/ex/jira/{cloudId}/…</c> requests and <c>accessible-resources</c>.</summary>
    public string CloudId { get; }

    /// <summary>The consumer key of the OAuth 1.0a application link; register its public key with
    /// <see cref="JiraSandboxSeeder.AddOAuth1Consumer"/>.</summary>
    public string OAuth1ConsumerKey { get; }

    /// <summary>Names the user; never reveals a secret.</summary>
    public override string ToString() => $"JiraSandbox credentials for {Email} (secrets redacted)";
}
