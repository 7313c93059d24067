using JiraSdk.Testing.Store;

namespace JiraSdk.Testing.Seeding;

/// <summary>What every new sandbox has (Jira's defaults), and the demo data set.</summary>
internal static class SandboxData
{
    /// <summary>Jira's out-of-the-box configuration: issue types, priorities, resolutions, link types, and the global
    /// workflow To Do → In Progress → On Hold → Ready to Publish → Done with a transition into each status.</summary>
    public static void AddDefaults(SandboxStore store, JiraSandboxSeeder seed)
    {
        store.Write(() =>
        {
            void Named(List<NamedRecord> list, string kind, long id, string name, string description)
            {
                var record = new NamedRecord { Id = id, Name = name, Description = description };
                list.Add(record);
                store.Persist(kind, SandboxStore.Id(id), record);
            }
            // Jira numbers priorities 1 (Highest) … 5 (Lowest); the JQL engine orders them by id.
            Named(store.Priorities, "priority", 1, "Highest", "This problem will block progress.");
            Named(store.Priorities, "priority", 2, "High", "Serious problem that could block progress.");
            Named(store.Priorities, "priority", 3, "Medium", "Has the potential to affect progress.");
            Named(store.Priorities, "priority", 4, "Low", "Minor problem or easily worked around.");
            Named(store.Priorities, "priority", 5, "Lowest", "Trivial problem with little or no impact on progress.");
            Named(store.Resolutions, "resolution", 10000, "Done", "Work has been completed on this issue.");
            Named(store.Resolutions, "resolution", 10001, "Won't Do", "This issue won't be actioned.");
            Named(store.Resolutions, "resolution", 10002, "Duplicate", "The problem is a duplicate of an existing issue.");
            foreach (var (id, name, inward, outward) in new[]
                     {
                         (10000L, "Blocks", "is blocked by", "blocks"), (10001L, "Cloners", "is cloned by", "clones"),
                         (10002L, "Duplicate", "is duplicated by", "duplicates"), (10003L, "Relates", "relates to", "relates to"),
                     })
            {
                var type = new LinkTypeRecord { Id = id, Name = name, Inward = inward, Outward = outward };
                store.LinkTypes.Add(type);
                store.Persist("linktype", SandboxStore.Id(id), type);
            }
            foreach (var (id, name, subtask, level, description) in new[]
                     {
                         (10001L, "Task", false, 0, "A small, distinct piece of work."), (10002L, "Bug", false, 0, "A problem or error."),
                         (10003L, "Story", false, 0, "A user story."), (10000L, "Epic", false, 1, "A big user story that needs to be broken down."),
                         (10004L, "Sub-task", true, -1, "A small piece of work that's part of a larger task."),
                     })
            {
                var type = new IssueTypeRecord { Id = id, Name = name, Subtask = subtask, HierarchyLevel = level, Description = description };
                store.IssueTypes.Add(type);
                store.Persist("issuetype", SandboxStore.Id(id), type);
            }
            foreach (var (id, name, category) in new[]
                     {
                         (10000L, "To Do", "new"), (3L, "In Progress", "indeterminate"), (10001L, "On Hold", "indeterminate"),
                         (10002L, "Ready to Publish", "indeterminate"), (10003L, "Done", "done"),
                     })
            {
                var status = new StatusRecord { Id = id, Name = name, CategoryKey = category };
                store.Statuses.Add(status);
                store.Persist("status", SandboxStore.Id(id), status);
            }
            store.Counters["issuetype"] = 10004;
            store.Counters["status"] = 10003;
            store.Persist("counter", "issuetype", 10004L);
            store.Persist("counter", "status", 10003L);
        });
        seed.AddTransition("To Do", "To Do");
        seed.AddTransition("Start Progress", "In Progress");
        seed.AddTransition("Put On Hold", "On Hold");
        seed.AddTransition("Ready to Publish", "Ready to Publish");
        seed.AddTransition("Done", "Done");
    }

