namespace JiraSdk.Webhooks.Events;

/// <summary>A comment was added. Jira sends it as <c>comment_created</c>.</summary>
public sealed class CommentCreatedEvent : CommentWebhookEvent
{
}

/// <summary>A comment was edited. Jira sends it as <c>comment_updated</c>.</summary>
public sealed class CommentUpdatedEvent : CommentWebhookEvent
{
}

/// <summary>A comment was deleted. Jira sends it as <c>comment_deleted</c>.</summary>
public sealed class CommentDeletedEvent : CommentWebhookEvent
{
}
