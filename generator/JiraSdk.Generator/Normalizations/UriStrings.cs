using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// NSwag types <c>format: uri</c> as <see cref="System.Uri"/>, whose parser refuses hosts Jira and its users do write
/// (a <c>,</c> or <c>+</c> in a user's URL field); one such link failed a whole search page. These properties and
/// parameters stay <c>string</c>, keeping Jira's text exactly (<c>new Uri(value)</c> where a <c>Uri</c> is wanted), and
/// the format is recorded as <c>x-jira-format</c> so the documents still say what the value is.
/// </summary>
internal sealed class UriStrings : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var count = Visit(document.Root);
        if (count > 0) document.Log($"{count} format: uri strings stay string (System.Uri refuses some of Jira's URLs)");
    }

    private static int Visit(JsonNode? node)
    {
        var count = 0;
        switch (node)
        {
            case JsonObject obj:
                if (obj["format"] is JsonValue format && format.TryGetValue<string>(out var f) && f == "uri"
                    && obj["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == "string")
                {
                    obj.Remove("format");
                    obj["x-jira-format"] = "uri";
                    count++;
                }
                foreach (var (_, value) in obj.ToList()) count += Visit(value);
                break;
            case JsonArray array:
                foreach (var item in array) count += Visit(item);
                break;
        }
        return count;
    }
}
