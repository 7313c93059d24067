using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Serialization;
using JiraSdk.Tests.Generated.Support;

namespace JiraSdk.Tests.Generated;

/// <summary>
/// Every GET operation of each spec, called through the generated client against a mock that answers with random data
/// valid against the operation's response schema in Atlassian's (unpatched) spec: nothing may fail to deserialize, and
/// the only mismatches reported are the ones our patches expect (a single object where a patch declares the list Jira sends).
/// </summary>
[Parallelizable(ParallelScope.Self)]
public class SchemaValidResponseTests
{
    private const int Rounds = 4;

    // Operations whose response the patches in specs/patches redeclare as a list; the raw spec's single object still reads.
    private static readonly HashSet<string> PatchedToList = new(StringComparer.Ordinal) { "getRemoteIssueLinks", "getWorkflowTransitionProperties" };

    public static IEnumerable<TestCaseData> Versions()
    {
        yield return new TestCaseData("v2", typeof(JiraSdk.V2.JiraApiV2).Assembly).SetArgDisplayNames("v2");
        yield return new TestCaseData("v3", typeof(JiraSdk.V3.JiraApiV3).Assembly).SetArgDisplayNames("v3");
    }

    [TestCaseSource(nameof(Versions))]
    public async Task EveryGetOperationReadsSchemaValidRandomData(string version, Assembly assembly)
    {
        var specPath = Path.Combine(CoverageTests.SpecsDirectory, $"jira-platform-{version}.json");
        if (!File.Exists(specPath)) Assert.Ignore($"{specPath} is not here; the build downloaded it elsewhere.");
        using var spec = JsonDocument.Parse(File.ReadAllBytes(specPath), new JsonDocumentOptions { MaxDepth = 256 });
        var tags = CoverageTests.ReadOperations(specPath).ToDictionary(o => o.OperationId, o => o.Tag);
        var responder = new Responder();
        var diagnostics = new JiraSchemaDiagnostics();
        var current = "";
        var mismatches = new List<string>();
        diagnostics.MismatchFound += mismatch =>
        {
            if (!(PatchedToList.Contains(current) && mismatch.Kind == JiraSchemaMismatchKind.SingleValueForList && mismatch.JsonPath == "$"))
                mismatches.Add($"{current}: {mismatch}");
        };
        using var http = new HttpClient(new JiraSchemaDiagnosticsHandler(diagnostics) { InnerHandler = responder }) { BaseAddress = new Uri("https://example.atlassian.net/") };
        var failures = new List<string>();
        var called = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var generator = new SchemaInstanceGenerator(spec.RootElement, new Random(round));
            foreach (var (operationId, status, schema) in JsonGetOperations(spec.RootElement))
            {
                var (client, method) = Find(assembly, version, tags[operationId], operationId);
                current = operationId;
                var body = generator.Generate(schema);
                responder.Next = (status, body?.ToJsonString() ?? "null");
                try
                {
                    await (Task)method.Invoke(client(http), Arguments(method))!;
                    called++;
                }
                catch (Exception error)
                {
                    failures.Add($"{operationId} (round {round}): {error.GetType().Name}: {error.Message}");
                }
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(called, Is.GreaterThan(200 * Rounds), "GET operations called");
        Assert.That(mismatches, Is.Empty, "schema-valid data matches the spec, apart from the shapes our patches correct");
    }

    /// <summary>GET operations with a JSON success response, with its status and schema.</summary>
    private static IEnumerable<(string OperationId, int Status, JsonElement Schema)> JsonGetOperations(JsonElement spec)
    {
        foreach (var path in spec.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("responses", out var responses)) continue;
            foreach (var response in responses.EnumerateObject())
            {
                if (!response.Name.StartsWith('2') || !response.Value.TryGetProperty("content", out var content)) continue;
                if (!content.TryGetProperty("application/json", out var json) || !json.TryGetProperty("schema", out var schema)) continue;
                if (schema.TryGetProperty("$ref", out var reference) && reference.GetString()!.EndsWith("/StreamingResponseBody", StringComparison.Ordinal)) continue;
                yield return (get.GetProperty("operationId").GetString()!, int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture), schema);
                break;
            }
        }
    }

    private static (Func<HttpClient, object> Client, MethodInfo Method) Find(Assembly assembly, string version, string tag, string operationId)
    {
        var clientType = assembly.GetType($"JiraSdk.{version.ToUpperInvariant()}.{CoverageTests.ClientName(tag)}Client")
            ?? throw new InvalidOperationException($"no client for tag {tag}");
        var method = clientType.GetMethods().Single(m => m.Name == CoverageTests.Pascal(operationId) + "Async" && m.DeclaringType == clientType);
        return (http => Activator.CreateInstance(clientType, http)!, method);
    }

    private static object?[] Arguments(MethodInfo method) => method.GetParameters().Select(p =>
    {
        if (p.ParameterType == typeof(CancellationToken)) return CancellationToken.None;
        if (p.IsOptional) return p.DefaultValue is DBNull ? null : p.DefaultValue;
        return SampleOf(p.ParameterType);
    }).ToArray();

    private static object? SampleOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "10000";
        if (type == typeof(int)) return 1;
        if (type == typeof(long)) return 1L;
        if (type == typeof(bool)) return true;
        if (type == typeof(Guid)) return Guid.Empty;
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0);
        if (type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetValue(null) is System.Collections.IList known)
            return known[0];
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            return System.Array.CreateInstance(type.GetGenericArguments()[0], 0);
        return Activator.CreateInstance(type);
    }

    private sealed class Responder : HttpMessageHandler
    {
        public (int Status, string Body) Next { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage((HttpStatusCode)Next.Status)
            {
                RequestMessage = request,
                Content = new StringContent(Next.Body, Encoding.UTF8, "application/json"),
            });
    }
}
