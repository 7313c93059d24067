using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using JiraSdk.Errors;
using JiraSdk.RichText;
using JiraSdk.Serialization;

namespace JiraSdk.Issues;

/// <summary>
/// An issue's <c>fields</c>: the one read model of issue fields, whichever way the issue arrived — the generated
/// <c>IssueBean.Fields</c> of REST API v2 and v3 (<c>jira.V3.Issues.GetIssueAsync</c>, <c>jira.V3.SearchIssuesAsync</c>),
/// the issues of webhook events and of the polling trigger. Typed accessors (<see cref="Summary"/>, <see cref="Status"/>,
/// <see cref="Description"/>, …) read the JSON when used; every field, system or custom, also stays reachable as a
/// dictionary entry (values read from Jira are <see cref="JsonElement"/>s, JSON <c>null</c> is <c>null</c>) and is written
/// back exactly as it was read.
/// </summary>
/// <remarks>
/// Reading is tolerant, as Jira is newer than its spec: a field whose JSON has another shape than its accessor reads
/// (a number where a string is expected, an object where a list is) reads as <c>null</c> (or empty), its raw JSON stays
/// available through <see cref="GetField(string)"/>, and the mismatch is reported through the client's
/// <see cref="Serialization.JiraSchemaDiagnostics"/> (path relative to the issue, e.g. <c>$.fields.status.name</c>, never
/// the value); in its strict mode the accessor throws <see cref="JiraFieldException"/> instead. Nothing here depends on
/// the current culture.
/// </remarks>
[JsonConverter(typeof(IssueFieldsJsonConverter))]
public sealed class IssueFields : IDictionary<string, object>
{
    // Fields read from Jira stay in their JSON until the dictionary itself is wanted (enumerated, counted or changed):
    // the accessors look fields up in the JSON, so reading a few fields of an issue, or of each issue on a page, does not
    // pay for a string and a box per field.
    private readonly JsonObjectDictionary _entries;

    /// <summary>No fields; add them as dictionary entries (e.g. to build an issue for a test).</summary>
    public IssueFields() => _entries = new JsonObjectDictionary(Utf8JsonObject.Empty);

    /// <summary>Reads fields from the <c>fields</c> JSON object of an issue.</summary>
    /// <param name="fields">The <c>fields</c> object.</param>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is not a JSON object.</exception>
    public IssueFields(JsonElement fields)
    {
        if (fields.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"An issue's fields are a JSON object, not a {fields.ValueKind}.", nameof(fields));
        _entries = new JsonObjectDictionary(Utf8JsonObject.FromElement(fields));
    }

    internal IssueFields(Utf8JsonObject fields) => _entries = new JsonObjectDictionary(fields);

    /// <summary>Copies fields from a dictionary of field values (<see cref="JsonElement"/>s as read, or values set by hand).</summary>
    /// <param name="fields">The values by field id.</param>
    public IssueFields(IDictionary<string, object?> fields) : this()
    {
        if (fields is null) throw new ArgumentNullException(nameof(fields));
        foreach (var pair in fields) _entries[pair.Key] = pair.Value!;
    }

    /// <summary>The JSON the fields were read from, while no entry has been changed (or enumerated); written back as it is.</summary>
#if NET8_0_OR_GREATER
    internal bool TryGetUnchangedJson([NotNullWhen(true)] out Utf8JsonObject? json) => _entries.TryGetUnchangedJson(out json);
#else
    internal bool TryGetUnchangedJson(out Utf8JsonObject? json) => _entries.TryGetUnchangedJson(out json);
#endif

    /// <summary>Where shape mismatches are reported; set while the generated clients read a response.</summary>
    internal FieldShapeReport? Report { get; set; }

    /// <summary>The issue summary.</summary>
    public string? Summary => StringField("summary");

    /// <summary>The status.</summary>
    public StatusField? Status => Reference("status", static (json, fields) => new StatusField(json, fields));

    /// <summary>The issue type.</summary>
    public IssueTypeField? IssueType => Reference("issuetype", static (json, fields) => new IssueTypeField(json, fields));

    /// <summary>The project.</summary>
    public ProjectField? Project => Reference("project", static (json, fields) => new ProjectField(json, fields));

    /// <summary>The assignee; <c>null</c> when unassigned.</summary>
    public UserField? Assignee => Reference("assignee", static (json, fields) => new UserField(json, "assignee", fields));

    /// <summary>The reporter.</summary>
    public UserField? Reporter => Reference("reporter", static (json, fields) => new UserField(json, "reporter", fields));

    /// <summary>The priority.</summary>
    public PriorityField? Priority => Reference("priority", static (json, fields) => new PriorityField(json, fields));

