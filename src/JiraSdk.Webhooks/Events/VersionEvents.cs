namespace JiraSdk.Webhooks.Events;

/// <summary>A version was created. Jira sends it as <c>jira:version_created</c>.</summary>
[JiraWebhookEvent("jira:version_created")]
public sealed class VersionCreatedEvent : VersionWebhookEvent
{
}

/// <summary>A version was changed. Jira sends it as <c>jira:version_updated</c>.</summary>
[JiraWebhookEvent("jira:version_updated")]
public sealed class VersionUpdatedEvent : VersionWebhookEvent
{
}

/// <summary>A version was deleted (when <see cref="VersionWebhookEvent.MergedTo"/> is set, it was merged). Jira sends it as <c>jira:version_deleted</c>.</summary>
[JiraWebhookEvent("jira:version_deleted")]
public sealed class VersionDeletedEvent : VersionWebhookEvent
{
}

/// <summary>A version was released. Jira sends it as <c>jira:version_released</c>.</summary>
[JiraWebhookEvent("jira:version_released")]
public sealed class VersionReleasedEvent : VersionWebhookEvent
{
}

/// <summary>A version was unreleased. Jira sends it as <c>jira:version_unreleased</c>.</summary>
[JiraWebhookEvent("jira:version_unreleased")]
public sealed class VersionUnreleasedEvent : VersionWebhookEvent
{
}

/// <summary>A version was moved in the version order. Jira sends it as <c>jira:version_moved</c>.</summary>
[JiraWebhookEvent("jira:version_moved")]
public sealed class VersionMovedEvent : VersionWebhookEvent
{
}

/// <summary>A version was merged into another. Jira sends it as <c>jira:version_merged</c>.</summary>
[JiraWebhookEvent("jira:version_merged")]
public sealed class VersionMergedEvent : VersionWebhookEvent
{
}
