using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Generator.Normalizations;

namespace JiraSdk.Generator;

/// <summary>Runs every normalization over a raw spec, in an order where each step sees the previous one's result.</summary>
internal static class SpecNormalizer
{
    public static IReadOnlyList<ISpecNormalization> Steps(IReadOnlyList<SpecPatch> patches, string apiVersion) =>
    [
        // Our own corrections first, so the general steps also see the corrected shapes.
        new SpecPatches(patches, apiVersion),
        new ServerBasePath(),
        new SingleInlineAllOf(),
        new InlineUnions(),
        new TagNames(),
        new OperationIdClashes(),
        new OperationNames(),
        new SharedOperationIds(),
        new BooleanEnums(),
        new Discriminators(),
        new UnknownDiscriminatorSubtypes(),
        new UriStrings(),
        new NoContentResponses(),
        new ExampleOnlyResponses(),
        new ObjectQueryParameters(),
        new BinaryResponses(),
        new EnumMemberNames(),
        // Hoisting names types after their owners, so the owners' final names must come after it.
        new InlineSchemas(),
        new SchemaNames(),
        new AdfDocumentProperties(apiVersion),
        new IssueFieldsProperty(),
    ];

    public static SpecDocument Normalize(string json, IReadOnlyList<SpecPatch> patches, string apiVersion)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) as JsonObject
            ?? throw new InvalidOperationException("the spec is not a JSON object");
        var document = new SpecDocument(root);
        foreach (var step in Steps(patches, apiVersion)) step.Apply(document);
        return document;
    }

    public static string Serialize(SpecDocument document) =>
        document.Root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
