using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace JiraSdk.Generator.Normalizations;

/// <summary>
/// The generated clients send each operation to its path relative to the <c>HttpClient</c>'s <c>BaseAddress</c> (the Jira
/// site, with its context path if any), so a path must start at the site root. The Data Center spec puts <c>/rest</c> in its
/// server URL (<c>http://{baseurl}/rest</c>) and starts its paths below it (<c>/api/2/issue</c>, <c>/agile/1.0/board</c>); the
/// server URL's path is moved into every path (<c>/rest/api/2/issue</c>), as the Cloud specs already write them.
/// </summary>
internal sealed partial class ServerBasePath : ISpecNormalization
{
    public void Apply(SpecDocument document)
    {
        if (document.Root["servers"] is not JsonArray { Count: > 0 } servers || servers[0]?["url"]?.GetValue<string>() is not { } url) return;
        var match = ServerUrl().Match(url);
        var basePath = match.Success ? match.Groups["path"].Value.TrimEnd('/') : "";
        if (basePath.Length == 0) return;
        if (document.Root["paths"] is not JsonObject paths) return;

        foreach (var (path, item) in paths.ToList())
        {
            paths.Remove(path);
            paths[basePath + path] = item;
        }
        foreach (var server in servers.OfType<JsonObject>())
        {
            if (server["url"]?.GetValue<string>() is { } serverUrl && ServerUrl().Match(serverUrl) is { Success: true } m)
                server["url"] = serverUrl[..m.Groups["path"].Index];
        }
        document.Log($"server path {basePath} moved into every path ({paths.Count} paths)");
    }

    [GeneratedRegex(@"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/]+(?<path>/.*)?$")]
    private static partial Regex ServerUrl();
}
