using JiraSdk.Testing.Jql;

namespace JiraSdk.Testing.Tests.Jql;

/// <summary>Whatever the text, the engine answers with results or a <see cref="JqlException"/>, never another failure.</summary>
public sealed class JqlRobustnessTests
{
    private static readonly string[] Vocabulary =
    {
        "project", "status", "assignee", "labels", "summary", "text", "created", "duedate", "priority", "key", "cf[10010]",
        "\"Story Points\"", "Audience", "parent", "fixVersion", "statusCategory", "resolution", "comment", "issuetype",
        "=", "!=", "<", ">", "<=", ">=", "~", "!~", "in", "not in", "is", "is not", "not", "NOT", "and", "or", "&&", "||", "!",
        "(", ")", ",", "EMPTY", "null", "ORDER BY", "ASC", "DESC", "DOCS", "DOCS-1", "10001", "-7d", "\"2026-11-30\"",
        "'2026/11/30 10:00'", "currentUser()", "now()", "startOfDay(-1d)", "startOfWeek()", "\"release notes\"", "'instal*'",
        "Done", "\"On Hold\"", "acc-alice", "docs", "3", "-1", "\"\\\"exact phrase\\\"\"", "cf[", "]", "\"", "'", "\\", "foo()",
        "linkedIssues(DOCS-1)", "subTaskIssueTypes()", "Unresolved", "*", "?", "{", "é", "\u0130",
    };

    [Test]
    public void RandomQueriesNeverFailOtherwise()
    {
        var engine = new JqlEngine(JqlTestData.FieldDefinitions);
        var issues = JqlTestData.Issues();
        var random = new Random(20261130);
        var compiled = 0;
        for (var run = 0; run < 5000; run++)
        {
            // Half the queries are well-formed "field op value" chains, then some of those get a random word or lose one.
            var words = random.Next(2) == 0
                ? Enumerable.Range(0, random.Next(1, 12)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList()
                : Chain(random);
            if (random.Next(3) == 0)
            {
                words.Insert(random.Next(words.Count + 1), Vocabulary[random.Next(Vocabulary.Length)]);
            }
            else if (random.Next(3) == 0 && words.Count > 1)
            {
                words.RemoveAt(random.Next(words.Count));
            }

            var jql = string.Join(random.Next(4) == 0 ? string.Empty : " ", words);
            try
            {
                var query = engine.Compile(jql);
                compiled++;
                Assert.That(query.Apply(issues, JqlTestData.Context).Count, Is.LessThanOrEqualTo(issues.Count), jql);
            }
            catch (JqlException e)
            {
                Assert.That(e.ErrorMessages, Is.Not.Empty.And.All.Not.Empty, jql);
            }
        }

        // The vocabulary is rich enough that some random queries are valid, so evaluation is exercised too.
        Assert.That(compiled, Is.GreaterThan(40));
    }

    private static readonly string[] Fields = Vocabulary[..19];

    private static readonly string[] ClauseOperators = { "=", "!=", "<", ">", "<=", ">=", "~", "!~", "in", "not in", "is", "is not" };

    private static readonly string[] Values =
    {
        "EMPTY", "DOCS", "DOCS-1", "10001", "-7d", "\"2026-11-30\"", "currentUser()", "now()", "startOfDay(-1d)", "\"release notes\"",
        "Done", "\"On Hold\"", "acc-alice", "docs", "3", "(Done, \"On Hold\")", "(EMPTY, acc-bob)", "subTaskIssueTypes()",
    };

    private static List<string> Chain(Random random)
    {
        var words = new List<string>();
        for (var clause = random.Next(1, 4); clause > 0; clause--)
        {
            if (random.Next(4) == 0)
            {
                words.Add("NOT");
            }

            words.Add(Fields[random.Next(Fields.Length)]);
            words.Add(ClauseOperators[random.Next(ClauseOperators.Length)]);
            words.Add(Values[random.Next(Values.Length)]);
            if (clause > 1)
            {
                words.Add(random.Next(2) == 0 ? "AND" : "OR");
            }
        }

        if (random.Next(3) == 0)
        {
            words.Add("ORDER BY");
            words.Add(Fields[random.Next(Fields.Length)]);
            words.Add(random.Next(2) == 0 ? "ASC" : "DESC");
        }

        return words;
    }

    [Test]
    public void WellFormedRandomQueriesCompileAndNegationSplitsTheNonEmpty()
    {
        // For "field op value" on a single-valued field, an issue with a value matches exactly one of the clause and
        // its NOT (De Morgan), and an issue without one matches neither (negative operators skip empty fields).
        var clauses = new[]
        {
            "assignee = acc-alice", "priority > Medium", "created >= -20d", "duedate <= '2026-11-30'", "status in (Done, 'On Hold')",
            "cf[10010] < 4", "Audience = Developers", "resolution = Done", "summary ~ 'release notes'", "description ~ windows",
        };
        var engine = new JqlEngine(JqlTestData.FieldDefinitions);
        var issues = JqlTestData.Issues();
        foreach (var clause in clauses)
        {
            var field = clause.Split(' ')[0];
            var hasValue = Keys(engine, $"{field} is not EMPTY", issues);
            var positive = Keys(engine, clause, issues);
            var negative = Keys(engine, $"NOT ({clause})", issues);
            Assert.That(positive.Intersect(negative), Is.Empty, clause);
            Assert.That(positive.Union(negative).Order(), Is.EqualTo(hasValue.Order()), clause);
        }
    }

    private static List<string> Keys(JqlEngine engine, string jql, List<System.Text.Json.Nodes.JsonObject> issues) =>
        engine.Compile(jql).Apply(issues, JqlTestData.Context).Select(i => (string)i["key"]!).ToList();
}
