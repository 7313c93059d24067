using System.Text.Json;
using JiraSdk.Serialization;

namespace JiraSdk.Issues;

/// <summary>
/// Reads typed values out of field JSON tolerantly: a value of another shape reads as <c>null</c> and is reported through
/// the fields' <see cref="FieldShapeReport"/> (which throws in strict mode). <paramref name="path"/> arguments are relative
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
