using System.Text.Json;
using System.Text.Json.Serialization;
using JiraSdk.Errors;
using JiraSdk.Issues;

namespace JiraSdk.Tests.Issues;

public record Sprint(int Id, string Name);

[JsonSerializable(typeof(List<Sprint>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public partial class IssueTestJson : JsonSerializerContext;

public class IssueFieldsTests
{
    private const string IssueJson = """
    {
      "id": "10001", "key": "DOCS-1", "self": "https://example.atlassian.net/rest/api/3/issue/10001",
      "expand": "renderedFields",
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
        "description": { "type": "doc", "version": 1, "content": [ { "type": "paragraph", "content": [ { "type": "text", "text": "Hello" } ] } ] },
        "customfield_10016": 5.0,
        "customfield_10020": [ { "id": 7, "name": "Sprint 7" } ],
        "customfield_10030": "free text",
        "customfield_99999": { "unknown": ["shape", 1, true] }
      }
    }
    """;

    private static JiraIssue Parse(string json = IssueJson) => new(JsonDocument.Parse(json).RootElement);

    [Test]
    public void ReadsTheSystemFields()
    {
        var issue = Parse();
        var fields = issue.Fields;

        Assert.That(issue.Key, Is.EqualTo("DOCS-1"));
        Assert.That(issue.Id, Is.EqualTo("10001"));
        Assert.That(issue.Self, Is.EqualTo(new Uri("https://example.atlassian.net/rest/api/3/issue/10001")));
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
        Assert.That(fields.Description!.Value.GetProperty("type").GetString(), Is.EqualTo("doc"));
    }

    [Test]
    public void ReadsCustomFieldsByIdAndKeepsUnknownOnes()
    {
        var fields = Parse().Fields;

        Assert.That(fields.GetNumber("customfield_10016"), Is.EqualTo(5.0));
        Assert.That(fields.GetString("customfield_10030"), Is.EqualTo("free text"));
        Assert.That(fields.GetField("customfield_10020", IssueTestJson.Default.ListSprint), Is.EqualTo(new[] { new Sprint(7, "Sprint 7") }));
        Assert.That(fields.GetField("customfield_99999")!.Value.GetRawText(), Is.EqualTo("{ \"unknown\": [\"shape\", 1, true] }"));
        Assert.That(fields.FieldIds, Does.Contain("customfield_99999"));
        Assert.That(fields.GetField("customfield_00000"), Is.Null);
    }

    [Test]
    public void AbsentAndNullFieldsReadAsNull()
    {
        var fields = Parse("""{ "key": "DOCS-2", "fields": { "assignee": null, "labels": [] } }""").Fields;

        Assert.That(fields.Assignee, Is.Null);
        Assert.That(fields.Summary, Is.Null);
        Assert.That(fields.Created, Is.Null);
        Assert.That(fields.Description, Is.Null);
        Assert.That(fields.Labels, Is.Empty);
    }

    [Test]
    public void AnIssueWithoutFieldsHasEmptyFields()
    {
        var issue = Parse("""{ "id": "1", "key": "DOCS-3" }""");

        Assert.That(issue.Fields.FieldIds, Is.Empty);
        Assert.That(issue.Fields.Summary, Is.Null);
    }

    [Test]
    public void AWrongShapedFieldIsAFieldErrorNamingTheField()
    {
        var fields = Parse("""{ "fields": { "summary": 42, "assignee": "jsmith", "customfield_1": "x" } }""").Fields;

        Assert.That(() => fields.Summary, Throws.TypeOf<JiraFieldException>().With.Property("FieldId").EqualTo("summary"));
        Assert.That(() => fields.Assignee, Throws.TypeOf<JiraFieldException>().With.Property("FieldId").EqualTo("assignee"));
        Assert.That(() => fields.GetNumber("customfield_1"), Throws.TypeOf<JiraFieldException>());
        Assert.That(() => fields.GetField("customfield_1", IssueTestJson.Default.ListSprint), Throws.TypeOf<JiraFieldException>());
    }

    [Test]
    public void ReadsTheFieldsDictionaryOfAGeneratedIssueBean()
    {
        var bean = JsonSerializer.Deserialize<JiraSdk.V3.IssueBean>(IssueJson)!;

        var fields = new IssueFields(bean.Fields!);

        Assert.That(fields.Summary, Is.EqualTo("Write the README"));
        Assert.That(fields.Status!.Value.Name, Is.EqualTo("In Progress"));
        Assert.That(fields.GetNumber("customfield_10016"), Is.EqualTo(5.0));
        Assert.That(fields.Labels, Is.EqualTo(new[] { "docs", "q4" }));
    }

    [Test]
    public void ReadsV2WikiMarkupDescriptions()
    {
        var fields = Parse("""{ "fields": { "description": "h1. Title" } }""").Fields;

        Assert.That(fields.Description!.Value.GetString(), Is.EqualTo("h1. Title"));
    }
}
