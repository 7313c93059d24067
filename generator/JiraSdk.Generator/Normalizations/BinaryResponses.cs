using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Image and file downloads are declared with <c>StreamingResponseBody</c> (an empty Java type) beside <c>image/png</c>
/// and <c>*/*</c>. Read as JSON that discards the bytes; declared as <c>format: binary</c> NSwag returns a
/// <c>FileResponse</c> with the stream and the content type instead.
/// </summary>
internal sealed class BinaryResponses : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations())
        {
            if (operation.Node["responses"] is not JsonObject responses) continue;
            foreach (var (status, node) in responses)
            {
                if (node is not JsonObject response || response["content"] is not JsonObject content) continue;
                var streaming = content.Any(media => SpecDocument.RefName(media.Value?["schema"]) == "StreamingResponseBody");
                if (!streaming) continue;
                response["content"] = Binary(content.Select(media => media.Key).Where(type => type != "application/json"));
                document.Log($"{operation}: {status} response is binary");
            }
        }
    }

    internal static JsonObject Binary(IEnumerable<string> mediaTypes)
    {
        var content = new JsonObject();
        foreach (var mediaType in mediaTypes.DefaultIfEmpty("application/octet-stream"))
            content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } };
        return content;
    }
}
