using Microsoft.Extensions.Logging;

namespace JiraSdk.Testing;

/// <summary>How a <see cref="JiraSandbox"/> starts.</summary>
public sealed class JiraSandboxOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Cloud (default) or Data Center behaviour.</summary>
    public JiraSandboxMode Mode { get; set; } = JiraSandboxMode.Cloud;

    /// <summary>A SQLite file to persist to; every answered write is stored before the answer is sent, and a sandbox
    /// started on an existing file resumes its state (seeding is then skipped). Null keeps everything in memory.</summary>
    public string? DataFile { get; set; }

    /// <summary>Whether a new sandbox gets the demo data set (the <c>DOCS</c> project, users, custom fields, issues).
    /// Without it the sandbox still has the administrator user, statuses, workflow, issue types and priorities.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>The clock for created/updated stamps, token and webhook expiry, and webhook retry waits.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The administrator's email address; default <c>admin@sandbox.example</c>.</summary>
    public string? Email { get; set; }

    /// <summary>The administrator's API token (and Data Center password); default a random one per new sandbox.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The administrator's personal access token (Data Center); default a random one per new sandbox.</summary>
    public string? PersonalAccessToken { get; set; }

    /// <summary>Where the sandbox logs (ASP.NET Core's categories); default nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>How long a webhook receiver may take to answer before the delivery counts as failed (Jira: 10 s).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The waits before each retry of a failed webhook delivery; its length bounds the retries. Jira Cloud waits minutes
    /// (up to 5 retries); the sandbox defaults to 1, 2 and 4 seconds so tests see retries quickly.
    /// </summary>
    public IList<TimeSpan> WebhookRetryDelays { get; set; } = new List<TimeSpan> { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) };

    /// <summary>Whether webhooks may be delivered to hosts other than loopback; off by default, so a sandbox only
    /// ever calls this machine.</summary>
    public bool AllowNonLoopbackWebhooks { get; set; }

    /// <summary>The JQL evaluator search and webhook filters use; tests may replace it.</summary>
    internal Rest.ISandboxJql? Jql { get; set; }
}