    /// <summary>
    /// The demo data set: users, the <c>DOCS</c> project ("Documentation") with tickets in every status — several
    /// <i>On Hold</i> and <i>Ready to Publish</i> — and the custom fields Story Points (number), Audience (select) and
    /// Reviewer (user picker); plus a small <c>DEV</c> project so queries have something to leave out.
    /// </summary>
    public static void AddDemo(SandboxStore store, JiraSandboxSeeder seed, SandboxUser admin)
    {
        var bob = seed.AddUser("Bob Writer", "bob@sandbox.example");
        var carol = seed.AddUser("Carol Reviewer", "carol@sandbox.example");
        var dave = seed.AddUser("Dave Developer", "dave@sandbox.example");
        seed.AddCustomField("Story Points", SandboxFieldType.Number);
        seed.AddCustomField("Audience", SandboxFieldType.Select, "Developers", "Administrators", "End users");
        seed.AddCustomField("Reviewer", SandboxFieldType.UserPicker);
        seed.AddProject("DOCS", "Documentation", admin.AccountId);
        seed.AddProject("DEV", "Development", dave.AccountId);
        seed.AddVersion("DOCS", "2026.1", released: true);
        seed.AddVersion("DOCS", "2026.2");

        var now = store.Now;
        DateTimeOffset DaysAgo(int days) => now.AddDays(-days);
        DateOnly InDays(int days) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(days);
        var docs = new (string Summary, string Status, string? Assignee, string Priority, string[] Labels, int Age, int? Due, double? Points, string? Audience, string? Reviewer, string? Description)[]
        {
            ("Write the installation guide", "Done", bob.AccountId, "High", new[] { "guide" }, 40, null, 5, "Administrators", carol.AccountId, "Cover Linux, macOS and Windows."),
            ("Document the REST authentication options", "Ready to Publish", bob.AccountId, "High", new[] { "api", "security" }, 30, 3, 3, "Developers", carol.AccountId, "Basic, PAT, OAuth 1.0a and OAuth 2.0."),
            ("Release notes for 2026.2", "Ready to Publish", admin.AccountId, "Medium", new[] { "release-notes" }, 12, 7, 2, "End users", carol.AccountId, null),
            ("Webhook troubleshooting page", "Ready to Publish", bob.AccountId, "Medium", new[] { "api", "webhooks" }, 9, null, 2, "Developers", null, "Signatures, retries and the failed-webhook list."),
            ("Update screenshots for the new navigation", "On Hold", bob.AccountId, "Low", new[] { "ui" }, 25, -2, 1, "End users", null, "Waiting for the design team's final mock-ups."),
            ("Migration guide from Server to Cloud", "On Hold", dave.AccountId, "High", new[] { "guide", "migration" }, 20, 14, 8, "Administrators", carol.AccountId, "Blocked on the migration assistant release."),
            ("Explain JQL functions with examples", "On Hold", null, "Medium", new[] { "jql" }, 15, null, 3, "Developers", null, null),
            ("API rate limiting explained", "In Progress", bob.AccountId, "High", new[] { "api" }, 6, 10, 3, "Developers", carol.AccountId, "Headers: Retry-After, X-RateLimit-*, RateLimit-Reason."),
            ("Glossary of Jira terms", "In Progress", carol.AccountId, "Low", Array.Empty<string>(), 4, null, null, "End users", null, null),
            ("Accessibility review of the user guide", "To Do", null, "Medium", new[] { "a11y" }, 3, 21, 5, "End users", carol.AccountId, null),
            ("Fix broken links in the admin guide", "To Do", bob.AccountId, "Highest", new[] { "bug" }, 1, 1, 1, "Administrators", null, "Found by the nightly link checker."),
            ("Archive the 2024 documentation", "Done", admin.AccountId, "Lowest", Array.Empty<string>(), 60, null, 1, null, null, null),
        };
        foreach (var d in docs)
        {
            var custom = new Dictionary<string, object?>();
            if (d.Points is { } points) custom["Story Points"] = points;
            if (d.Audience is not null) custom["Audience"] = d.Audience;
            if (d.Reviewer is not null) custom["Reviewer"] = d.Reviewer;
            seed.AddIssue(new SandboxIssueSeed
            {
                ProjectKey = "DOCS",
                Summary = d.Summary,
                Status = d.Status,
                Assignee = d.Assignee,
                Reporter = admin.AccountId,
                Priority = d.Priority,
                Labels = d.Labels,
                Description = d.Description,
                Created = DaysAgo(d.Age),
                Updated = DaysAgo(Math.Max(0, d.Age / 3)),
                DueDate = d.Due is { } due ? InDays(due) : null,
                FixVersions = d.Status == "Done" ? new[] { "2026.1" } : d.Status == "Ready to Publish" ? new[] { "2026.2" } : Array.Empty<string>(),
                CustomFields = custom,
                Comments = d.Status == "On Hold" ? new[] { "Putting this on hold until the dependency lands." } : Array.Empty<string>(),
            });
        }
        seed.AddIssue(new SandboxIssueSeed { ProjectKey = "DEV", Summary = "Paginate the search endpoint", IssueType = "Story", Status = "In Progress", Assignee = dave.AccountId, Reporter = dave.AccountId, Created = DaysAgo(8), Labels = new[] { "api" } });
        seed.AddIssue(new SandboxIssueSeed { ProjectKey = "DEV", Summary = "Crash when the token expires", IssueType = "Bug", Status = "On Hold", Assignee = dave.AccountId, Reporter = bob.AccountId, Priority = "High", Created = DaysAgo(5) });
    }
}
