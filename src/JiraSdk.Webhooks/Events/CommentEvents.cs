namespace JiraSdk.Webhooks.Events;

/// <summary>A comment was added. Jira sends it as <c>comment_created</c>.</summary>
[JiraWebhookEvent("comment_created")]
public sealed class CommentCreatedEvent : CommentWebhookEvent
{
}

/// <summary>A comment was edited. Jira sends it as <c>comment_updated</c>.</summary>
[JiraWebhookEvent("comment_updated")]
public sealed class CommentUpdatedEvent : CommentWebhookEvent
{
}

/// <summary>A comment was deleted. Jira sends it as <c>comment_deleted</c>.</summary>
[JiraWebhookEvent("comment_deleted")]
public sealed class CommentDeletedEvent : CommentWebhookEvent
{
}
