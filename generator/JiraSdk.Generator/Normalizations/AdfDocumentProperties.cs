using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// v3 takes and returns rich text as Atlassian Document Format, but the spec leaves those properties untyped and says
/// so only in prose ("The comment text in [Atlassian Document Format](…)"), so NSwag types them <c>object</c> (a
/// <c>JsonElement</c> when read). A model property with no type whose description names Atlassian Document Format is
/// made a reference to the schema <c>AdfDocument</c>, which nswag.json excludes from generation and imports from
/// <c>JiraSdk.RichText</c>: the property is typed <c>JiraSdk.RichText.AdfDocument</c>, read and written by its JSON
/// converter. Only v3: v2 and Data Center carry wiki markup strings in the same properties. Properties with a declared
/// type (a free-form map of field values that may hold ADF among other values) are left alone, except the free-form
/// objects listed in <see cref="KnownAdfObjects"/>, which hold nothing but ADF by the spec's own prose elsewhere.
/// </summary>
internal sealed class AdfDocumentProperties(string apiVersion) : ISpecNormalization
{
    /// <summary>The schema name the typed properties refer to; nswag.json lists it in <c>excludedTypeNames</c>.</summary>
    public const string SchemaName = "AdfDocument";

    private const string AdfPhrase = "Atlassian Document Format";

    /// <summary>
    /// Free-form objects that are ADF although their own schema does not say so: <c>JiraRichTextInput.adfValue</c>
    /// (<c>JiraIssueFields.richTextFields</c>: "To add, provide <c>adfValue</c>. Note that rich text fields only support ADF
    /// values").
    /// </summary>
    private static readonly (string Schema, string Property)[] KnownAdfObjects = [("JiraRichTextInput", "adfValue")];

    public void Apply(SpecDocument document)
    {
        if (apiVersion != "v3") return;
        var typed = new List<string>();
        foreach (var (schemaName, schema) in document.Schemas.ToList())
        {
            if (schema?["properties"] is not JsonObject properties) continue;
            foreach (var (propertyName, property) in properties.ToList())
            {
                if (property is not JsonObject p || !(IsUntypedAdf(p) || IsKnownAdfObject(schemaName, propertyName, p))) continue;
                var reference = SpecDocument.Ref(SchemaName);
                if (p["description"] is JsonNode description) reference["description"] = description.DeepClone();
                if (p["readOnly"] is JsonNode readOnly) reference["readOnly"] = readOnly.DeepClone();
                if (p["writeOnly"] is JsonNode writeOnly) reference["writeOnly"] = writeOnly.DeepClone();
                properties[propertyName] = reference;
                typed.Add($"{schemaName}.{propertyName}");
            }
        }
        if (typed.Count == 0) return;
        if (document.Schemas.ContainsKey(SchemaName))
            throw new GeneratorException($"the v3 spec now has a schema named {SchemaName}; the ADF-typed properties need another name");
        document.Schemas[SchemaName] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An Atlassian Document Format document (JiraSdk.RichText.AdfDocument, not generated).",
        };
        document.Log($"{typed.Count} rich-text properties typed as JiraSdk.RichText.AdfDocument: {string.Join(", ", typed)}");
    }

    private static bool IsKnownAdfObject(string schemaName, string propertyName, JsonObject property) =>
        KnownAdfObjects.Contains((schemaName, propertyName))
        && property["$ref"] is null && property["properties"] is null
        && property["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "object";

    private static bool IsUntypedAdf(JsonObject property) =>
        property["type"] is null && property["$ref"] is null && property["allOf"] is null && property["oneOf"] is null && property["anyOf"] is null
        && property["description"] is JsonValue description && description.TryGetValue<string>(out var text)
        && text.Contains(AdfPhrase, StringComparison.Ordinal);
}
