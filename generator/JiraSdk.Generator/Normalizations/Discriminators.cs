using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Atlassian writes polymorphism as <c>oneOf</c> + <c>discriminator.mapping</c> on the base schema, with subtypes that
/// repeat the discriminator property instead of extending the base. NSwag only generates a working hierarchy from the
/// other form, so it is rewritten: the base keeps the discriminator (and its mapping) and loses <c>oneOf</c> and the
/// discriminator property (the generated converter reads and writes that value); each
/// subtype becomes <c>allOf: [base, its own properties]</c>. The generated base class then reads the right subtype from
/// the discriminator value and writes it back. A discriminator with no mapping and no subtypes names nothing to
/// choose between, so it is removed.
/// </summary>
internal sealed class Discriminators : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var schemas = document.Schemas;
        foreach (var (baseName, node) in schemas.ToList())
        {
            if (node is not JsonObject baseSchema || baseSchema["discriminator"] is not JsonObject discriminator) continue;
            var propertyName = discriminator["propertyName"]!.GetValue<string>();
            var mapping = discriminator["mapping"] as JsonObject;

            if (mapping is null || mapping.Count == 0)
            {
                baseSchema.Remove("discriminator");
                document.Log($"schema {baseName}: discriminator without subtypes removed");
                continue;
            }

            baseSchema.Remove("oneOf");
            baseSchema.Remove("anyOf");
            // The generated converter writes the discriminator itself; a property of the same name would write it twice.
            (baseSchema["properties"] as JsonObject)?.Remove(propertyName);
            RemoveRequired(baseSchema, propertyName);

            foreach (var (value, target) in mapping)
            {
                var subtypeName = target!.GetValue<string>().Substring(SpecDocument.SchemaRefPrefix.Length);
                if (schemas[subtypeName] is not JsonObject subtype)
                    throw new InvalidOperationException($"schema {baseName}: mapping '{value}' names missing schema {subtypeName}");
                if (subtype["allOf"] is not null)
                    throw new InvalidOperationException($"schema {subtypeName} already uses allOf; cannot make it a subtype of {baseName}");
                schemas[subtypeName] = ToSubtype(subtype, baseName, propertyName);
            }
            document.Log($"schema {baseName}: oneOf + discriminator '{propertyName}' → base type with {mapping.Count} subtypes");
        }
    }

    private static void RemoveRequired(JsonObject schema, string propertyName)
    {
        if (schema["required"] is not JsonArray required) return;
        foreach (var item in required.Where(r => r!.GetValue<string>() == propertyName).ToList())
            required.Remove(item);
    }

    private static JsonObject ToSubtype(JsonObject subtype, string baseName, string discriminatorProperty)
    {
        var own = (JsonObject)subtype.DeepClone();
        var description = own["description"]?.DeepClone();
        own.Remove("description");
        if (own["properties"] is JsonObject properties) properties.Remove(discriminatorProperty);
        RemoveRequired(own, discriminatorProperty);

        var result = new JsonObject();
        if (description is not null) result["description"] = description;
        result["allOf"] = new JsonArray(SpecDocument.Ref(baseName), own);
        return result;
    }
}
