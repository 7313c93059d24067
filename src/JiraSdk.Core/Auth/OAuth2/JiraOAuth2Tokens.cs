namespace JiraSdk.Auth;

/// <summary>
/// An OAuth 2.0 token set. Atlassian rotates refresh tokens: every refresh returns a new refresh token and the old one
/// stops working, so persist each set you are given.
/// </summary>
public sealed class JiraOAuth2Tokens
{
    /// <summary>Creates a token set, e.g. from storage.</summary>
    /// <param name="accessToken">The bearer access token.</param>
    /// <param name="refreshToken">The refresh token (present when the <c>offline_access</c> scope was granted).</param>
    /// <param name="expiresAt">When the access token expires; a past value makes the first request refresh it.</param>
    /// <param name="scope">The granted scopes, space separated, if known.</param>
    public JiraOAuth2Tokens(string accessToken, string? refreshToken, DateTimeOffset expiresAt, string? scope = null)
    {
        if (accessToken is null) throw new ArgumentNullException(nameof(accessToken));
        AccessToken = accessToken;
        RefreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken;
        ExpiresAt = expiresAt;
        Scope = scope;
    }

    /// <summary>The bearer access token.</summary>
    public string AccessToken { get; }

    /// <summary>The refresh token, or <c>null</c> when none was issued.</summary>
    public string? RefreshToken { get; }

    /// <summary>When the access token expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The granted scopes, space separated, or <c>null</c> when unknown.</summary>
    public string? Scope { get; }

    /// <summary>Shows the expiry and scopes; never the tokens.</summary>
    public override string ToString() =>
        $"OAuth 2.0 tokens (redacted), access token expires {ExpiresAt:u}{(RefreshToken is null ? ", no refresh token" : string.Empty)}{(Scope is null ? string.Empty : ", scope: " + Scope)}";
}
