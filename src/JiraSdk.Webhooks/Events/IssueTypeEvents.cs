namespace JiraSdk.Webhooks.Events;

/// <summary>An issue type was created. Jira sends it as <c>issuetype_created</c>.</summary>
[JiraWebhookEvent("issuetype_created")]
public sealed class IssueTypeCreatedEvent : IssueTypeWebhookEvent
{
}

/// <summary>An issue type was changed. Jira sends it as <c>issuetype_updated</c>.</summary>
[JiraWebhookEvent("issuetype_updated")]
public sealed class IssueTypeUpdatedEvent : IssueTypeWebhookEvent
{
}

/// <summary>An issue type was deleted. Jira sends it as <c>issuetype_deleted</c>.</summary>
[JiraWebhookEvent("issuetype_deleted")]
public sealed class IssueTypeDeletedEvent : IssueTypeWebhookEvent
{
}
