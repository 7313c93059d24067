using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql;

namespace JiraSdk.Testing.Tests.Jql;

/// <summary>List functions, link/attachment/vote fields, and the checks a site's known values allow.</summary>
public sealed class JqlKnownValuesAndFunctionsTests
{
    private static readonly JqlKnownValues Known = new()
    {
        Projects = new[] { Obj("id", "10000", "key", "DOCS", "name", "Documentation"), Obj("id", "10001", "key", "WEB", "name", "Website") },
        Statuses = new[] { Obj("id", "1", "name", "To Do"), Obj("id", "10001", "name", "On Hold"), Obj("id", "3", "name", "Done") },
        IssueTypes = new[] { Obj("id", "10002", "name", "Task"), Obj("id", "10004", "name", "Bug") },
        // A site that ranks High above Highest: the list's order wins over ids.
        Priorities = new[] { Obj("id", "2", "name", "High"), Obj("id", "1", "name", "Highest"), Obj("id", "3", "name", "Medium"), Obj("id", "5", "name", "Lowest") },
        Resolutions = new[] { Obj("id", "10000", "name", "Done") },
        Users = new[] { JqlTestData.Alice, JqlTestData.Bob, JqlTestData.Carol },
    };

    private static string Run(string jql, JqlKnownValues? known = null)
    {
        var engine = new JqlEngine(JqlTestData.FieldDefinitions, known);
        return string.Join(" ", engine.Compile(jql).Apply(JqlTestData.Issues(), JqlTestData.Context).Select(i => (string)i["key"]!));
    }

    [TestCase("issue in linkedIssues(DOCS-1)", "DOCS-3")]
    [TestCase("issue in linkedIssues(\"docs-3\", blocks)", "DOCS-1")]
    [TestCase("issue in linkedIssues(DOCS-3, \"is blocked by\")", "DOCS-1")]
    [TestCase("issue in linkedIssues(DOCS-3, duplicates)", "")]
    [TestCase("issue not in linkedIssues(DOCS-1)", "WEB-1 DOCS-10 DOCS-2 DOCS-1")]
    [TestCase("issueLinkType = blocks", "DOCS-3")]
    [TestCase("issueLinkType = \"is blocked by\"", "DOCS-1")]
    [TestCase("issueLinkType in (Blocks, 'is blocked by')", "DOCS-3 DOCS-1")]
    [TestCase("issueLinkType != blocks", "DOCS-1")]
    [TestCase("issuetype in standardIssueTypes()", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("issuetype in subTaskIssueTypes()", "DOCS-10")]
    [TestCase("issuetype not in subTaskIssueTypes()", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("fixVersion in releasedVersions()", "DOCS-1")]
    [TestCase("fixVersion in unreleasedVersions(DOCS)", "DOCS-2")]
    [TestCase("attachments is not EMPTY", "DOCS-2")]
    [TestCase("attachments is EMPTY", "WEB-1 DOCS-10 DOCS-3 DOCS-1")]
    [TestCase("votes > 0", "WEB-1")]
    [TestCase("watchers >= 2", "DOCS-1")]
    public void FunctionsAndFields(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("issue in linkedIssues()", "Function 'linkedIssues' expected between '1' and '2' arguments but received '0'.")]
    [TestCase("issue in linkedIssues(nope)", "Issue 'nope' could not be found in function 'linkedIssues'.")]
    [TestCase("issuetype in subTaskIssueTypes(x)", "Function 'subTaskIssueTypes' expected '0' arguments but received '1'.")]
    [TestCase("status in subTaskIssueTypes()", "Unable to find JQL function 'subTaskIssueTypes()'.")]
    [TestCase("statusCategory = Later", "The value 'Later' does not exist for the field 'statusCategory'.")]
    public void FunctionErrors(string jql, string expected) => Assert.That(Errors(jql, null), Is.EqualTo(new[] { expected }));

    [TestCase("project = NOPE", "The value 'NOPE' does not exist for the field 'project'.")]
    [TestCase("project in (DOCS, Nope)", "The value 'Nope' does not exist for the field 'project'.")]
    [TestCase("status = Closed", "The value 'Closed' does not exist for the field 'status'.")]
    [TestCase("issuetype = Epic", "The value 'Epic' does not exist for the field 'issuetype'.")]
    [TestCase("priority > Urgent", "The value 'Urgent' does not exist for the field 'priority'.")]
    [TestCase("resolution = \"Won't Do\"", "The value 'Won't Do' does not exist for the field 'resolution'.")]
    [TestCase("assignee = nobody", "The value 'nobody' does not exist for the field 'assignee'.")]
    [TestCase("Reviewer in (acc-bob, ghost)", "The value 'ghost' does not exist for the field 'Reviewer'.")]
    public void UnknownValuesAreRefusedWhenTheSiteValuesAreKnown(string jql, string expected) =>
        Assert.That(Errors(jql, Known), Is.EqualTo(new[] { expected }));

    [TestCase("project = docs AND status = 'on hold'", "DOCS-2")]
    [TestCase("project = Website AND assignee = 'alice@example.com'", "WEB-1")]
    [TestCase("resolution = Unresolved AND issuetype = 10004", "WEB-1")]
    [TestCase("ORDER BY priority", "DOCS-3 DOCS-1 WEB-1 DOCS-2 DOCS-10")]
    [TestCase("priority > Highest", "DOCS-1")]
    [TestCase("priority <= Medium", "DOCS-10 DOCS-2")]
    public void KnownValuesSearch(string jql, string expected) => Assert.That(Run(jql, Known), Is.EqualTo(expected));

    [Test]
    public void WithoutKnownValuesUnknownValuesFindNothing() => Assert.That(Run("project = NOPE OR status = Closed"), Is.Empty);

    private static IReadOnlyList<string> Errors(string jql, JqlKnownValues? known) =>
        Assert.Throws<JqlException>(() => new JqlEngine(JqlTestData.FieldDefinitions, known).Compile(jql))!.ErrorMessages;

    private static JsonObject Obj(params string[] pairs)
    {
        var obj = new JsonObject();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            obj[pairs[i]] = pairs[i + 1];
        }

        return obj;
    }
}
