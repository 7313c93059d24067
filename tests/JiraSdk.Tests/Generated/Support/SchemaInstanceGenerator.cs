using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSdk.Tests.Generated.Support;

/// <summary>
/// Random JSON instances that are valid against an OpenAPI 3 schema of Atlassian's specs (refs, allOf, oneOf with
/// discriminator mappings, enums, formats, nullable), as a schema-driven mock server serves them. Seeded, so a failure
/// replays; values stress what .NET reads badly: URLs <c>System.Uri</c> refuses, timestamps with and without fractions
/// and offsets, the extremes of each integer format.
/// </summary>
internal sealed class SchemaInstanceGenerator(JsonElement document, Random random)
{
    private const int MaxDepth = 7;

    private static readonly string[] Uris =
    [
        "https://example.atlassian.net/rest/api/3/issue/10000", "http://a,b.example.com/x", "https://x+y.example.com/path?q=1",
        "https://example.atlassian.net/secure/useravatar?size=xsmall&avatarId=10072", "mailto:someone@example.com", "urn:isbn:0451450523",
        "https://[::1]:8080/", "https://example.com/a%20b",
    ];

    private static readonly string[] Words = ["summary", "DOCS-1", "Zoë", "報告", "a \"quoted\" name", "", "10000", "line\nbreak", "İstanbul"];

    public JsonNode? Generate(JsonElement schema, int depth = 0)
    {
        if (schema.TryGetProperty("$ref", out var reference)) return Generate(Resolve(reference.GetString()!), depth);
        if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True && random.Next(10) == 0) return null;
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            return JsonNode.Parse(values[random.Next(values.GetArrayLength())].GetRawText());
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf)) return OneOf(schema, oneOf, depth);
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            var merged = new JsonObject();
            foreach (var part in allOf.EnumerateArray())
                if (Generate(part, depth) is JsonObject partObject)
                    foreach (var (name, value) in partObject.ToList()) { partObject.Remove(name); merged[name] = value; }
            foreach (var (name, value) in (Generate(WithoutAllOf(schema), depth) as JsonObject ?? new JsonObject()).ToList())
                merged[name] = value?.DeepClone();
            return merged;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : schema.TryGetProperty("properties", out _) ? "object" : null;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "object" => Object(schema, depth),
            "array" => Array(schema, depth),
            "string" => String(format),
            "integer" => Integer(format),
            "number" => JsonValue.Create(Math.Round(random.NextDouble() * 1e6 - 5e5, random.Next(0, 6))),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            _ => Any(depth),
        };
    }

    private JsonNode? OneOf(JsonElement schema, JsonElement members, int depth)
    {
        var member = members[random.Next(members.GetArrayLength())];
        var value = Generate(member, depth);
        if (schema.TryGetProperty("discriminator", out var discriminator) && value is JsonObject obj
            && discriminator.TryGetProperty("propertyName", out var property) && discriminator.TryGetProperty("mapping", out var mapping)
            && member.TryGetProperty("$ref", out var memberRef))
        {
            foreach (var entry in mapping.EnumerateObject())
                if (entry.Value.GetString() == memberRef.GetString()) obj[property.GetString()!] = entry.Name;
        }
        return value;
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var wanted = required.Contains(property.Name) || (depth < MaxDepth && random.Next(10) < 6);
                if (!wanted || IsWriteOnly(property.Value)) continue;
                result[property.Name] = Generate(property.Value, depth + 1);
            }
        }
        if (schema.TryGetProperty("additionalProperties", out var additional) && depth < MaxDepth)
        {
            for (var i = random.Next(3); i > 0; i--)
                result["key" + random.Next(1000).ToString(CultureInfo.InvariantCulture)] = additional.ValueKind == JsonValueKind.Object ? Generate(additional, depth + 1) : Any(depth + 1);
        }
        return result;
    }

    private JsonArray Array(JsonElement schema, int depth)
    {
        var result = new JsonArray();
        if (!schema.TryGetProperty("items", out var items)) return result;
        var min = schema.TryGetProperty("minItems", out var m) ? m.GetInt32() : 0;
        for (var i = depth < MaxDepth ? Math.Max(min, random.Next(4)) : min; i > 0; i--) result.Add(Generate(items, depth + 1));
        return result;
    }

    private JsonNode String(string? format) => format switch
    {
        "date-time" => JsonValue.Create(Timestamp()),
        "date" => JsonValue.Create(new DateTime(1900 + random.Next(200), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        "uri" or "url" => JsonValue.Create(Uris[random.Next(Uris.Length)]),
        "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
        "byte" => JsonValue.Create(Convert.ToBase64String([(byte)random.Next(256), (byte)random.Next(256)])),
        _ => JsonValue.Create(Words[random.Next(Words.Length)]),
    };

    private string Timestamp()
    {
        var instant = new DateTime(1970 + random.Next(100), 1 + random.Next(12), 1 + random.Next(28), random.Next(24), random.Next(60), random.Next(60));
        var fraction = random.Next(4) switch { 0 => "", 1 => ".123", 2 => ".5", _ => ".123456789" };
        var offset = random.Next(4) switch { 0 => "Z", 1 => "+05:30", 2 => "-08:00", _ => "+00:00" };
        var text = instant.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + offset;
        return random.Next(8) == 0 ? text.ToLowerInvariant() : text; // RFC 3339 §5.6 allows a lower-case t and z
    }

    private JsonNode Integer(string? format) => format == "int64"
        ? JsonValue.Create(random.Next(5) == 0 ? (random.Next(2) == 0 ? long.MaxValue : long.MinValue) : random.NextInt64(-1_000_000_000_000, 1_000_000_000_000))
        : JsonValue.Create(random.Next(5) == 0 ? (random.Next(2) == 0 ? int.MaxValue : int.MinValue) : random.Next(-1000, 1_000_000));

    private JsonNode? Any(int depth) => random.Next(5) switch
    {
        0 => JsonValue.Create("text"),
        1 => JsonValue.Create(42),
        2 => depth < MaxDepth ? new JsonObject { ["nested"] = JsonValue.Create(true) } : new JsonObject(),
        3 => new JsonArray(JsonValue.Create(1), JsonValue.Create("two")),
        _ => null,
    };

    private static bool IsWriteOnly(JsonElement schema) => schema.TryGetProperty("writeOnly", out var w) && w.ValueKind == JsonValueKind.True;

    private static JsonElement WithoutAllOf(JsonElement schema)
    {
        var copy = JsonNode.Parse(schema.GetRawText())!.AsObject();
        copy.Remove("allOf");
        if (!copy.ContainsKey("properties")) return JsonDocument.Parse("{\"type\":\"object\"}").RootElement;
        return JsonDocument.Parse(copy.ToJsonString()).RootElement;
    }

    private JsonElement Resolve(string reference)
    {
        var node = document;
        foreach (var token in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node.GetProperty(token.Replace("~1", "/").Replace("~0", "~"));
        return node;
    }
}
