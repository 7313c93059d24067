using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Raw;
using JiraSdk.Serialization;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Issues;

/// <summary>
/// Issue fields kept as their text (Utf8JsonObject) read what the reader that read the body accepted: large objects, a page
/// whose pooled body is reused, and the lenient options (trailing commas, deeper nesting) a caller may pass to the raw client.
/// </summary>
public class IssueFieldsTextEdgeTests
{
    private static HttpClient Http(string path, string json)
    {
        var network = new MockHttpMessageHandler();
        network.When("https://example.atlassian.net/" + path).Respond("application/json", json);
        return new HttpClient(new JiraSchemaDiagnosticsHandler(new JiraSchemaDiagnostics()) { InnerHandler = network }) { BaseAddress = new Uri("https://example.atlassian.net/") };
    }

    private static async Task<V3.IssueBean> GetV3Async(string json)
    {
        using var http = Http("rest/api/3/issue/DOCS-1", json);
        return await new V3.JiraApiV3(http).Issues.GetIssueAsync("DOCS-1");
    }

    [Test]
    public async Task FieldsOfHundredsOfKilobytesAndThousandsOfEntriesReadToTheLast()
    {
        var sb = new StringBuilder("{\"key\":\"A-1\",\"fields\":{");
        for (var i = 0; i < 3000; i++) sb.Append("\"customfield_").Append(i).Append("\":\"").Append(new string('x', 100)).Append(i).Append("\",");
        sb.Append("\"summary\":\"last\"}}");
        var issue = await GetV3Async(sb.ToString());
        Assert.That(issue.Fields!.Summary, Is.EqualTo("last"));
        Assert.That(((JsonElement)issue.Fields["customfield_2999"]).GetString(), Does.EndWith("2999"));
        Assert.That(issue.Fields.Count, Is.EqualTo(3001));
    }

    [Test]
    public async Task EachIssueOfAPageKeepsItsOwnFieldsAfterThePooledBodyIsReusedAndReadsThemFromManyThreads()
    {
        var sb = new StringBuilder("{\"issues\":[");
        for (var i = 0; i < 100; i++) sb.Append(i == 0 ? "" : ",").Append("{\"key\":\"A-").Append(i).Append("\",\"fields\":{\"summary\":\"s").Append(i).Append("\",\"status\":{\"name\":\"n").Append(i).Append("\"}}}");
        sb.Append("],\"isLast\":true}");
        var network = new MockHttpMessageHandler();
        network.When("*").Respond("application/json", sb.ToString());
        using var http = new HttpClient(network) { BaseAddress = new Uri("https://example.atlassian.net/") };
        var page = await new V3.JiraApiV3(http).IssueSearch.SearchAndReconsileIssuesUsingJqlAsync("x");
        for (var k = 0; k < 20; k++) { var b = ArrayPool<byte>.Shared.Rent(sb.Length); b.AsSpan().Fill((byte)'!'); ArrayPool<byte>.Shared.Return(b); }
        var issues = page.Issues!.ToList();
        Parallel.For(0, 100, i =>
        {
            Assert.That(issues[i].Fields!.Summary, Is.EqualTo("s" + i));
            Assert.That(issues[i].Fields!.Status!.Value.Name, Is.EqualTo("n" + i));
            Assert.That(issues[i].Fields!.Status!.Value.Json.GetProperty("name").GetString(), Is.EqualTo("n" + i));
        });
        // Many threads reading the same issue's values for the first time share one parsed element per value.
        var shared = issues[99].Fields!;
        var seen = new System.Collections.Concurrent.ConcurrentBag<JsonElement>();
        Parallel.For(0, 64, _ => seen.Add((JsonElement)shared["status"]));
        Assert.That(seen.Select(e => e.GetProperty("name").GetString()), Is.All.EqualTo("n99"));
    }

    [Test]
    public async Task ACallersOptionsAllowingTrailingCommasReadNestedFieldsAndWriteStrictJsonBack()
    {
        using var http = Http("rest/api/3/issue/DOCS-1", """{"key":"A-1","fields":{"summary":"S","status":{"name":"Done",},"labels":["a",],},}""");
        var options = new JsonSerializerOptions { AllowTrailingCommas = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        JiraJson.Configure(options);
        var issue = await new JiraRawClient(http).SendAsync<V3.IssueBean>(HttpMethod.Get, "rest/api/3/issue/DOCS-1", serializerOptions: options);
        Assert.That(issue!.Fields!.Summary, Is.EqualTo("S"));
        Assert.That(issue.Fields.Status!.Value.Name, Is.EqualTo("Done"));
        Assert.That(issue.Fields.Labels, Is.EqualTo(new[] { "a" }));
        var written = JsonSerializer.Serialize(issue, options);
        Assert.That(() => JsonNode.Parse(written), Throws.Nothing, written);
    }

    [Test]
    public async Task ACallersOptionsAllowingDeeperNestingReadDeepFieldValues()
    {
        var deep = new string('[', 100) + new string(']', 100);
        using var http = Http("rest/api/3/issue/DOCS-1", "{\"key\":\"A-1\",\"fields\":{\"summary\":\"S\",\"customfield_1\":" + deep + "}}");
        var options = new JsonSerializerOptions { MaxDepth = 256, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        JiraJson.Configure(options);
        var issue = await new JiraRawClient(http).SendAsync<V3.IssueBean>(HttpMethod.Get, "rest/api/3/issue/DOCS-1", serializerOptions: options);
        Assert.That(issue!.Fields!.Summary, Is.EqualTo("S"));
        Assert.That(((JsonElement)issue.Fields["customfield_1"]).GetArrayLength(), Is.EqualTo(1));
        Assert.That(issue.Fields.Count, Is.EqualTo(2));
    }

    [Test]
    public void FieldsFromAnElementOfALenientlyParsedDocumentAreRead()
    {
        using var document = JsonDocument.Parse("""{"summary":"S",}""", new JsonDocumentOptions { AllowTrailingCommas = true });
        var fields = new JiraSdk.Issues.IssueFields(document.RootElement);
        Assert.That(fields.Summary, Is.EqualTo("S"));
    }
}
