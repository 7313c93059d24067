using System.Text.Json;
using JiraSdk.Serialization;

namespace JiraSdk.Issues;

/// <summary>
/// Reads typed values out of field JSON tolerantly: a value of another shape reads as <c>null</c> and is reported through
/// the fields' <see cref="FieldShapeReport"/> (which throws in strict mode). The <c>path</c> arguments are relative
/// to <c>fields</c> (<c>status</c>, <c>status.statusCategory</c>).
/// </summary>
internal static class FieldValues
{
    public static string? String(JsonElement owner, string property, string path, IssueFields? fields)
    {
        if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        fields?.Mismatch(path + "." + property, "a string", value);
        return null;
    }

    public static bool? Boolean(JsonElement owner, string property, string path, IssueFields? fields)
    {
        if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            default:
                fields?.Mismatch(path + "." + property, "a boolean", value);
                return null;
        }
    }

    public static JsonElement? Object(JsonElement owner, string property, string path, IssueFields? fields)
    {
        if (!owner.TryGetProperty(property, out var value)) return null;
        return Object(value, path + "." + property, fields);
    }

    public static DateTimeOffset? Timestamp(JsonElement value, string path, IssueFields? fields)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (JiraDateTimeOffsetConverter.TryRead(value, out var time)) return time;
        fields?.Mismatch(path, "a date-time", value);
        return null;
    }

    public static JsonElement? Object(JsonElement value, string path, IssueFields? fields)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        fields?.Mismatch(path, "an object", value);
        return null;
    }
}

/// <summary>
/// The JSON of one reference field (<c>status</c>, <c>assignee</c>, …): a value inside the fields' own text, whose
/// properties are read without a document, or an element. <see cref="Element"/> parses it (once) when the JSON itself is wanted.
/// </summary>
internal readonly struct FieldJson
{
    private readonly Utf8JsonObject? _source;
    private readonly int _index;
    private readonly JsonElement _element;

    public FieldJson(JsonElement element) => (_source, _index, _element) = (null, -1, element);

    public FieldJson(Utf8JsonObject source, int index) => (_source, _index, _element) = (source, index, default);

    public JsonElement Element => _source is null ? _element : (JsonElement)_source.ElementAt(_index);

    /// <inheritdoc cref="FieldValues.String"/>
    public string? String(string property, string path, IssueFields? fields)
    {
        if (_source is not null && _source.TryGetNestedScalar(_index, property, out var kind, out var text))
        {
            switch (kind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null: return null;
                case JsonValueKind.String: return text;
            }
        }
        return FieldValues.String(Element, property, path, fields);
    }

    /// <inheritdoc cref="FieldValues.Boolean"/>
    public bool? Boolean(string property, string path, IssueFields? fields)
    {
        if (_source is not null && _source.TryGetNestedScalar(_index, property, out var kind, out _))
        {
            switch (kind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null: return null;
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
            }
        }
        return FieldValues.Boolean(Element, property, path, fields);
    }
}
