namespace JiraSdk.Webhooks.Events;

/// <summary>Two issues were linked. Jira sends it as <c>issuelink_created</c>.</summary>
[JiraWebhookEvent("issuelink_created")]
public sealed class IssueLinkCreatedEvent : IssueLinkWebhookEvent
{
}

/// <summary>An issue link was removed. Jira sends it as <c>issuelink_deleted</c>.</summary>
[JiraWebhookEvent("issuelink_deleted")]
public sealed class IssueLinkDeletedEvent : IssueLinkWebhookEvent
{
}
