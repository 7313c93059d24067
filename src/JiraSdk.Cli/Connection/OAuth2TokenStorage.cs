using JiraSdk.Auth;
using JiraSdk.Cli.Configuration;

namespace JiraSdk.Cli.Connection;

/// <summary>Keeps the OAuth 2.0 token set in the profile; Atlassian rotates refresh tokens, so every new set is written.</summary>
internal static class OAuth2TokenStorage
{
    public static async Task SaveAsync(CliSettings settings, JiraOAuth2Tokens tokens, string? cloudId, CancellationToken cancellationToken)
    {
        var profile = settings.Profile;
        var stored = profile.OAuth2 ??= new OAuth2Profile();
        stored.AccessToken = tokens.AccessToken;
        stored.RefreshToken = tokens.RefreshToken;
        stored.ExpiresAt = tokens.ExpiresAt;
        stored.Scope = tokens.Scope;
        if (cloudId is not null) stored.CloudId = cloudId;
        await settings.Store.SaveAsync(profile, cancellationToken);
    }
}
