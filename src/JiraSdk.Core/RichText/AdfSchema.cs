using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace JiraSdk.RichText;

/// <summary>
/// Validates ADF documents against Atlassian's published JSON Schema (<c>@atlaskit/adf-schema</c>,
/// <c>json-schema/v1/full.json</c>), which the caller supplies: the SDK does not ship Atlassian's schema.
/// </summary>
/// <remarks>
/// The schema declares draft-04; the keywords it uses (<c>type</c>, <c>enum</c>, <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>anyOf</c>, <c>allOf</c>, <c>minItems</c>, <c>maxItems</c>,
/// <c>minLength</c>, <c>pattern</c>, <c>minimum</c>, <c>maximum</c>, <c>$ref</c>) mean the same in draft 7, which is
/// how it is evaluated (JsonSchema.Net has no draft-04 dialect).
/// </remarks>
public sealed class AdfSchema
{
    private const string Draft07 = "http://json-schema.org/draft-07/schema#";
    private readonly JsonSchema _schema;

    private AdfSchema(JsonSchema schema) => _schema = schema;

    /// <summary>Loads the schema from its JSON text (the content of <c>full.json</c>).</summary>
    /// <param name="schemaJson">The schema's JSON.</param>
    /// <exception cref="AdfFormatException">The text is not a JSON Schema.</exception>
    public static AdfSchema Load(string schemaJson)
    {
        if (schemaJson is null) throw new ArgumentNullException(nameof(schemaJson));
        try
        {
            var root = JsonNode.Parse(schemaJson) as JsonObject ?? throw new AdfFormatException("The ADF schema must be a JSON object.");
            root["$schema"] = Draft07;
            // A registry of its own, so loading the schema twice (or two versions) never collides.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            return new AdfSchema(JsonSchema.FromText(root.ToJsonString(), options, new Uri("https://jirasdk.invalid/adf/" + Guid.NewGuid().ToString("N"))));
        }
        catch (JsonException invalid)
        {
            throw new AdfFormatException("The ADF schema is not valid JSON: " + invalid.Message, invalid);
        }
    }

    /// <summary>Validates a document.</summary>
    /// <param name="document">The document.</param>
    public AdfValidationResult Validate(AdfDocument document) =>
        Validate(JsonSerializer.Deserialize<JsonElement>((document ?? throw new ArgumentNullException(nameof(document))).ToJson()));

    /// <summary>Validates ADF JSON as Jira would receive it.</summary>
    /// <param name="json">The document's JSON.</param>
    public AdfValidationResult Validate(JsonElement json)
    {
        // The flag answer is quick; the list of errors is worked out only for an invalid document.
        if (_schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid) return AdfValidationResult.Valid;
        var results = _schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new List<string>();
        Collect(results, errors);
        if (errors.Count == 0) errors.Add("/: the document does not conform to the ADF schema");
        return new AdfValidationResult(errors);
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.Errors is { } messages)
            foreach (var message in messages)
                errors.Add($"{results.InstanceLocation}: {message.Key}: {message.Value}");
        if (results.Details is { } details)
            foreach (var detail in details)
                Collect(detail, errors);
    }
}

/// <summary>The outcome of <see cref="AdfSchema.Validate(AdfDocument)"/>.</summary>
public sealed class AdfValidationResult
{
    internal static readonly AdfValidationResult Valid = new(Array.Empty<string>());

    internal AdfValidationResult(IReadOnlyList<string> errors) => Errors = errors;

    /// <summary>Whether the document conforms to the schema.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// What does not conform, one line each (<c>JSON pointer: keyword: message</c>). ADF's schema lists alternatives
    /// (<c>anyOf</c>) for most content, so a single fault is reported once per alternative it fails.
    /// </summary>
    public IReadOnlyList<string> Errors { get; }
}
