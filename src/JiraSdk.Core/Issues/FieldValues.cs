using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Serialization;

namespace JiraSdk.Issues;

/// <summary>Reads typed values out of field JSON, raising <see cref="JiraFieldException"/> on a shape Jira would not send.</summary>
internal static class FieldValues
{
    public static string? String(JsonElement owner, string property, string fieldId)
    {
        if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw JiraFieldException.WrongShape(fieldId, "a string", value);
    }

    public static bool? Boolean(JsonElement owner, string property, string fieldId)
    {
        if (!owner.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw JiraFieldException.WrongShape(fieldId, "a boolean", value),
        };
    }

    public static DateTimeOffset? Timestamp(JsonElement value, string fieldId)
    {
        if (value.ValueKind == JsonValueKind.Null || value.ValueKind == JsonValueKind.Undefined) return null;
        if (JiraDateTimeOffsetConverter.TryRead(value, out var time)) return time;
        throw JiraFieldException.WrongShape(fieldId, "a date-time", value);
    }

    public static JsonElement? Object(JsonElement value, string fieldId)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        return value.ValueKind == JsonValueKind.Object ? value : throw JiraFieldException.WrongShape(fieldId, "an object", value);
    }
}
