using System.Text.Json;

namespace JiraSdk.Issues;

/// <summary>An issue's <c>status</c>: read from the JSON on access.</summary>
public readonly struct StatusField
{
    internal StatusField(JsonElement json) => Json = json;

    /// <summary>The status id.</summary>
    public string? Id => FieldValues.String(Json, "id", "status");

    /// <summary>The status name, e.g. <c>In Progress</c>.</summary>
    public string? Name => FieldValues.String(Json, "name", "status");

    /// <summary>The key of the status category: <c>new</c>, <c>indeterminate</c> or <c>done</c>.</summary>
    public string? CategoryKey =>
        Json.TryGetProperty("statusCategory", out var category) && category.ValueKind == JsonValueKind.Object
            ? FieldValues.String(category, "key", "status.statusCategory")
            : null;

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>issuetype</c>.</summary>
public readonly struct IssueTypeField
{
    internal IssueTypeField(JsonElement json) => Json = json;

    /// <summary>The issue type id.</summary>
    public string? Id => FieldValues.String(Json, "id", "issuetype");

    /// <summary>The issue type name, e.g. <c>Bug</c>.</summary>
    public string? Name => FieldValues.String(Json, "name", "issuetype");

    /// <summary>Whether issues of this type are subtasks.</summary>
    public bool IsSubtask => FieldValues.Boolean(Json, "subtask", "issuetype") ?? false;

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Name ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>project</c>.</summary>
public readonly struct ProjectField
{
    internal ProjectField(JsonElement json) => Json = json;

    /// <summary>The project id.</summary>
    public string? Id => FieldValues.String(Json, "id", "project");

    /// <summary>The project key, e.g. <c>DOCS</c>.</summary>
    public string? Key => FieldValues.String(Json, "key", "project");

    /// <summary>The project name.</summary>
    public string? Name => FieldValues.String(Json, "name", "project");

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => Key ?? Id ?? string.Empty;
}

/// <summary>An issue's <c>priority</c>.</summary>
public readonly struct PriorityField
{
    internal PriorityField(JsonElement json) => Json = json;

    /// <summary>The priority id.</summary>
    public string? Id => FieldValues.String(Json, "id", "priority");

    /// <summary>The priority name, e.g. <c>High</c>.</summary>
    public string? Name => FieldValues.String(Json, "name", "priority");

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

    internal UserField(JsonElement json, string fieldId)
    {
        Json = json;
        _fieldId = fieldId;
    }

    /// <summary>The Atlassian account id (Cloud).</summary>
    public string? AccountId => FieldValues.String(Json, "accountId", _fieldId);

    /// <summary>The display name.</summary>
    public string? DisplayName => FieldValues.String(Json, "displayName", _fieldId);

    /// <summary>The email address, when the user's privacy settings show it.</summary>
    public string? EmailAddress => FieldValues.String(Json, "emailAddress", _fieldId);

    /// <summary>The user name (Data Center).</summary>
    public string? Name => FieldValues.String(Json, "name", _fieldId);

    /// <summary>The user key (Data Center).</summary>
    public string? Key => FieldValues.String(Json, "key", _fieldId);

    /// <summary>Whether the account is active, when Jira says.</summary>
    public bool? Active => FieldValues.Boolean(Json, "active", _fieldId);

    /// <summary>The raw JSON of the field.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public override string ToString() => DisplayName ?? AccountId ?? Name ?? string.Empty;
}
