namespace JiraSdk.Webhooks.Events;

/// <summary>A filter was created. Jira sends it as <c>filter_created</c>.</summary>
[JiraWebhookEvent("filter_created")]
public sealed class FilterCreatedEvent : FilterWebhookEvent
{
}

/// <summary>A filter was changed. Jira sends it as <c>filter_updated</c>.</summary>
[JiraWebhookEvent("filter_updated")]
public sealed class FilterUpdatedEvent : FilterWebhookEvent
{
}

/// <summary>A filter was deleted. Jira sends it as <c>filter_deleted</c>.</summary>
[JiraWebhookEvent("filter_deleted")]
public sealed class FilterDeletedEvent : FilterWebhookEvent
{
}
