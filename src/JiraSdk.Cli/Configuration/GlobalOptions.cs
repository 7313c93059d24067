using System.CommandLine;

namespace JiraSdk.Cli.Configuration;

/// <summary>Options every command accepts. Each one overrides its environment variable, which overrides the profile.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "The Jira site, e.g. https://your-domain.atlassian.net (env JIRA_URL)", Recursive = true };
    public Option<string?> Profile { get; } = new("--profile") { Description = "The profile file (env JIRA_PROFILE; default ~/.config/jira/profile.json)", Recursive = true };
    public Option<string?> Auth { get; } = new("--auth") { Description = "Which credentials to use when several are configured: basic, pat, oauth1, oauth2", Recursive = true };
    public Option<string?> ApiVersion { get; } = new("--api") { Description = "REST API version for search and issue commands: 3 (Cloud, default) or 2 (Data Center) (env JIRA_API_VERSION)", Recursive = true };
    public Option<string?> Email { get; } = new("--email") { Description = "Basic auth: the Atlassian account email (env JIRA_EMAIL)", Recursive = true };
    public Option<string?> ApiToken { get; } = new("--api-token") { Description = "Basic auth: the API token (env JIRA_API_TOKEN; prefer the variable, options show in process lists)", Recursive = true };
    public Option<string?> Pat { get; } = new("--pat") { Description = "A Data Center personal access token (env JIRA_PAT)", Recursive = true };
    public Option<string?> ConsumerKey { get; } = new("--consumer-key") { Description = "OAuth 1.0a consumer key (env JIRA_OAUTH1_CONSUMER_KEY)", Recursive = true };
    public Option<string?> PrivateKeyFile { get; } = new("--private-key-file") { Description = "OAuth 1.0a private key PEM file (env JIRA_OAUTH1_PRIVATE_KEY_FILE)", Recursive = true };
    public Option<string?> AccessToken { get; } = new("--access-token") { Description = "OAuth 1.0a access token (env JIRA_OAUTH1_ACCESS_TOKEN)", Recursive = true };
    public Option<string?> ClientId { get; } = new("--client-id") { Description = "OAuth 2.0 client id (env JIRA_OAUTH2_CLIENT_ID)", Recursive = true };
    public Option<string?> ClientSecret { get; } = new("--client-secret") { Description = "OAuth 2.0 client secret (env JIRA_OAUTH2_CLIENT_SECRET)", Recursive = true };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show stack traces with errors", Recursive = true };

    public IEnumerable<Option> All => new Option[] { Url, Profile, Auth, ApiVersion, Email, ApiToken, Pat, ConsumerKey, PrivateKeyFile, AccessToken, ClientId, ClientSecret, Verbose };
}
