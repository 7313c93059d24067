using System.Text.Json;

namespace JiraSdk.Issues;

/// <summary>An issue's <c>status</c>: read from the JSON on access; a value of another shape reads as <c>null</c> (reported).</summary>
public readonly struct StatusField
{
    private readonly FieldJson _json;
    private readonly IssueFields? _fields;

    internal StatusField(FieldJson json, IssueFields? fields) => (_json, _fields) = (json, fields);

    /// <summary>The status id.</summary>
    public string? Id => _json.String("id", "status", _fields);

    /// <summary>The status name, e.g. <c>In Progress</c>.</summary>
    public string? Name => _json.String("name", "status", _fields);

    /// <summary>The key of the status category: <c>new</c>, <c>indeterminate</c> or <c>done</c>.</summary>
    public string? CategoryKey =>
        FieldValues.Object(Json, "statusCategory", "status", _fields) is { } category
            ? FieldValues.String(category, "key", "status.statusCategory", _fields)
            : null;

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json => _json.Element;

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>issuetype</c>.</summary>
public readonly struct IssueTypeField
{
    private readonly FieldJson _json;
    private readonly IssueFields? _fields;

    internal IssueTypeField(FieldJson json, IssueFields? fields) => (_json, _fields) = (json, fields);

    /// <summary>The issue type id.</summary>
    public string? Id => _json.String("id", "issuetype", _fields);

    /// <summary>The issue type name, e.g. <c>Bug</c>.</summary>
    public string? Name => _json.String("name", "issuetype", _fields);

    /// <summary>Whether issues of this type are subtasks.</summary>
    public bool IsSubtask => _json.Boolean("subtask", "issuetype", _fields) ?? false;

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json => _json.Element;

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>project</c>.</summary>
public readonly struct ProjectField
{
    private readonly FieldJson _json;
    private readonly IssueFields? _fields;

    internal ProjectField(FieldJson json, IssueFields? fields) => (_json, _fields) = (json, fields);

    /// <summary>The project id.</summary>
    public string? Id => _json.String("id", "project", _fields);

    /// <summary>The project key, e.g. <c>DOCS</c>.</summary>
    public string? Key => _json.String("key", "project", _fields);

    /// <summary>The project name.</summary>
    public string? Name => _json.String("name", "project", _fields);

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json => _json.Element;

    /// <inheritdoc />
    public override string ToString() => Key ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>priority</c>.</summary>
public readonly struct PriorityField
{
    private readonly FieldJson _json;
    private readonly IssueFields? _fields;

    internal PriorityField(FieldJson json, IssueFields? fields) => (_json, _fields) = (json, fields);

    /// <summary>The priority id.</summary>
    public string? Id => _json.String("id", "priority", _fields);

    /// <summary>The priority name, e.g. <c>High</c>.</summary>
    public string? Name => _json.String("name", "priority", _fields);

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json => _json.Element;

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? string.Empty;
}

/// <summary>A user in an issue field (<c>assignee</c>, <c>reporter</c>, user custom fields). Cloud identifies users by
/// <see cref="AccountId"/>; Data Center by <see cref="Name"/> and <see cref="Key"/>.</summary>
public readonly struct UserField
{
    private readonly string _fieldId;
    private readonly FieldJson _json;
    private readonly IssueFields? _fields;

    internal UserField(FieldJson json, string fieldId, IssueFields? fields) => (_json, _fieldId, _fields) = (json, fieldId, fields);

    /// <summary>The Atlassian account id (Cloud).</summary>
    public string? AccountId => _json.String("accountId", _fieldId, _fields);

    /// <summary>The display name.</summary>
    public string? DisplayName => _json.String("displayName", _fieldId, _fields);

    /// <summary>The email address, when the user's privacy settings show it.</summary>
    public string? EmailAddress => _json.String("emailAddress", _fieldId, _fields);

    /// <summary>The user name (Data Center).</summary>
    public string? Name => _json.String("name", _fieldId, _fields);

    /// <summary>The user key (Data Center).</summary>
    public string? Key => _json.String("key", _fieldId, _fields);

    /// <summary>Whether the account is active, when Jira says.</summary>
    public bool? Active => _json.Boolean("active", _fieldId, _fields);

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json => _json.Element;

    /// <inheritdoc />
    public override string ToString() => DisplayName ?? AccountId ?? Name ?? string.Empty;
}
