using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using JiraSdk.Errors;
using JiraSdk.Issues;
using JiraSdk.Serialization;
using RichardSzalay.MockHttp;

namespace JiraSdk.Tests.Issues;

public record Sprint(int Id, string Name);

[JsonSerializable(typeof(List<Sprint>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public partial class IssueTestJson : JsonSerializerContext;

/// <summary>
/// The one issue read model: the generated <c>IssueBean.Fields</c> of every API is <see cref="IssueFields"/>, with typed
/// accessors, dictionary access to every field, tolerant reading reported through the schema diagnostics, and a lossless
/// write-back.
/// </summary>
public class IssueFieldsTests
{
    private const string IssueJson = """
    {
      "id": "10001", "key": "DOCS-1", "self": "https://example.atlassian.net/rest/api/3/issue/10001",
      "expand": "renderedFields,names",
      "names": { "summary": "Summary", "customfield_10016": "Story Points", "customfield_10020": "Sprint", "customfield_10030": "Team", "customfield_10031": "team" },
      "fields": {
        "summary": "Write the README",
        "status": { "id": "3", "name": "In Progress", "statusCategory": { "key": "indeterminate" } },
        "issuetype": { "id": "10002", "name": "Task", "subtask": false },
        "project": { "id": "10000", "key": "DOCS", "name": "Documentation" },
        "assignee": { "accountId": "5b10ac8d82e05b22cc7d4ef5", "displayName": "Mia Krystof", "active": true },
        "reporter": { "name": "jsmith", "key": "JIRAUSER10100", "displayName": "John Smith" },
        "priority": { "id": "2", "name": "High" },
        "labels": ["docs", "q4"],
        "created": "2024-01-31T09:15:00.000+0100",
        "updated": "2024-02-01T10:00:00.000+0000",
        "resolutiondate": null,
        "duedate": "2024-06-30",
        "description": { "type": "doc", "version": 1, "content": [ { "type": "paragraph", "content": [ { "type": "text", "text": "Hello " }, { "type": "text", "text": "world", "marks": [ { "type": "strong" } ] } ] } ] },
        "customfield_10016": 5.0,
        "customfield_10020": [ { "id": 7, "name": "Sprint 7" } ],
        "customfield_10030": "free text",
        "customfield_99999": { "unknown": ["shape", 1, true] }
      }
    }
    """;

    /// <summary>Reads <paramref name="json"/> as the generated v3 client does, with <paramref name="diagnostics"/> attached.</summary>
    private static async Task<V3.IssueBean> GetV3Async(string json, JiraSchemaDiagnostics? diagnostics = null)
    {
        var network = new MockHttpMessageHandler();
        network.When("https://example.atlassian.net/rest/api/3/issue/DOCS-1").Respond("application/json", json);
        using var http = new HttpClient(new JiraSchemaDiagnosticsHandler(diagnostics ?? new JiraSchemaDiagnostics()) { InnerHandler = network })
        {
            BaseAddress = new Uri("https://example.atlassian.net/"),
        };
        return await new V3.JiraApiV3(http).Issues.GetIssueAsync("DOCS-1");
    }

    [Test]
    public async Task TheGeneratedIssueBeanReadsItsFieldsThroughTypedAccessors()
    {
        var issue = await GetV3Async(IssueJson);
        var fields = issue.Fields!;

        Assert.That(issue.Key, Is.EqualTo("DOCS-1"));
        Assert.That(fields.Summary, Is.EqualTo("Write the README"));
        Assert.That(fields.Status!.Value.Name, Is.EqualTo("In Progress"));
        Assert.That(fields.Status!.Value.CategoryKey, Is.EqualTo("indeterminate"));
        Assert.That(fields.IssueType!.Value.Name, Is.EqualTo("Task"));
        Assert.That(fields.IssueType!.Value.IsSubtask, Is.False);
        Assert.That(fields.Project!.Value.Key, Is.EqualTo("DOCS"));
        Assert.That(fields.Assignee!.Value.AccountId, Is.EqualTo("5b10ac8d82e05b22cc7d4ef5"));
        Assert.That(fields.Assignee!.Value.Active, Is.True);
        Assert.That(fields.Reporter!.Value.Name, Is.EqualTo("jsmith"));
        Assert.That(fields.Reporter!.Value.Key, Is.EqualTo("JIRAUSER10100"));
        Assert.That(fields.Priority!.Value.Name, Is.EqualTo("High"));
        Assert.That(fields.Labels, Is.EqualTo(new[] { "docs", "q4" }));
        Assert.That(fields.Created, Is.EqualTo(new DateTimeOffset(2024, 1, 31, 9, 15, 0, TimeSpan.FromHours(1))));
        Assert.That(fields.Updated, Is.EqualTo(new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.Zero)));
        Assert.That(fields.ResolutionDate, Is.Null);
        Assert.That(fields.DueDate, Is.EqualTo(new DateTime(2024, 6, 30)));
        Assert.That(fields.Description!.ToMarkdown(), Is.EqualTo("Hello **world**"));
        Assert.That(fields.Description!.ToPlainText(), Is.EqualTo("Hello world"));
    }

    [Test]
    public async Task TypedAccessorsReadTheFieldsTextWhateverItsEscapesRepeatsAndEdits()
    {
        var issue = await GetV3Async("""
            { "key": "DOCS-1", "fields": {
              "summ\u0061ry": "Esc\u00e4ped \"title\"",
              "status": { "n\u0061me": "First", "id": "3", "name": "Last", "statusCategory": { "key": "done" } },
              "issuetype": { "subtask": true, "name": "Sub-task" },
              "assignee": null,
              "priority": { "id": "2", "name": null } } }
            """);
        var fields = issue.Fields!;

        Assert.That(fields.Summary, Is.EqualTo("Escäped \"title\""));
        Assert.That(fields.Status!.Value.Name, Is.EqualTo("Last"), "a repeated property reads as its last value, as JsonElement does");
        Assert.That(fields.Status!.Value.CategoryKey, Is.EqualTo("done"));
        Assert.That(fields.Status!.Value.Json.GetProperty("id").GetString(), Is.EqualTo("3"));
        Assert.That(fields.IssueType!.Value.IsSubtask, Is.True);
        Assert.That(fields.Assignee, Is.Null);
        Assert.That(fields.Priority!.Value.Name, Is.Null);
        Assert.That(fields.Priority!.Value.ToString(), Is.EqualTo("2"));

        fields["status"] = JsonDocument.Parse("""{ "name": "Edited" }""").RootElement;
        Assert.That(fields.Status!.Value.Name, Is.EqualTo("Edited"), "after an edit the dictionary is read");
        Assert.That(fields.Summary, Is.EqualTo("Escäped \"title\""));
    }

    [Test]
    public void V2AndDataCenterIssuesHaveTheSameAccessorsAndTheirWikiDescriptionsReadAsDocuments()
    {
        var json = IssueJson.Replace(
            """{ "type": "doc", "version": 1, "content": [ { "type": "paragraph", "content": [ { "type": "text", "text": "Hello " }, { "type": "text", "text": "world", "marks": [ { "type": "strong" } ] } ] } ] }""",
            "\"Hello *world*\"", StringComparison.Ordinal);
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);

        IJiraIssue[] issues =
        [
            JsonSerializer.Deserialize<V2.IssueBean>(json, options)!,
            JsonSerializer.Deserialize<DataCenter.IssueBean>(json, options)!,
            JsonSerializer.Deserialize<Agile.IssueBean>(json, options)!,
        ];

        foreach (var issue in issues)
        {
            Assert.That(issue.Key, Is.EqualTo("DOCS-1"), issue.GetType().FullName);
            Assert.That(issue.Fields!.Summary, Is.EqualTo("Write the README"));
            Assert.That(issue.Fields.Status?.Name, Is.EqualTo("In Progress"));
            Assert.That(issue.Fields.Description!.ToMarkdown(), Is.EqualTo("Hello **world**"));
        }
    }

    [Test]
    public async Task CustomFieldsReadByIdAndUnknownOnesAreKept()
    {
        var fields = (await GetV3Async(IssueJson)).Fields!;

        Assert.That(fields.GetNumber("customfield_10016"), Is.EqualTo(5.0));
        Assert.That(fields.GetString("customfield_10030"), Is.EqualTo("free text"));
        Assert.That(fields.GetField("customfield_10020", IssueTestJson.Default.ListSprint), Is.EqualTo(new[] { new Sprint(7, "Sprint 7") }));
        Assert.That(fields.GetField("customfield_99999")!.Value.GetRawText(), Is.EqualTo("{ \"unknown\": [\"shape\", 1, true] }"));
        Assert.That(fields.FieldIds, Does.Contain("customfield_99999"));
        Assert.That(fields.GetField("customfield_00000"), Is.Null);
    }

    [Test]
    public async Task CustomFieldsReadByNameThroughTheNamesExpansion()
    {
        var issue = await GetV3Async(IssueJson);
        var names = IssueFieldNames.FromNames(issue.Names!);

        Assert.That(issue.Fields!.GetFieldByName(names, "Story Points")!.Value.GetDouble(), Is.EqualTo(5.0));
        Assert.That(issue.Fields.GetFieldByName(names, "story points")!.Value.GetDouble(), Is.EqualTo(5.0), "names match ignoring case when only one does");
        Assert.That(issue.Fields.GetFieldByName(names, "customfield_10016")!.Value.GetDouble(), Is.EqualTo(5.0), "an id is its own name");
        Assert.That(names.IdOf("Team"), Is.EqualTo("customfield_10030"), "an exact match wins over one that differs in case");
        Assert.That(names.TryGetId("TEAM", out _), Is.False, "two fields are 'team' ignoring case");
        Assert.That(() => names.IdOf("TEAM"), Throws.TypeOf<JiraFieldException>().With.Message.Contains("customfield_10030, customfield_10031"));
        Assert.That(() => names.IdOf("Nope"), Throws.TypeOf<JiraFieldException>().With.Message.Contains("No field is named 'Nope'"));
    }

    [Test]
    public async Task CustomFieldsReadByNameThroughTheFieldsApi()
    {
        var network = new MockHttpMessageHandler();
        network.When("https://example.atlassian.net/rest/api/3/field")
            .Respond("application/json", """[{"id":"summary","name":"Summary"},{"id":"customfield_10016","name":"Story Points","custom":true}]""");
        network.When("https://example.atlassian.net/rest/api/3/issue/DOCS-1").Respond("application/json", IssueJson);
        using var jira = new JiraClient(JiraSdk.Tests.Http.Support.TestPipeline.Create(network, new Microsoft.Extensions.Time.Testing.FakeTimeProvider()));

        var names = await jira.V3.GetFieldNamesAsync();
        var issue = await jira.V3.Issues.GetIssueAsync("DOCS-1");

        Assert.That(issue.Fields!.GetNumber(names.IdOf("Story Points")), Is.EqualTo(5.0));
    }

    [Test]
    public async Task AFieldOfAnUnexpectedShapeReadsAsNullAndIsReportedOncePerPath()
    {
        var diagnostics = new JiraSchemaDiagnostics();
        var reported = new List<JiraSchemaMismatch>();
        diagnostics.MismatchFound += reported.Add;
        var issue = await GetV3Async("""
            { "key": "DOCS-1", "fields": { "summary": 42, "assignee": "jsmith", "status": { "name": 3 }, "labels": ["a", 7],
              "created": "yesterday", "duedate": "30/06/2024", "description": [1], "customfield_1": "x" } }
            """, diagnostics);
        var fields = issue.Fields!;

        Assert.That(fields.Summary, Is.Null);
        Assert.That(fields.Summary, Is.Null);
        Assert.That(fields.Assignee, Is.Null);
        Assert.That(fields.Status!.Value.Name, Is.Null);
        Assert.That(fields.Labels, Is.EqualTo(new[] { "a" }));
        Assert.That(fields.Created, Is.Null);
        Assert.That(fields.DueDate, Is.Null);
        Assert.That(fields.Description, Is.Null);
        Assert.That(fields.GetNumber("customfield_1"), Is.Null);
        Assert.That(fields.GetField("customfield_1", IssueTestJson.Default.ListSprint), Is.Null);
        Assert.That(fields.GetField("summary")!.Value.GetInt32(), Is.EqualTo(42), "the raw JSON stays readable");

        Assert.That(reported.Select(m => m.JsonPath), Is.EqualTo(new[]
        {
            "$.fields.summary", "$.fields.assignee", "$.fields.status.name", "$.fields.labels[1]", "$.fields.created",
            "$.fields.duedate", "$.fields.description", "$.fields.customfield_1", "$.fields.customfield_1",
        }), "reported once per path and expected type (customfield_1 was read as a number and as a list of sprints); the second read of the summary is not reported again");
        Assert.That(reported.Select(m => m.Kind).Distinct(), Is.EqualTo(new[] { JiraSchemaMismatchKind.UnexpectedFieldShape }));
        Assert.That(reported[0].ExpectedType, Is.EqualTo("a string"));
        Assert.That(reported[0].ResponseType, Is.EqualTo("IssueBean"));
        Assert.That(reported[0].RequestPath, Is.EqualTo("/rest/api/3/issue/DOCS-1"));
        Assert.That(string.Join("\n", reported), Does.Not.Contain("jsmith").And.Not.Contain("yesterday"), "never the value");
    }

    [Test]
    public async Task InStrictModeAFieldOfAnUnexpectedShapeIsAFieldError()
    {
        var issue = await GetV3Async("""{ "fields": { "summary": 42, "assignee": "jsmith" } }""", new JiraSchemaDiagnostics { Strict = true });

        Assert.That(() => issue.Fields!.Summary, Throws.TypeOf<JiraFieldException>().With.Property("FieldId").EqualTo("summary"));
        Assert.That(() => issue.Fields!.Assignee, Throws.TypeOf<JiraFieldException>().With.Property("FieldId").EqualTo("assignee"));
    }

    [Test]
    public async Task FieldsAreWrittenBackExactlyAsReadWithEditsApplied()
    {
        var issue = await GetV3Async(IssueJson);
        var options = new JsonSerializerOptions();
        JiraJson.Configure(options);

        var written = JsonNode.Parse(JsonSerializer.Serialize(issue, options))!["fields"];
        Assert.That(JsonNode.DeepEquals(written, JsonNode.Parse(IssueJson)!["fields"]), Is.True, written!.ToJsonString());

        issue.Fields!["summary"] = "Edited";
        issue.Fields.Remove("customfield_99999");
        var edited = JsonNode.Parse(JsonSerializer.Serialize(issue, options))!["fields"]!;
        Assert.That(edited["summary"]!.GetValue<string>(), Is.EqualTo("Edited"));
        Assert.That(edited.AsObject().ContainsKey("customfield_99999"), Is.False);
        Assert.That(edited["resolutiondate"], Is.Null);
        Assert.That(edited.AsObject().ContainsKey("resolutiondate"), Is.True, "a JSON null field is written back as null");
        Assert.That(issue.Fields.Summary, Is.EqualTo("Edited"));
    }

    [Test]
    public async Task DictionaryAccessKeepsWorkingAsForTheGeneratedDictionary()
    {
        var fields = (await GetV3Async(IssueJson)).Fields!;
        IDictionary<string, object> dictionary = fields;

        Assert.That(((JsonElement)dictionary["summary"]).GetString(), Is.EqualTo("Write the README"));
        Assert.That(dictionary["resolutiondate"], Is.Null);
        Assert.That(dictionary.TryGetValue("customfield_10016", out var points) && ((JsonElement)points).GetDouble() == 5.0, Is.True);
        Assert.That(dictionary.ContainsKey("nope"), Is.False);
        Assert.That(() => dictionary["nope"], Throws.TypeOf<KeyNotFoundException>());
        Assert.That(dictionary.Keys, Has.Count.EqualTo(fields.Count).And.Contains("customfield_99999"));
    }

    [TestCase("th-TH")]
    [TestCase("fa-IR")]
    [TestCase("ar-SA")]
    [TestCase("tr-TR")]
    public async Task DatesReadTheSameWhateverTheCurrentCulture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var fields = (await GetV3Async(IssueJson)).Fields!;

            Assert.That(fields.Created, Is.EqualTo(new DateTimeOffset(2024, 1, 31, 9, 15, 0, TimeSpan.FromHours(1))));
            Assert.That(fields.DueDate, Is.EqualTo(new DateTime(2024, 6, 30)));
            Assert.That(fields.GetNumber("customfield_10016"), Is.EqualTo(5.0));
            Assert.That(IssueFieldNames.FromNames(new Dictionary<string, string> { ["customfield_1"] = "İD" }).TryGetId("id", out _), Is.False,
                "names are folded invariantly, not by the Turkish rules");
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = before;
        }
    }

    [Test]
    public void AbsentAndNullFieldsReadAsNull()
    {
        using var json = JsonDocument.Parse("""{ "assignee": null, "labels": [] }""");
        var fields = new IssueFields(json.RootElement);

        Assert.That(fields.Assignee, Is.Null);
        Assert.That(fields.Summary, Is.Null);
        Assert.That(fields.Created, Is.Null);
        Assert.That(fields.Description, Is.Null);
        Assert.That(fields.Labels, Is.Empty);
    }

    [Test]
    public async Task AnIssueWithoutFieldsHasNone()
    {
        var issue = await GetV3Async("""{ "id": "1", "key": "DOCS-3" }""");

        Assert.That(issue.Fields, Is.Null);
        Assert.That(new IssueFields().FieldIds, Is.Empty);
    }

    [Test]
    public async Task FieldsThatAreNotAnObjectLeaveTheIssueReadableAndAreReported()
    {
        var diagnostics = new JiraSchemaDiagnostics();
        var reported = new List<JiraSchemaMismatch>();
        diagnostics.MismatchFound += reported.Add;

        var issue = await GetV3Async("""{ "key": "DOCS-1", "fields": ["summary"] }""", diagnostics);

        Assert.That(issue.Key, Is.EqualTo("DOCS-1"));
        Assert.That(issue.Fields, Is.Null);
        Assert.That(reported.Single().JsonPath, Is.EqualTo("$.fields"));
    }
}
