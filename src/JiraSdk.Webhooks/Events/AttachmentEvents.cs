namespace JiraSdk.Webhooks.Events;

/// <summary>A file was attached. Jira sends it as <c>attachment_created</c>.</summary>
[JiraWebhookEvent("attachment_created")]
public sealed class AttachmentCreatedEvent : AttachmentWebhookEvent
{
}

/// <summary>An attachment was deleted. Jira sends it as <c>attachment_deleted</c>.</summary>
[JiraWebhookEvent("attachment_deleted")]
public sealed class AttachmentDeletedEvent : AttachmentWebhookEvent
{
}
