using System.Text.Json;

namespace JiraSdk.Issues;

/// <summary>An issue's <c>status</c>: read from the JSON on access; a value of another shape reads as <c>null</c> (reported).</summary>
public readonly struct StatusField
{
    private readonly IssueFields? _fields;

    internal StatusField(JsonElement json, IssueFields? fields)
    {
        Json = json;
        _fields = fields;
    }

    /// <summary>The status id.</summary>
    public string? Id => FieldValues.String(Json, "id", "status", _fields);

    /// <summary>The status name, e.g. <c>In Progress</c>.</summary>
    public string? Name => FieldValues.String(Json, "name", "status", _fields);

    /// <summary>The key of the status category: <c>new</c>, <c>indeterminate</c> or <c>done</c>.</summary>
    public string? CategoryKey =>
        FieldValues.Object(Json, "statusCategory", "status", _fields) is { } category
            ? FieldValues.String(category, "key", "status.statusCategory", _fields)
            : null;

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>issuetype</c>.</summary>
public readonly struct IssueTypeField
{
    private readonly IssueFields? _fields;

    internal IssueTypeField(JsonElement json, IssueFields? fields)
    {
        Json = json;
        _fields = fields;
    }

    /// <summary>The issue type id.</summary>
    public string? Id => FieldValues.String(Json, "id", "issuetype", _fields);

    /// <summary>The issue type name, e.g. <c>Bug</c>.</summary>
    public string? Name => FieldValues.String(Json, "name", "issuetype", _fields);

    /// <summary>Whether issues of this type are subtasks.</summary>
    public bool IsSubtask => FieldValues.Boolean(Json, "subtask", "issuetype", _fields) ?? false;

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>project</c>.</summary>
public readonly struct ProjectField
{
    private readonly IssueFields? _fields;

    internal ProjectField(JsonElement json, IssueFields? fields)
    {
        Json = json;
        _fields = fields;
    }

    /// <summary>The project id.</summary>
    public string? Id => FieldValues.String(Json, "id", "project", _fields);

    /// <summary>The project key, e.g. <c>DOCS</c>.</summary>
    public string? Key => FieldValues.String(Json, "key", "project", _fields);

    /// <summary>The project name.</summary>
    public string? Name => FieldValues.String(Json, "name", "project", _fields);

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Key ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>priority</c>.</summary>
public readonly struct PriorityField
{
    private readonly IssueFields? _fields;

    internal PriorityField(JsonElement json, IssueFields? fields)
    {
        Json = json;
        _fields = fields;
    }

    /// <summary>The priority id.</summary>
    public string? Id => FieldValues.String(Json, "id", "priority", _fields);

    /// <summary>The priority name, e.g. <c>High</c>.</summary>
    public string? Name => FieldValues.String(Json, "name", "priority", _fields);

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? string.Empty;
}

/// <summary>A user in an issue field (<c>assignee</c>, <c>reporter</c>, user custom fields). Cloud identifies users by
/// <see cref="AccountId"/>; Data Center by <see cref="Name"/> and <see cref="Key"/>.</summary>
public readonly struct UserField
{
    private readonly string _fieldId;
    private readonly IssueFields? _fields;

    internal UserField(JsonElement json, string fieldId, IssueFields? fields)
    {
        Json = json;
        _fieldId = fieldId;
        _fields = fields;
    }

    /// <summary>The Atlassian account id (Cloud).</summary>
    public string? AccountId => FieldValues.String(Json, "accountId", _fieldId, _fields);

    /// <summary>The display name.</summary>
    public string? DisplayName => FieldValues.String(Json, "displayName", _fieldId, _fields);

    /// <summary>The email address, when the user's privacy settings show it.</summary>
    public string? EmailAddress => FieldValues.String(Json, "emailAddress", _fieldId, _fields);

    /// <summary>The user name (Data Center).</summary>
    public string? Name => FieldValues.String(Json, "name", _fieldId, _fields);

    /// <summary>The user key (Data Center).</summary>
    public string? Key => FieldValues.String(Json, "key", _fieldId, _fields);

    /// <summary>Whether the account is active, when Jira says.</summary>
    public bool? Active => FieldValues.Boolean(Json, "active", _fieldId, _fields);

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => DisplayName ?? AccountId ?? Name ?? string.Empty;
}
