using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Tests;

/// <summary>Builds small OpenAPI documents for the normalization tests.</summary>
internal static class Spec
{
    public static SpecDocument Parse(string json) => new((JsonObject)JsonNode.Parse(json)!);

    public static string At(SpecDocument document, string pointer)
    {
        JsonNode? node = document.Root;
        foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/")))
            node = node is JsonArray array ? array[int.Parse(token)] : node![token];
        return node?.ToJsonString() ?? "null";
    }
}
