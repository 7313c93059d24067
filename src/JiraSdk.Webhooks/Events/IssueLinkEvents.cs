namespace JiraSdk.Webhooks.Events;

/// <summary>Two issues were linked. Jira sends it as <c>issuelink_created</c>.</summary>
public sealed class IssueLinkCreatedEvent : IssueLinkWebhookEvent
{
}

/// <summary>An issue link was removed. Jira sends it as <c>issuelink_deleted</c>.</summary>
public sealed class IssueLinkDeletedEvent : IssueLinkWebhookEvent
{
}
