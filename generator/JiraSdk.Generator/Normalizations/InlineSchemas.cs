using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// NSwag names an inline object or enum after the property or parameter that holds it and numbers the clashes:
/// <c>Anonymous</c>, <c>OrderBy2</c>, <c>Fields2</c>, <c>Response2</c>. Every inline schema that becomes a type is moved
/// to <c>components/schemas</c> under a name taken from its owner, so names are readable and stable:
/// property <c>status</c> of <c>Foo</c> → <c>FooStatus</c>; items of it → <c>FooStatusItem</c>; map values →
/// <c>FooStatusValue</c>; parameter <c>orderBy</c> of <c>getProjects</c> → <c>GetProjectsOrderBy</c>; an inline
/// request body → <c>{Operation}Request</c>; an inline response → <c>{Operation}Response</c>.
/// </summary>
internal sealed class InlineSchemas : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var schemas = document.Schemas;
        var hoister = new Hoister(document, schemas);
        foreach (var (name, schema) in schemas.ToList())
            hoister.VisitChildren(schema as JsonObject, name);

        foreach (var operation in document.Operations())
        {
            var owner = Names.Pascal(operation.OperationId ?? TagNames.TagFromPath(operation.Path) + operation.Method);
            if (operation.Node["parameters"] is JsonArray parameters)
            {
                foreach (var parameter in parameters.OfType<JsonObject>())
                {
                    if (parameter["name"]?.GetValue<string>() is { } parameterName)
                        hoister.Place(parameter, "schema", owner + Names.Pascal(parameterName));
                }
            }
            if (operation.Node["requestBody"]?["content"] is JsonObject requestContent)
            {
                foreach (var (_, media) in requestContent)
                    if (media is JsonObject m) hoister.Place(m, "schema", owner + "Request");
            }
            if (operation.Node["responses"] is JsonObject responses)
            {
                foreach (var (_, response) in responses)
                {
                    if (response?["content"] is not JsonObject content) continue;
                    foreach (var (_, media) in content)
                        if (media is JsonObject m) hoister.Place(m, "schema", owner + "Response");
                }
            }
        }
    }

    private sealed class Hoister(SpecDocument document, JsonObject schemas)
    {
        /// <summary>Moves <c>holder[key]</c> to a named schema when it would become a type; otherwise looks inside it.</summary>
        public void Place(JsonObject holder, string key, string name)
        {
            if (holder[key] is not JsonObject schema) return;
            if (!BecomesType(schema))
            {
                VisitChildren(schema, name);
                return;
            }
            var unique = Names.Unique(name, taken => schemas.ContainsKey(taken));
            holder[key] = SpecDocument.Ref(unique);
            schemas[unique] = schema;
            document.Log($"inline schema → {unique}");
            VisitChildren(schema, unique);
        }

        public void VisitChildren(JsonObject? schema, string owner)
        {
            if (schema is null || schema.ContainsKey("$ref")) return;
            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (propertyName, _) in properties.ToList())
                    Place(properties, propertyName, owner + Names.Pascal(propertyName));
            }
            Place(schema, "items", owner + "Item");
            if (schema["additionalProperties"] is JsonObject) Place(schema, "additionalProperties", owner + "Value");
            foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
            {
                // Members of a combination are parts of the owner's own type, not types of their own.
                if (schema[combinator] is JsonArray members)
                    foreach (var member in members.OfType<JsonObject>()) VisitChildren(member, owner);
            }
        }

        private static bool BecomesType(JsonObject schema) =>
            !schema.ContainsKey("$ref")
            && (schema["properties"] is JsonObject { Count: > 0 } || schema["enum"] is JsonArray || schema["discriminator"] is not null);
    }
}
