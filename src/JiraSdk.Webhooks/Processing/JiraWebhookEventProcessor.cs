using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;

namespace JiraSdk.Webhooks.Processing;

/// <summary>
/// Receives typed events: derive from it and override the methods for the events you care about. Every method does nothing
/// by default; an exception thrown from one fails the delivery so that Jira retries it.
/// </summary>
public abstract class JiraWebhookEventProcessor : IJiraWebhookHandler
{
    /// <summary>
    /// Routes <paramref name="webhookEvent"/> to the method for its type: the protected <c>On…Async</c> method whose event
    /// parameter is that type, for every type declared with <see cref="JiraWebhookEventAttribute"/> (the table is built once
    /// per process); an <see cref="UnknownWebhookEvent"/> to <see cref="OnUnknownEventAsync"/>; any other type to
    /// <see cref="OnUnhandledEventAsync"/>.
    /// </summary>
    public virtual Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        if (webhookEvent is null) throw new ArgumentNullException(nameof(webhookEvent));
        if (webhookEvent is UnknownWebhookEvent unknown) return OnUnknownEventAsync(unknown, context, cancellationToken);
        return ProcessorDispatch.Default.TryGet(webhookEvent.GetType()) is { } dispatch
            ? dispatch(this, webhookEvent, context, cancellationToken)
            : OnUnhandledEventAsync(webhookEvent, context, cancellationToken);
    }

    /// <summary>Handles <c>jira:issue_created</c>: an issue was created.</summary>
    protected virtual Task OnIssueCreatedAsync(IssueCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:issue_updated</c>: an issue was updated: a field edit, a transition, a comment or a worklog.</summary>
    protected virtual Task OnIssueUpdatedAsync(IssueUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:issue_deleted</c>: an issue was deleted.</summary>
    protected virtual Task OnIssueDeletedAsync(IssueDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>issue_property_set</c>: an issue property was set.</summary>
    protected virtual Task OnIssuePropertySetAsync(IssuePropertySetEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>issue_property_deleted</c>: an issue property was deleted.</summary>
    protected virtual Task OnIssuePropertyDeletedAsync(IssuePropertyDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>comment_created</c>: a comment was added.</summary>
    protected virtual Task OnCommentCreatedAsync(CommentCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>comment_updated</c>: a comment was edited.</summary>
    protected virtual Task OnCommentUpdatedAsync(CommentUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>comment_deleted</c>: a comment was deleted.</summary>
    protected virtual Task OnCommentDeletedAsync(CommentDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>worklog_created</c>: work was logged.</summary>
    protected virtual Task OnWorklogCreatedAsync(WorklogCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>worklog_updated</c>: a worklog was changed (also the legacy <c>jira:worklog_updated</c>).</summary>
    protected virtual Task OnWorklogUpdatedAsync(WorklogUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>worklog_deleted</c>: a worklog was deleted.</summary>
    protected virtual Task OnWorklogDeletedAsync(WorklogDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>attachment_created</c>: a file was attached.</summary>
    protected virtual Task OnAttachmentCreatedAsync(AttachmentCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>attachment_deleted</c>: an attachment was deleted.</summary>
    protected virtual Task OnAttachmentDeletedAsync(AttachmentDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>issuelink_created</c>: two issues were linked.</summary>
    protected virtual Task OnIssueLinkCreatedAsync(IssueLinkCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>issuelink_deleted</c>: an issue link was removed.</summary>
    protected virtual Task OnIssueLinkDeletedAsync(IssueLinkDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>project_created</c>: a project was created.</summary>
    protected virtual Task OnProjectCreatedAsync(ProjectCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>project_updated</c>: a project was changed.</summary>
    protected virtual Task OnProjectUpdatedAsync(ProjectUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>project_deleted</c>: a project was deleted for good.</summary>
    protected virtual Task OnProjectDeletedAsync(ProjectDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>project_soft_deleted</c>: a project was moved to the trash.</summary>
    protected virtual Task OnProjectSoftDeletedAsync(ProjectSoftDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>project_restored_deleted</c>: a project was restored from the trash.</summary>
    protected virtual Task OnProjectRestoredDeletedAsync(ProjectRestoredDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>project_archived</c>: a project was archived.</summary>
    protected virtual Task OnProjectArchivedAsync(ProjectArchivedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>project_restored_archived</c>: an archived project was restored.</summary>
    protected virtual Task OnProjectRestoredArchivedAsync(ProjectRestoredArchivedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:version_created</c>: a version was created.</summary>
    protected virtual Task OnVersionCreatedAsync(VersionCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:version_updated</c>: a version was changed.</summary>
    protected virtual Task OnVersionUpdatedAsync(VersionUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:version_deleted</c>: a version was deleted (when <see cref="VersionWebhookEvent.MergedTo"/> is set, it was merged).</summary>
    protected virtual Task OnVersionDeletedAsync(VersionDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:version_released</c>: a version was released.</summary>
    protected virtual Task OnVersionReleasedAsync(VersionReleasedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:version_unreleased</c>: a version was unreleased.</summary>
    protected virtual Task OnVersionUnreleasedAsync(VersionUnreleasedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:version_moved</c>: a version was moved in the version order.</summary>
    protected virtual Task OnVersionMovedAsync(VersionMovedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira:version_merged</c>: a version was merged into another.</summary>
    protected virtual Task OnVersionMergedAsync(VersionMergedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>issuetype_created</c>: an issue type was created.</summary>
    protected virtual Task OnIssueTypeCreatedAsync(IssueTypeCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>issuetype_updated</c>: an issue type was changed.</summary>
    protected virtual Task OnIssueTypeUpdatedAsync(IssueTypeUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>issuetype_deleted</c>: an issue type was deleted.</summary>
    protected virtual Task OnIssueTypeDeletedAsync(IssueTypeDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>filter_created</c>: a filter was created.</summary>
    protected virtual Task OnFilterCreatedAsync(FilterCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>filter_updated</c>: a filter was changed.</summary>
    protected virtual Task OnFilterUpdatedAsync(FilterUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>filter_deleted</c>: a filter was deleted.</summary>
    protected virtual Task OnFilterDeletedAsync(FilterDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>user_created</c>: a user was created.</summary>
    protected virtual Task OnUserCreatedAsync(UserCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>user_updated</c>: a user was changed.</summary>
    protected virtual Task OnUserUpdatedAsync(UserUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>user_deleted</c>: a user was deleted.</summary>
    protected virtual Task OnUserDeletedAsync(UserDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>sprint_created</c>: a sprint was created.</summary>
    protected virtual Task OnSprintCreatedAsync(SprintCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>sprint_updated</c>: a sprint was changed.</summary>
    protected virtual Task OnSprintUpdatedAsync(SprintUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>sprint_deleted</c>: a sprint was deleted.</summary>
    protected virtual Task OnSprintDeletedAsync(SprintDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>sprint_started</c>: a sprint was started.</summary>
    protected virtual Task OnSprintStartedAsync(SprintStartedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>sprint_closed</c>: a sprint was closed.</summary>
    protected virtual Task OnSprintClosedAsync(SprintClosedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>board_created</c>: a board was created.</summary>
    protected virtual Task OnBoardCreatedAsync(BoardCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>board_updated</c>: a board was changed.</summary>
    protected virtual Task OnBoardUpdatedAsync(BoardUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>board_deleted</c>: a board was deleted.</summary>
    protected virtual Task OnBoardDeletedAsync(BoardDeletedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>board_configuration_changed</c>: a board's configuration changed.</summary>
    protected virtual Task OnBoardConfigurationChangedAsync(BoardConfigurationChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>option_voting_changed</c>: voting was turned on or off.</summary>
    protected virtual Task OnVotingOptionChangedAsync(VotingOptionChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>option_watching_changed</c>: watching was turned on or off.</summary>
    protected virtual Task OnWatchingOptionChangedAsync(WatchingOptionChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>option_unassigned_issues_changed</c>: allowing unassigned issues was turned on or off.</summary>
    protected virtual Task OnUnassignedIssuesOptionChangedAsync(UnassignedIssuesOptionChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>option_subtasks_changed</c>: sub-tasks were turned on or off.</summary>
    protected virtual Task OnSubtasksOptionChangedAsync(SubtasksOptionChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>option_attachments_changed</c>: attachments were turned on or off.</summary>
    protected virtual Task OnAttachmentsOptionChangedAsync(AttachmentsOptionChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>option_issuelinks_changed</c>: issue linking was turned on or off.</summary>
    protected virtual Task OnIssueLinksOptionChangedAsync(IssueLinksOptionChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>option_timetracking_changed</c>: time tracking was turned on or off.</summary>
    protected virtual Task OnTimeTrackingOptionChangedAsync(TimeTrackingOptionChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>option_timetracking_provider_changed</c>: the time tracking provider changed.</summary>
    protected virtual Task OnTimeTrackingProviderOptionChangedAsync(TimeTrackingProviderOptionChangedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>app_access_to_objects_blocked</c>: the app lost access to some objects.</summary>
    protected virtual Task OnAppAccessToObjectsBlockedAsync(AppAccessToObjectsBlockedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>app_access_to_objects_in_container_blocked</c>: the app lost access to objects in a container.</summary>
    protected virtual Task OnAppAccessToObjectsInContainerBlockedAsync(AppAccessToObjectsInContainerBlockedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles <c>jira_expression_evaluation_failed</c>: a Jira expression the app registered failed to evaluate.</summary>
    protected virtual Task OnJiraExpressionEvaluationFailedAsync(JiraExpressionEvaluationFailedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles a delivery whose <c>webhookEvent</c> this SDK does not know; its JSON is in <see cref="JiraWebhookEvent.Raw"/>.</summary>
    protected virtual Task OnUnknownEventAsync(UnknownWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles an event of a type derived outside this SDK, which no other method covers.</summary>
    protected virtual Task OnUnhandledEventAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}
