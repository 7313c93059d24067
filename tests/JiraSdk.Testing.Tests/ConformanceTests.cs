using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;

namespace JiraSdk.Testing.Tests;

/// <summary>
/// The JSON the sandbox serves for the main operations validates against the response schemas of Atlassian's
/// OpenAPI specs (../shared/specs), checked with JsonSchema.Net; and the generated clients read the same responses.
/// </summary>
/// <remarks>
/// The specs are OpenAPI 3.0: their schemas become a JSON Schema 2020-12 document with every component schema under
/// <c>$defs</c> (<c>$ref</c>s rewritten) and <c>nullable: true</c> turned into a <c>"null"</c> type. Formats are
/// annotations only, as Jira's own date-times (<c>+0000</c>) are not RFC 3339.
/// </remarks>
public sealed class ConformanceTests
{
    private static readonly string SpecsDirectory = FindSpecs();
    private JiraSandbox _sandbox = null!;
    private HttpClient _http = null!;
    private JsonObject _v3 = null!;
    private JsonObject _v2 = null!;
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private string _key = null!;

    private static string FindSpecs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "specs");
            if (File.Exists(Path.Combine(candidate, "jira-platform-v3.json"))) return Path.GetFullPath(candidate);
        }
        return "/work/shared/specs";
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(Path.Combine(SpecsDirectory, "jira-platform-v3.json"))) Assert.Ignore("The Atlassian specs (../shared/specs) are not beside the repository.");
        _v3 = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SpecsDirectory, "jira-platform-v3.json")))!;
        _v2 = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SpecsDirectory, "jira-platform-v2.json")))!;
        _sandbox = await JiraSandbox.StartAsync();
        _http = SandboxHttp.Create(_sandbox);
        var created = await SendAsync(HttpMethod.Post, "rest/api/3/issue", new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "DOCS" }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = "Conformance",
                ["assignee"] = new JsonObject { ["accountId"] = _sandbox.Credentials.AccountId }, ["labels"] = new JsonArray("spec"),
                ["customfield_10012"] = new JsonObject { ["accountId"] = _sandbox.Credentials.AccountId },
            },
        });
        _key = (string)created["key"]!;
        await SendAsync(HttpMethod.Post, $"rest/api/2/issue/{_key}/comment", new JsonObject { ["body"] = "A comment" });
        await SendAsync(HttpMethod.Post, $"rest/api/2/issue/{_key}/worklog", new JsonObject { ["timeSpent"] = "2h" });
        await SendAsync(HttpMethod.Put, $"rest/api/2/issue/{_key}", new JsonObject { ["fields"] = new JsonObject { ["summary"] = "Conformance, edited" } });
        await SendAsync(HttpMethod.Post, "rest/api/3/issueLink", new JsonObject
        {
            ["type"] = new JsonObject { ["name"] = "Relates" }, ["inwardIssue"] = new JsonObject { ["key"] = "DOCS-1" }, ["outwardIssue"] = new JsonObject { ["key"] = _key },
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http?.Dispose();
        if (_sandbox is not null) await _sandbox.DisposeAsync();
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>The response schema of an operation, as a JSON Schema with the spec's components under $defs.</summary>
    private JsonSchema SchemaFor(int version, string path, string method, string status)
    {
        var cacheKey = $"{version} {method} {path} {status}";
        if (_schemas.TryGetValue(cacheKey, out var cached)) return cached;
        var spec = version == 3 ? _v3 : _v2;
        var response = spec["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!;
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://jirasdk.test/conformance/{Guid.NewGuid():N}",
            ["$defs"] = ToJsonSchema(spec["components"]!["schemas"]!),
        };
        foreach (var (name, value) in (JsonObject)ToJsonSchema(response)) document[name] = value?.DeepClone();
        var schema = JsonSchema.FromText(document.ToJsonString());
        _schemas[cacheKey] = schema;
        return schema;
    }

    private static JsonNode ToJsonSchema(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
            {
                var result = new JsonObject();
                foreach (var (name, value) in o)
                {
                    if (name is "nullable" or "discriminator" or "example" or "xml") continue;
                    if (name == "$ref" && value is JsonValue r && ((string?)r)!.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                        result[name] = "#/$defs/" + ((string)r!)["#/components/schemas/".Length..];
                    else result[name] = value is null ? null : ToJsonSchema(value);
                }
                if (o["nullable"] is JsonValue n && n.GetValue<bool>())
                {
                    if (result["type"] is JsonValue t) result["type"] = new JsonArray((string)t!, "null");
                    else if (result.ContainsKey("$ref") || result.ContainsKey("allOf"))
                    {
                        var inner = new JsonObject();
                        foreach (var (k, v) in result.ToList()) { result.Remove(k); inner[k] = v; }
                        result["anyOf"] = new JsonArray(inner, new JsonObject { ["type"] = "null" });
                    }
                }
                return result;
            }
            case JsonArray a:
                return new JsonArray(a.Select(i => i is null ? null : ToJsonSchema(i)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private void AssertValid(JsonNode instance, int version, string path, string method = "get", string status = "200")
    {
        var result = SchemaFor(version, path, method, status).Evaluate(System.Text.Json.JsonDocument.Parse(instance.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")).Take(15);
        Assert.That(result.IsValid, Is.True, $"{method.ToUpperInvariant()} {path} (v{version}):\n" + string.Join("\n", errors));
    }

    private static IEnumerable<TestCaseData> Reads()
    {
        foreach (var v in new[] { 2, 3 })
        {
            yield return new TestCaseData(v, "myself", "/rest/api/{0}/myself");
            yield return new TestCaseData(v, "serverInfo", "/rest/api/{0}/serverInfo");
            yield return new TestCaseData(v, "project/search", "/rest/api/{0}/project/search");
            yield return new TestCaseData(v, "project/DOCS", "/rest/api/{0}/project/{{projectIdOrKey}}");
            yield return new TestCaseData(v, "issuetype", "/rest/api/{0}/issuetype");
            yield return new TestCaseData(v, "field", "/rest/api/{0}/field");
            yield return new TestCaseData(v, "status", "/rest/api/{0}/status");
            yield return new TestCaseData(v, "statuses/search?maxResults=2", "/rest/api/{0}/statuses/search");
            yield return new TestCaseData(v, "statuses/search?searchString=hold&statusCategory=TODO", "/rest/api/{0}/statuses/search");
            yield return new TestCaseData(v, "priority", "/rest/api/{0}/priority");
            yield return new TestCaseData(v, "issue/createmeta/DOCS/issuetypes", "/rest/api/{0}/issue/createmeta/{{projectIdOrKey}}/issuetypes");
            yield return new TestCaseData(v, "issue/createmeta/DOCS/issuetypes/10001", "/rest/api/{0}/issue/createmeta/{{projectIdOrKey}}/issuetypes/{{issueTypeId}}");
            yield return new TestCaseData(v, "issue/{key}?expand=renderedFields,names,schema,transitions,changelog", "/rest/api/{0}/issue/{{issueIdOrKey}}");
            yield return new TestCaseData(v, "issue/{key}/transitions", "/rest/api/{0}/issue/{{issueIdOrKey}}/transitions");
            yield return new TestCaseData(v, "issue/{key}/comment", "/rest/api/{0}/issue/{{issueIdOrKey}}/comment");
            yield return new TestCaseData(v, "issue/{key}/worklog", "/rest/api/{0}/issue/{{issueIdOrKey}}/worklog");
            yield return new TestCaseData(v, "issue/{key}/changelog", "/rest/api/{0}/issue/{{issueIdOrKey}}/changelog");
            yield return new TestCaseData(v, "issueLinkType", "/rest/api/{0}/issueLinkType");
            yield return new TestCaseData(v, "user/search?query=bob", "/rest/api/{0}/user/search");
            yield return new TestCaseData(v, "search/jql?jql=project%3DDOCS&fields=*all&expand=renderedFields&maxResults=5", "/rest/api/{0}/search/jql");
            yield return new TestCaseData(v, "search/jql?jql=project%3DDOCS", "/rest/api/{0}/search/jql");
        }
    }

    [TestCaseSource(nameof(Reads))]
    public async Task Read_responses_validate_against_the_spec(int version, string relative, string specPath)
    {
        var instance = await SendAsync(HttpMethod.Get, $"rest/api/{version}/" + relative.Replace("{key}", _key, StringComparison.Ordinal));
        AssertValid(instance, version, string.Format(System.Globalization.CultureInfo.InvariantCulture, specPath, version));
    }

    [Test]
    public async Task Write_responses_validate_against_the_spec()
    {
        var created = await SendAsync(HttpMethod.Post, "rest/api/3/issue", new JsonObject
        {
            ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "DOCS" }, ["issuetype"] = new JsonObject { ["name"] = "Bug" }, ["summary"] = "Written" },
        });
        AssertValid(created, 3, "/rest/api/3/issue", "post", "201");
        var comment = await SendAsync(HttpMethod.Post, $"rest/api/3/issue/{_key}/comment", new JsonObject { ["body"] = RichTextDoc("Hello") });
        AssertValid(comment, 3, "/rest/api/3/issue/{issueIdOrKey}/comment", "post", "201");
        var worklog = await SendAsync(HttpMethod.Post, $"rest/api/3/issue/{_key}/worklog", new JsonObject { ["timeSpentSeconds"] = 60 });
        AssertValid(worklog, 3, "/rest/api/3/issue/{issueIdOrKey}/worklog", "post", "201");
        var count = await SendAsync(HttpMethod.Post, "rest/api/3/search/approximate-count", new JsonObject { ["jql"] = "project = DOCS" });
        AssertValid(count, 3, "/rest/api/3/search/approximate-count", "post");
        var search = await SendAsync(HttpMethod.Post, "rest/api/3/search/jql", new JsonObject { ["jql"] = "project = DOCS", ["fields"] = new JsonArray("summary", "status") });
        AssertValid(search, 3, "/rest/api/3/search/jql", "post");
    }

    private static JsonObject RichTextDoc(string text) => new()
    {
        ["type"] = "doc", ["version"] = 1,
        ["content"] = new JsonArray(new JsonObject { ["type"] = "paragraph", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }) }),
    };

    [Test]
    public async Task Generated_clients_read_the_responses()
    {
        var v3 = _sandbox.Client.V3;
        var issue = await v3.Issues.GetIssueAsync(_key, expand: "renderedFields,changelog,names,transitions");
        Assert.That(issue.Key, Is.EqualTo(_key));
        Assert.That(issue.Changelog!.Histories, Is.Not.Empty);
        Assert.That((await v3.Issues.GetTransitionsAsync(_key)).Transitions, Is.Not.Empty);
        Assert.That((await v3.IssueComments.GetCommentsAsync(_key)).Comments, Is.Not.Empty);
        Assert.That((await v3.IssueWorklogs.GetIssueWorklogAsync(_key)).Worklogs, Is.Not.Empty);
        Assert.That((await v3.Issues.GetChangeLogsAsync(_key)).Values, Is.Not.Empty);
        var page = await v3.IssueSearch.SearchAndReconsileIssuesUsingJqlAsync("project = DOCS", maxResults: 3, fields: new[] { "summary" });
        Assert.That(page.Issues, Has.Count.EqualTo(3));
        Assert.That(page.NextPageToken, Is.Not.Null);
        Assert.That((await v3.Projects.GetProjectAsync("DOCS")).Key, Is.EqualTo("DOCS"));
        Assert.That((await v3.ServerInfo.GetServerInfoAsync()).DeploymentType, Is.EqualTo("Cloud"));
        var v2Issue = await _sandbox.Client.V2.Issues.GetIssueAsync(_key);
        Assert.That(v2Issue.Fields!["description"], Is.Null);
        Assert.That((await _sandbox.Client.V2.IssueLinkTypes.GetIssueLinkTypesAsync()).IssueLinkTypes, Has.Count.EqualTo(4));
    }
}
