using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Every spec declares an issue's <c>fields</c> (<c>IssueBean.fields</c>) as a free-form object, so NSwag types it
/// <c>IDictionary&lt;string, object&gt;</c> and each caller digs values out of <c>JsonElement</c>s. The property is made a
/// reference to the schema <c>IssueFields</c>, which nswag.json excludes from generation and imports from
/// <c>JiraSdk.Issues</c>: the SDK's one issue read model, typed accessors over the same dictionary of field values, read
/// and written back unchanged by its JSON converter. All APIs: the v2, v3, Data Center and Agile <c>IssueBean</c> carry the
/// same fields object (ADF or wiki markup inside is the accessors' business, not the schema's).
/// </summary>
internal sealed class IssueFieldsProperty : ISpecNormalization
{
    /// <summary>The schema name the property refers to; nswag.json lists it in <c>excludedTypeNames</c>.</summary>
    public const string SchemaName = "IssueFields";

    private const string IssueSchema = "IssueBean";

    public void Apply(SpecDocument document)
    {
        if (document.Schemas[IssueSchema] is not JsonObject issue
            || issue["properties"] is not JsonObject properties
            || properties["fields"] is not JsonObject fields
            || !IsFreeFormObject(fields))
            return;
        if (document.Schemas.ContainsKey(SchemaName))
            throw new GeneratorException($"the spec now has a schema named {SchemaName}; IssueBean.fields needs another name for JiraSdk.Issues.IssueFields");
        var reference = SpecDocument.Ref(SchemaName);
        if (fields["description"] is JsonNode description) reference["description"] = description.DeepClone();
        properties["fields"] = reference;
        document.Schemas[SchemaName] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An issue's fields (JiraSdk.Issues.IssueFields, not generated): typed accessors over every field's JSON.",
        };
        document.Log($"{IssueSchema}.fields typed as JiraSdk.Issues.IssueFields");
    }

    /// <summary>An object with no declared properties whose values may be anything: what the specs say for issue fields.</summary>
    private static bool IsFreeFormObject(JsonObject schema) =>
        schema["$ref"] is null && schema["properties"] is null && schema["allOf"] is null && schema["oneOf"] is null && schema["anyOf"] is null
        && schema["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "object"
        && schema["additionalProperties"] is JsonObject;
}
