using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// The Jira Software (agile) spec copies platform schemas inline, each wrapped alone in an <c>allOf</c> beside a description
/// (<c>"historyMetadata": {"allOf": [{"properties": …}], "description": …}</c>, 63 times). NSwag makes two types of each, a
/// numbered subclass of an <c>Anonymous</c> base (<c>HistoryMetadata2 : Anonymous3</c>). An <c>allOf</c> whose only member is
/// an inline schema says nothing but that schema, so the member is merged into its holder (the holder's own keywords, such
/// as its description, win); the schema is then hoisted and named after its owner like any inline schema
/// (<c>ChangelogHistoryMetadata</c>). An <c>allOf</c> of one <c>$ref</c> is left alone: NSwag reads it as the referenced type.
/// </summary>
internal sealed class SingleInlineAllOf : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var merged = JsonWalk.EachObject(document.Root, Merge);
        if (merged > 0) document.Log($"{merged} single inline allOf members merged into their holders");
    }

    private static int Merge(JsonObject obj)
    {
        var merged = 0;
        while (obj["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject member && !member.ContainsKey("$ref"))
        {
            obj.Remove("allOf");
            foreach (var (key, value) in member.ToList())
            {
                if (obj.ContainsKey(key)) continue;
                member.Remove(key);
                obj[key] = value;
            }
            merged++;
        }
        return merged;
    }
}
