using System.Text;
using System.Text.Json.Nodes;
using JiraSdk.RichText;

namespace JiraSdk.Testing.Rendering;

/// <summary>
/// Rich text as the sandbox stores it and as each API version carries it. The store keeps the Atlassian Document
/// Format (ADF) document as given on v3 (its compact JSON), so v3 reads give back exactly what was written; v2 reads
/// get wiki markup and v2 writes are wiki markup, both through the SDK's ADF ⇄ wiki converters
/// (<see cref="AdfDocument.ToWikiMarkup()"/>, <see cref="AdfDocument.FromWikiMarkup"/>). Search reads the plain text.
/// </summary>
internal static class WireRichText
{
    private const string NotAdf = "Operation value must be an Atlassian Document (see the Atlassian Document Format)";

    public static JsonNode? ToWire(string? stored, int apiVersion) =>
        stored is null ? null : apiVersion >= 3 ? ToAdf(stored) : JsonValue.Create(ToWiki(stored));

    /// <summary>The stored document as ADF JSON, unchanged.</summary>
    public static JsonObject ToAdf(string stored) =>
        AsJson(stored) ?? PlainDocument(stored);

    /// <summary>The stored document as wiki markup (v2, changelog strings).</summary>
    public static string ToWiki(string stored) =>
        AsJson(stored) is { } json ? Document(json)?.ToWikiMarkup() ?? stored : stored;

    /// <summary>The stored document as plain text, for text search.</summary>
    public static string ToPlainText(string stored) =>
        AsJson(stored) is { } json ? Document(json)?.ToPlainText() ?? stored : stored;

    /// <summary>Reads a rich-text value from a request into its stored form: an ADF document on v3 (kept as given), wiki
    /// markup on v2 (converted to ADF). Returns null for JSON null.</summary>
    public static string? FromWire(JsonNode? value, int apiVersion, string fieldName)
    {
        if (value is null) return null;
        if (value is JsonValue v && v.TryGetValue<string>(out var wiki))
        {
            if (apiVersion >= 3) throw Store.JiraRestException.Field(fieldName, NotAdf);
            return AdfDocument.FromWikiMarkup(wiki).ToJson();
        }
        if (value is JsonObject doc && apiVersion >= 3)
        {
            if ((string?)doc["type"] != "doc" || Document(doc) is null) throw Store.JiraRestException.Field(fieldName, NotAdf);
            return doc.ToJsonString();
        }
        throw Store.JiraRestException.Field(fieldName, apiVersion >= 3 ? NotAdf : "Operation value must be a string");
    }

    /// <summary>True when the stored document has no text at all (Jira refuses empty comment bodies).</summary>
    public static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? stored) => stored is null || string.IsNullOrWhiteSpace(ToPlainText(stored));

    /// <summary>The <c>renderedFields</c> form: HTML paragraphs with escaped text.</summary>
    public static string ToHtml(string stored)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in ToPlainText(stored).Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
            sb.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(paragraph).Replace("\n", "<br/>\n", StringComparison.Ordinal)).Append("</p>");
        return sb.ToString();
    }

    // Stored values written before documents were kept (plain text) still read as text.
    private static JsonObject? AsJson(string stored)
    {
        if (!stored.StartsWith('{')) return null;
        try
        {
            return JsonNode.Parse(stored) is JsonObject o && (string?)o["type"] == "doc" ? o : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static AdfDocument? Document(JsonObject json)
    {
        try
        {
            return AdfDocument.FromJson(json.DeepClone());
        }
        catch (AdfFormatException)
        {
            return null;
        }
    }

    private static JsonObject PlainDocument(string text)
    {
        var content = new JsonArray();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var inline = new JsonArray();
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) inline.Add(new JsonObject { ["type"] = "hardBreak" });
                if (lines[i].Length > 0) inline.Add(new JsonObject { ["type"] = "text", ["text"] = lines[i] });
            }
            var node = new JsonObject { ["type"] = "paragraph" };
            if (inline.Count > 0) node["content"] = inline;
            content.Add(node);
        }
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }
}
