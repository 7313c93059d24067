using System.Text.Json;
using JiraSdk.Issues;
using JiraSdk.RichText;

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
        // An Atlassian Document Format body (v3 description, comment): the SDK's plain text (blocks on their own lines).
        if (value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "doc")
        {
            try
            {
                return AdfDocument.FromJson(value).ToPlainText();
            }
            catch (AdfFormatException)
            {
                return value.GetRawText();
            }
        }
        foreach (var name in NameProperties)
            if (value.TryGetProperty(name, out var property) && property.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                return Render(property);
        return value.GetRawText();
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

    /// <summary>A multi-line value (a document's plain text) with its later lines indented to the value's column.</summary>
    public static string Indented(string text, int column) =>
        text.IndexOf('\n') < 0 ? text : string.Join("\n", text.Split('\n').Select((line, i) => i == 0 || line.TrimEnd().Length == 0 ? line.TrimEnd() : new string(' ', column) + line.TrimEnd()));

    /// <summary>Cuts long values so the table stays readable; whitespace runs become one space.</summary>
    public static string Cell(string text, int width)
    {
        var flat = string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= width ? flat : flat.Substring(0, width - 1) + "…";
    }
}
