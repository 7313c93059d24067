namespace JiraSdk.Webhooks.Events;

/// <summary>A user was created. Jira sends it as <c>user_created</c>.</summary>
[JiraWebhookEvent("user_created")]
public sealed class UserCreatedEvent : UserWebhookEvent
{
}

/// <summary>A user was changed. Jira sends it as <c>user_updated</c>.</summary>
[JiraWebhookEvent("user_updated")]
public sealed class UserUpdatedEvent : UserWebhookEvent
{
}

/// <summary>A user was deleted. Jira sends it as <c>user_deleted</c>.</summary>
[JiraWebhookEvent("user_deleted")]
public sealed class UserDeletedEvent : UserWebhookEvent
{
}
