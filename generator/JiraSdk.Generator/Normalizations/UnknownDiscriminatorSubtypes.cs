using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Jira adds subtypes (a new context variable, a new condition node) before the spec lists them. Each polymorphic base
/// (after <see cref="Discriminators"/>) gets a general subtype <c>Unknown{Base}</c>, mapped under the key <c>*</c> that
/// no discriminator value uses: the generated converter reads an unknown or missing discriminator value as it, with every
/// member the base does not declare (the discriminator included) kept in its <c>AdditionalProperties</c>, and writes it
/// back unchanged.
/// </summary>
internal sealed class UnknownDiscriminatorSubtypes : ISpecNormalization
{
    public const string MappingKey = "*";

    public void Apply(SpecDocument document)
    {
        var schemas = document.Schemas;
        foreach (var (baseName, node) in schemas.ToList())
        {
            if (node is not JsonObject { } baseSchema || baseSchema["discriminator"]?["mapping"] is not JsonObject mapping || mapping.ContainsKey(MappingKey)) continue;
            var propertyName = baseSchema["discriminator"]!["propertyName"]!.GetValue<string>();
            var name = Names.Unique("Unknown" + baseName, taken => schemas.ContainsKey(taken));
            schemas[name] = new JsonObject
            {
                ["description"] = $"A {baseName} whose '{propertyName}' value the spec does not list (or that has none). Its members beyond {baseName}'s, '{propertyName}' included, are in AdditionalProperties and are written back unchanged.",
                ["allOf"] = new JsonArray(SpecDocument.Ref(baseName), new JsonObject { ["type"] = "object" }),
            };
            mapping[MappingKey] = SpecDocument.SchemaRefPrefix + name;
            document.Log($"schema {baseName}: unknown '{propertyName}' values read as {name}");
        }
    }
}
