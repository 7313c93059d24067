using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// A few schemas declare <c>type: boolean</c> with <c>enum: [true, false]</c>. NSwag turns that into an enum type whose
/// members cannot be named and whose JSON is not a boolean; the enum adds nothing a <c>bool</c> lacks, so it is dropped.
/// </summary>
internal sealed class BooleanEnums : ISpecNormalization
{
    public void Apply(SpecDocument document) => Visit(document.Root, document, "#");

    private static void Visit(JsonNode? node, SpecDocument document, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == "boolean" && obj["enum"] is JsonArray)
                {
                    obj.Remove("enum");
                    document.Log($"boolean enum dropped at {pointer}");
                }
                foreach (var (key, value) in obj.ToList()) Visit(value, document, pointer + "/" + key);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Visit(array[i], document, pointer + "/" + i);
                break;
        }
    }
}
