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
        yield return new TestCaseData("v2", typeof(JiraSdk.V2.JiraApiV2).Assembly, 588).SetArgDisplayNames("v2");
        yield return new TestCaseData("v3", typeof(JiraSdk.V3.JiraApiV3).Assembly, 597).SetArgDisplayNames("v3");
    }

    [TestCaseSource(nameof(Versions))]
    public void EveryOperationIsAPublicAsyncMethodOfItsTagsClient(string version, Assembly assembly, int snapshotOperations)
    {
        var specPath = Path.Combine(SpecsDirectory, $"jira-platform-{version}.json");
        if (!File.Exists(specPath)) Assert.Ignore($"{specPath} is not here; the build downloaded it elsewhere.");
        var operations = ReadOperations(specPath);
        var missing = new List<string>();

        foreach (var (operationId, tag) in operations)
        {
            var client = assembly.GetType($"JiraSdk.{version.ToUpperInvariant()}.I{ClientName(tag)}Client");
            var methods = client?.GetMethods().Where(m => m.Name == Pascal(operationId) + "Async").ToList() ?? [];
            var method = methods.Count == 1 ? methods[0] : null;
            if (method is null || !client!.IsPublic || method.GetParameters().LastOrDefault()?.ParameterType != typeof(CancellationToken))
                missing.Add($"{operationId} (tag '{tag}')");
        }

        Assert.That(missing, Is.Empty);
        Assert.That(operations, Has.Count.EqualTo(snapshotOperations), "operation count of the recorded snapshot");
    }

    [TestCaseSource(nameof(Versions))]
    public void NoTypeHasAnInventedName(string version, Assembly assembly, int snapshotOperations)
    {
        var invented = assembly.GetExportedTypes()
            .Select(type => type.Name.Split('`')[0])
            .Where(name => name != "JiraApi" + version.ToUpperInvariant())
            .Where(name => name.StartsWith("Anonymous", StringComparison.Ordinal) || char.IsDigit(name[^1]))
            .ToList();

        Assert.That(invented, Is.Empty);
    }

    [TestCaseSource(nameof(Versions))]
    public void NoPropertyHasANumericSuffixItsJsonNameLacks(string version, Assembly assembly, int snapshotOperations)
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
