using System.Globalization;
using JiraSdk.Webhooks.Events;

namespace JiraSdk.Webhooks.Reconciliation;

/// <summary>
/// The identity of one change to an issue, shared by webhook deliveries and the reconciliation poll: the issue id and its
/// <c>updated</c> time (ms since the epoch) as the event's issue carries them (the SDK's issue read model: an unreadable
/// time is reported by it and names no change). Jira writes the same stored value
/// into the <c>jira:issue_created</c>/<c>jira:issue_updated</c> delivery and into later search results, so both paths name
/// a change alike. Only those two events are keyed: a deletion, a comment or property event keeps the issue's last
/// <c>updated</c> and is not a change the poll can see.
/// </summary>
internal static class IssueChange
{
    /// <summary>The store key of the change (<c>issue-change:{id}:{updated ms}</c>), or <see langword="null"/> when the event is not one.</summary>
    public static string? KeyOf(JiraWebhookEvent webhookEvent) =>
        webhookEvent is IssueCreatedEvent or IssueUpdatedEvent
        && webhookEvent is IssueWebhookEvent { Issue: { Id: { Length: > 0 } id, Fields: { Updated: { } updated } } }
            ? "issue-change:" + id + ":" + updated.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
            : null;

    /// <summary>The marker that says the reconciliation poll (not a delivery) handled the change.</summary>
    public static string ReconciledMarker(string key) => "reconciled:" + key;
}

/// <summary>A change is being handled elsewhere right now; try again later (Jira retries the delivery, the poll its next run).</summary>
internal sealed class IssueChangeInProgressException : Exception
{
    public IssueChangeInProgressException(string key)
        : base($"The issue change {key} is being handled by another delivery or the reconciliation poll; it is retried later.")
    {
        Key = key;
    }

    public string Key { get; }
}
