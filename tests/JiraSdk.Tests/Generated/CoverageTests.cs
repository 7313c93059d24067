using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JiraSdk.Tests.Generated;

/// <summary>
/// Every operation of each spec is a public method of the generated clients, and no generated name is one NSwag had
/// to invent (<c>Anonymous…</c>, numeric suffixes).
/// </summary>
public partial class CoverageTests
{
    internal static readonly string SpecsDirectory = typeof(CoverageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "JiraSpecsDir").Value!;

    public static IEnumerable<TestCaseData> Versions()
    {
        yield return new TestCaseData("jira-platform-v2.json", "V2", typeof(JiraSdk.V2.JiraApiV2).Assembly, 588).SetArgDisplayNames("v2");
        yield return new TestCaseData("jira-platform-v3.json", "V3", typeof(JiraSdk.V3.JiraApiV3).Assembly, 597).SetArgDisplayNames("v3");
        yield return new TestCaseData("jira-software.json", "Agile", typeof(JiraSdk.Agile.JiraApiAgile).Assembly, 95).SetArgDisplayNames("agile");
        yield return new TestCaseData("jira-datacenter.json", "DataCenter", typeof(JiraSdk.DataCenter.JiraApiDataCenter).Assembly, 433).SetArgDisplayNames("datacenter");
    }

    [TestCaseSource(nameof(Versions))]
    public void EveryOperationIsAPublicAsyncMethodOfItsTagsClient(string specFile, string name, Assembly assembly, int snapshotOperations)
    {
        var specPath = Path.Combine(SpecsDirectory, specFile);
        if (!File.Exists(specPath)) Assert.Ignore($"{specPath} is not here; the build downloaded it elsewhere.");
        var operations = ReadOperations(specPath);
        var missing = new List<string>();

        // Data Center tags a few operations of two APIs alike (getIssue is /rest/api/2/issue/{id} and
        // /rest/agile/1.0/issue/{id}); the agile ones then have their own client, AgileIssue beside Issue. So an operation is
        // looked for in its tag's client and in the clients named after an API of the spec and its tag, and each
        // (tag, operationId) must have as many public methods as the spec has operations.
        var apis = ApiNames(specPath).Prepend("").ToList();
        var clients = assembly.GetExportedTypes().Where(t => t.IsInterface && t.Namespace == "JiraSdk." + name).ToList();
        foreach (var group in operations.GroupBy(op => op))
        {
            var (operationId, tag) = group.Key;
            var methods = clients
                .Where(client => apis.Any(api => client.Name == $"I{api}{ClientName(tag)}Client"))
                .SelectMany(client => client.GetMethods().Where(m => m.Name == Pascal(operationId) + "Async"))
                .Where(method => method.GetParameters().LastOrDefault()?.ParameterType == typeof(CancellationToken))
                .ToList();
            if (methods.Count != group.Count())
                missing.Add($"{operationId} (tag '{tag}')");
        }

        Assert.That(missing, Is.Empty);
        Assert.That(operations, Has.Count.EqualTo(snapshotOperations), "operation count of the recorded snapshot");
    }

    [TestCaseSource(nameof(Versions))]
    public void NoTypeHasAnInventedName(string specFile, string name, Assembly assembly, int snapshotOperations)
    {
        var invented = assembly.GetExportedTypes()
            .Select(type => type.Name.Split('`')[0])
            .Where(typeName => typeName != "JiraApi" + name)
            .Where(typeName => typeName.StartsWith("Anonymous", StringComparison.Ordinal) || char.IsDigit(typeName[^1]))
            .ToList();

        Assert.That(invented, Is.Empty);
    }

    [TestCaseSource(nameof(Versions))]
    public void NoPropertyHasANumericSuffixItsJsonNameLacks(string specFile, string name, Assembly assembly, int snapshotOperations)
    {
        var invented = assembly.GetExportedTypes()
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(property => (type, property)))
            .Where(p => char.IsDigit(p.property.Name[^1]))
            .Where(p => p.property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>() is not { } json
                        || !char.IsDigit(json.Name[^1]))
            .Select(p => $"{p.type.Name}.{p.property.Name}")
            .ToList();

        Assert.That(invented, Is.Empty);
    }

    internal static List<(string OperationId, string Tag)> ReadOperations(string specPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(specPath), new JsonDocumentOptions { MaxDepth = 256 });
        var operations = new List<(string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                if (method.Value.ValueKind != JsonValueKind.Object || !method.Value.TryGetProperty("operationId", out var id)) continue;
                var tag = method.Value.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0 ? tags[0].GetString()! : null;
                operations.Add((id.GetString()!, tag ?? UntaggedClient(path.Name)));
            }
        }
        return operations;
    }

    /// <summary>The APIs a spec's paths belong to (<c>/rest/agile/1.0/…</c> → <c>Agile</c>; Data Center's paths start below <c>/rest</c>).</summary>
    private static IEnumerable<string> ApiNames(string specPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(specPath), new JsonDocumentOptions { MaxDepth = 256 });
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .Select(path => path.Name.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Select(segments => segments.Length > 1 && segments[0] == "rest" ? segments[1] : segments.FirstOrDefault() ?? "")
            .Where(api => api.Length > 0)
            .Select(ClientName)
            .Distinct()
            .ToList();
    }

    // The one untagged operation (POST /rest/internal/api/latest/worklog/bulk) has its own named client.
    private static string UntaggedClient(string path) => path.StartsWith("/rest/internal/", StringComparison.Ordinal) ? "InternalWorklog" : "Default";

    internal static string ClientName(string tag) => string.Concat(Words().Matches(tag).Select(m => char.ToUpperInvariant(m.Value[0]) + m.Value[1..]));

    // Java-style ids (AddonPropertiesResource.getAddonProperties_get) lose the class and the verb.
    internal static string Pascal(string operationId)
    {
        var name = JavaOperationId().Replace(operationId, "${method}");
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    [GeneratedRegex(@"^[A-Za-z]+Resource\.(?<method>[A-Za-z][A-Za-z0-9]*)_(get|put|post|delete|patch)$")]
    private static partial Regex JavaOperationId();

    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex Words();
}
