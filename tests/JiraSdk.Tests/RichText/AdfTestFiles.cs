using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.RichText;

namespace JiraSdk.Tests.RichText;

/// <summary>The ADF schema and real ADF documents: the specs' examples and the webhook fixtures.</summary>
internal static class AdfTestFiles
{
    private static readonly Lazy<string> SchemaText = new(() => File.ReadAllText(Path.Combine(SpecsDir, "..", "adf", "full.json")));
    private static readonly Lazy<AdfSchema> LoadedSchema = new(() => AdfSchema.Load(SchemaText.Value));

    public static string SpecsDir =>
        typeof(AdfTestFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "JiraSpecsDir").Value!;

    public static JsonObject SchemaJson => (JsonObject)JsonNode.Parse(SchemaText.Value)!;

    public static AdfSchema Schema => LoadedSchema.Value;

    /// <summary>Every <c>doc</c> object inside the v3 spec's examples (JSON strings holding JSON) and the webhook fixtures.</summary>
    public static IEnumerable<TestCaseData> RealDocuments()
    {
        var found = new List<(string Name, string Json)>();
        using (var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecsDir, "jira-platform-v3.json"))))
            CollectExamples(spec.RootElement, "v3", found);
        var fixtures = Path.Combine(RepositoryRoot(), "tests", "JiraSdk.Webhooks.Tests", "Fixtures");
        foreach (var file in Directory.EnumerateFiles(fixtures, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            CollectDocs(JsonNode.Parse(File.ReadAllText(file)), Path.GetFileName(file), found);
        return found.Select((doc, i) => new TestCaseData(doc.Json).SetName($"{{m}}({doc.Name} #{i})"));
    }

    private static void CollectExamples(JsonElement element, string path, List<(string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) CollectExamples(property.Value, path, found);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) CollectExamples(item, path, found);
                break;
            case JsonValueKind.String when element.GetString() is { } text && text.Contains("\"doc\"", StringComparison.Ordinal):
                try
                {
                    CollectDocs(JsonNode.Parse(text), path + " example", found);
                }
                catch (JsonException)
                {
                    // Not JSON: prose that mentions a doc.
                }
                break;
        }
    }

    private static void CollectDocs(JsonNode? node, string name, List<(string, string)> found)
    {
        switch (node)
        {
            case JsonObject obj when obj["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String && t.GetValue<string>() == "doc":
                found.Add((name, obj.ToJsonString()));
                break;
            case JsonObject obj:
                foreach (var property in obj) CollectDocs(property.Value, name, found);
                break;
            case JsonArray array:
                foreach (var item in array) CollectDocs(item, name, found);
                break;
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "JiraSdk.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("JiraSdk.sln not found above " + AppContext.BaseDirectory);
    }
}
