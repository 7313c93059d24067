using System.Text.Json;

namespace JiraSdk.Serialization;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> request body from a generated model: each property a field, a list a
/// repeated field (<c>columns=summary&amp;columns=status</c>), as an HTML form (and Jira's column resources) expect.
/// </summary>
internal static class FormUrlEncodedBody
{
    /// <summary>Builds the form from the model's JSON (as the client serialized it, so names and values are the wire's).</summary>
    public static HttpContent FromJson(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var fields = new List<KeyValuePair<string, string>>();
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("A form body must be an object with one member per field.", nameof(json));
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in property.Value.EnumerateArray()) Add(fields, property.Name, item);
            }
            else
            {
                Add(fields, property.Name, property.Value);
            }
        }
        return new FormUrlEncodedContent(fields);
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return;
        fields.Add(new(name, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
    }
}
