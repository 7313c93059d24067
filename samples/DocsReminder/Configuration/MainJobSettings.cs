using JiraSdk.Auth;

namespace DocsReminder.Configuration;

/// <summary>Which Jira the job talks to and how it signs in.</summary>
/// <param name="SiteUrl">The site, with a trailing slash.</param>
/// <param name="Authentication">Basic (Cloud) or a personal access token (Data Center).</param>
/// <param name="IsDataCenter">Data Center: REST API v2 and search paged by <c>startAt</c> (Cloud: v3 and <c>/search/jql</c>).</param>
public sealed record JiraSite(Uri SiteUrl, JiraAuthentication Authentication, bool IsDataCenter)
{
    /// <summary>Whether Jira runs on this machine, so that it can deliver webhooks to a receiver on 127.0.0.1.</summary>
    public bool IsLoopback => SiteUrl.IsLoopback;
}

/// <summary>
/// The job's configuration, read from the environment with the same variables as the <c>jira</c> command line, so that
/// no secret is ever on a command line or in a file in git.
/// </summary>
public sealed class MainJobSettings
{
    /// <summary>The project whose tickets are reminded about, and where the trigger's ticket is created.</summary>
    public string Project { get; init; } = "DOCS";

    /// <summary>The issue type of the trigger's ticket.</summary>
    public string IssueType { get; init; } = "Task";

    /// <summary>The Jira to use; <c>null</c> means an embedded sandbox with demo data.</summary>
    public JiraSite? Jira { get; init; }

    /// <summary>The Slack incoming-webhook URL (a secret: anyone holding it can post); <c>null</c> prints the messages instead.</summary>
    public Uri? SlackWebhookUrl { get; init; }

    /// <summary>
    /// The public URL Jira delivers webhooks to when it cannot reach this machine (a tunnel forwarding to
    /// <see cref="WebhookPort"/> on 127.0.0.1); <c>null</c> registers the loopback receiver's own URL.
    /// </summary>
    public Uri? WebhookPublicUrl { get; init; }

    /// <summary>The receiver's port on 127.0.0.1; 0 picks a free one.</summary>
    public int WebhookPort { get; init; }

    /// <summary>How long to wait for the webhook delivery of the ticket the trigger creates.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads the settings. Variables: <c>JIRA_URL</c> with <c>JIRA_EMAIL</c> + <c>JIRA_API_TOKEN</c> (basic) or
    /// <c>JIRA_PAT</c> (Data Center), <c>JIRA_API_VERSION</c> (2: Data Center); <c>SLACK_WEBHOOK_URL</c>; <c>DOCS_PROJECT</c>; <c>WEBHOOK_PUBLIC_URL</c> +
    /// <c>WEBHOOK_PORT</c>; <c>WEBHOOK_TIMEOUT_SECONDS</c>.
    /// </summary>
    /// <param name="environment">The environment variables (empty values count as unset).</param>
    /// <exception cref="ConfigurationException">A value is malformed or a required companion is missing; the message is one line and names the variable, never a secret.</exception>
    public static MainJobSettings FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var apiVersion = Get("JIRA_API_VERSION");
        if (apiVersion is not (null or "2" or "3")) throw new ConfigurationException($"JIRA_API_VERSION must be 2 or 3, not '{apiVersion}'.");
        var jira = Get("JIRA_URL") is { } url ? ReadSite(url, Get("JIRA_EMAIL"), Get("JIRA_API_TOKEN"), Get("JIRA_PAT"), apiVersion) : null;
        var slack = Get("SLACK_WEBHOOK_URL") is { } slackUrl
            ? HttpUrl(slackUrl, "SLACK_WEBHOOK_URL", requireHttps: true)
            : null;
        var publicUrl = Get("WEBHOOK_PUBLIC_URL") is { } hook ? HttpUrl(hook, "WEBHOOK_PUBLIC_URL", requireHttps: false) : null;
        var port = Get("WEBHOOK_PORT") is { } portText
            ? int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535
                ? p
                : throw new ConfigurationException($"WEBHOOK_PORT must be a port number from 1 to 65535, not '{portText}'.")
            : 0;
        if (publicUrl is not null && port == 0)
            throw new ConfigurationException("WEBHOOK_PUBLIC_URL is set but WEBHOOK_PORT is not: set the port on 127.0.0.1 that the public URL forwards to.");
        if (jira is { IsLoopback: false } && publicUrl is null)
            throw new ConfigurationException(
                $"Jira at {jira.SiteUrl.Host} cannot deliver webhooks to 127.0.0.1: set WEBHOOK_PUBLIC_URL to a public URL that forwards to 127.0.0.1:WEBHOOK_PORT (e.g. a tunnel).");
        var timeout = Get("WEBHOOK_TIMEOUT_SECONDS") is { } seconds
            ? int.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 3600
                ? TimeSpan.FromSeconds(s)
                : throw new ConfigurationException($"WEBHOOK_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 3600, not '{seconds}'.")
            : TimeSpan.FromSeconds(30);
        var project = Get("DOCS_PROJECT") ?? "DOCS";
        if (!System.Text.RegularExpressions.Regex.IsMatch(project, "^[A-Z][A-Z0-9_]{0,9}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant))
            throw new ConfigurationException($"DOCS_PROJECT must be a Jira project key (capital letters, digits, underscore), not '{project}'.");

        return new MainJobSettings
        {
            Jira = jira,
            SlackWebhookUrl = slack,
            WebhookPublicUrl = publicUrl,
            WebhookPort = port,
            WebhookTimeout = timeout,
            Project = project,
        };
    }

    private static JiraSite ReadSite(string url, string? email, string? apiToken, string? pat, string? apiVersion)
    {
        var site = HttpUrl(url, "JIRA_URL", requireHttps: false);
        if (!site.AbsoluteUri.EndsWith('/')) site = new Uri(site.AbsoluteUri + "/");
        // The CLI's order: basic when both halves are there, else a personal access token. A token means Data Center
        // (Cloud has none), and so does JIRA_API_VERSION=2, as for `jira --api 2`.
        if (email is not null && apiToken is not null) return new JiraSite(site, JiraAuthentication.Basic(email, apiToken), IsDataCenter: apiVersion == "2");
        if (pat is not null) return new JiraSite(site, JiraAuthentication.PersonalAccessToken(pat), IsDataCenter: apiVersion != "3");
        var missing = email is not null ? "JIRA_API_TOKEN" : apiToken is not null ? "JIRA_EMAIL" : "JIRA_EMAIL and JIRA_API_TOKEN, or JIRA_PAT";
        throw new ConfigurationException($"JIRA_URL is set but {missing} is not: set the credentials, or unset JIRA_URL to run against an embedded sandbox.");
    }

    private static Uri HttpUrl(string value, string name, bool requireHttps)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.Host.Length == 0)
            throw new ConfigurationException($"{name} is not an absolute http(s) URL.");
        // The Slack URL is itself the secret: it leaves this machine only over https.
        if (requireHttps && url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            throw new ConfigurationException($"{name} must use https (plain http is accepted only for 127.0.0.1/localhost).");
        return url;
    }
}

/// <summary>The configuration is missing something or malformed; reported as one line, exit code 2.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
