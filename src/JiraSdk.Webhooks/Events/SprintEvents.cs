namespace JiraSdk.Webhooks.Events;

/// <summary>A sprint was created. Jira sends it as <c>sprint_created</c>.</summary>
[JiraWebhookEvent("sprint_created")]
public sealed class SprintCreatedEvent : SprintWebhookEvent
{
}

/// <summary>A sprint was changed. Jira sends it as <c>sprint_updated</c>.</summary>
[JiraWebhookEvent("sprint_updated")]
public sealed class SprintUpdatedEvent : SprintWebhookEvent
{
}

/// <summary>A sprint was deleted. Jira sends it as <c>sprint_deleted</c>.</summary>
[JiraWebhookEvent("sprint_deleted")]
public sealed class SprintDeletedEvent : SprintWebhookEvent
{
}

/// <summary>A sprint was started. Jira sends it as <c>sprint_started</c>.</summary>
[JiraWebhookEvent("sprint_started")]
public sealed class SprintStartedEvent : SprintWebhookEvent
{
}

/// <summary>A sprint was closed. Jira sends it as <c>sprint_closed</c>.</summary>
[JiraWebhookEvent("sprint_closed")]
public sealed class SprintClosedEvent : SprintWebhookEvent
{
}
