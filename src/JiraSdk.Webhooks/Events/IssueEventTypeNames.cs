namespace JiraSdk.Webhooks.Events;

/// <summary>
/// Known values of <c>issue_event_type_name</c>, which says more precisely than <c>webhookEvent</c> what happened to an
/// issue. The set is open: administrators can define their own event types, so compare against these constants and keep a
/// fallback for anything else.
/// </summary>
public static class IssueEventTypeNames
{
    /// <summary>The issue was created.</summary>
    public const string IssueCreated = "issue_created";
    /// <summary>A field was edited.</summary>
    public const string IssueUpdated = "issue_updated";
    /// <summary>A generic event, for example a workflow transition.</summary>
    public const string IssueGeneric = "issue_generic";
    /// <summary>The assignee changed.</summary>
    public const string IssueAssigned = "issue_assigned";
    /// <summary>A comment was added.</summary>
    public const string IssueCommented = "issue_commented";
    /// <summary>A comment was edited.</summary>
    public const string IssueCommentEdited = "issue_comment_edited";
    /// <summary>A comment was deleted.</summary>
    public const string IssueCommentDeleted = "issue_comment_deleted";
    /// <summary>Work was logged.</summary>
    public const string IssueWorkLogged = "issue_work_logged";
    /// <summary>A worklog was edited.</summary>
    public const string IssueWorklogUpdated = "issue_worklog_updated";
    /// <summary>A worklog was deleted.</summary>
    public const string IssueWorklogDeleted = "issue_worklog_deleted";
    /// <summary>The issue was resolved.</summary>
    public const string IssueResolved = "issue_resolved";
    /// <summary>The issue was closed.</summary>
    public const string IssueClosed = "issue_closed";
    /// <summary>The issue was reopened.</summary>
    public const string IssueReopened = "issue_reopened";
    /// <summary>The issue was moved to another project or issue type.</summary>
    public const string IssueMoved = "issue_moved";
    /// <summary>Work on the issue started.</summary>
    public const string IssueWorkStarted = "issue_work_started";
    /// <summary>Work on the issue stopped.</summary>
    public const string IssueWorkStopped = "issue_work_stopped";
    /// <summary>The issue was deleted.</summary>
    public const string IssueDeleted = "issue_deleted";
}
