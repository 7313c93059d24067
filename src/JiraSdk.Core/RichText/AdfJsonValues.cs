using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSdk.RichText;

/// <summary>Reads and compares the JSON of attributes without depending on culture.</summary>
internal static class AdfJsonValues
{
    public static string? GetString(JsonObject? attrs, string name) =>
        attrs is not null && attrs.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static double? GetNumber(JsonObject? attrs, string name)
    {
        if (attrs is null || !attrs.TryGetPropertyValue(name, out var value) || value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return null;
        return double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static bool? GetBoolean(JsonObject? attrs, string name) =>
        attrs is not null && attrs.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValueKind() == JsonValueKind.True
            : null;

    /// <summary>A <c>date</c> node's <c>timestamp</c> (milliseconds since the Unix epoch, UTC) as <c>yyyy-MM-dd</c>; other text as it is.</summary>
    public static string DateText(string? timestamp) =>
        long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : timestamp ?? string.Empty;

    public static JsonObject? Set(JsonObject? attrs, string name, JsonNode? value)
    {
        if (value is null)
        {
            attrs?.Remove(name);
            return attrs;
        }
        attrs ??= new JsonObject();
        attrs[name] = value;
        return attrs;
    }

    public static bool ObjectsEqual(JsonObject? left, JsonObject? right)
    {
        if (left is null || right is null) return left is null && right is null;
        return JsonNode.DeepEquals(left, right);
    }
}
