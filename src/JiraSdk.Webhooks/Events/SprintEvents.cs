namespace JiraSdk.Webhooks.Events;

/// <summary>A sprint was created. Jira sends it as <c>sprint_created</c>.</summary>
public sealed class SprintCreatedEvent : SprintWebhookEvent
{
}

/// <summary>A sprint was changed. Jira sends it as <c>sprint_updated</c>.</summary>
public sealed class SprintUpdatedEvent : SprintWebhookEvent
{
}

/// <summary>A sprint was deleted. Jira sends it as <c>sprint_deleted</c>.</summary>
public sealed class SprintDeletedEvent : SprintWebhookEvent
{
}

/// <summary>A sprint was started. Jira sends it as <c>sprint_started</c>.</summary>
public sealed class SprintStartedEvent : SprintWebhookEvent
{
}

/// <summary>A sprint was closed. Jira sends it as <c>sprint_closed</c>.</summary>
public sealed class SprintClosedEvent : SprintWebhookEvent
{
}
