using JiraSdk.Auth;
using JiraSdk.Testing;

namespace DocsReminder.Configuration;

/// <summary>The Jira the job runs against when none is configured: a <see cref="JiraSandbox"/> with its demo data.</summary>
internal static class EmbeddedJira
{
    /// <summary>Starts a sandbox (Cloud mode, demo <c>DOCS</c> project) on a free port of 127.0.0.1.</summary>
    /// <returns>The sandbox, to dispose when done, and the site to connect to with its credentials.</returns>
    public static async Task<(JiraSandbox Sandbox, JiraSite Site)> StartAsync(CancellationToken cancellationToken)
    {
        var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions(), cancellationToken);
        var credentials = sandbox.Credentials;
        // The job connects like to any Jira, with the sandbox's basic credentials, rather than through sandbox.Client:
        // the same code path as a real site.
        return (sandbox, new JiraSite(sandbox.SiteUrl, JiraAuthentication.Basic(credentials.Email, credentials.ApiToken), IsDataCenter: false));
    }
}
