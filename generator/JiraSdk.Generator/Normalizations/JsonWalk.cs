using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>Visits every object of a JSON tree, a holder before what it holds, so a rewrite of one is seen inside it.</summary>
internal static class JsonWalk
{
    /// <summary>Calls <paramref name="rewrite"/> on every object under <paramref name="node"/>; returns the sum of what it returned.</summary>
    public static int EachObject(JsonNode? node, Func<JsonObject, int> rewrite)
    {
        var total = 0;
        switch (node)
        {
            case JsonObject obj:
                total += rewrite(obj);
                foreach (var (_, value) in obj.ToList()) total += EachObject(value, rewrite);
                break;
            case JsonArray array:
                foreach (var item in array.ToList()) total += EachObject(item, rewrite);
                break;
        }
        return total;
    }
}
