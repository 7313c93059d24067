using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql;

namespace JiraSdk.Testing.Tests.Jql;

/// <summary>Hand-written issues in the REST v2 shape the sandbox hands to the JQL engine, and a fixed clock.</summary>
internal static class JqlTestData
{
    /// <summary>Monday 2026-11-30 12:00 UTC; the week (Sunday first) started 2026-11-29.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static readonly JqlEvaluationContext Context = new(Now, TimeZoneInfo.Utc, "acc-bob");

    public static IReadOnlyList<JsonObject> FieldDefinitions => new[]
    {
        Field("customfield_10010", "Story Points", "number", "com.atlassian.jira.plugin.system.customfieldtypes:float"),
        Field("customfield_10011", "Audience", "option", "com.atlassian.jira.plugin.system.customfieldtypes:select"),
        Field("customfield_10012", "Reviewer", "user", "com.atlassian.jira.plugin.system.customfieldtypes:userpicker"),
        Field("customfield_10013", "Release Notes", "string", "com.atlassian.jira.plugin.system.customfieldtypes:textarea"),
        Field("customfield_10014", "Go Live", "date", "com.atlassian.jira.plugin.system.customfieldtypes:datepicker"),
        new JsonObject { ["id"] = "summary", ["key"] = "summary", ["name"] = "Summary", ["custom"] = false },
    };

    public static JsonObject Alice => User("acc-alice", "Alice Archer", "alice@example.com");

    public static JsonObject Bob => User("acc-bob", "Bob Baker", "bob@example.com");

    public static JsonObject Carol => User("acc-carol", "Carol Chen", "carol@example.com");

    /// <summary>
    /// DOCS-1 (10001), DOCS-2 (10002), DOCS-3 (10003), DOCS-10 (10010), WEB-1 (10020); without ORDER BY they come
    /// newest id first: WEB-1, DOCS-10, DOCS-3, DOCS-2, DOCS-1.
    /// </summary>
    public static List<JsonObject> Issues() => new()
    {
        Issue("10001", "DOCS-1", Docs, new JsonObject
        {
            ["issuetype"] = Type("10002", "Task"),
            ["status"] = Status("1", "To Do", 2, "new", "To Do"),
            ["assignee"] = Alice,
            ["reporter"] = Bob,
            ["priority"] = Named("2", "High"),
            ["labels"] = new JsonArray("docs", "Urgent"),
            ["summary"] = "Install guide is outdated",
            ["description"] = "The installation steps mention *Windows* only.",
            ["comment"] = Comments("Needs screenshots"),
            ["created"] = "2026-11-01T09:00:00.000+0000",
            ["updated"] = "2026-11-29T10:00:00.000+0000",
            ["duedate"] = "2026-12-01",
            ["resolution"] = null,
            ["resolutiondate"] = null,
            ["parent"] = null,
            ["fixVersions"] = new JsonArray(Version("10200", "1.0", released: true)),
            ["issuelinks"] = new JsonArray(Link("DOCS-3", outward: false)),
            ["watches"] = new JsonObject { ["watchCount"] = 2, ["isWatching"] = false },
            ["votes"] = new JsonObject { ["votes"] = 0, ["hasVoted"] = false },
            ["environment"] = null,
            ["customfield_10010"] = 3,
            ["customfield_10011"] = new JsonObject { ["id"] = "10100", ["value"] = "Developers" },
            ["customfield_10012"] = Bob,
            ["customfield_10013"] = null,
            ["customfield_10014"] = "2026-12-24",
        }),
        Issue("10002", "DOCS-2", Docs, new JsonObject
        {
            ["issuetype"] = Type("10002", "Task"),
            ["status"] = Status("10001", "On Hold", 4, "indeterminate", "In Progress"),
            ["assignee"] = null,
            ["reporter"] = Alice,
            ["priority"] = Named("3", "Medium"),
            ["labels"] = new JsonArray(),
            ["summary"] = "API reference for webhooks",
            ["description"] = null,
            ["comment"] = Comments(),
            ["created"] = "2026-11-20T15:30:00.000+0000",
            ["updated"] = "2026-11-30T08:00:00.000+0000",
            ["duedate"] = null,
            ["resolution"] = null,
            ["resolutiondate"] = null,
            ["parent"] = null,
            ["fixVersions"] = new JsonArray(Version("10201", "2.0", released: false)),
            ["attachment"] = new JsonArray(new JsonObject { ["id"] = "10500", ["filename"] = "diagram.png" }),
            ["customfield_10010"] = 8,
            ["customfield_10011"] = null,
            ["customfield_10012"] = null,
            ["customfield_10013"] = "Adds signed webhooks.",
        }),
        Issue("10003", "DOCS-3", Docs, new JsonObject
        {
            ["issuetype"] = Type("10002", "Task"),
            ["status"] = Status("10002", "Ready to Publish", 4, "indeterminate", "In Progress"),
            ["assignee"] = Bob,
            ["reporter"] = Alice,
            ["priority"] = null,
            ["labels"] = new JsonArray("docs"),
            ["summary"] = "Publish the release notes",
            ["description"] = "Release notes for version 2.0, with \"breaking changes\" listed.",
            ["comment"] = Comments("Looks good to me", "Ship it"),
            ["issuelinks"] = new JsonArray(Link("DOCS-1", outward: true)),
            ["created"] = "2026-11-29T23:30:00.000+0000",
            ["updated"] = "2026-11-29T23:45:00.000+0000",
            ["duedate"] = "2026-11-30",
            ["resolution"] = null,
            ["resolutiondate"] = null,
            ["parent"] = null,
            ["fixVersions"] = new JsonArray(),
            ["customfield_10010"] = null,
            ["customfield_10011"] = new JsonObject { ["id"] = "10101", ["value"] = "Admins" },
        }),
        Issue("10010", "DOCS-10", Docs, new JsonObject
        {
            ["issuetype"] = Type("10003", "Sub-task"),
            ["status"] = Status("3", "Done", 3, "done", "Done"),
            ["assignee"] = Carol,
            ["reporter"] = Carol,
            ["priority"] = Named("5", "Lowest"),
            ["labels"] = new JsonArray("release"),
            ["summary"] = "Running tests for installers",
            ["description"] = null,
            ["comment"] = Comments(),
            ["created"] = "2026-10-15T00:00:00.000+0000",
            ["updated"] = "2026-11-28T12:00:00.000+0000",
            ["duedate"] = null,
            ["resolution"] = Named("10000", "Done"),
            ["resolutiondate"] = "2026-11-28T12:00:00.000+0000",
            ["parent"] = new JsonObject { ["id"] = "10001", ["key"] = "DOCS-1" },
            ["fixVersions"] = new JsonArray(),
            ["customfield_10010"] = 1.5,
        }),
        Issue("10020", "WEB-1", Web, new JsonObject
        {
            ["issuetype"] = Type("10004", "Bug"),
            ["status"] = Status("4", "In Progress", 4, "indeterminate", "In Progress"),
            ["assignee"] = Alice,
            ["reporter"] = Bob,
            ["priority"] = Named("1", "Highest"),
            ["labels"] = new JsonArray("frontend"),
            ["summary"] = "Homepage redesign",
            ["description"] = null,
            ["environment"] = "Chrome on Windows",
            ["comment"] = Comments("The install button is broken"),
            ["votes"] = new JsonObject { ["votes"] = 3, ["hasVoted"] = false },
            ["created"] = "2026-11-30T11:00:00.000+0000",
            ["updated"] = "2026-11-30T11:30:00.000+0000",
            ["duedate"] = null,
            ["resolution"] = null,
            ["resolutiondate"] = null,
            ["parent"] = null,
            ["fixVersions"] = new JsonArray(),
        }),
    };

