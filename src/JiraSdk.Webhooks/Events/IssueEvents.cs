namespace JiraSdk.Webhooks.Events;

/// <summary>An issue was created. Jira sends it as <c>jira:issue_created</c>.</summary>
[JiraWebhookEvent("jira:issue_created")]
public sealed class IssueCreatedEvent : IssueWebhookEvent
{
}

/// <summary>An issue was updated: a field edit, a transition, a comment or a worklog. Jira sends it as <c>jira:issue_updated</c>.</summary>
[JiraWebhookEvent("jira:issue_updated")]
public sealed class IssueUpdatedEvent : IssueWebhookEvent
{
}

/// <summary>An issue was deleted. Jira sends it as <c>jira:issue_deleted</c>.</summary>
[JiraWebhookEvent("jira:issue_deleted")]
public sealed class IssueDeletedEvent : IssueWebhookEvent
{
}
