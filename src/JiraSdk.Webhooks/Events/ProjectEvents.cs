namespace JiraSdk.Webhooks.Events;

/// <summary>A project was created. Jira sends it as <c>project_created</c>.</summary>
[JiraWebhookEvent("project_created")]
public sealed class ProjectCreatedEvent : ProjectWebhookEvent
{
}

/// <summary>A project was changed. Jira sends it as <c>project_updated</c>.</summary>
[JiraWebhookEvent("project_updated")]
public sealed class ProjectUpdatedEvent : ProjectWebhookEvent
{
}

/// <summary>A project was deleted for good. Jira sends it as <c>project_deleted</c>.</summary>
[JiraWebhookEvent("project_deleted")]
public sealed class ProjectDeletedEvent : ProjectWebhookEvent
{
}

/// <summary>A project was moved to the trash. Jira sends it as <c>project_soft_deleted</c>.</summary>
[JiraWebhookEvent("project_soft_deleted")]
public sealed class ProjectSoftDeletedEvent : ProjectWebhookEvent
{
}

/// <summary>A project was restored from the trash. Jira sends it as <c>project_restored_deleted</c>.</summary>
[JiraWebhookEvent("project_restored_deleted")]
public sealed class ProjectRestoredDeletedEvent : ProjectWebhookEvent
{
}

/// <summary>A project was archived. Jira sends it as <c>project_archived</c>.</summary>
[JiraWebhookEvent("project_archived")]
public sealed class ProjectArchivedEvent : ProjectWebhookEvent
{
}

/// <summary>An archived project was restored. Jira sends it as <c>project_restored_archived</c>.</summary>
[JiraWebhookEvent("project_restored_archived")]
public sealed class ProjectRestoredArchivedEvent : ProjectWebhookEvent
{
}
