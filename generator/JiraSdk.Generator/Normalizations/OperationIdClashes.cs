using System.Text.Json.Nodes;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// Each tag becomes one client and each operation a method named after its operationId, so two operations of one tag may
/// not share an id. The Data Center spec serves two REST APIs under one tag: <c>getIssue</c> is both
/// <c>/rest/api/2/issue/{issueIdOrKey}</c> and <c>/rest/agile/1.0/issue/{issueIdOrKey}</c>, both tagged <c>issue</c>. When a
/// tag holds such a clash, the operations of the tag that belong to the less used API (the path segment after
/// <c>/rest</c>) move to a client named after that API and the tag (<c>AgileIssue</c>), so both keep their operationId as
/// their method name and each client holds one API.
/// </summary>
internal sealed class OperationIdClashes : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        var byTag = document.Operations()
            .Where(op => op.OperationId is not null && op.Node["tags"] is JsonArray { Count: > 0 })
            .GroupBy(op => op.Node["tags"]![0]!.GetValue<string>(), StringComparer.Ordinal);
        foreach (var tag in byTag)
        {
            var operations = tag.ToList();
            var clashes = operations.GroupBy(op => op.OperationId!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
            if (clashes.Count == 0) continue;

            var apis = operations.GroupBy(op => ApiOf(op.Path), StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (apis.Count < 2 || clashes.Any(clash => clash.Select(op => ApiOf(op.Path)).Distinct(StringComparer.Ordinal).Count() < clash.Count()))
                throw new InvalidOperationException($"tag {tag.Key}: operations share an operationId within one API ({string.Join(", ", clashes.Select(c => c.Key))}); rename one with a patch");
            foreach (var api in apis.Skip(1))
            {
                var moved = Names.Pascal(api.Key) + tag.Key;
                foreach (var operation in api)
                {
                    operation.Node["tags"] = new JsonArray(moved);
                    document.Log($"{operation}: shares its operationId with another operation tagged {tag.Key} → client {moved}Client");
                }
            }
        }
    }

    /// <summary><c>/rest/agile/1.0/issue/{id}</c> → <c>agile</c>; a path outside <c>/rest</c> is its own first segment.</summary>
    internal static string ApiOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 1 && segments[0] == "rest" ? segments[1] : segments.FirstOrDefault() ?? "";
    }
}
