namespace JiraSdk.Auth;

/// <summary>
/// Where the Atlassian OAuth 2.0 flows send their requests. The defaults are Atlassian's production endpoints; override
/// them to run against a test server.
/// </summary>
public sealed class JiraOAuth2Endpoints
{
    /// <summary>The user-facing consent page; default <c>https://auth.atlassian.com/authorize</c>.</summary>
    public Uri AuthorizeEndpoint { get; set; } = new("https://auth.atlassian.com/authorize");

    /// <summary>The token endpoint for code exchange, refresh and client credentials; default <c>https://auth.atlassian.com/oauth/token</c>.</summary>
    public Uri TokenEndpoint { get; set; } = new("https://auth.atlassian.com/oauth/token");

    /// <summary>
    /// The API gateway; default <c>https://api.atlassian.com</c>. Jira requests go to <c>{gateway}/ex/jira/{cloudId}/…</c>
    /// and the cloud id comes from <c>{gateway}/oauth/token/accessible-resources</c>.
    /// </summary>
    public Uri ApiGatewayBaseUrl { get; set; } = new("https://api.atlassian.com");

    internal Uri AccessibleResourcesEndpoint => new(WithTrailingSlash(ApiGatewayBaseUrl), "oauth/token/accessible-resources");

    internal Uri JiraBaseFor(string cloudId) => new(WithTrailingSlash(ApiGatewayBaseUrl), "ex/jira/" + Uri.EscapeDataString(cloudId) + "/");

    internal void Validate()
    {
        foreach (var (name, uri) in new[] { ("AuthorizeEndpoint", AuthorizeEndpoint), ("TokenEndpoint", TokenEndpoint), ("ApiGatewayBaseUrl", ApiGatewayBaseUrl) })
        {
            if (uri is null || !uri.IsAbsoluteUri)
                throw new JiraCredentialsException($"JiraOAuth2Endpoints.{name} must be an absolute URL.");
        }
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
}
