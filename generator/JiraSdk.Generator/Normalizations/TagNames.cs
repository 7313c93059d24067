using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// NSwag names one client per first tag. Atlassian's tags are prose (<c>Issue custom field values (apps)</c>), so each becomes
/// PascalCase (<c>IssueCustomFieldValuesApps</c> → <c>IssueCustomFieldValuesAppsClient</c>). An untagged operation would
/// otherwise land in a client with no name; it gets a tag made from its path (<c>/rest/internal/api/latest/worklog/bulk</c>
/// → <c>InternalWorklog</c>).
/// </summary>
internal sealed class TagNames : ISpecNormalization
{
    private static readonly HashSet<string> PathNoise = new(StringComparer.OrdinalIgnoreCase) { "rest", "api", "latest", "2", "3", "bulk" };

    public void Apply(SpecDocument document)
    {
        foreach (var operation in document.Operations())
        {
            var tags = operation.Node["tags"] as JsonArray;
            var first = tags is { Count: > 0 } ? tags[0]!.GetValue<string>() : null;
            var clean = first is null ? TagFromPath(operation.Path) : Names.Pascal(first);
            if (first == clean) continue;
            operation.Node["tags"] = new JsonArray(clean);
            document.Log(first is null
                ? $"untagged operation {operation} → client {clean}Client"
                : $"tag '{first}' → {clean}");
        }

        if (document.Root["tags"] is JsonArray declared)
        {
            foreach (var tag in declared.OfType<JsonObject>())
            {
                if (tag["name"]?.GetValue<string>() is { } name) tag["name"] = Names.Pascal(name);
            }
        }
    }

    internal static string TagFromPath(string path)
    {
        var words = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(segment => !segment.StartsWith('{') && !PathNoise.Contains(segment))
            .Take(2)
            .Select(Names.Pascal);
        var tag = string.Concat(words);
        return tag.Length == 0 ? "Default" : tag;
    }
}
