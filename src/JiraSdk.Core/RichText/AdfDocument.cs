using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.RichText.Markdown;

namespace JiraSdk.RichText;

/// <summary>
/// An Atlassian Document Format document (the <c>doc</c> node): the value of every rich-text field in Jira Cloud's REST
/// API v3 (description, environment, comment and worklog bodies, text custom fields).
/// </summary>
/// <remarks>Format: "Atlassian Document Format" in the Jira Cloud platform developer documentation; schema:
/// <c>@atlaskit/adf-schema</c> <c>json-schema/v1/full.json</c>.</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(AdfDocumentJsonConverter))]
public sealed class AdfDocument : AdfNode
{
    /// <summary>The <c>type</c> of this node: <c>doc</c>.</summary>
    public const string TypeName = "doc";

    /// <summary>Creates an empty document of version 1.</summary>
    public AdfDocument() : base(TypeName)
    {
        Properties = new JsonObject { ["version"] = 1 };
        Content = new List<AdfNode>();
    }

    /// <summary>Creates a document of version 1 holding these blocks.</summary>
    /// <param name="blocks">The top-level blocks.</param>
    public AdfDocument(IEnumerable<AdfNode> blocks) : this()
    {
        if (blocks is null) throw new ArgumentNullException(nameof(blocks));
        foreach (var block in blocks) Add(block);
    }

    /// <summary>The document's <c>version</c> (1 today); <c>null</c> when absent.</summary>
    public int? Version
    {
        get => AdfJsonValues.GetNumber(Properties, "version") is { } v ? (int)v : null;
        set => Properties = AdfJsonValues.Set(Properties, "version", value is null ? null : JsonValue.Create(value.Value));
    }

    /// <summary>The top-level blocks (the document's <c>content</c>), created when absent.</summary>
    public IList<AdfNode> Blocks => Content ??= new List<AdfNode>();

    /// <summary>Reads a document from its JSON.</summary>
    /// <param name="json">ADF JSON: an object whose <c>type</c> is <c>doc</c>.</param>
    /// <exception cref="AdfFormatException">The JSON is not an ADF document.</exception>
    public static AdfDocument Parse(string json)
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException invalid)
        {
            throw new AdfFormatException("ADF is not valid JSON: " + invalid.Message, invalid);
        }
        return FromJson(node);
    }

    /// <summary>Reads a document from its JSON, e.g. a field value Jira sent.</summary>
    /// <param name="json">An object whose <c>type</c> is <c>doc</c>.</param>
    /// <exception cref="AdfFormatException">The JSON is not an ADF document.</exception>
    public static AdfDocument FromJson(JsonElement json) => FromJson(JsonObjectOf(json));

    /// <summary>Reads a document from its JSON.</summary>
    /// <param name="json">An object whose <c>type</c> is <c>doc</c>.</param>
    /// <exception cref="AdfFormatException">The JSON is not an ADF document.</exception>
    public static AdfDocument FromJson(JsonNode? json) =>
        AdfJson.ReadNode(json, "$") as AdfDocument ?? throw new AdfFormatException("ADF document: the root's type must be 'doc'.");

    /// <summary>
    /// Reads a document from a generated model's rich-text property (typed <c>object</c>: a <see cref="JsonElement"/> when
    /// read from Jira), or from a <see cref="JsonNode"/>, JSON text or a document.
    /// </summary>
    /// <param name="value">The value; <c>null</c> gives <c>null</c>.</param>
    /// <exception cref="AdfFormatException">The value is not an ADF document.</exception>
    public static AdfDocument? FromObject(object? value) => value switch
    {
        null => null,
        AdfDocument document => document,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement element => FromJson(element),
        JsonNode node => FromJson(node),
        string json => Parse(json),
        _ => throw new AdfFormatException($"A {value.GetType().Name} is not an ADF document."),
    };

    /// <summary>Writes the document as compact JSON.</summary>
    public string ToJson() => AdfJson.Write(this);

    /// <summary>Writes the document as a JSON object (a copy: changing it does not change the document).</summary>
    public JsonObject ToJsonObject() => AdfJson.ToJsonObject(this);

    /// <summary>
    /// Converts the document to Markdown (CommonMark, GitHub tables and task lists, and directives for what Markdown has
    /// no syntax for); <see cref="FromMarkdown(string)"/> of the result gives this document back.
    /// </summary>
    public string ToMarkdown() => AdfMarkdown.Write(this);

    /// <summary>Converts the document to plain text: for logs, chat messages and search snippets.</summary>
    public string ToPlainText() => AdfPlainText.Write(this, null);

    /// <summary>Converts the document to plain text, reporting what plain text cannot show.</summary>
    /// <param name="report">Collects what was dropped.</param>
    public string ToPlainText(AdfConversionReport report) => AdfPlainText.Write(this, report ?? throw new ArgumentNullException(nameof(report)));

    /// <summary>Converts Markdown (CommonMark, GitHub tables and task lists, ADF directives) to a document.</summary>
    /// <param name="markdown">The Markdown.</param>
    public static AdfDocument FromMarkdown(string markdown) => AdfMarkdown.Read(markdown ?? throw new ArgumentNullException(nameof(markdown)));

    /// <summary>
    /// Converts the document to Jira wiki markup, the rich text of REST API v2 and Data Center. Wiki markup has no syntax
    /// for some of ADF (mentions' display names, status lozenges, dates, media, colours of panels, …); use
    /// <see cref="ToWikiMarkup(AdfConversionReport)"/> to learn what was dropped.
    /// </summary>
    public string ToWikiMarkup() => Wiki.AdfWikiWriter.Write(this, null);

    /// <summary>Converts the document to Jira wiki markup, reporting what wiki markup cannot express.</summary>
    /// <param name="report">Collects what was dropped.</param>
    public string ToWikiMarkup(AdfConversionReport report) => Wiki.AdfWikiWriter.Write(this, report ?? throw new ArgumentNullException(nameof(report)));

    /// <summary>Converts Jira wiki markup (REST API v2, Data Center) to a document.</summary>
    /// <param name="wikiMarkup">The wiki markup.</param>
    public static AdfDocument FromWikiMarkup(string wikiMarkup) => Wiki.AdfWikiReader.Read(wikiMarkup ?? throw new ArgumentNullException(nameof(wikiMarkup)));

    private static JsonNode? JsonObjectOf(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(json),
        _ => throw new AdfFormatException($"ADF document: expected a JSON object, got {json.ValueKind}."),
    };
}