    /// <summary>The labels; empty when there are none. Elements that are not strings are left out (and reported).</summary>
    public IReadOnlyList<string> Labels
    {
        get
        {
            if (GetField("labels") is not { } value) return Array.Empty<string>();
            if (value.ValueKind != JsonValueKind.Array)
            {
                Mismatch("labels", "an array of strings", value);
                return Array.Empty<string>();
            }
            var labels = new List<string>(value.GetArrayLength());
            var index = 0;
            foreach (var label in value.EnumerateArray())
            {
                if (label.ValueKind == JsonValueKind.String) labels.Add(label.GetString()!);
                else Mismatch($"labels[{index.ToString(CultureInfo.InvariantCulture)}]", "a string", label);
                index++;
            }
            return labels;
        }
    }

    /// <summary>When the issue was created.</summary>
    public DateTimeOffset? Created => Timestamp("created");

    /// <summary>When the issue was last updated.</summary>
    public DateTimeOffset? Updated => Timestamp("updated");

    /// <summary>When the issue was resolved; <c>null</c> while unresolved.</summary>
    public DateTimeOffset? ResolutionDate => Timestamp("resolutiondate");

    /// <summary>
    /// The due date (<c>duedate</c>, a calendar date such as <c>2024-06-30</c>) as midnight with <see cref="DateTimeKind.Unspecified"/>:
    /// Jira stores a day, not an instant.
    /// </summary>
    public DateTime? DueDate
    {
        get
        {
            if (_entries.TryGetString("duedate", out var text))
            {
                if (text is null) return null;
                if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            }
            if (GetField("duedate") is not { } value) return null;
            if (value.ValueKind == JsonValueKind.String
                && DateTime.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            Mismatch("duedate", "a date (yyyy-MM-dd)", value);
            return null;
        }
    }

    /// <summary>
    /// The description as a document, whichever API it came from: ADF as REST API v3 sends it, or the wiki-markup string
    /// of v2 and Data Center converted to ADF. <c>null</c> when empty, not requested, or not readable as either (reported;
    /// the raw JSON stays in <see cref="GetField(string)"/>).
    /// </summary>
    /// <example><c>issue.Fields.Description?.ToMarkdown()</c>, <c>issue.Fields.Description?.ToPlainText()</c></example>
    public AdfDocument? Description => GetDocument("description");

    /// <summary>The environment as a document (ADF in v3, wiki markup in v2 converted); <c>null</c> when empty.</summary>
    public AdfDocument? Environment => GetDocument("environment");

    /// <summary>The ids of every field present, system and custom.</summary>
    public IEnumerable<string> FieldIds => _entries.Keys;

    /// <summary>A rich-text field as a document: ADF (v3) as it is, wiki markup (v2, Data Center) converted.</summary>
    /// <param name="fieldId">The field id: <c>description</c>, <c>environment</c>, <c>customfield_10010</c>, ….</param>
    /// <returns>The document, or <c>null</c> when the field is absent, empty, or neither a document nor a string (reported).</returns>
    public AdfDocument? GetDocument(string fieldId)
    {
        if (GetField(fieldId) is not { } value) return null;
        if (_entries.TryGetValue(fieldId, out var raw) && raw is AdfDocument document) return document;
        try
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object: return AdfDocument.FromJson(value);
                case JsonValueKind.String: return AdfDocument.FromWikiMarkup(value.GetString()!);
            }
        }
        catch (AdfFormatException)
        {
            // Reported below like any other shape the accessor cannot read; the message is not kept as it may quote content.
        }
        Mismatch(fieldId, "an ADF document or a wiki-markup string", value);
        return null;
    }

    /// <summary>Looks a field up by id (<c>summary</c>, <c>customfield_10010</c>, …).</summary>
    /// <param name="fieldId">The field id.</param>
    /// <param name="value">The field's JSON, which may be the JSON <c>null</c>.</param>
    /// <returns>Whether the field is present.</returns>
    public bool TryGetField(string fieldId, out JsonElement value)
    {
        if (fieldId is null) throw new ArgumentNullException(nameof(fieldId));
        if (_entries.TryGetValue(fieldId, out var raw))
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
        TryGetField(fieldId, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    /// <summary>Reads a field (e.g. a custom field) as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type the field's JSON maps to.</typeparam>
    /// <param name="fieldId">The field id, e.g. <c>customfield_10010</c>.</param>
    /// <param name="typeInfo">How to read <typeparamref name="T"/>.</param>
    /// <returns>The value, or <c>default</c> when the field is absent, JSON <c>null</c>, or not shaped like <typeparamref name="T"/> (reported).</returns>
    public T? GetField<T>(string fieldId, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null) throw new ArgumentNullException(nameof(typeInfo));
        if (GetField(fieldId) is not { } value) return default;
        try
        {
            return value.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            Mismatch(fieldId, typeof(T).Name, value);
            return default;
        }
    }

    /// <summary>A string-valued field, e.g. a text custom field; <c>null</c> when absent or not a string (reported).</summary>
    /// <param name="fieldId">The field id.</param>
    public string? GetString(string fieldId) => StringField(fieldId);

    /// <summary>A number-valued field, e.g. story points; <c>null</c> when absent or not a number (reported).</summary>
    /// <param name="fieldId">The field id.</param>
    public double? GetNumber(string fieldId)
    {
        if (GetField(fieldId) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        Mismatch(fieldId, "a number", value);
        return null;
    }

    /// <summary>The JSON of a field found by its name (<c>Story Points</c>) through <paramref name="names"/>.</summary>
    /// <param name="names">Field names and ids, from the fields API or an issue's <c>names</c> expansion.</param>
    /// <param name="name">The field's name (or id).</param>
    /// <returns>The JSON, or <c>null</c> when the field is absent or JSON <c>null</c>.</returns>
    /// <exception cref="JiraFieldException">No field, or more than one, has that name.</exception>
    public JsonElement? GetFieldByName(IssueFieldNames names, string name) =>
        GetField((names ?? throw new ArgumentNullException(nameof(names))).IdOf(name));

    // IDictionary<string, object>: every field as read (JsonElement, or null for JSON null), so code written against the
    // generated Fields dictionary keeps working and edits are written back.

    /// <summary>The value of a field: a <see cref="JsonElement"/> as read from Jira, <c>null</c> for JSON <c>null</c>.</summary>
    /// <param name="key">The field id.</param>
    /// <exception cref="KeyNotFoundException">The field is not present.</exception>
    public object this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The issue has no field '{key}'.");
        set => _entries[key] = value;
    }

    /// <inheritdoc />
    public ICollection<string> Keys => _entries.Keys;

    /// <inheritdoc />
    public ICollection<object> Values => ((IDictionary<string, object>)_entries).Values;

    /// <inheritdoc />
    public int Count => _entries.Count;

    bool ICollection<KeyValuePair<string, object>>.IsReadOnly => false;

    /// <inheritdoc />
    public void Add(string key, object value) => _entries.Add(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool Remove(string key) => _entries.Remove(key);

    /// <inheritdoc />
#if NET8_0_OR_GREATER
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
#else
    public bool TryGetValue(string key, out object value)
#endif
        => _entries.TryGetValue(key, out value!);

    /// <inheritdoc />
    public void Clear() => _entries.Clear();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() =>
        _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object>>.Add(KeyValuePair<string, object> item) => _entries.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object>>.Contains(KeyValuePair<string, object> item) =>
        _entries.Contains(item);

    void ICollection<KeyValuePair<string, object>>.CopyTo(KeyValuePair<string, object>[] array, int arrayIndex)
    {
        foreach (var pair in this) array[arrayIndex++] = pair;
    }

    bool ICollection<KeyValuePair<string, object>>.Remove(KeyValuePair<string, object> item) =>
        _entries.Remove(item);

    /// <summary>Reports that the JSON at <c>fields.<paramref name="path"/></c> is not <paramref name="expected"/>; throws in strict mode.</summary>
    internal void Mismatch(string path, string expected, JsonElement actual) => Report?.Mismatch(path, expected, actual);

    internal IEnumerable<KeyValuePair<string, object?>> RawValues => _entries!;

    private string? StringField(string fieldId)
    {
        // Most string fields are strings (or null): read them without an element; anything else takes the path that reports.
        if (_entries.TryGetString(fieldId, out var text)) return text;
        if (GetField(fieldId) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Mismatch(fieldId, "a string", value);
        return null;
    }

    private DateTimeOffset? Timestamp(string fieldId)
    {
        // A timestamp as Jira sends it (a string, or null) is parsed from the text; anything else takes the path that reports.
        if (_entries.TryGetString(fieldId, out var text))
        {
            if (text is null) return null;
            if (JiraDateTimeOffsetConverter.TryParse(text, out var time)) return time;
        }
        return GetField(fieldId) is { } value ? FieldValues.Timestamp(value, fieldId, this) : null;
    }

    private T? Reference<T>(string fieldId, Func<FieldJson, IssueFields, T> wrap) where T : struct
    {
        // An object (or null) as read from Jira is looked into where it is; anything else takes the path that reports.
        if (_entries.TryFindInJson(fieldId, out var json, out var index))
        {
            switch (json.KindAt(index))
            {
                case JsonValueKind.Object: return wrap(new FieldJson(json, index), this);
                case JsonValueKind.Null: return null;
            }
        }
        return GetField(fieldId) is { } value && FieldValues.Object(value, fieldId, this) is { } element ? wrap(new FieldJson(element), this) : null;
    }

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
