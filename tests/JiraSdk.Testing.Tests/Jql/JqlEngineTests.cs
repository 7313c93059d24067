using System.Globalization;
using JiraSdk.Testing.Jql;

namespace JiraSdk.Testing.Tests.Jql;

/// <summary>
/// Each case names the issues Jira's rules select, in order (no ORDER BY: newest id first:
/// WEB-1, DOCS-10, DOCS-3, DOCS-2, DOCS-1). See <see cref="JqlTestData"/> for the issues.
/// </summary>
public sealed class JqlEngineTests
{
    private static string Run(string jql, JqlEvaluationContext? context = null)
    {
        var engine = new JqlEngine(JqlTestData.FieldDefinitions);
        var result = engine.Compile(jql).Apply(JqlTestData.Issues(), context ?? JqlTestData.Context);
        return string.Join(" ", result.Select(i => (string)i["key"]!));
    }

    [TestCase("", "WEB-1 DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("project = DOCS", "DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("project = docs", "DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("project = Documentation", "DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("project = 10001", "WEB-1")]
    [TestCase("project in (WEB)", "WEB-1")]
    [TestCase("project != DOCS", "WEB-1")]
    [TestCase("project not in (DOCS, WEB)", "")]
    [TestCase("project is not EMPTY", "WEB-1 DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    public void Project(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("key = DOCS-2", "DOCS-2")]
    [TestCase("issuekey = docs-2", "DOCS-2")]
    [TestCase("id = 10003", "DOCS-3")]
    [TestCase("issue = DOCS-3", "DOCS-3")]
    [TestCase("key in (DOCS-1, WEB-1)", "WEB-1 DOCS-1")]
    [TestCase("key not in (DOCS-1, WEB-1)", "DOCS-10 DOCS-3 DOCS-2")]
    [TestCase("key != DOCS-1", "WEB-1 DOCS-10 DOCS-3 DOCS-2")]
    [TestCase("key > DOCS-2", "DOCS-10 DOCS-3")]
    [TestCase("key >= DOCS-3", "DOCS-10 DOCS-3")]
    [TestCase("key < DOCS-3", "DOCS-2 DOCS-1")]
    [TestCase("key <= DOCS-3", "DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("id > 10003", "WEB-1 DOCS-10")]
    [TestCase("key = DOCS-99", "")]
    public void IssueKey(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("status = \"On Hold\"", "DOCS-2")]
    [TestCase("status = 'to do'", "DOCS-1")]
    [TestCase("status = 10002", "DOCS-3")]
    [TestCase("status in (\"On Hold\", 'Ready to Publish')", "DOCS-3 DOCS-2")]
    [TestCase("status != Done", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("status not in (Done, \"In Progress\")", "DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("statusCategory = Done", "DOCS-10")]
    [TestCase("statusCategory = indeterminate", "WEB-1 DOCS-3 DOCS-2")]
    [TestCase("statusCategory = \"In Progress\"", "WEB-1 DOCS-3 DOCS-2")]
    [TestCase("statusCategory = 2", "DOCS-1")]
    [TestCase("statusCategory != new", "WEB-1 DOCS-10 DOCS-3 DOCS-2")]
    [TestCase("statusCategory in (\"To Do\", done)", "DOCS-10 DOCS-1")]
    [TestCase("issuetype = Bug", "WEB-1")]
    [TestCase("type = 'Sub-task'", "DOCS-10")]
    [TestCase("issuetype in (Task, 10004)", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("issuetype != Task", "WEB-1 DOCS-10")]
    public void StatusAndType(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("assignee = acc-alice", "WEB-1 DOCS-1")]
    [TestCase("assignee = 'alice@example.com'", "WEB-1 DOCS-1")]
    [TestCase("assignee = \"alice archer\"", "WEB-1 DOCS-1")]
    [TestCase("assignee != acc-alice", "DOCS-10 DOCS-3")]
    [TestCase("assignee is EMPTY", "DOCS-2")]
    [TestCase("assignee = EMPTY", "DOCS-2")]
    [TestCase("assignee = null", "DOCS-2")]
    [TestCase("assignee is not empty", "WEB-1 DOCS-10 DOCS-3 DOCS-1")]
    [TestCase("assignee != EMPTY", "WEB-1 DOCS-10 DOCS-3 DOCS-1")]
    [TestCase("assignee = currentUser()", "DOCS-3")]
    [TestCase("assignee != currentUser()", "WEB-1 DOCS-10 DOCS-1")]
    [TestCase("assignee in (EMPTY, acc-bob)", "DOCS-3 DOCS-2")]
    [TestCase("assignee in (currentUser(), acc-carol)", "DOCS-10 DOCS-3")]
    [TestCase("assignee not in (acc-alice, acc-bob)", "DOCS-10")]
    [TestCase("assignee not in (EMPTY, acc-alice)", "DOCS-10 DOCS-3")]
    [TestCase("reporter = acc-alice", "DOCS-3 DOCS-2")]
    [TestCase("reporter = currentUser() AND assignee != currentUser()", "WEB-1 DOCS-1")]
    [TestCase("Reviewer = currentUser()", "DOCS-1")]
    [TestCase("cf[10012] is EMPTY", "WEB-1 DOCS-10 DOCS-3 DOCS-2")]
    public void Users(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [Test]
    public void CurrentUserOfAnAnonymousSearchIsNobody()
    {
        var anonymous = JqlTestData.Context with { CurrentUserAccountId = null };
        Assert.That(Run("assignee = currentUser()", anonymous), Is.Empty);
        Assert.That(Run("assignee != currentUser()", anonymous), Is.EqualTo("WEB-1 DOCS-10 DOCS-3 DOCS-1"));
    }

    [TestCase("priority = High", "DOCS-1")]
    [TestCase("priority = 1", "WEB-1")]
    [TestCase("priority > Medium", "WEB-1 DOCS-1")]
    [TestCase("priority >= Medium", "WEB-1 DOCS-2 DOCS-1")]
    [TestCase("priority < Medium", "DOCS-10")]
    [TestCase("priority <= Medium", "DOCS-10 DOCS-2")]
    [TestCase("priority is EMPTY", "DOCS-3")]
    [TestCase("priority != High", "WEB-1 DOCS-10 DOCS-2")]
    [TestCase("priority in (Highest, Lowest)", "WEB-1 DOCS-10")]
    [TestCase("resolution = Unresolved", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("resolution != Unresolved", "DOCS-10")]
    [TestCase("resolution = Done", "DOCS-10")]
    [TestCase("resolution is EMPTY", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("resolution is not EMPTY", "DOCS-10")]
    [TestCase("resolution in (Unresolved, Done)", "WEB-1 DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    public void PriorityAndResolution(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("labels = docs", "DOCS-3 DOCS-1")]
    [TestCase("labels = urgent", "DOCS-1")]
    [TestCase("labels != docs", "WEB-1 DOCS-10")]
    [TestCase("labels is EMPTY", "DOCS-2")]
    [TestCase("labels is not EMPTY", "WEB-1 DOCS-10 DOCS-3 DOCS-1")]
    [TestCase("labels in (release, frontend)", "WEB-1 DOCS-10")]
    [TestCase("labels not in (docs)", "WEB-1 DOCS-10")]
    [TestCase("labels not in (docs, EMPTY)", "WEB-1 DOCS-10")]
    [TestCase("labels in (docs, EMPTY)", "DOCS-3 DOCS-2 DOCS-1")]
    public void Labels(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("summary ~ guide", "DOCS-1")]
    [TestCase("summary ~ GUIDE", "DOCS-1")]
    [TestCase("summary ~ 'release notes'", "DOCS-3")]
    [TestCase("summary ~ 'notes release'", "DOCS-3")]
    [TestCase("summary ~ 'notes webhooks'", "")]
    [TestCase("summary ~ '\"release notes\"'", "DOCS-3")]
    [TestCase("summary ~ \"\\\"notes release\\\"\"", "")]
    [TestCase("summary ~ 'instal*'", "DOCS-10 DOCS-1")]
    [TestCase("summary ~ 'h?mepage'", "WEB-1")]
    [TestCase("summary ~ test", "DOCS-10")]
    [TestCase("summary ~ webhook", "DOCS-2")]
    [TestCase("summary ~ 'the'", "")]
    [TestCase("summary ~ 'guide OR homepage'", "WEB-1 DOCS-1")]
    [TestCase("summary ~ 'release -notes'", "")]
    [TestCase("summary !~ guide", "WEB-1 DOCS-10 DOCS-3 DOCS-2")]
    [TestCase("description ~ windows", "DOCS-1")]
    [TestCase("description ~ '\"breaking changes\"'", "DOCS-3")]
    [TestCase("description !~ windows", "DOCS-3")]
    [TestCase("description is EMPTY", "WEB-1 DOCS-10 DOCS-2")]
    [TestCase("environment ~ chrome", "WEB-1")]
    [TestCase("comment ~ ship", "DOCS-3")]
    [TestCase("comment ~ 'good ship'", "")]
    [TestCase("comment !~ ship", "WEB-1 DOCS-1")]
    [TestCase("text ~ install", "WEB-1 DOCS-1")]
    [TestCase("text ~ windows", "WEB-1 DOCS-1")]
    [TestCase("text ~ signed", "DOCS-2")]
    [TestCase("\"Release Notes\" ~ webhooks", "DOCS-2")]
    [TestCase("'Release Notes' is EMPTY", "WEB-1 DOCS-10 DOCS-3 DOCS-1")]
    public void TextSearch(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("created >= -1d", "WEB-1 DOCS-3")]
    [TestCase("created > -2h", "WEB-1")]
    [TestCase("created > '-1w2d'", "WEB-1 DOCS-3")]
    [TestCase("created > \"-4w 2d\"", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("created > -90m", "WEB-1")]
    [TestCase("created > '2026-11-20'", "WEB-1 DOCS-3 DOCS-2")]
    [TestCase("created < '2026/11/20'", "DOCS-10 DOCS-1")]
    [TestCase("created = '2026-11-20'", "")]
    [TestCase("created = '2026-10-15'", "DOCS-10")]
    [TestCase("created != '2026-10-15'", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("created <= '2026-11-20'", "DOCS-10 DOCS-1")]
    [TestCase("created >= '2026-11-29 23:30'", "WEB-1 DOCS-3")]
    [TestCase("created > '2026/11/29 23:30'", "WEB-1")]
    [TestCase("created = '2026-11-29 23:30'", "DOCS-3")]
    [TestCase("createdDate in ('2026-11-20 15:30', '2026-10-15')", "DOCS-10 DOCS-2")]
    [TestCase("created > startOfDay()", "WEB-1")]
    [TestCase("created > startOfDay(-1d)", "WEB-1 DOCS-3")]
    [TestCase("created >= startOfDay(-1)", "WEB-1 DOCS-3")]
    [TestCase("created > startOfWeek()", "WEB-1 DOCS-3")]
    [TestCase("created >= startOfMonth()", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("created < startOfMonth(-1M)", "")]
    [TestCase("created >= startOfYear()", "WEB-1 DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("created <= endOfDay(-1)", "DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("created < now()", "WEB-1 DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("updated > -5h", "WEB-1 DOCS-2")]
    [TestCase("updated > -4h", "WEB-1")]
    [TestCase("updatedDate < '2026-11-29'", "DOCS-10")]
    [TestCase("duedate = '2026-12-01'", "DOCS-1")]
    [TestCase("due < now()", "DOCS-3")]
    [TestCase("duedate <= '2026-11-30'", "DOCS-3")]
    [TestCase("duedate > endOfDay()", "DOCS-1")]
    [TestCase("duedate is EMPTY", "WEB-1 DOCS-10 DOCS-2")]
    [TestCase("duedate != '2026-12-01'", "DOCS-3")]
    [TestCase("resolved >= '2026-11-28'", "DOCS-10")]
    [TestCase("resolutiondate is EMPTY", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("\"Go Live\" > endOfMonth()", "DOCS-1")]
    [TestCase("created < startOfYear(+9999y)", "")]
    [TestCase("created > 1795000000000", "WEB-1 DOCS-3 DOCS-2")]
    public void Dates(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [Test]
    public void DaysAndDateFunctionsFollowTheSearchersTimeZone()
    {
        // 12:00 UTC is 22:00 on the 30th at UTC+10: that day began 2026-11-29 14:00 UTC.
        var brisbane = JqlTestData.Context with { TimeZone = TimeZoneInfo.CreateCustomTimeZone("UTC+10", TimeSpan.FromHours(10), "UTC+10", "UTC+10") };
        Assert.That(Run("created > startOfDay()", brisbane), Is.EqualTo("WEB-1 DOCS-3"));
        Assert.That(Run("created >= '2026-11-30'", brisbane), Is.EqualTo("WEB-1 DOCS-3"));
        Assert.That(Run("created = '2026-11-30 09:30'", brisbane), Is.EqualTo("DOCS-3"));
        Assert.That(Run("due < now()", brisbane), Is.EqualTo("DOCS-3"));
    }

    [TestCase("cf[10010] > 2", "DOCS-2 DOCS-1")]
    [TestCase("'Story Points' = 1.5", "DOCS-10")]
    [TestCase("\"story points\" is EMPTY", "WEB-1 DOCS-3")]
    [TestCase("\"Story Points\" != 3", "DOCS-10 DOCS-2")]
    [TestCase("cf[10010] in (3, 8)", "DOCS-2 DOCS-1")]
    [TestCase("cf[10010] <= 3", "DOCS-10 DOCS-1")]
    [TestCase("Audience = Developers", "DOCS-1")]
    [TestCase("audience = 10101", "DOCS-3")]
    [TestCase("Audience != Developers", "DOCS-3")]
    [TestCase("cf[10011] in (Admins, developers)", "DOCS-3 DOCS-1")]
    [TestCase("cf[10011] is EMPTY", "WEB-1 DOCS-10 DOCS-2")]
    [TestCase("parent = DOCS-1", "DOCS-10")]
    [TestCase("parent = 10001", "DOCS-10")]
    [TestCase("parent in (DOCS-2, DOCS-1)", "DOCS-10")]
    [TestCase("parent is EMPTY", "WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("fixVersion = '1.0'", "DOCS-1")]
    [TestCase("fixVersion = 1.0", "DOCS-1")]
    [TestCase("fixVersion > 1.0", "DOCS-2")]
    [TestCase("fixVersion is EMPTY", "WEB-1 DOCS-10 DOCS-3")]
    [TestCase("fixVersion != 1.0", "DOCS-2")]
    public void CustomAndOtherFields(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("project = DOCS AND status = Done OR project = WEB", "WEB-1 DOCS-10")]
    [TestCase("project = WEB OR project = DOCS AND status = Done", "WEB-1 DOCS-10")]
    [TestCase("(project = WEB OR project = DOCS) AND status = Done", "DOCS-10")]
    [TestCase("project = WEB OR (project = DOCS AND status = Done)", "WEB-1 DOCS-10")]
    [TestCase("NOT project = DOCS AND assignee = acc-alice", "WEB-1")]
    [TestCase("NOT (project = DOCS AND assignee = acc-alice)", "WEB-1 DOCS-10 DOCS-3")]
    [TestCase("NOT (project = WEB OR labels = docs)", "DOCS-10")]
    [TestCase("NOT assignee = acc-alice", "DOCS-10 DOCS-3")]
    [TestCase("NOT assignee != acc-alice", "WEB-1 DOCS-1")]
    [TestCase("NOT assignee is EMPTY", "WEB-1 DOCS-10 DOCS-3 DOCS-1")]
    [TestCase("NOT assignee in (acc-alice, acc-bob)", "DOCS-10")]
    [TestCase("NOT summary ~ guide", "WEB-1 DOCS-10 DOCS-3 DOCS-2")]
    [TestCase("NOT resolved > '2026-11-01'", "")]
    [TestCase("NOT created > '2026-11-20'", "DOCS-10 DOCS-1")]
    [TestCase("NOT NOT project = WEB", "WEB-1")]
    [TestCase("!project = WEB", "DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("project = WEB || key = DOCS-1", "WEB-1 DOCS-1")]
    [TestCase("project = WEB | key = DOCS-1", "WEB-1 DOCS-1")]
    [TestCase("project = DOCS && status = Done", "DOCS-10")]
    [TestCase("project = DOCS & status = Done", "DOCS-10")]
    [TestCase("project = DOCS and not status = Done and not (labels = docs or priority = Medium)", "")]
    [TestCase("project = DOCS and not status = Done and not (labels = urgent)", "DOCS-3")]
    [TestCase("((project = DOCS)) and (status = 'On Hold' or (status = 'Ready to Publish'))", "DOCS-3 DOCS-2")]
    [TestCase("project=DOCS AND status!=Done AND assignee!=acc-bob", "DOCS-1")]
    public void PrecedenceAndNegation(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [TestCase("project = DOCS ORDER BY key ASC", "DOCS-1 DOCS-2 DOCS-3 DOCS-10")]
    [TestCase("project = DOCS ORDER BY key DESC", "DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("ORDER BY created", "WEB-1 DOCS-3 DOCS-2 DOCS-1 DOCS-10")]
    [TestCase("order by created asc", "DOCS-10 DOCS-1 DOCS-2 DOCS-3 WEB-1")]
    [TestCase("ORDER BY priority", "DOCS-3 WEB-1 DOCS-1 DOCS-2 DOCS-10")]
    [TestCase("ORDER BY priority DESC", "DOCS-3 WEB-1 DOCS-1 DOCS-2 DOCS-10")]
    [TestCase("ORDER BY priority ASC", "DOCS-10 DOCS-2 DOCS-1 WEB-1 DOCS-3")]
    [TestCase("ORDER BY duedate", "DOCS-3 DOCS-1 WEB-1 DOCS-10 DOCS-2")]
    [TestCase("ORDER BY duedate DESC", "WEB-1 DOCS-10 DOCS-2 DOCS-1 DOCS-3")]
    [TestCase("ORDER BY assignee ASC, created DESC", "WEB-1 DOCS-1 DOCS-3 DOCS-10 DOCS-2")]
    [TestCase("ORDER BY assignee, created ASC", "DOCS-1 WEB-1 DOCS-3 DOCS-10 DOCS-2")]
    [TestCase("ORDER BY status", "DOCS-10 WEB-1 DOCS-2 DOCS-3 DOCS-1")]
    [TestCase("ORDER BY statusCategory, key", "DOCS-1 DOCS-2 DOCS-3 WEB-1 DOCS-10")]
    [TestCase("ORDER BY project ASC, key DESC", "DOCS-10 DOCS-3 DOCS-2 DOCS-1 WEB-1")]
    [TestCase("ORDER BY cf[10010] DESC", "WEB-1 DOCS-3 DOCS-2 DOCS-1 DOCS-10")]
    [TestCase("ORDER BY \"Story Points\"", "DOCS-10 DOCS-1 DOCS-2 WEB-1 DOCS-3")]
    [TestCase("ORDER BY summary", "DOCS-2 WEB-1 DOCS-1 DOCS-3 DOCS-10")]
    [TestCase("ORDER BY issuetype, id", "WEB-1 DOCS-10 DOCS-1 DOCS-2 DOCS-3")]
    [TestCase("ORDER BY updated", "WEB-1 DOCS-2 DOCS-3 DOCS-1 DOCS-10")]
    [TestCase("ORDER BY resolved", "WEB-1 DOCS-3 DOCS-2 DOCS-1 DOCS-10")]
    [TestCase("ORDER BY resolved ASC", "DOCS-10 WEB-1 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("ORDER BY labels", "DOCS-3 DOCS-1 WEB-1 DOCS-10 DOCS-2")]
    [TestCase("ORDER BY Audience", "DOCS-3 DOCS-1 WEB-1 DOCS-10 DOCS-2")]
    [TestCase("project = DOCS ORDER BY Rank ASC", "DOCS-1 DOCS-2 DOCS-3 DOCS-10")]
    [TestCase("ORDER BY rank DESC", "WEB-1 DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    public void OrderBy(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [Test]
    public void OrderByKeysCarryTheDirectionApplied()
    {
        var query = new JqlEngine(JqlTestData.FieldDefinitions).Compile("project = DOCS ORDER BY created, key ASC, cf[10010] DESC, priority");
        Assert.That(query.OrderBy, Is.EqualTo(new[]
        {
            new JqlOrderKey("created", true, false),
            new JqlOrderKey("key", false, true),
            new JqlOrderKey("cf[10010]", true, true),
            new JqlOrderKey("priority", true, false),
        }));
    }

    [Test]
    public void ClausesListWhatTheQueryAsks()
    {
        var query = new JqlEngine(JqlTestData.FieldDefinitions).Compile(
            "project = DOCS AND NOT (\"Story Points\" > 3 OR key in (DOCS-1, DOCS-2)) AND assignee is not EMPTY ORDER BY created");
        Assert.That(query.Clauses, Is.EqualTo(new[]
        {
            new JqlClauseInfo("project", "project", "=", "DOCS", false),
            new JqlClauseInfo("Story Points", "customfield_10010", ">", "3", true),
            new JqlClauseInfo("key", "issuekey", "in", "(DOCS-1, DOCS-2)", true),
            new JqlClauseInfo("assignee", "assignee", "is not", "EMPTY", false),
        }));
    }

    [TestCase("project = \"DOCS\"", "DOCS-10 DOCS-3 DOCS-2 DOCS-1")]
    [TestCase("status = 'Ready\\u0020to Publish'", "DOCS-3")]
    [TestCase("status = Ready\\ to\\ Publish", "DOCS-3")]
    [TestCase("status = \"Ready to \\\"Publish\\\"\"", "")]
    [TestCase("  project\n=\tWEB  ", "WEB-1")]
    [TestCase("PROJECT = WEB", "WEB-1")]
    [TestCase("Project In (Web) Order By Key", "WEB-1")]
    public void LexicalForms(string jql, string expected) => Assert.That(Run(jql), Is.EqualTo(expected));

    [Test]
    public void MatchesTestsOneIssue()
    {
        var query = new JqlEngine(JqlTestData.FieldDefinitions).Compile("assignee = currentUser() AND priority is EMPTY");
        var issues = JqlTestData.Issues();
        Assert.That(issues.Where(i => query.Matches(i, JqlTestData.Context)).Select(i => (string)i["key"]!), Is.EqualTo(new[] { "DOCS-3" }));
    }

    [Test]
    public void ParsingAndMatchingIgnoreTheCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        var originalUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
            Assert.That(Run("ISSUETYPE = BUG"), Is.EqualTo("WEB-1"));
            Assert.That(Run("issuetype = bug AND PRIORITY = HIGHEST"), Is.EqualTo("WEB-1"));
            Assert.That(Run("summary ~ INSTALL"), Is.EqualTo("DOCS-1"));
            Assert.That(Run("LABELS = URGENT"), Is.EqualTo("DOCS-1"));
            Assert.That(Run("'STORY POINTS' = 1.5"), Is.EqualTo("DOCS-10"));
            Assert.That(Run("created > startOfDay(-1d) ORDER BY created ASC"), Is.EqualTo("DOCS-3 WEB-1"));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = originalUi;
        }
    }
}
