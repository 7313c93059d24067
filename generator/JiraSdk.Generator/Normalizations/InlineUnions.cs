using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// The agile spec's development-information schemas declare list items as a <c>oneOf</c>/<c>anyOf</c> of inline objects with
/// no discriminator (an association references issues <em>or</em> services: <c>{"associationType": "issueIdOrKeys",
/// "values": […]}</c> or the same with <c>serviceIdOrKeys</c>). NSwag cannot tell the members apart and makes numbered types
/// of the holder (<c>Associations2</c>, <c>Associations3</c>); a union of one member is that member. Such a union becomes
/// one object that can hold any member:
/// every member's properties (a property declared alike everywhere keeps its schema; string enums are joined; anything
/// else becomes any JSON, so no member's value fails to read), required only where every member requires it. It is then
/// hoisted and named after its owner like any inline schema.
/// </summary>
internal sealed class InlineUnions : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var merged = JsonWalk.EachObject(document.Root, MergeUnions);
        if (merged > 0) document.Log($"{merged} unions of inline objects without a discriminator → one object each");
    }

    private static int MergeUnions(JsonObject obj)
    {
        var merged = 0;
        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (obj[combinator] is JsonArray { Count: > 0 } members && !obj.ContainsKey("discriminator")
                && members.All(m => m is JsonObject member && !member.ContainsKey("$ref") && member["properties"] is JsonObject && member["type"]?.GetValue<string>() is null or "object"))
            {
                Merge(obj, combinator, members.Cast<JsonObject>().ToList());
                merged++;
            }
        }
        return merged;
    }

    private static void Merge(JsonObject holder, string combinator, List<JsonObject> members)
    {
        holder.Remove(combinator);
        var properties = new JsonObject();
        foreach (var name in members.SelectMany(m => ((JsonObject)m["properties"]!).Select(p => p.Key)).Distinct(StringComparer.Ordinal))
        {
            var declared = members.Select(m => m["properties"]![name]).OfType<JsonObject>().ToList();
            properties[name] = MergeProperty(declared);
        }
        var required = members.Select(m => (m["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [])
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        holder["type"] = "object";
        holder["properties"] = properties;
        if (required.Count > 0) holder["required"] = new JsonArray(required.Order(StringComparer.Ordinal).Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
        if (!holder.ContainsKey("description") && members[0]["description"] is { } description) holder["description"] = description.DeepClone();
    }

    private static JsonObject MergeProperty(List<JsonObject> declared)
    {
        if (declared.Count == 1 || declared.Skip(1).All(d => JsonNode.DeepEquals(d, declared[0]))) return (JsonObject)declared[0].DeepClone();
        if (declared.All(d => d["enum"] is JsonArray && d["type"]?.GetValue<string>() == "string"))
        {
            var joined = (JsonObject)declared[0].DeepClone();
            joined["enum"] = new JsonArray(declared.SelectMany(d => (JsonArray)d["enum"]!).Select(v => v?.GetValue<string>()).OfType<string>()
                .Distinct(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
            joined.Remove("title");
            return joined;
        }
        return declared[0]["description"] is { } description ? new JsonObject { ["description"] = description.DeepClone() } : new JsonObject();
    }
}
