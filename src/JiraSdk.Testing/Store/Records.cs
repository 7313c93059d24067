using System.Text.Json.Nodes;

namespace JiraSdk.Testing.Store;

// The sandbox's state, one class per Jira entity. Plain mutable properties so the SQLite persistence can store each
// record as JSON; every access goes through SandboxStore's lock.

internal sealed class UserRecord
{
    public string AccountId { get; set; } = "";
    /// <summary>The Data Center user name (also the key); Cloud ignores it.</summary>
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string EmailAddress { get; set; } = "";
    public string ApiToken { get; set; } = "";
    public string? PersonalAccessToken { get; set; }
    public bool Active { get; set; } = true;
    public string TimeZone { get; set; } = "UTC";
}

internal sealed class ProjectRecord
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? LeadAccountId { get; set; }
    public string ProjectTypeKey { get; set; } = "software";
    public int NextIssueNumber { get; set; } = 1;
    public List<VersionRecord> Versions { get; set; } = new();
}

internal sealed class VersionRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public bool Released { get; set; }
}

internal sealed class IssueTypeRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Subtask { get; set; }
    public int HierarchyLevel { get; set; }
}

/// <summary>Status categories as Jira numbers them: 2 = new (To Do), 4 = indeterminate (In Progress), 3 = done.</summary>
internal sealed class StatusRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string CategoryKey { get; set; } = "new";
}

/// <summary>A global workflow transition: available from every status except its target.</summary>
internal sealed class TransitionRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public long ToStatusId { get; set; }
}

internal sealed class NamedRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
}

internal sealed class CustomFieldRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>number | select | user | text</summary>
    public string Kind { get; set; } = "text";
    public List<NamedRecord> Options { get; set; } = new();
    public string FieldId => "customfield_" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class IssueRecord
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public long ProjectId { get; set; }
    public long IssueTypeId { get; set; }
    public long StatusId { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>Rich text kept as wiki/plain text; v3 renders it as ADF paragraphs.</summary>
    public string? Description { get; set; }
    public string? Environment { get; set; }
    public string? AssigneeId { get; set; }
    public string? ReporterId { get; set; }
    public string? CreatorId { get; set; }
    public long? PriorityId { get; set; }
    public List<string> Labels { get; set; } = new();
    public DateOnly? DueDate { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
    public long? ResolutionId { get; set; }
    public DateTimeOffset? ResolutionDate { get; set; }
    public long? ParentId { get; set; }
    public List<long> FixVersionIds { get; set; } = new();
    /// <summary>Custom field values by field id: a number, a string, an option id (select) or an account id (user picker).</summary>
    public Dictionary<string, JsonNode?> Custom { get; set; } = new();
    public List<CommentRecord> Comments { get; set; } = new();
    public List<WorklogRecord> Worklogs { get; set; } = new();
    public List<AttachmentRecord> Attachments { get; set; } = new();
    public List<ChangeHistoryRecord> Changelog { get; set; } = new();
    /// <summary>Eventual consistency: until this instant search sees <see cref="SearchSnapshot"/> (null: not yet indexed).</summary>
    public DateTimeOffset SearchVisibleAt { get; set; }
    public JsonObject? SearchSnapshot { get; set; }
    public bool SearchIndexed { get; set; }
}

internal sealed class CommentRecord
{
    public long Id { get; set; }
    public string AuthorId { get; set; } = "";
    public string UpdateAuthorId { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
}

internal sealed class WorklogRecord
{
    public long Id { get; set; }
    public string AuthorId { get; set; } = "";
    public string UpdateAuthorId { get; set; } = "";
    public string? Comment { get; set; }
    public DateTimeOffset Started { get; set; }
    public long TimeSpentSeconds { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
}

internal sealed class AttachmentRecord
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    public string MimeType { get; set; } = "application/octet-stream";
    public string AuthorId { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public byte[] Content { get; set; } = Array.Empty<byte>();
}

internal sealed class ChangeHistoryRecord
{
    public long Id { get; set; }
    public string AuthorId { get; set; } = "";
    public DateTimeOffset Created { get; set; }
    public List<ChangeItemRecord> Items { get; set; } = new();
}

internal sealed class ChangeItemRecord
{
    public string Field { get; set; } = "";
    public string FieldType { get; set; } = "jira";
    public string FieldId { get; set; } = "";
    public string? From { get; set; }
    public string? FromString { get; set; }
    public string? To { get; set; }
    public string? ToString_ { get; set; }
}

internal sealed class LinkTypeRecord
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string Inward { get; set; } = "";
    public string Outward { get; set; } = "";
}

internal sealed class IssueLinkRecord
{
    public long Id { get; set; }
    public long TypeId { get; set; }
    public long InwardIssueId { get; set; }
    public long OutwardIssueId { get; set; }
}
