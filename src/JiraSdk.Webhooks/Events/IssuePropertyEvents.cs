namespace JiraSdk.Webhooks.Events;

/// <summary>An issue property was set. Jira sends it as <c>issue_property_set</c>.</summary>
public sealed class IssuePropertySetEvent : IssuePropertyWebhookEvent
{
}

/// <summary>An issue property was deleted. Jira sends it as <c>issue_property_deleted</c>.</summary>
public sealed class IssuePropertyDeletedEvent : IssuePropertyWebhookEvent
{
}
