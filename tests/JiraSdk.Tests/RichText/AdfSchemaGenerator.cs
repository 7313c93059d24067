using System.Globalization;
using System.Text.Json.Nodes;

namespace JiraSdk.Tests.RichText;

/// <summary>
/// Generates random ADF documents from the schema itself (every definition reachable from <c>doc_node</c>), seeded so a
/// failure is reproducible: the property-based half of the round-trip tests.
/// </summary>
internal sealed class AdfSchemaGenerator
{
    private readonly JsonObject _definitions;
    private readonly Random _random;
    private readonly int _maxDepth;

    // Text that exercises Markdown's syntax characters, whitespace at the edges, newlines and non-ASCII.
    private static readonly string[] Words =
    {
        "word", "Jira", "a", "1.", "#", "*", "**", "_", "~~", "`", "[x]", "]", "(", ")", "<b>", "&amp;", "&", "\\", "|", ":smile:", ":x[y]", "{", "}",
        " ", "  ", "\t", "\n", "- ", "+", "> ", "---", "===", "!", "https://example.com/a_b", "é", "日本", "😀", "\"", "'", "1)", ":::", "::",
    };

    public AdfSchemaGenerator(JsonObject schema, int seed, int maxDepth = 5)
    {
        _definitions = schema["definitions"]!.AsObject();
        _random = new Random(seed);
        _maxDepth = maxDepth;
    }

    public JsonObject Document() => (JsonObject)Generate(_definitions["doc_node"]!, 0)!;

    private JsonNode? Generate(JsonNode schema, int depth)
    {
        var obj = schema.AsObject();
        if (obj["$ref"] is { } reference) return Generate(_definitions[reference.GetValue<string>().Substring("#/definitions/".Length)]!, depth);
        if (obj["allOf"] is JsonArray allOf) return Generate(Merge(allOf), depth);
        if (obj["anyOf"] is JsonArray anyOf) return Generate(Pick(anyOf, depth)!, depth);
        if (obj["enum"] is JsonArray values) return values[_random.Next(values.Count)]!.DeepClone();
        var type = obj["type"]?.GetValue<string>() ?? (obj["properties"] is not null ? "object" : null);
        switch (type)
        {
            case "object":
                return Object(obj, depth);
            case "array":
                return Array(obj, depth);
            case "string":
                return String(obj);
            case "number":
            case "integer":
                var min = obj["minimum"]?.GetValue<double>() ?? 0;
                var max = obj["maximum"]?.GetValue<double>() ?? 1000;
                return _random.Next(3) == 0 ? JsonValue.Create(Math.Round(min + (max - min) * _random.NextDouble(), 2)) : JsonValue.Create((int)(min + (max - min) * _random.NextDouble()));
            case "boolean":
                return _random.Next(2) == 0;
            default:
                // Untyped (extension parameters, card data): any small JSON.
                return new JsonObject { ["k"] = Word(), ["n"] = _random.Next(100), ["list"] = new JsonArray(1, "two", null) };
        }
    }

    private JsonObject Merge(JsonArray allOf)
    {
        var merged = new JsonObject();
        foreach (var part in allOf)
        {
            var resolved = part!["$ref"] is { } r ? _definitions[r.GetValue<string>().Substring("#/definitions/".Length)]! : part;
            foreach (var property in resolved.AsObject())
            {
                if (property.Key == "properties" && merged["properties"] is JsonObject existing)
                {
                    foreach (var p in property.Value!.AsObject()) existing[p.Key] = p.Value?.DeepClone();
                }
                else if (property.Key == "required" && merged["required"] is JsonArray required)
                {
                    foreach (var item in property.Value!.AsArray()) required.Add(item?.DeepClone());
                }
                else merged[property.Key] = property.Value?.DeepClone();
            }
        }
        return merged;
    }

    private JsonNode? Pick(JsonArray alternatives, int depth)
    {
        if (depth < _maxDepth) return alternatives[_random.Next(alternatives.Count)];
        // Deep down, prefer alternatives that end the recursion: text, paragraphs and other leaves.
        var shallow = alternatives.Where(a => a!["$ref"]?.GetValue<string>() is { } r && (r.Contains("text") || r.Contains("paragraph") || r.Contains("hardBreak") || r.Contains("mention") || r.Contains("rule"))).ToList();
        return shallow.Count > 0 ? shallow[_random.Next(shallow.Count)] : alternatives[0];
    }

    private JsonObject Object(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? new HashSet<string>();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var property in properties)
            {
                var isStructure = property.Key is "type" or "version" or "content" or "text";
                if (!required.Contains(property.Key) && property.Key != "attrs" && !(isStructure ? _random.Next(4) != 0 : _random.Next(3) == 0)) continue;
                if (property.Key == "marks" && depth >= _maxDepth + 2) continue;
                var value = Generate(property.Value!, depth + (property.Key == "content" ? 1 : 0));
                if (value is not null) result[property.Key] = value;
            }
        }
        return result;
    }

    private JsonArray Array(JsonObject schema, int depth)
    {
        var min = schema["minItems"]?.GetValue<int>() ?? 0;
        var max = schema["maxItems"]?.GetValue<int>() ?? Math.Max(min, depth >= _maxDepth ? min : 4);
        var count = min + _random.Next(Math.Max(0, max - min) + 1);
        var array = new JsonArray();
        if (schema["items"] is JsonArray tuple)
        {
            for (var i = 0; i < Math.Max(count, 1) && i < tuple.Count; i++) array.Add(Generate(tuple[i]!, depth));
            return array;
        }
        if (schema["items"] is not JsonObject items) return array;
        for (var i = 0; i < count; i++) array.Add(Generate(items, depth));
        return array;
    }

    private string String(JsonObject schema)
    {
        if (schema["pattern"]?.GetValue<string>() is { } pattern)
        {
            // The few patterns in the schema: colours and status colours.
            if (pattern.Contains("neutral", StringComparison.Ordinal)) return new[] { "neutral", "green", "#12abEF" }[_random.Next(3)];
            return "#" + _random.Next(0x1000000).ToString("x6", CultureInfo.InvariantCulture);
        }
        var minLength = schema["minLength"]?.GetValue<int>() ?? 0;
        var text = Word();
        if (_random.Next(3) == 0) text += Word();
        return text.Length >= minLength ? text : text + "x";
    }

    private string Word() => Words[_random.Next(Words.Length)];
}
