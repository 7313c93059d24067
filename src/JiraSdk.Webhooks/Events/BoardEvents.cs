namespace JiraSdk.Webhooks.Events;

/// <summary>A board was created. Jira sends it as <c>board_created</c>.</summary>
[JiraWebhookEvent("board_created")]
public sealed class BoardCreatedEvent : BoardWebhookEvent
{
}

/// <summary>A board was changed. Jira sends it as <c>board_updated</c>.</summary>
[JiraWebhookEvent("board_updated")]
public sealed class BoardUpdatedEvent : BoardWebhookEvent
{
}

/// <summary>A board was deleted. Jira sends it as <c>board_deleted</c>.</summary>
[JiraWebhookEvent("board_deleted")]
public sealed class BoardDeletedEvent : BoardWebhookEvent
{
}

/// <summary>A board's configuration changed. Jira sends it as <c>board_configuration_changed</c>.</summary>
[JiraWebhookEvent("board_configuration_changed")]
public sealed class BoardConfigurationChangedEvent : BoardWebhookEvent
{
}
