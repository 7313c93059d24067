using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using JiraSdk.Errors;

namespace JiraSdk.Issues;

/// <summary>
/// Typed access to an issue's <c>fields</c>, read from the JSON only when a property is used, so unknown and custom
/// fields are never lost and nothing is copied that is not read.
/// </summary>
/// <remarks>
/// Values stay valid as long as the JSON they come from: a <see cref="JsonElement"/> whose document was disposed cannot be read.
/// </remarks>
public sealed class IssueFields
{
    private readonly JsonElement _object;
    private readonly IDictionary<string, object?>? _dictionary;

    /// <summary>Reads fields from the <c>fields</c> JSON object of an issue.</summary>
    /// <param name="fields">The <c>fields</c> object.</param>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is not a JSON object.</exception>
    public IssueFields(JsonElement fields)
    {
        if (fields.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"An issue's fields are a JSON object, not a {fields.ValueKind}.", nameof(fields));
        _object = fields;
    }

    /// <summary>
    /// Reads fields from a generated model's <c>Fields</c> dictionary (<c>IssueBean.Fields</c>), whose values System.Text.Json
    /// leaves as <see cref="JsonElement"/>.
    /// </summary>
    /// <param name="fields">The dictionary.</param>
    public IssueFields(IDictionary<string, object?> fields)
    {
        _dictionary = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <summary>The issue summary.</summary>
    public string? Summary => StringField("summary");

    /// <summary>The status.</summary>
    public StatusField? Status => Reference("status", json => new StatusField(json));

    /// <summary>The issue type.</summary>
    public IssueTypeField? IssueType => Reference("issuetype", json => new IssueTypeField(json));

    /// <summary>The project.</summary>
    public ProjectField? Project => Reference("project", json => new ProjectField(json));

    /// <summary>The assignee; <c>null</c> when unassigned.</summary>
    public UserField? Assignee => Reference("assignee", json => new UserField(json, "assignee"));

    /// <summary>The reporter.</summary>
    public UserField? Reporter => Reference("reporter", json => new UserField(json, "reporter"));

    /// <summary>The priority.</summary>
    public PriorityField? Priority => Reference("priority", json => new PriorityField(json));

    /// <summary>The labels; empty when there are none.</summary>
    public IReadOnlyList<string> Labels
    {
        get
        {
            if (!TryGetField("labels", out var value) || value.ValueKind == JsonValueKind.Null) return Array.Empty<string>();
            if (value.ValueKind != JsonValueKind.Array) throw JiraFieldException.WrongShape("labels", "an array of strings", value);
            var labels = new List<string>(value.GetArrayLength());
            foreach (var label in value.EnumerateArray())
                labels.Add(label.ValueKind == JsonValueKind.String ? label.GetString()! : throw JiraFieldException.WrongShape("labels", "an array of strings", value));
            return labels;
        }
    }

    /// <summary>When the issue was created.</summary>
    public DateTimeOffset? Created => TryGetField("created", out var value) ? FieldValues.Timestamp(value, "created") : null;

    /// <summary>When the issue was last updated.</summary>
    public DateTimeOffset? Updated => TryGetField("updated", out var value) ? FieldValues.Timestamp(value, "updated") : null;

    /// <summary>
    /// The description as Jira sent it: an Atlassian Document Format object in REST API v3, a wiki-markup string in v2;
    /// <c>null</c> when empty or not requested.
    /// </summary>
    public JsonElement? Description => TryGetField("description", out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The ids of every field present, system and custom.</summary>
    public IEnumerable<string> FieldIds =>
        _dictionary is not null ? _dictionary.Keys : _object.EnumerateObject().Select(property => property.Name);

    /// <summary>Looks a field up by id (<c>summary</c>, <c>customfield_10010</c>, …).</summary>
    /// <param name="fieldId">The field id.</param>
    /// <param name="value">The field's JSON, which may be the JSON <c>null</c>.</param>
    /// <returns>Whether the field is present.</returns>
    public bool TryGetField(string fieldId, out JsonElement value)
    {
        if (fieldId is null) throw new ArgumentNullException(nameof(fieldId));
        if (_dictionary is null) return _object.TryGetProperty(fieldId, out value);
        if (_dictionary.TryGetValue(fieldId, out var raw))
        {
            value = ToElement(raw);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The JSON of a field (e.g. a custom field), or <c>null</c> when it is absent or JSON <c>null</c>.</summary>
    /// <param name="fieldId">The field id, e.g. <c>customfield_10010</c>.</param>
    public JsonElement? GetField(string fieldId) =>
        TryGetField(fieldId, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Reads a field (e.g. a custom field) as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type the field's JSON maps to.</typeparam>
    /// <param name="fieldId">The field id, e.g. <c>customfield_10010</c>.</param>
    /// <param name="typeInfo">How to read <typeparamref name="T"/>.</param>
    /// <returns>The value, or <c>default</c> when the field is absent or JSON <c>null</c>.</returns>
    /// <exception cref="JiraFieldException">The field's JSON is not shaped like <typeparamref name="T"/>.</exception>
    public T? GetField<T>(string fieldId, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null) throw new ArgumentNullException(nameof(typeInfo));
        if (GetField(fieldId) is not { } value) return default;
        try
        {
            return value.Deserialize(typeInfo);
        }
        catch (JsonException invalid)
        {
            throw new JiraFieldException(fieldId, $"Field '{fieldId}' is not a {typeof(T).Name}: {invalid.Message}", invalid);
        }
    }

    /// <summary>A string-valued field, e.g. a text custom field.</summary>
    /// <param name="fieldId">The field id.</param>
    /// <exception cref="JiraFieldException">The field is not a string.</exception>
    public string? GetString(string fieldId) => StringField(fieldId);

    /// <summary>A number-valued field, e.g. story points.</summary>
    /// <param name="fieldId">The field id.</param>
    /// <exception cref="JiraFieldException">The field is not a number.</exception>
    public double? GetNumber(string fieldId)
    {
        if (GetField(fieldId) is not { } value) return null;
        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw JiraFieldException.WrongShape(fieldId, "a number", value);
    }

    private string? StringField(string fieldId)
    {
        if (GetField(fieldId) is not { } value) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw JiraFieldException.WrongShape(fieldId, "a string", value);
    }

    private T? Reference<T>(string fieldId, Func<JsonElement, T> wrap) where T : struct =>
        TryGetField(fieldId, out var value) && FieldValues.Object(value, fieldId) is { } json ? wrap(json) : null;

#if NET8_0_OR_GREATER
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only values that are not JsonElement (set by hand, not read from Jira) take the reflection path.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "As above.")]
#endif
    private static JsonElement ToElement(object? raw) => raw switch
    {
        JsonElement element => element,
        null => NullElement,
        _ => JsonSerializer.SerializeToElement(raw, raw.GetType()),
    };

    private static readonly JsonElement NullElement = JsonDocument.Parse("null").RootElement;
}
