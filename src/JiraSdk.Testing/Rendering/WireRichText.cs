using System.Text;
using System.Text.Json.Nodes;

namespace JiraSdk.Testing.Rendering;

/// <summary>
/// Rich text as the sandbox stores it (plain/wiki text) and as each API version carries it: v2 a wiki string, v3 an
/// Atlassian Document Format document. The mapping is deliberately simple and lossless for plain text: a blank line
/// separates paragraphs, a single line break is an ADF <c>hardBreak</c>; ADF marks and nodes other than text are
/// reduced to their text.
/// </summary>
internal static class WireRichText
{
    public static JsonNode? ToWire(string? text, int apiVersion) =>
        text is null ? null : apiVersion >= 3 ? ToAdf(text) : JsonValue.Create(text);

    public static JsonObject ToAdf(string text)
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

    /// <summary>Reads a rich-text value from a request: a string on v2, an ADF document on v3 (a string is accepted on v3
    /// too, as Jira's v3 refuses it; the caller decides). Returns null for JSON null.</summary>
    public static string? FromWire(JsonNode? value, int apiVersion, string fieldName)
    {
        if (value is null) return null;
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            if (apiVersion >= 3)
                throw Store.JiraRestException.Field(fieldName, "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
            return s;
        }
        if (value is JsonObject doc && apiVersion >= 3)
        {
            if ((string?)doc["type"] != "doc")
                throw Store.JiraRestException.Field(fieldName, "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
            var paragraphs = new List<string>();
            if (doc["content"] is JsonArray blocks)
            {
                foreach (var block in blocks)
                {
                    var sb = new StringBuilder();
                    AppendText(block, sb);
                    paragraphs.Add(sb.ToString());
                }
            }
            return string.Join("\n\n", paragraphs);
        }
        throw Store.JiraRestException.Field(fieldName, apiVersion >= 3
            ? "Operation value must be an Atlassian Document (see the Atlassian Document Format)"
            : "Operation value must be a string");
    }

    private static void AppendText(JsonNode? node, StringBuilder sb)
    {
        if (node is not JsonObject obj) return;
        switch ((string?)obj["type"])
        {
            case "text": sb.Append((string?)obj["text"]); return;
            case "hardBreak": sb.Append('\n'); return;
            case "mention": sb.Append((string?)obj["attrs"]?["text"]); return;
            case "emoji": sb.Append((string?)obj["attrs"]?["text"] ?? (string?)obj["attrs"]?["shortName"]); return;
        }
        if (obj["content"] is JsonArray children)
        {
            var first = true;
            foreach (var child in children)
            {
                // Nested blocks (list items, quotes) become lines of their own.
                if (!first && child is JsonObject c && c["content"] is JsonArray && (string?)c["type"] != "text") sb.Append('\n');
                AppendText(child, sb);
                first = false;
            }
        }
    }

    /// <summary>The <c>renderedFields</c> form: HTML paragraphs with escaped text.</summary>
    public static string ToHtml(string text)
    {
        var sb = new StringBuilder();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
            sb.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(paragraph).Replace("\n", "<br/>\n", StringComparison.Ordinal)).Append("</p>");
        return sb.ToString();
    }
}
