using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Query parameters declared as objects without properties, which NSwag turns into code that sends nothing or does not
/// compile. Two kinds occur in the agile and Data Center specs:
/// <list type="bullet">
/// <item>Java's <c>StringList</c> (a <c>$ref</c> to an empty object schema of that name, or an inline object that allows
/// no properties): Jira reads it as one comma-separated value (<c>getAllBoards?type=scrum,kanban</c>,
/// <c>getAllSprints?state=active,future</c>, <c>getFilter?expand=…</c>), so it becomes a string.</item>
/// <item>A bare <c>{"type": "object"}</c>: free-form query parameters (the agile <c>deleteRemoteLinksByProperty</c> takes
/// <c>params</c>, sent as <c>?accountId=account-123</c>), so it becomes a map of strings, each pair sent as its own query
/// parameter (<see cref="CodeFixups"/> iterates the map).</item>
/// </list>
/// </summary>
internal sealed class ObjectQueryParameters : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations())
        {
            if (operation.Node["parameters"] is not JsonArray parameters) continue;
            foreach (var parameter in parameters.OfType<JsonObject>())
            {
                if (parameter["in"]?.GetValue<string>() != "query" || parameter["schema"] is not JsonObject schema) continue;
                var name = parameter["name"]?.GetValue<string>();
                if (SpecDocument.RefName(schema) is { } referenced)
                {
                    if (referenced != "StringList" || document.Schemas[referenced] is not JsonObject target || target.ContainsKey("properties")) continue;
                    parameter["schema"] = CommaSeparated();
                    document.Log($"{operation}: query parameter {name} (Java StringList) → a comma-separated string");
                }
                else if (schema["type"]?.GetValue<string>() == "object" && !schema.ContainsKey("properties"))
                {
                    if (schema["additionalProperties"] is JsonValue allowed && allowed.TryGetValue<bool>(out var any) && !any)
                    {
                        parameter["schema"] = CommaSeparated();
                        document.Log($"{operation}: query parameter {name} (an object with no properties) → a comma-separated string");
                    }
                    else if (!schema.ContainsKey("additionalProperties"))
                    {
                        schema["additionalProperties"] = new JsonObject { ["type"] = "string" };
                        document.Log($"{operation}: free-form query parameter {name} → a map of query parameters");
                    }
                }
            }
        }
    }

    private static JsonObject CommaSeparated() => new() { ["type"] = "string", ["description"] = "One or more values, comma-separated." };
}
