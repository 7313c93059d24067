namespace JiraSdk.Webhooks.Events;

/// <summary>
/// The <c>webhookEvent</c> names Jira documents; use them when registering webhooks. Each name is declared on its event type
/// (<see cref="JiraWebhookEventAttribute"/>), which is what parsing and dispatch use; a test keeps these constants equal to
/// those declarations.
/// </summary>
public static class WebhookEventNames
{
    /// <summary><c>jira:issue_created</c>: an issue was created.</summary>
    public const string IssueCreated = "jira:issue_created";
    /// <summary><c>jira:issue_updated</c>: an issue was updated: a field edit, a transition, a comment or a worklog.</summary>
    public const string IssueUpdated = "jira:issue_updated";
    /// <summary><c>jira:issue_deleted</c>: an issue was deleted.</summary>
    public const string IssueDeleted = "jira:issue_deleted";
    /// <summary><c>issue_property_set</c>: an issue property was set.</summary>
    public const string IssuePropertySet = "issue_property_set";
    /// <summary><c>issue_property_deleted</c>: an issue property was deleted.</summary>
    public const string IssuePropertyDeleted = "issue_property_deleted";
    /// <summary><c>comment_created</c>: a comment was added.</summary>
    public const string CommentCreated = "comment_created";
    /// <summary><c>comment_updated</c>: a comment was edited.</summary>
    public const string CommentUpdated = "comment_updated";
    /// <summary><c>comment_deleted</c>: a comment was deleted.</summary>
    public const string CommentDeleted = "comment_deleted";
    /// <summary><c>worklog_created</c>: work was logged.</summary>
    public const string WorklogCreated = "worklog_created";
    /// <summary><c>worklog_updated</c>: a worklog was changed (also the legacy <c>jira:worklog_updated</c>).</summary>
    public const string WorklogUpdated = "worklog_updated";
    /// <summary><c>worklog_deleted</c>: a worklog was deleted.</summary>
    public const string WorklogDeleted = "worklog_deleted";
    /// <summary><c>attachment_created</c>: a file was attached.</summary>
    public const string AttachmentCreated = "attachment_created";
    /// <summary><c>attachment_deleted</c>: an attachment was deleted.</summary>
    public const string AttachmentDeleted = "attachment_deleted";
    /// <summary><c>issuelink_created</c>: two issues were linked.</summary>
    public const string IssueLinkCreated = "issuelink_created";
    /// <summary><c>issuelink_deleted</c>: an issue link was removed.</summary>
    public const string IssueLinkDeleted = "issuelink_deleted";
    /// <summary><c>project_created</c>: a project was created.</summary>
    public const string ProjectCreated = "project_created";
    /// <summary><c>project_updated</c>: a project was changed.</summary>
    public const string ProjectUpdated = "project_updated";
    /// <summary><c>project_deleted</c>: a project was deleted for good.</summary>
    public const string ProjectDeleted = "project_deleted";
    /// <summary><c>project_soft_deleted</c>: a project was moved to the trash.</summary>
    public const string ProjectSoftDeleted = "project_soft_deleted";
    /// <summary><c>project_restored_deleted</c>: a project was restored from the trash.</summary>
    public const string ProjectRestoredDeleted = "project_restored_deleted";
    /// <summary><c>project_archived</c>: a project was archived.</summary>
    public const string ProjectArchived = "project_archived";
    /// <summary><c>project_restored_archived</c>: an archived project was restored.</summary>
    public const string ProjectRestoredArchived = "project_restored_archived";
    /// <summary><c>jira:version_created</c>: a version was created.</summary>
    public const string VersionCreated = "jira:version_created";
    /// <summary><c>jira:version_updated</c>: a version was changed.</summary>
    public const string VersionUpdated = "jira:version_updated";
    /// <summary><c>jira:version_deleted</c>: a version was deleted (when <see cref="VersionWebhookEvent.MergedTo"/> is set, it was merged).</summary>
    public const string VersionDeleted = "jira:version_deleted";
    /// <summary><c>jira:version_released</c>: a version was released.</summary>
    public const string VersionReleased = "jira:version_released";
    /// <summary><c>jira:version_unreleased</c>: a version was unreleased.</summary>
    public const string VersionUnreleased = "jira:version_unreleased";
    /// <summary><c>jira:version_moved</c>: a version was moved in the version order.</summary>
    public const string VersionMoved = "jira:version_moved";
    /// <summary><c>jira:version_merged</c>: a version was merged into another.</summary>
    public const string VersionMerged = "jira:version_merged";
    /// <summary><c>issuetype_created</c>: an issue type was created.</summary>
    public const string IssueTypeCreated = "issuetype_created";
    /// <summary><c>issuetype_updated</c>: an issue type was changed.</summary>
    public const string IssueTypeUpdated = "issuetype_updated";
    /// <summary><c>issuetype_deleted</c>: an issue type was deleted.</summary>
    public const string IssueTypeDeleted = "issuetype_deleted";
    /// <summary><c>filter_created</c>: a filter was created.</summary>
    public const string FilterCreated = "filter_created";
    /// <summary><c>filter_updated</c>: a filter was changed.</summary>
    public const string FilterUpdated = "filter_updated";
    /// <summary><c>filter_deleted</c>: a filter was deleted.</summary>
    public const string FilterDeleted = "filter_deleted";
    /// <summary><c>user_created</c>: a user was created.</summary>
    public const string UserCreated = "user_created";
    /// <summary><c>user_updated</c>: a user was changed.</summary>
    public const string UserUpdated = "user_updated";
    /// <summary><c>user_deleted</c>: a user was deleted.</summary>
    public const string UserDeleted = "user_deleted";
    /// <summary><c>sprint_created</c>: a sprint was created.</summary>
    public const string SprintCreated = "sprint_created";
    /// <summary><c>sprint_updated</c>: a sprint was changed.</summary>
    public const string SprintUpdated = "sprint_updated";
    /// <summary><c>sprint_deleted</c>: a sprint was deleted.</summary>
    public const string SprintDeleted = "sprint_deleted";
    /// <summary><c>sprint_started</c>: a sprint was started.</summary>
    public const string SprintStarted = "sprint_started";
    /// <summary><c>sprint_closed</c>: a sprint was closed.</summary>
    public const string SprintClosed = "sprint_closed";
    /// <summary><c>board_created</c>: a board was created.</summary>
    public const string BoardCreated = "board_created";
    /// <summary><c>board_updated</c>: a board was changed.</summary>
    public const string BoardUpdated = "board_updated";
    /// <summary><c>board_deleted</c>: a board was deleted.</summary>
    public const string BoardDeleted = "board_deleted";
    /// <summary><c>board_configuration_changed</c>: a board's configuration changed.</summary>
    public const string BoardConfigurationChanged = "board_configuration_changed";
    /// <summary><c>option_voting_changed</c>: voting was turned on or off.</summary>
    public const string VotingOptionChanged = "option_voting_changed";
    /// <summary><c>option_watching_changed</c>: watching was turned on or off.</summary>
    public const string WatchingOptionChanged = "option_watching_changed";
    /// <summary><c>option_unassigned_issues_changed</c>: allowing unassigned issues was turned on or off.</summary>
    public const string UnassignedIssuesOptionChanged = "option_unassigned_issues_changed";
    /// <summary><c>option_subtasks_changed</c>: sub-tasks were turned on or off.</summary>
    public const string SubtasksOptionChanged = "option_subtasks_changed";
    /// <summary><c>option_attachments_changed</c>: attachments were turned on or off.</summary>
    public const string AttachmentsOptionChanged = "option_attachments_changed";
    /// <summary><c>option_issuelinks_changed</c>: issue linking was turned on or off.</summary>
    public const string IssueLinksOptionChanged = "option_issuelinks_changed";
    /// <summary><c>option_timetracking_changed</c>: time tracking was turned on or off.</summary>
    public const string TimeTrackingOptionChanged = "option_timetracking_changed";
    /// <summary><c>option_timetracking_provider_changed</c>: the time tracking provider changed.</summary>
    public const string TimeTrackingProviderOptionChanged = "option_timetracking_provider_changed";
    /// <summary><c>app_access_to_objects_blocked</c>: the app lost access to some objects.</summary>
    public const string AppAccessToObjectsBlocked = "app_access_to_objects_blocked";
    /// <summary><c>app_access_to_objects_in_container_blocked</c>: the app lost access to objects in a container.</summary>
    public const string AppAccessToObjectsInContainerBlocked = "app_access_to_objects_in_container_blocked";
    /// <summary><c>jira_expression_evaluation_failed</c>: a Jira expression the app registered failed to evaluate.</summary>
    public const string JiraExpressionEvaluationFailed = "jira_expression_evaluation_failed";
    /// <summary><c>jira:worklog_updated</c>: the legacy name of <c>worklog_updated</c>, being phased out.</summary>
    public const string LegacyWorklogUpdated = "jira:worklog_updated";
}
