using System.Text.Json;
using JiraSdk.Errors;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Parsing;

namespace JiraSdk.Webhooks.Tests.Parsing;

public class JiraWebhookParserTests
{
    private readonly JiraWebhookParser _parser = new();

    [Test]
    public void Issue_created_reads_user_issue_fields_and_string_changelog_id()
    {
        var e = (IssueCreatedEvent)_parser.Parse(Fixture.Bytes("jira_issue_created.json"));

        Assert.That(e.WebhookEventName, Is.EqualTo(WebhookEventNames.IssueCreated));
        Assert.That(e.IssueEventTypeName, Is.EqualTo(IssueEventTypeNames.IssueCreated));
        Assert.That(e.Timestamp, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1732870800123)));
        Assert.That(e.User!.AccountId, Is.EqualTo("5b10a2844c20165700ede21g"));
        Assert.That(e.User.AccountType, Is.EqualTo("atlassian"));
        Assert.That(e.Issue!.Key, Is.EqualTo("DOCS-17"));
        Assert.That(e.Issue.Id, Is.EqualTo("10042"));
        Assert.That(((JsonElement)e.Issue.Fields!["summary"]).GetString(), Is.EqualTo("Document the webhook retry policy"));
        // The issue read model of every API: typed accessors over the event's issue fields.
        Assert.That(e.Issue.Fields.Summary, Is.EqualTo("Document the webhook retry policy"));
        Assert.That(e.Issue.Fields.Project?.Key, Is.EqualTo("DOCS"));
        Assert.That(e.Issue.Fields.Created, Is.EqualTo(new DateTimeOffset(2024, 11, 29, 9, 0, 0, 120, TimeSpan.FromHours(1))));
        Assert.That(e.Issue.Fields.Assignee, Is.Null);
        Assert.That(e.Issue.Fields.Description?.ToPlainText(), Is.Not.Empty);
        Assert.That(e.Changelog!.Id, Is.EqualTo("10105"));
        Assert.That(e.Changelog.Items.Single().ToString, Is.EqualTo("Document the webhook retry policy"));
    }

    [Test]
    public void Issue_updated_tolerates_numeric_ids_string_booleans_unknown_keys_and_reads_changelog_items()
    {
        var e = (IssueUpdatedEvent)_parser.Parse(Fixture.Bytes("jira_issue_updated.json"));

        Assert.That(e.IssueEventTypeName, Is.EqualTo(IssueEventTypeNames.IssueAssigned));
        Assert.That(e.Issue!.Id, Is.EqualTo("10042"), "a numeric issue id is read as its text");
        Assert.That(e.User!.Active, Is.True, "\"active\": \"true\" as in Jira's own example");
        Assert.That(e.Changelog!.Id, Is.EqualTo("10124"), "numeric changelog id as in Jira's documentation");
        var assignee = e.Changelog.Items[0];
        Assert.That(assignee.FieldId, Is.EqualTo("assignee"));
        Assert.That(assignee.Fieldtype, Is.EqualTo("jira"));
        Assert.That(assignee.ToString, Is.EqualTo("Mia Krystof"));
        Assert.That(assignee.TmpToAccountId, Is.EqualTo("5b10a2844c20165700ede21g"));
        Assert.That(e.Changelog.Items[1].To, Is.EqualTo("5"));
        Assert.That(e.Comment!.Id, Is.EqualTo("10005"));
        Assert.That(e.Comment.Created, Is.EqualTo(new DateTimeOffset(2024, 11, 29, 9, 10, 0, TimeSpan.FromHours(1))));
        Assert.That(e.AdditionalProperties!["futureTopLevelKey"].GetProperty("anything").GetArrayLength(), Is.EqualTo(3));
        Assert.That(e.Raw.GetProperty("user").GetProperty("accoundId").GetString(), Does.StartWith("99:"), "the typo'd key of the doc example is kept");
    }

    [Test]
    public void Every_fixture_parses_to_its_type_with_its_entity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(((IssueDeletedEvent)_parser.Parse(Fixture.Bytes("jira_issue_deleted.json"))).Issue!.Key, Is.EqualTo("DOCS-18"));
            var comment = (CommentCreatedEvent)_parser.Parse(Fixture.Bytes("comment_created.json"));
            Assert.That(comment.Comment!.Author!.DisplayName, Is.EqualTo("Mia Krystof"));
            Assert.That(comment.Comment.Body, Is.Not.Null);
            Assert.That(comment.Issue!.Key, Is.EqualTo("DOCS-17"));
            var worklog = (WorklogCreatedEvent)_parser.Parse(Fixture.Bytes("worklog_created.json"));
            Assert.That(worklog.Worklog!.TimeSpentSeconds, Is.EqualTo(5400));
            Assert.That(worklog.Worklog.IssueId, Is.EqualTo("10042"));
            var attachment = (AttachmentCreatedEvent)_parser.Parse(Fixture.Bytes("attachment_created.json"));
            Assert.That(attachment.Attachment!.Id, Is.EqualTo("10300"));
            Assert.That(attachment.Attachment.Size, Is.EqualTo(23123), "size sent as a string");
            var link = (IssueLinkCreatedEvent)_parser.Parse(Fixture.Bytes("issuelink_created.json"));
            Assert.That(link.IssueLink!.SourceIssueId, Is.EqualTo("10042"));
            Assert.That(link.IssueLink.IssueLinkType!.OutwardName, Is.EqualTo("blocks"));
            var project = (ProjectCreatedEvent)_parser.Parse(Fixture.Bytes("project_created.json"));
            Assert.That(project.Project!.Key, Is.EqualTo("REL"));
            Assert.That(project.Project.Id, Is.EqualTo("10001"));
            var version = (VersionReleasedEvent)_parser.Parse(Fixture.Bytes("version_released.json"));
            Assert.That(version.Version!.Released, Is.True);
            Assert.That(version.Version.ReleaseDate!.Value.Date, Is.EqualTo(new DateTime(2024, 12, 1)));
            var merged = (VersionDeletedEvent)_parser.Parse(Fixture.Bytes("version_deleted_merged.json"));
            Assert.That(merged.MergedTo!.Value.GetProperty("id").GetString(), Is.EqualTo("10010"));
            Assert.That(merged.Version!.ProjectId, Is.EqualTo(10000));
            var sprint = (SprintStartedEvent)_parser.Parse(Fixture.Bytes("sprint_started.json"));
            Assert.That(sprint.Sprint!.OriginBoardId, Is.EqualTo(4));
            Assert.That(sprint.Sprint.StartDate, Is.EqualTo(new DateTimeOffset(2024, 12, 2, 9, 0, 0, TimeSpan.Zero)));
            var board = (BoardCreatedEvent)_parser.Parse(Fixture.Bytes("board_created.json"));
            Assert.That(board.Board!.Type, Is.EqualTo("kanban"));
            Assert.That(board.Board.AdditionalProperties!["location"].GetProperty("projectKey").GetString(), Is.EqualTo("DOCS"));
            Assert.That(((UserCreatedEvent)_parser.Parse(Fixture.Bytes("user_created.json"))).User!.AccountId, Is.EqualTo("712020:aa"));
            Assert.That(((FilterCreatedEvent)_parser.Parse(Fixture.Bytes("filter_created.json"))).Filter!.Jql, Does.Contain("On Hold"));
            Assert.That(((IssueTypeCreatedEvent)_parser.Parse(Fixture.Bytes("issuetype_created.json"))).IssueType!.Name, Is.EqualTo("Page"));
            var property = (IssuePropertySetEvent)_parser.Parse(Fixture.Bytes("issue_property_set.json"));
            Assert.That(property.Property!.Key, Is.EqualTo("docs.review"));
            Assert.That(((JsonElement)property.Property.Value!).GetProperty("round").GetInt32(), Is.EqualTo(2));
            var option = (VotingOptionChangedEvent)_parser.Parse(Fixture.Bytes("option_voting_changed.json"));
            Assert.That(option.AdditionalProperties!.ContainsKey("option"), Is.True);
        });
    }

    [Test]
    public void An_enum_value_the_sdk_does_not_know_does_not_fail_the_delivery()
    {
        var e = (ProjectCreatedEvent)_parser.Parse(Fixture.Bytes("project_created.json"));

        Assert.That(e.Raw.GetProperty("project").GetProperty("assigneeType").GetString(), Is.EqualTo("admin.assignee.type.unknown.future.value"));
    }

    [Test]
    public void Unknown_event_becomes_a_generic_event_with_the_raw_json()
    {
        var e = _parser.Parse(Fixture.Bytes("unknown_event.json"));

        Assert.That(e, Is.TypeOf<UnknownWebhookEvent>());
        Assert.That(e.WebhookEventName, Is.EqualTo("jira:something_new"));
        Assert.That(e.Raw.GetProperty("widget").GetProperty("name").GetString(), Is.EqualTo("gizmo"));
        Assert.That(e.AdditionalProperties!["widget"].GetProperty("id").GetInt32(), Is.EqualTo(7));
    }

    [TestCaseSource(nameof(AllEventNames))]
    public void Every_documented_event_name_dispatches_to_its_own_type(string name, Type expected)
    {
        var e = _parser.Parse(Fixture.Json($$"""{"timestamp": 1732874000000, "webhookEvent": "{{name}}", "extra": true}"""));

        Assert.That(e, Is.TypeOf(expected));
        Assert.That(e.WebhookEventName, Is.EqualTo(name));
        Assert.That(e.AdditionalProperties!.ContainsKey("extra"), Is.True);
    }

    private static IEnumerable<object[]> AllEventNames() =>
        typeof(WebhookEventNames).GetFields()
            .Select(f => (string)f.GetRawConstantValue()!)
            .Select(name => new object[] { name, ExpectedType(name) });

    private static Type ExpectedType(string name) => name == WebhookEventNames.LegacyWorklogUpdated
        ? typeof(WorklogUpdatedEvent)
        : typeof(JiraWebhookEvent).Assembly.GetTypes().Single(t =>
            t.IsSealed && typeof(JiraWebhookEvent).IsAssignableFrom(t) && t != typeof(UnknownWebhookEvent)
            && t.Name == typeof(WebhookEventNames).GetFields().Single(f => (string)f.GetRawConstantValue()! == name).Name + "Event");

    [Test]
    public void Event_names_cover_every_event_type_and_all_58_documented_names()
    {
        var eventTypes = typeof(JiraWebhookEvent).Assembly.GetTypes()
            .Where(t => t.IsSealed && typeof(JiraWebhookEvent).IsAssignableFrom(t) && t != typeof(UnknownWebhookEvent)).ToList();
        var names = typeof(WebhookEventNames).GetFields().Select(f => f.Name).ToList();

        Assert.That(eventTypes, Has.Count.EqualTo(58));
        Assert.That(eventTypes.Select(t => t.Name.Replace("Event", "")), Is.SubsetOf(names));
    }

    [TestCase("", "empty")]
    [TestCase("not json", "not valid JSON")]
    [TestCase("[1,2]", "not an object")]
    [TestCase("{\"timestamp\": 1}", "webhookEvent")]
    [TestCase("{\"webhookEvent\": 42}", "webhookEvent")]
    [TestCase("{\"webhookEvent\": \"jira:issue_updated\", \"issue\": [1]}", "$.issue")]
    [TestCase("{\"webhookEvent\": \"jira:issue_updated\", \"changelog\": {\"items\": \"x\"}}", "$.changelog.items")]
    public void Malformed_body_throws_a_typed_exception_that_keeps_the_body(string body, string expectedInMessage)
    {
        var bytes = Fixture.Json(body);

        var e = Assert.Throws<JiraWebhookPayloadException>(() => _parser.Parse(bytes))!;

        Assert.That(e, Is.InstanceOf<JiraException>());
        Assert.That(e.Message, Does.Contain(expectedInMessage));
        Assert.That(e.Body.ToArray(), Is.EqualTo(bytes));
    }
}
