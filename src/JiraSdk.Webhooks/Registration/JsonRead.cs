using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSdk.Webhooks.Registration;

/// <summary>Small readers for registration responses, tolerant of the number-or-string types Jira uses there.</summary>
internal static class JsonRead
{
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    public static bool? Boolean(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    public static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : Array.Empty<string>();

    /// <summary>Whether two lists hold the same strings, ignoring order and repeats.</summary>
    public static bool SameSet(IEnumerable<string> left, IEnumerable<string> right) =>
        new HashSet<string>(left, StringComparer.Ordinal).SetEquals(right);

    /// <summary>A JSON array of <paramref name="values"/>, for request bodies.</summary>
    public static JsonArray ArrayOf(IEnumerable<string> values) => new(values.Select(value => (JsonNode)JsonValue.Create(value)!).ToArray());

    /// <summary>The items of a list response: a bare array, or the <c>values</c> of a page.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement? response) =>
        response is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray()
        : response is { ValueKind: JsonValueKind.Object } page && page.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray()
            : Enumerable.Empty<JsonElement>();
}
