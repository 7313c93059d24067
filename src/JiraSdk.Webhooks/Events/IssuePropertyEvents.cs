namespace JiraSdk.Webhooks.Events;

/// <summary>An issue property was set. Jira sends it as <c>issue_property_set</c>.</summary>
[JiraWebhookEvent("issue_property_set")]
public sealed class IssuePropertySetEvent : IssuePropertyWebhookEvent
{
}

/// <summary>An issue property was deleted. Jira sends it as <c>issue_property_deleted</c>.</summary>
[JiraWebhookEvent("issue_property_deleted")]
public sealed class IssuePropertyDeletedEvent : IssuePropertyWebhookEvent
{
}
