using System.Text.Json;
using System.Text.Json.Serialization;
using JiraSdk.V3;
using JiraSdk.Webhooks.Models;

namespace JiraSdk.Webhooks.Events;

/// <summary>An issue was created, updated or deleted (<c>jira:issue_*</c>).</summary>
public abstract class IssueWebhookEvent : JiraWebhookEvent
{
    /// <summary>
    /// What happened, more precisely than the event name (e.g. <c>issue_assigned</c>). An open set: compare with
    /// <see cref="IssueEventTypeNames"/> and keep a fallback.
    /// </summary>
    [JsonPropertyName("issue_event_type_name")]
    public string? IssueEventTypeName { get; set; }

    /// <summary>Who caused the event.</summary>
    [JsonPropertyName("user")]
    public UserDetails? User { get; set; }

    /// <summary>The issue as Jira returns it without <c>expand</c>; for a deletion, its state before it was deleted.</summary>
    [JsonPropertyName("issue")]
    public IssueBean? Issue { get; set; }

    /// <summary>What changed; present on updates and sometimes on creation.</summary>
    [JsonPropertyName("changelog")]
    public WebhookChangelog? Changelog { get; set; }

    /// <summary>The comment, when the update was a comment.</summary>
    [JsonPropertyName("comment")]
    public Comment? Comment { get; set; }
}

/// <summary>An issue property was set or deleted.</summary>
public abstract class IssuePropertyWebhookEvent : JiraWebhookEvent
{
    /// <summary>The property (key, and the value when set).</summary>
    [JsonPropertyName("property")]
    public EntityProperty? Property { get; set; }

    /// <summary>The issue the property belongs to.</summary>
    [JsonPropertyName("issue")]
    public IssueBean? Issue { get; set; }

    /// <summary>Who caused the event, when Jira says.</summary>
    [JsonPropertyName("user")]
    public UserDetails? User { get; set; }
}

/// <summary>A comment was created, updated or deleted.</summary>
public abstract class CommentWebhookEvent : JiraWebhookEvent
{
    /// <summary>The comment as returned by the get-comment API.</summary>
    [JsonPropertyName("comment")]
    public Comment? Comment { get; set; }

    /// <summary>The issue the comment is on, with a cut-down set of fields.</summary>
    [JsonPropertyName("issue")]
    public IssueBean? Issue { get; set; }

    /// <summary>Who caused the event, when Jira says.</summary>
    [JsonPropertyName("user")]
    public UserDetails? User { get; set; }
}

/// <summary>A worklog was created, updated or deleted.</summary>
public abstract class WorklogWebhookEvent : JiraWebhookEvent
{
    /// <summary>The worklog; <see cref="Worklog.IssueId"/> names its issue.</summary>
    [JsonPropertyName("worklog")]
    public Worklog? Worklog { get; set; }

    /// <summary>The issue, when Jira includes it.</summary>
    [JsonPropertyName("issue")]
    public IssueBean? Issue { get; set; }

    /// <summary>Who caused the event, when Jira says.</summary>
    [JsonPropertyName("user")]
    public UserDetails? User { get; set; }
}

/// <summary>An attachment was created or deleted.</summary>
public abstract class AttachmentWebhookEvent : JiraWebhookEvent
{
    /// <summary>The attachment.</summary>
    [JsonPropertyName("attachment")]
    public Attachment? Attachment { get; set; }

    /// <summary>The issue, when Jira includes it.</summary>
    [JsonPropertyName("issue")]
    public IssueBean? Issue { get; set; }

    /// <summary>Who caused the event, when Jira says.</summary>
    [JsonPropertyName("user")]
    public UserDetails? User { get; set; }
}

/// <summary>An issue link was created or deleted (Jira has no update event for links).</summary>
public abstract class IssueLinkWebhookEvent : JiraWebhookEvent
{
    /// <summary>The link.</summary>
    [JsonPropertyName("issueLink")]
    public WebhookIssueLink? IssueLink { get; set; }
}

/// <summary>A project was created, changed, deleted, trashed, archived or restored.</summary>
public abstract class ProjectWebhookEvent : JiraWebhookEvent
{
    /// <summary>The project.</summary>
    [JsonPropertyName("project")]
    public Project? Project { get; set; }

    /// <summary>Who caused the event, when Jira says.</summary>
    [JsonPropertyName("user")]
    public UserDetails? User { get; set; }
}

/// <summary>A version was created, changed, deleted, released, unreleased, moved or merged.</summary>
public abstract class VersionWebhookEvent : JiraWebhookEvent
{
    /// <summary>The version.</summary>
    [JsonPropertyName("version")]
    public V3.Version? Version { get; set; }

    /// <summary>
    /// The version this one was merged into, when the event reports a merge (Jira reports merges both as
    /// <c>jira:version_merged</c> and as <c>jira:version_deleted</c> with this set). Kept as JSON: its shape is undocumented.
    /// </summary>
    [JsonPropertyName("mergedTo")]
    public JsonElement? MergedTo { get; set; }
}

/// <summary>An issue type was created, changed or deleted.</summary>
public abstract class IssueTypeWebhookEvent : JiraWebhookEvent
{
    /// <summary>The issue type.</summary>
    [JsonPropertyName("issueType")]
    public IssueTypeDetails? IssueType { get; set; }
}

/// <summary>A filter was created, changed or deleted.</summary>
public abstract class FilterWebhookEvent : JiraWebhookEvent
{
    /// <summary>The filter.</summary>
    [JsonPropertyName("filter")]
    public Filter? Filter { get; set; }
}

/// <summary>A user was created, changed or deleted.</summary>
public abstract class UserWebhookEvent : JiraWebhookEvent
{
    /// <summary>The user the event is about.</summary>
    [JsonPropertyName("user")]
    public UserDetails? User { get; set; }
}

/// <summary>A sprint was created, changed, deleted, started or closed (Jira Software).</summary>
public abstract class SprintWebhookEvent : JiraWebhookEvent
{
    /// <summary>The sprint.</summary>
    [JsonPropertyName("sprint")]
    public WebhookSprint? Sprint { get; set; }
}

/// <summary>A board was created, changed, deleted or reconfigured (Jira Software).</summary>
public abstract class BoardWebhookEvent : JiraWebhookEvent
{
    /// <summary>The board.</summary>
    [JsonPropertyName("board")]
    public WebhookBoard? Board { get; set; }
}

/// <summary>
/// A global Jira setting changed (<c>option_*</c>). The event name says which; the payload carries no entity, and anything
/// it does carry is in <see cref="JiraWebhookEvent.AdditionalProperties"/>.
/// </summary>
public abstract class ConfigurationOptionWebhookEvent : JiraWebhookEvent
{
}

/// <summary>
/// Events Jira sends to apps about the app itself (access blocked, Jira expression failures). Their payloads are
/// undocumented and kept in <see cref="JiraWebhookEvent.AdditionalProperties"/>.
/// </summary>
public abstract class AppWebhookEvent : JiraWebhookEvent
{
}
