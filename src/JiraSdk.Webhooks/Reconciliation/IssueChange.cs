using System.Globalization;
using System.Text.Json;
using JiraSdk.Issues;
using JiraSdk.Webhooks.Events;

namespace JiraSdk.Webhooks.Reconciliation;

/// <summary>
/// The identity of one change to an issue, shared by webhook deliveries and the reconciliation poll: the issue id and its
/// <c>updated</c> time (ms since the epoch) as the event carries them in <c>issue</c>. Jira writes the same stored value
/// into the <c>jira:issue_created</c>/<c>jira:issue_updated</c> delivery and into later search results, so both paths name
/// a change alike. Only those two events are keyed: a deletion, a comment or property event keeps the issue's last
/// <c>updated</c> and is not a change the poll can see.
/// </summary>
internal static class IssueChange
{
    /// <summary>The store key of the change (<c>issue-change:{id}:{updated ms}</c>), or <see langword="null"/> when the event is not one.</summary>
    public static string? KeyOf(JiraWebhookEvent webhookEvent)
    {
        if (webhookEvent is not (IssueCreatedEvent or IssueUpdatedEvent)) return null;
        if (webhookEvent.Raw.ValueKind != JsonValueKind.Object
            || !webhookEvent.Raw.TryGetProperty("issue", out var json) || json.ValueKind != JsonValueKind.Object)
            return null;
        var issue = new JiraIssue(json);
        DateTimeOffset? updated;
        try
        {
            updated = issue.Fields.Updated;
        }
        catch (JiraSdk.Errors.JiraException)
        {
            // An unreadable time names no change; the event is handled as it comes, like any other event.
            return null;
        }
        return issue.Id is { Length: > 0 } id && updated is { } time
            ? "issue-change:" + id + ":" + time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)
            : null;
    }

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
