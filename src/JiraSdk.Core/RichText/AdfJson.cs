using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSdk.RichText;

/// <summary>Reads ADF nodes and marks from JSON and writes them back, keeping every property it does not model.</summary>
internal static class AdfJson
{
    public static AdfNode ReadNode(JsonNode? json, string path)
    {
        if (json is not JsonObject obj) throw new AdfFormatException($"ADF node at {path}: expected a JSON object.");
        if (!obj.TryGetPropertyValue("type", out var typeNode) || typeNode is not JsonValue typeValue || typeValue.GetValueKind() != JsonValueKind.String)
            throw new AdfFormatException($"ADF node at {path}: 'type' must be a string.");
        var node = AdfNode.Create(typeValue.GetValue<string>());
        node.Properties = null;
        node.Content = null;
        foreach (var property in obj)
        {
            switch (property.Key)
            {
                case "type":
                    break;
                case "attrs" when property.Value is JsonObject attrs:
                    node.Attributes = (JsonObject)attrs.DeepClone();
                    break;
                case "content" when property.Value is JsonArray content && content.All(c => c is JsonObject):
                    var children = new List<AdfNode>(content.Count);
                    for (var i = 0; i < content.Count; i++) children.Add(ReadNode(content[i], $"{path}.content[{i}]"));
                    node.Content = children;
                    break;
                case "marks" when property.Value is JsonArray marks && marks.All(IsTyped):
                    var list = new List<AdfMark>(marks.Count);
                    foreach (var mark in marks) list.Add(ReadMark((JsonObject)mark!));
                    node.Marks = list;
                    break;
                default:
                    // Anything else, including an attrs/content/marks of a shape ADF does not define, is kept as it came.
                    (node.Properties ??= new JsonObject())[property.Key] = property.Value?.DeepClone();
                    break;
            }
        }
        return node;
    }

    private static bool IsTyped(JsonNode? node) =>
        node is JsonObject o && o.TryGetPropertyValue("type", out var t) && t is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static AdfMark ReadMark(JsonObject obj)
    {
        var mark = AdfMark.Create(obj["type"]!.GetValue<string>());
        foreach (var property in obj)
        {
            if (property.Key == "type") continue;
            if (property.Key == "attrs" && property.Value is JsonObject attrs) mark.Attributes = (JsonObject)attrs.DeepClone();
            else (mark.Properties ??= new JsonObject())[property.Key] = property.Value?.DeepClone();
        }
        return mark;
    }

    public static JsonObject ToJsonObject(AdfNode node)
    {
        var obj = new JsonObject { ["type"] = node.Type };
        if (node.Properties is { } properties)
            foreach (var property in properties) obj[property.Key] = property.Value?.DeepClone();
        if (node.Attributes is { } attrs) obj["attrs"] = attrs.DeepClone();
        if (node.Content is { } content)
        {
            var array = new JsonArray();
            foreach (var child in content) array.Add(ToJsonObject(child));
            obj["content"] = array;
        }
        if (node.Marks is { } marks)
        {
            var array = new JsonArray();
            foreach (var mark in marks) array.Add(ToJsonObject(mark));
            obj["marks"] = array;
        }
        return obj;
    }

    public static JsonObject ToJsonObject(AdfMark mark)
    {
        var obj = new JsonObject { ["type"] = mark.Type };
        if (mark.Attributes is { } attrs) obj["attrs"] = attrs.DeepClone();
        if (mark.Properties is { } properties)
            foreach (var property in properties) obj[property.Key] = property.Value?.DeepClone();
        return obj;
    }

    public static string Write(AdfNode node) => ToJsonObject(node).ToJsonString(Options);

    public static string Write(AdfMark mark) => ToJsonObject(mark).ToJsonString(Options);

    // Characters such as < > & ' stay as they are: ADF is not embedded in HTML.
    internal static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
