using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSdk.Cli.Configuration;

/// <summary>
/// The profile file (<c>~/.config/jira/profile.json</c> by default): the site and the credentials of one kind or more.
/// The login commands write it; it is created readable by its owner only. Unknown keys survive a rewrite.
/// </summary>
internal sealed class CliProfile
{
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; set; }
    [JsonPropertyName("auth")] public string? Auth { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("apiToken")] public string? ApiToken { get; set; }
    [JsonPropertyName("pat")] public string? PersonalAccessToken { get; set; }
    /// <summary>Where a scoped API token (basic) is routed when the site refuses it; Atlassian's gateway when unset.</summary>
    [JsonPropertyName("apiGatewayBaseUrl")] public string? ApiGatewayBaseUrl { get; set; }
    [JsonPropertyName("oauth1")] public OAuth1Profile? OAuth1 { get; set; }
    [JsonPropertyName("oauth2")] public OAuth2Profile? OAuth2 { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; set; }

    /// <summary>Never shows a secret.</summary>
    public override string ToString() => $"profile for {Url ?? "(no url)"} (secrets redacted)";
}

internal sealed class OAuth1Profile
{
    [JsonPropertyName("consumerKey")] public string? ConsumerKey { get; set; }
    [JsonPropertyName("privateKeyFile")] public string? PrivateKeyFile { get; set; }
    [JsonPropertyName("accessToken")] public string? AccessToken { get; set; }
    [JsonPropertyName("accessTokenSecret")] public string? AccessTokenSecret { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; set; }
}

internal sealed class OAuth2Profile
{
    [JsonPropertyName("clientId")] public string? ClientId { get; set; }
    [JsonPropertyName("clientSecret")] public string? ClientSecret { get; set; }
    [JsonPropertyName("accessToken")] public string? AccessToken { get; set; }
    [JsonPropertyName("refreshToken")] public string? RefreshToken { get; set; }
    [JsonPropertyName("expiresAt")] public DateTimeOffset? ExpiresAt { get; set; }
    [JsonPropertyName("scope")] public string? Scope { get; set; }
    [JsonPropertyName("cloudId")] public string? CloudId { get; set; }

    /// <summary>Overrides of Atlassian's endpoints, for a proxy or a test server.</summary>
    [JsonPropertyName("authorizeEndpoint")] public string? AuthorizeEndpoint { get; set; }
    [JsonPropertyName("tokenEndpoint")] public string? TokenEndpoint { get; set; }
    [JsonPropertyName("apiGatewayBaseUrl")] public string? ApiGatewayBaseUrl { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; set; }
}
