using System.Text;
using System.Text.Json;
using JiraSdk.RichText;

namespace JiraSdk.Cli.Output;

/// <summary>Prints an issue's rich-text fields as Markdown (<c>jira issue get --markdown</c>).</summary>
internal static class RichTextText
{
    /// <summary>
    /// The Markdown of each field that is present: ADF (v3) converted, wiki markup (v2) converted through ADF. One field
    /// prints as its Markdown alone, so it can be saved and edited; several print each under an HTML comment naming it.
    /// </summary>
    public static string FieldsAsMarkdown(JsonElement issue, IReadOnlyList<string> fieldIds)
    {
        var text = new StringBuilder();
        var fields = issue.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        foreach (var fieldId in fieldIds)
        {
            if (fields.ValueKind != JsonValueKind.Object || !fields.TryGetProperty(fieldId, out var value)) continue;
            var markdown = value.ValueKind switch
            {
                JsonValueKind.Object => AdfDocument.FromJson(value).ToMarkdown(),
                JsonValueKind.String => AdfDocument.FromWikiMarkup(value.GetString()!).ToMarkdown(),
                _ => null,
            };
            if (markdown is null) continue;
            if (fieldIds.Count > 1) text.Append("<!-- ").Append(fieldId).Append(" -->\n");
            text.Append(markdown).Append('\n');
            if (fieldIds.Count > 1) text.Append('\n');
        }
        return text.ToString();
    }
}
