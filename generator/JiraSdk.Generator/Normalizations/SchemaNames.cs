using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Two kinds of schema name make NSwag invent numbered names. A name that itself ends in a digit
/// (<c>JiraLabelPropertiesInputJackson1</c>) loses the digit. A schema with a property of its own name
/// (<c>Votes.votes</c>) would give a C# member named like its class, which C# forbids, so NSwag renames the
/// member to <c>Votes1</c>; the type is renamed instead (<c>VotesDetails</c>) and the member keeps its JSON name.
/// A name that is not PascalCase (<c>fields</c>) becomes PascalCase, and where that collides with another schema
/// (<c>Fields</c>) it takes a word suffix (<c>FieldsValue</c>) rather than NSwag's <c>Fields2</c>.
/// </summary>
internal sealed class SchemaNames : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var schemas = document.Schemas;
        var taken = new HashSet<string>(schemas.Select(s => s.Key).Where(name => Names.Pascal(name) == name), StringComparer.Ordinal);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, schema) in schemas)
        {
            var wanted = Names.Pascal(name);
            wanted = wanted.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'); // NSwag's own de-duplication suffix (OrderBy2)
            if (HasMemberNamed(schema as JsonObject, wanted)) wanted += "Details";
            if (wanted == name) continue;
            wanted = Names.Unique(wanted, candidate => (candidate != name && taken.Contains(candidate)) || HasMemberNamed(schema as JsonObject, candidate));
            taken.Add(wanted);
            renames[name] = wanted;
            document.Log($"schema {name} → {wanted}");
        }
        document.RenameSchemas(renames);
    }

    private static bool HasMemberNamed(JsonObject? schema, string typeName)
    {
        if (schema is null) return false;
        var ownProperties = schema["properties"] as JsonObject;
        var inherited = (schema["allOf"] as JsonArray)?.OfType<JsonObject>().Select(member => member["properties"]).OfType<JsonObject>()
            ?? Enumerable.Empty<JsonObject>();
        return new[] { ownProperties }.OfType<JsonObject>().Concat(inherited)
            .Any(properties => properties.Any(p => Names.Pascal(p.Key) == typeName));
    }
}