    private static JsonObject Docs => new() { ["id"] = "10000", ["key"] = "DOCS", ["name"] = "Documentation" };

    private static JsonObject Web => new() { ["id"] = "10001", ["key"] = "WEB", ["name"] = "Website" };

    private static JsonObject Field(string id, string name, string type, string custom) => new()
    {
        ["id"] = id,
        ["key"] = id,
        ["name"] = name,
        ["custom"] = true,
        ["schema"] = new JsonObject { ["type"] = type, ["custom"] = custom, ["customId"] = long.Parse(id["customfield_".Length..], System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static JsonObject User(string accountId, string displayName, string email) => new()
    {
        ["accountId"] = accountId,
        ["displayName"] = displayName,
        ["emailAddress"] = email,
    };

    private static JsonObject Issue(string id, string key, JsonObject project, JsonObject fields)
    {
        fields["project"] = project;
        return new JsonObject { ["id"] = id, ["key"] = key, ["fields"] = fields };
    }

    private static JsonObject Type(string id, string name) => new() { ["id"] = id, ["name"] = name, ["subtask"] = name == "Sub-task" };

    private static JsonObject Named(string id, string name) => new() { ["id"] = id, ["name"] = name };

    private static JsonObject Version(string id, string name, bool released) =>
        new() { ["id"] = id, ["name"] = name, ["released"] = released, ["archived"] = false };

    /// <summary>A "Blocks" link as Jira shows it on one side: outward ("blocks") or inward ("is blocked by").</summary>
    private static JsonObject Link(string otherKey, bool outward) => new()
    {
        ["id"] = "10600",
        ["type"] = new JsonObject { ["id"] = "10000", ["name"] = "Blocks", ["inward"] = "is blocked by", ["outward"] = "blocks" },
        [outward ? "outwardIssue" : "inwardIssue"] = new JsonObject { ["key"] = otherKey },
    };

    private static JsonObject Status(string id, string name, int categoryId, string categoryKey, string categoryName) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["statusCategory"] = new JsonObject { ["id"] = categoryId, ["key"] = categoryKey, ["name"] = categoryName },
    };

    private static JsonObject Comments(params string[] bodies)
    {
        var comments = new JsonArray();
        foreach (var body in bodies)
        {
            comments.Add(new JsonObject { ["body"] = body, ["author"] = Alice });
        }

        return new JsonObject { ["comments"] = comments, ["total"] = bodies.Length };
    }
}
