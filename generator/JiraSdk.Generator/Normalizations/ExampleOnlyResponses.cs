using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// The Jira Software (agile) spec describes 25 success responses by an example alone, with no schema
/// (<c>getSprint</c>, <c>getEpic</c>, <c>getAllSprints</c>, agile <c>getIssue</c>, …). NSwag reads a response without a schema
/// as having no body, so the generated methods would discard what Jira sends. Such a response gets the any-JSON schema
/// <c>{}</c>: the method returns the body as JSON (a <c>System.Text.Json.JsonElement</c> in an <c>object</c>), which reads
/// whatever Jira sends and loses nothing. (An example is not a contract, so no type is inferred from it.)
/// </summary>
internal sealed class ExampleOnlyResponses : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations())
        {
            if (operation.Node["responses"] is not JsonObject responses) continue;
            foreach (var (status, response) in responses)
            {
                if (!status.StartsWith('2') || response?["content"] is not JsonObject content) continue;
                foreach (var (mediaType, media) in content)
                {
                    if (media is not JsonObject mediaObject || mediaObject.ContainsKey("schema") || !IsJson(mediaType)) continue;
                    mediaObject["schema"] = new JsonObject();
                    document.Log($"{operation}: {status} {mediaType} has an example but no schema → any JSON");
                }
            }
        }
    }

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
