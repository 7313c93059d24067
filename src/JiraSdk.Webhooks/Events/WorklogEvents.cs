namespace JiraSdk.Webhooks.Events;

/// <summary>Work was logged. Jira sends it as <c>worklog_created</c>.</summary>
[JiraWebhookEvent("worklog_created")]
public sealed class WorklogCreatedEvent : WorklogWebhookEvent
{
}

/// <summary>A worklog was changed (also the legacy <c>jira:worklog_updated</c>). Jira sends it as <c>worklog_updated</c>.</summary>
[JiraWebhookEvent("worklog_updated")]
[JiraWebhookEvent("jira:worklog_updated", IsLegacyName = true)]
public sealed class WorklogUpdatedEvent : WorklogWebhookEvent
{
}

/// <summary>A worklog was deleted. Jira sends it as <c>worklog_deleted</c>.</summary>
[JiraWebhookEvent("worklog_deleted")]
public sealed class WorklogDeletedEvent : WorklogWebhookEvent
{
}
