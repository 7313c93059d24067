using System.Text;
using System.Text.Json;
using JiraSdk.Issues;

namespace JiraSdk.Cli.Output;

/// <summary>Renders a Jira field value as short text for a table cell: the name of a status, the display name of a user, plain text of a document.</summary>
internal static class FieldText
{
    private static readonly string[] NameProperties = { "displayName", "name", "value", "key", "emailAddress", "id" };

    public static string Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Render).Where(s => s.Length > 0)),
        JsonValueKind.Object => RenderObject(value),
        _ => string.Empty,
    };

    private static string RenderObject(JsonElement value)
    {
        // An Atlassian Document Format body (v3 description, comment): its text nodes.
        if (value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "doc")
        {
            var text = new StringBuilder();
            AppendText(value, text);
            return text.ToString().Trim();
        }
        foreach (var name in NameProperties)
            if (value.TryGetProperty(name, out var property) && property.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                return Render(property);
        return value.GetRawText();
    }

    private static void AppendText(JsonElement node, StringBuilder text)
    {
        if (node.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) text.Append(t.GetString());
        if (node.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in content.EnumerateArray()) AppendText(child, text);
            if (node.TryGetProperty("type", out var type) && type.GetString() is "paragraph" or "heading") text.Append(' ');
        }
    }

    /// <summary>The field of an issue (<c>key</c> and <c>id</c> are top-level, the rest under <c>fields</c>).</summary>
    public static string IssueField(JsonElement issue, string field)
    {
        if (field is "key" or "id" && issue.TryGetProperty(field, out var top)) return Render(top);
        return issue.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty(field, out var value)
            ? Render(value)
            : string.Empty;
    }

    /// <summary>The field of an issue the SDK read: <c>key</c> and <c>id</c>, or any field by id.</summary>
    public static string IssueField(IJiraIssue issue, string field)
    {
        if (field == "key" && issue.Key is { } key) return key;
        if (field == "id" && issue.Id is { } id) return id;
        return issue.Fields is { } fields && fields.TryGetField(field, out var value) ? Render(value) : string.Empty;
    }

    /// <summary>Cuts long values so the table stays readable; whitespace runs become one space.</summary>
    public static string Cell(string text, int width)
    {
        var flat = string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= width ? flat : flat.Substring(0, width - 1) + "…";
    }
}
