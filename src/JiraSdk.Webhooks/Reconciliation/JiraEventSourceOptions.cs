using JiraSdk.Webhooks.Polling;

namespace JiraSdk.Webhooks.Reconciliation;

/// <summary>What a <see cref="JiraEventSource"/> reconciles, and how often.</summary>
public sealed class JiraEventSourceOptions
{
    /// <summary>
    /// The reconciliation poll: <see cref="JqlPollingTriggerOptions.Jql"/> should select the issues your webhooks are
    /// registered for (their JQL filter); <see cref="JqlPollingTriggerOptions.Overlap"/> reaches back before the watermark
    /// for clock skew between Jira and the search index; the watermark is stored under
    /// <see cref="JqlPollingTriggerOptions.CursorKey"/> (default <c>reconcile:</c> + the JQL). Default interval 5 minutes:
    /// webhooks carry the changes, the poll only fills gaps.
    /// </summary>
    public JqlPollingTriggerOptions Reconciliation { get; set; } = new() { Interval = TimeSpan.FromMinutes(5) };
}
