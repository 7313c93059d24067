using System.Text.Json.Nodes;

namespace JiraSdk.Generator;

/// <summary>An OpenAPI document being normalized, with the lookups every step needs.</summary>
internal sealed class SpecDocument
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
    public const string SchemaRefPrefix = "#/components/schemas/";

    public SpecDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public List<string> Changes { get; } = new();

    public JsonObject Schemas
    {
        get
        {
            var components = Root["components"] as JsonObject ?? (JsonObject)(Root["components"] = new JsonObject());
            return components["schemas"] as JsonObject ?? (JsonObject)(components["schemas"] = new JsonObject());
        }
    }

    /// <summary>Every operation with its path and method, in document order.</summary>
    public IEnumerable<Operation> Operations()
    {
        if (Root["paths"] is not JsonObject paths) yield break;
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem) continue;
            foreach (var method in HttpMethods)
            {
                if (pathItem[method] is JsonObject op)
                    yield return new Operation(path, method, op);
            }
        }
    }

    public void Log(string change) => Changes.Add(change);

    /// <summary>Replaces every reference to the schemas in <paramref name="renames"/>, discriminator mappings included.</summary>
    public void RenameSchemas(IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return;
        var schemas = Schemas;
        var reordered = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var (name, schema) in schemas.ToList())
        {
            schemas.Remove(name);
            reordered.Add(new(renames.TryGetValue(name, out var renamed) ? renamed : name, schema));
        }
        foreach (var (name, schema) in reordered) schemas[name] = schema;
        RewriteRefs(Root, renames);
    }

    private static void RewriteRefs(JsonNode? node, IReadOnlyDictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(SchemaRefPrefix, StringComparison.Ordinal)
                        && (key == "$ref" || obj.Parent is JsonObject { } parent && parent["mapping"] == obj))
                    {
                        var target = text.Substring(SchemaRefPrefix.Length);
                        if (renames.TryGetValue(target, out var renamed)) obj[key] = SchemaRefPrefix + renamed;
                    }
                    else
                    {
                        RewriteRefs(value, renames);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array) RewriteRefs(item, renames);
                break;
        }
    }

    public static string? RefName(JsonNode? schema) =>
        schema is JsonObject obj && obj["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(SchemaRefPrefix, StringComparison.Ordinal)
            ? reference.Substring(SchemaRefPrefix.Length)
            : null;

    public static JsonObject Ref(string schemaName) => new() { ["$ref"] = SchemaRefPrefix + schemaName };
}

/// <summary>One operation of the document.</summary>
internal sealed record Operation(string Path, string Method, JsonObject Node)
{
    public string? OperationId => Node["operationId"]?.GetValue<string>();

    public override string ToString() => $"{OperationId} ({Method.ToUpperInvariant()} {Path})";
}

/// <summary>One normalization: fixes a class of problems that keeps the raw spec from generating correct C#.</summary>
internal interface ISpecNormalization
{
    void Apply(SpecDocument document);
}
