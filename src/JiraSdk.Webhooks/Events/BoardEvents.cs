namespace JiraSdk.Webhooks.Events;

/// <summary>A board was created. Jira sends it as <c>board_created</c>.</summary>
public sealed class BoardCreatedEvent : BoardWebhookEvent
{
}

/// <summary>A board was changed. Jira sends it as <c>board_updated</c>.</summary>
public sealed class BoardUpdatedEvent : BoardWebhookEvent
{
}

/// <summary>A board was deleted. Jira sends it as <c>board_deleted</c>.</summary>
public sealed class BoardDeletedEvent : BoardWebhookEvent
{
}

/// <summary>A board's configuration changed. Jira sends it as <c>board_configuration_changed</c>.</summary>
public sealed class BoardConfigurationChangedEvent : BoardWebhookEvent
{
}
