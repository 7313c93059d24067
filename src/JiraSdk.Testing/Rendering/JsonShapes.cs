using System.Globalization;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Store;

namespace JiraSdk.Testing.Rendering;

/// <summary>Where and how a response is rendered: the base URL for <c>self</c> links (ending in '/'), the API version
/// (2: wiki strings, 3: ADF) and the deployment mode (Cloud users have account ids, Data Center users names).</summary>
internal sealed record RenderContext(string BaseUrl, int ApiVersion, JiraSandboxMode Mode)
{
    public string Api(string relative) => BaseUrl + "rest/api/" + ApiVersion.ToString(CultureInfo.InvariantCulture) + "/" + relative;
}

/// <summary>The <c>expand</c> options the sandbox honours on issues (spec: IssueBean).</summary>
internal sealed record ExpandOptions(bool RenderedFields, bool Names, bool Changelog, bool Transitions, bool Schema)
{
    public static readonly ExpandOptions None = new(false, false, false, false, false);

    public static ExpandOptions Parse(string? expand)
    {
        if (string.IsNullOrWhiteSpace(expand)) return None;
        var set = expand.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return new(set.Contains("renderedFields"), set.Contains("names"), set.Contains("changelog"), set.Contains("transitions"), set.Contains("schema"));
    }
}

/// <summary>
/// Which fields to return (the <c>fields</c> parameter): <c>*all</c>, <c>*navigable</c>, field ids, or exclusions
/// prefixed with <c>-</c>. <c>id</c> alone (the search default on Cloud) returns no fields.
/// </summary>
internal sealed class FieldSelection
{
    private readonly HashSet<string> _included;
    private readonly HashSet<string> _excluded;
    private readonly bool _all;

    private FieldSelection(bool all, HashSet<string> included, HashSet<string> excluded)
    {
        _all = all;
        _included = included;
        _excluded = excluded;
    }

    public static readonly FieldSelection AllFields = new(true, new(StringComparer.Ordinal), new(StringComparer.Ordinal));
    public static readonly FieldSelection IdOnly = new(false, new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    public static FieldSelection Parse(IEnumerable<string>? fields, FieldSelection whenEmpty)
    {
        var list = fields?.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (list is null || list.Count == 0) return whenEmpty;
        var all = list.Any(f => f is "*all" or "*navigable");
        var excluded = list.Where(f => f.StartsWith('-')).Select(f => f[1..]).ToHashSet(StringComparer.Ordinal);
        var included = list.Where(f => !f.StartsWith('-') && !f.StartsWith('*')).ToHashSet(StringComparer.Ordinal);
        if (!all && included.Count == 0 && excluded.Count > 0) all = true;
        return new FieldSelection(all, included, excluded);
    }

    public static FieldSelection Parse(string fields) => Parse(new[] { fields }, AllFields);

    /// <summary>True when only <c>id</c>/<c>key</c> were asked for (Cloud then allows pages of up to 5000).</summary>
    public bool IsIdOnly => !_all && _included.All(f => f is "id" or "key");

    public bool Includes(string fieldId) => !_excluded.Contains(fieldId) && (_all || _included.Contains(fieldId));
}

/// <summary>Renders the store's records as Jira's REST responses (v2 and v3 share it; only rich text differs).</summary>
internal sealed class JsonShapes
{
    private readonly SandboxStore _store;

    public JsonShapes(SandboxStore store) => _store = store;

    // ---- users --------------------------------------------------------------------------------------------------
    public JsonObject User(UserRecord user, RenderContext ctx, bool forWebhook = false)
    {
        var o = new JsonObject();
        if (ctx.Mode == JiraSandboxMode.Cloud)
        {
            o["self"] = ctx.Api("user?accountId=" + Uri.EscapeDataString(user.AccountId));
            o["accountId"] = user.AccountId;
            o["accountType"] = "atlassian";
        }
        else
        {
            o["self"] = ctx.Api("user?username=" + Uri.EscapeDataString(user.Name));
            o["key"] = user.Name;
            o["name"] = user.Name;
        }
        if (!forWebhook) o["emailAddress"] = user.EmailAddress;
        o["avatarUrls"] = Avatars(ctx, "secure/useravatar?ownerId=" + Uri.EscapeDataString(user.AccountId));
        o["displayName"] = user.DisplayName;
        o["active"] = user.Active;
        o["timeZone"] = user.TimeZone;
        return o;
    }

    public JsonNode? UserOrNull(string? accountId, RenderContext ctx) =>
        _store.FindUser(accountId) is { } user ? User(user, ctx) : null;

    private static JsonObject Avatars(RenderContext ctx, string path) => new()
    {
        ["48x48"] = ctx.BaseUrl + path + "&size=large",
        ["24x24"] = ctx.BaseUrl + path + "&size=small",
        ["16x16"] = ctx.BaseUrl + path + "&size=xsmall",
        ["32x32"] = ctx.BaseUrl + path + "&size=medium",
    };

    // ---- configuration ------------------------------------------------------------------------------------------
    public JsonObject Project(ProjectRecord project, RenderContext ctx, bool full)
    {
        var o = new JsonObject
        {
            ["self"] = ctx.Api("project/" + SandboxStore.Id(project.Id)),
            ["id"] = SandboxStore.Id(project.Id),
            ["key"] = project.Key,
            ["name"] = project.Name,
            ["avatarUrls"] = Avatars(ctx, "secure/projectavatar?pid=" + SandboxStore.Id(project.Id)),
            ["projectTypeKey"] = project.ProjectTypeKey,
            ["simplified"] = false,
            ["style"] = "classic",
            ["isPrivate"] = false,
            ["properties"] = new JsonObject(),
        };
        if (full)
        {
            o["description"] = "";
            if (_store.FindUser(project.LeadAccountId) is { } lead) o["lead"] = User(lead, ctx);
            o["components"] = new JsonArray();
            o["issueTypes"] = new JsonArray(_store.IssueTypes.Select(t => (JsonNode?)IssueType(t, ctx)).ToArray());
            o["assigneeType"] = "UNASSIGNED";
            o["versions"] = new JsonArray(project.Versions.Select(v => (JsonNode?)Version(project, v, ctx)).ToArray());
            o["roles"] = new JsonObject();
        }
        return o;
    }

    public JsonObject ProjectRef(ProjectRecord project, RenderContext ctx) => new()
    {
        ["self"] = ctx.Api("project/" + SandboxStore.Id(project.Id)),
        ["id"] = SandboxStore.Id(project.Id),
        ["key"] = project.Key,
        ["name"] = project.Name,
        ["projectTypeKey"] = project.ProjectTypeKey,
        ["simplified"] = false,
        ["avatarUrls"] = Avatars(ctx, "secure/projectavatar?pid=" + SandboxStore.Id(project.Id)),
    };

    public static JsonObject Version(ProjectRecord project, VersionRecord version, RenderContext ctx) => new()
    {
        ["self"] = ctx.Api("version/" + SandboxStore.Id(version.Id)),
        ["id"] = SandboxStore.Id(version.Id),
        ["name"] = version.Name,
        ["archived"] = false,
        ["released"] = version.Released,
        ["projectId"] = project.Id,
    };

    public static JsonObject IssueType(IssueTypeRecord type, RenderContext ctx) => new()
    {
        ["self"] = ctx.Api("issuetype/" + SandboxStore.Id(type.Id)),
        ["id"] = SandboxStore.Id(type.Id),
        ["description"] = type.Description,
        ["iconUrl"] = ctx.BaseUrl + "images/icons/issuetypes/" + Uri.EscapeDataString(type.Name.ToLowerInvariant()) + ".svg",
        ["name"] = type.Name,
        ["subtask"] = type.Subtask,
        ["hierarchyLevel"] = type.HierarchyLevel,
    };

    public static JsonObject Status(StatusRecord status, RenderContext ctx) => new()
    {
        ["self"] = ctx.Api("status/" + SandboxStore.Id(status.Id)),
        ["description"] = "",
        ["iconUrl"] = ctx.BaseUrl + "images/icons/statuses/generic.png",
        ["name"] = status.Name,
        ["id"] = SandboxStore.Id(status.Id),
        ["statusCategory"] = StatusCategory(status.CategoryKey, ctx),
    };

    public static JsonObject StatusCategory(string key, RenderContext ctx)
    {
        var (id, name, color) = key switch
        {
            "done" => (3, "Done", "green"),
            "indeterminate" => (4, "In Progress", "yellow"),
            _ => (2, "To Do", "blue-gray"),
        };
        return new JsonObject
        {
            ["self"] = ctx.Api("statuscategory/" + id.ToString(CultureInfo.InvariantCulture)),
            ["id"] = id,
            ["key"] = key,
            ["colorName"] = color,
            ["name"] = name,
        };
    }

    public static JsonObject Priority(NamedRecord priority, RenderContext ctx) => new()
    {
        ["self"] = ctx.Api("priority/" + SandboxStore.Id(priority.Id)),
        ["iconUrl"] = ctx.BaseUrl + "images/icons/priorities/" + Uri.EscapeDataString(priority.Name.ToLowerInvariant()) + ".svg",
        ["name"] = priority.Name,
        ["id"] = SandboxStore.Id(priority.Id),
    };

    public static JsonObject Resolution(NamedRecord resolution, RenderContext ctx) => new()
    {
        ["self"] = ctx.Api("resolution/" + SandboxStore.Id(resolution.Id)),
        ["id"] = SandboxStore.Id(resolution.Id),
        ["description"] = resolution.Description,
        ["name"] = resolution.Name,
    };

    public JsonObject Transition(TransitionRecord transition, RenderContext ctx) => new()
    {
        ["id"] = SandboxStore.Id(transition.Id),
        ["name"] = transition.Name,
        ["to"] = Status(_store.Statuses.First(s => s.Id == transition.ToStatusId), ctx),
        ["hasScreen"] = false,
        ["isGlobal"] = true,
        ["isInitial"] = false,
        ["isAvailable"] = true,
        ["isConditional"] = false,
        ["isLooped"] = false,
    };

    /// <summary>The system fields the sandbox knows, as <c>GET /field</c> lists them: id, name, JQL clause names, schema.</summary>
    private static readonly (string Id, string Name, string Type, string? Items, string[] Clauses, bool Orderable)[] SystemFields =
    {
        ("summary", "Summary", "string", null, new[] { "summary" }, true),
        ("description", "Description", "string", null, new[] { "description" }, true),
        ("environment", "Environment", "string", null, new[] { "environment" }, true),
        ("issuetype", "Issue Type", "issuetype", null, new[] { "issuetype", "type" }, true),
        ("project", "Project", "project", null, new[] { "project" }, false),
        ("status", "Status", "status", null, new[] { "status" }, false),
        ("priority", "Priority", "priority", null, new[] { "priority" }, true),
        ("assignee", "Assignee", "user", null, new[] { "assignee" }, true),
        ("reporter", "Reporter", "user", null, new[] { "reporter" }, true),
        ("creator", "Creator", "user", null, new[] { "creator" }, false),
        ("labels", "Labels", "array", "string", new[] { "labels" }, true),
        ("duedate", "Due date", "date", null, new[] { "due", "duedate" }, true),
        ("created", "Created", "datetime", null, new[] { "created", "createdDate" }, false),
        ("updated", "Updated", "datetime", null, new[] { "updated", "updatedDate" }, false),
        ("resolution", "Resolution", "resolution", null, new[] { "resolution" }, true),
        ("resolutiondate", "Resolved", "datetime", null, new[] { "resolved", "resolutiondate" }, false),
        ("parent", "Parent", "issuelink", null, new[] { "parent" }, true),
        ("fixVersions", "Fix versions", "array", "version", new[] { "fixVersion" }, true),
        ("comment", "Comment", "comments-page", null, new[] { "comment" }, true),
        ("worklog", "Log Work", "array", "worklog", new[] { "worklog" }, true),
        ("attachment", "Attachment", "array", "attachment", new[] { "attachments" }, true),
        ("issuelinks", "Linked Issues", "array", "issuelinks", new[] { "issueLink" }, true),
        ("subtasks", "Sub-tasks", "array", "issuelinks", new[] { "subtasks" }, false),
        ("timespent", "Time Spent", "number", null, new[] { "timespent" }, false),
        ("statuscategorychangedate", "Status Category Changed", "datetime", null, new[] { "statusCategoryChangedDate" }, false),
    };

    private static string CustomTypeKey(string kind) => kind switch
    {
        "number" => "com.atlassian.jira.plugin.system.customfieldtypes:float",
        "select" => "com.atlassian.jira.plugin.system.customfieldtypes:select",
        "user" => "com.atlassian.jira.plugin.system.customfieldtypes:userpicker",
        "textarea" => "com.atlassian.jira.plugin.system.customfieldtypes:textarea",
        _ => "com.atlassian.jira.plugin.system.customfieldtypes:textfield",
    };

    private static string CustomSchemaType(string kind) => kind switch { "number" => "number", "select" => "option", "user" => "user", _ => "string" };

    /// <summary>The <c>GET /rest/api/{2,3}/field</c> response (spec: FieldDetails); also the JQL engine's field definitions.</summary>
    public IReadOnlyList<JsonObject> FieldDefinitions()
    {
        var list = new List<JsonObject>();
        foreach (var f in SystemFields)
        {
            var schema = new JsonObject { ["type"] = f.Type, ["system"] = f.Id };
            if (f.Items is not null) schema["items"] = f.Items;
            list.Add(new JsonObject
            {
                ["id"] = f.Id, ["key"] = f.Id, ["name"] = f.Name, ["custom"] = false, ["orderable"] = f.Orderable, ["navigable"] = true, ["searchable"] = true,
                ["clauseNames"] = new JsonArray(f.Clauses.Select(c => (JsonNode?)c).ToArray()), ["schema"] = schema,
            });
        }
        foreach (var c in _store.CustomFields)
        {
            list.Add(new JsonObject
            {
                ["id"] = c.FieldId, ["key"] = c.FieldId, ["name"] = c.Name, ["custom"] = true, ["orderable"] = true,
                ["navigable"] = true, ["searchable"] = true,
                ["clauseNames"] = new JsonArray("cf[" + SandboxStore.Id(c.Id) + "]", c.Name),
                ["schema"] = new JsonObject { ["type"] = CustomSchemaType(c.Kind), ["custom"] = CustomTypeKey(c.Kind), ["customId"] = c.Id },
            });
        }
        return list;
    }

    public JsonObject FieldSchema(string fieldId)
    {
        var definition = FieldDefinitions().FirstOrDefault(f => (string?)f["id"] == fieldId);
        return definition?["schema"]?.DeepClone() as JsonObject ?? new JsonObject { ["type"] = "any" };
    }

    public string FieldName(string fieldId) =>
        SystemFields.FirstOrDefault(f => f.Id == fieldId).Name ?? _store.FindCustomField(fieldId)?.Name ?? fieldId;

    // ---- issues -------------------------------------------------------------------------------------------------
    /// <summary>An issue in the v2 shape with every field, for the JQL engine (see the sandbox contract).</summary>
    public JsonObject IssueForEngine(IssueRecord issue)
    {
        var ctx = new RenderContext(_store.SiteBaseUrl, 2, JiraSandboxMode.Cloud);
        var o = Issue(issue, ctx, FieldSelection.AllFields, ExpandOptions.None);
        var fields = (JsonObject)o["fields"]!;
        // The engine matches users by account id, email or display name, and names (Data Center) too.
        foreach (var name in new[] { "assignee", "reporter", "creator" })
            if (fields[name] is JsonObject u && _store.FindUser((string?)u["accountId"]) is { } user) u["name"] = user.Name;
        // Text search (~) reads plain text, not wiki markup.
        fields["description"] = issue.Description is null ? null : WireRichText.ToPlainText(issue.Description);
        fields["environment"] = issue.Environment is null ? null : WireRichText.ToPlainText(issue.Environment);
        if (fields["comment"]?["comments"] is JsonArray comments)
            for (var i = 0; i < comments.Count && i < issue.Comments.Count; i++)
                if (comments[i] is JsonObject c) c["body"] = WireRichText.ToPlainText(issue.Comments[i].Body);
        foreach (var field in _store.CustomFields.Where(f => f.Kind == "textarea"))
            if (issue.Custom.TryGetValue(field.FieldId, out var stored) && (string?)stored is { } text) fields[field.FieldId] = WireRichText.ToPlainText(text);
        return o;
    }

    public JsonObject Issue(IssueRecord issue, RenderContext ctx, FieldSelection selection, ExpandOptions expand)
    {
        var o = new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = SandboxStore.Id(issue.Id),
            ["self"] = ctx.Api("issue/" + SandboxStore.Id(issue.Id)),
            ["key"] = issue.Key,
        };
        var fields = new JsonObject();
        foreach (var (id, value) in FieldValues(issue, ctx))
            if (selection.Includes(id)) fields[id] = value;
        o["fields"] = fields;
        if (expand.RenderedFields)
        {
            var rendered = new JsonObject();
            foreach (var (id, _) in fields)
            {
                rendered[id] = id switch
                {
                    "description" => issue.Description is null ? null : WireRichText.ToHtml(issue.Description),
                    "environment" => issue.Environment is null ? null : WireRichText.ToHtml(issue.Environment),
                    "comment" => CommentsPage(issue, ctx, html: true),
                    "created" => issue.Created.ToString("dd/MMM/yy h:mm tt", CultureInfo.InvariantCulture),
                    "updated" => issue.Updated.ToString("dd/MMM/yy h:mm tt", CultureInfo.InvariantCulture),
                    _ => null,
                };
            }
            o["renderedFields"] = rendered;
        }
        if (expand.Names)
        {
            var names = new JsonObject();
            foreach (var (id, _) in fields) names[id] = FieldName(id);
            o["names"] = names;
        }
        if (expand.Schema)
        {
            var schema = new JsonObject();
            foreach (var (id, _) in fields) schema[id] = FieldSchema(id);
            o["schema"] = schema;
        }
        if (expand.Transitions)
            o["transitions"] = new JsonArray(_store.TransitionsFor(issue).Select(t => (JsonNode?)Transition(t, ctx)).ToArray());
        if (expand.Changelog)
        {
            var histories = Histories(issue, ctx).Reverse().ToArray();
            o["changelog"] = new JsonObject { ["startAt"] = 0, ["maxResults"] = histories.Length, ["total"] = histories.Length, ["histories"] = new JsonArray(histories) };
        }
        return o;
    }

    private IEnumerable<(string Id, JsonNode? Value)> FieldValues(IssueRecord issue, RenderContext ctx)
    {
        var project = _store.ProjectOf(issue);
        var status = _store.StatusOf(issue);
        yield return ("summary", issue.Summary);
        yield return ("description", WireRichText.ToWire(issue.Description, ctx.ApiVersion));
        yield return ("environment", WireRichText.ToWire(issue.Environment, ctx.ApiVersion));
        yield return ("issuetype", IssueType(_store.IssueTypes.First(t => t.Id == issue.IssueTypeId), ctx));
        yield return ("project", ProjectRef(project, ctx));
        yield return ("status", Status(status, ctx));
        yield return ("statuscategorychangedate", JiraTime.Format(issue.Created));
        yield return ("priority", issue.PriorityId is { } p && SandboxStore.FindNamed(_store.Priorities, SandboxStore.Id(p)) is { } priority ? Priority(priority, ctx) : null);
        yield return ("assignee", UserOrNull(issue.AssigneeId, ctx));
        yield return ("reporter", UserOrNull(issue.ReporterId, ctx));
        yield return ("creator", UserOrNull(issue.CreatorId, ctx));
        yield return ("labels", new JsonArray(issue.Labels.Select(l => (JsonNode?)l).ToArray()));
        yield return ("duedate", issue.DueDate is { } due ? JiraTime.Format(due) : null);
        yield return ("created", JiraTime.Format(issue.Created));
        yield return ("updated", JiraTime.Format(issue.Updated));
        yield return ("resolution", issue.ResolutionId is { } r && SandboxStore.FindNamed(_store.Resolutions, SandboxStore.Id(r)) is { } resolution ? Resolution(resolution, ctx) : null);
        yield return ("resolutiondate", issue.ResolutionDate is { } resolved ? JiraTime.Format(resolved) : null);
        if (issue.ParentId is { } parentId && _store.Issues.TryGetValue(parentId, out var parent)) yield return ("parent", IssueRef(parent, ctx));
        yield return ("fixVersions", new JsonArray(issue.FixVersionIds.Select(id => project.Versions.FirstOrDefault(v => v.Id == id)).OfType<VersionRecord>()
            .Select(v => (JsonNode?)Version(project, v, ctx)).ToArray()));
        yield return ("comment", CommentsPage(issue, ctx, html: false));
        yield return ("worklog", new JsonObject
        {
            ["startAt"] = 0, ["maxResults"] = 20, ["total"] = issue.Worklogs.Count,
            ["worklogs"] = new JsonArray(issue.Worklogs.Take(20).Select(w => (JsonNode?)Worklog(issue, w, ctx)).ToArray()),
        });
        yield return ("attachment", new JsonArray(issue.Attachments.Select(a => (JsonNode?)Attachment(a, ctx)).ToArray()));
        yield return ("issuelinks", new JsonArray(_store.Links.Values.Where(l => l.InwardIssueId == issue.Id || l.OutwardIssueId == issue.Id)
            .Select(l => (JsonNode?)IssueLink(l, issue.Id, ctx)).ToArray()));
        yield return ("subtasks", new JsonArray(_store.Issues.Values.Where(i => i.ParentId == issue.Id).Select(i => (JsonNode?)IssueRef(i, ctx)).ToArray()));
        var spent = issue.Worklogs.Sum(w => w.TimeSpentSeconds);
        yield return ("timespent", spent == 0 ? null : JsonValue.Create(spent));
        foreach (var field in _store.CustomFields)
        {
            issue.Custom.TryGetValue(field.FieldId, out var stored);
            yield return (field.FieldId, CustomValue(field, stored, ctx));
        }
    }

    private JsonNode? CustomValue(CustomFieldRecord field, JsonNode? stored, RenderContext ctx)
    {
        if (stored is null) return null;
        switch (field.Kind)
        {
            case "select":
                var option = SandboxStore.FindNamed(field.Options, (string?)stored);
                return option is null ? null : new JsonObject
                {
                    ["self"] = ctx.Api("customFieldOption/" + SandboxStore.Id(option.Id)), ["value"] = option.Name, ["id"] = SandboxStore.Id(option.Id),
                };
            case "user":
                return UserOrNull((string?)stored, ctx);
            case "textarea":
                return WireRichText.ToWire((string?)stored, ctx.ApiVersion);
            default:
                return stored.DeepClone();
        }
    }

    /// <summary>The cut-down issue Jira nests in parents, subtasks and links: id, key and a few fields.</summary>
    public JsonObject IssueRef(IssueRecord issue, RenderContext ctx) => new()
    {
        ["id"] = SandboxStore.Id(issue.Id),
        ["key"] = issue.Key,
        ["self"] = ctx.Api("issue/" + SandboxStore.Id(issue.Id)),
        ["fields"] = new JsonObject
        {
            ["summary"] = issue.Summary,
            ["status"] = Status(_store.StatusOf(issue), ctx),
            ["priority"] = issue.PriorityId is { } p && SandboxStore.FindNamed(_store.Priorities, SandboxStore.Id(p)) is { } priority ? Priority(priority, ctx) : null,
            ["issuetype"] = IssueType(_store.IssueTypes.First(t => t.Id == issue.IssueTypeId), ctx),
        },
    };

    public JsonObject IssueLink(IssueLinkRecord link, long fromIssueId, RenderContext ctx)
    {
        var type = _store.LinkTypes.First(t => t.Id == link.TypeId);
        var o = new JsonObject
        {
            ["id"] = SandboxStore.Id(link.Id),
            ["self"] = ctx.Api("issueLink/" + SandboxStore.Id(link.Id)),
            ["type"] = LinkType(type, ctx),
        };
        // Seen from the outward (source) issue the other end is the inward issue, and vice versa.
        if (link.OutwardIssueId == fromIssueId) o["inwardIssue"] = IssueRef(_store.Issues[link.InwardIssueId], ctx);
        else o["outwardIssue"] = IssueRef(_store.Issues[link.OutwardIssueId], ctx);
        return o;
    }

    /// <summary><c>GET /issueLink/{id}</c>: both ends.</summary>
    public JsonObject IssueLinkFull(IssueLinkRecord link, RenderContext ctx) => new()
    {
        ["id"] = SandboxStore.Id(link.Id),
        ["self"] = ctx.Api("issueLink/" + SandboxStore.Id(link.Id)),
        ["type"] = LinkType(_store.LinkTypes.First(t => t.Id == link.TypeId), ctx),
        ["inwardIssue"] = IssueRef(_store.Issues[link.InwardIssueId], ctx),
        ["outwardIssue"] = IssueRef(_store.Issues[link.OutwardIssueId], ctx),
    };

    public static JsonObject LinkType(LinkTypeRecord type, RenderContext ctx) => new()
    {
        ["id"] = SandboxStore.Id(type.Id),
        ["name"] = type.Name,
        ["inward"] = type.Inward,
        ["outward"] = type.Outward,
        ["self"] = ctx.Api("issueLinkType/" + SandboxStore.Id(type.Id)),
    };

    public JsonObject CommentsPage(IssueRecord issue, RenderContext ctx, bool html) => new()
    {
        ["comments"] = new JsonArray(issue.Comments.Select(c => (JsonNode?)Comment(issue, c, ctx, html)).ToArray()),
        ["self"] = ctx.Api("issue/" + SandboxStore.Id(issue.Id) + "/comment"),
        ["maxResults"] = issue.Comments.Count,
        ["total"] = issue.Comments.Count,
        ["startAt"] = 0,
    };

    public JsonObject Comment(IssueRecord issue, CommentRecord comment, RenderContext ctx, bool html = false)
    {
        var o = new JsonObject
        {
            ["self"] = ctx.Api("issue/" + SandboxStore.Id(issue.Id) + "/comment/" + SandboxStore.Id(comment.Id)),
            ["id"] = SandboxStore.Id(comment.Id),
            ["author"] = UserOrNull(comment.AuthorId, ctx),
            ["body"] = html ? WireRichText.ToHtml(comment.Body) : WireRichText.ToWire(comment.Body, ctx.ApiVersion),
            ["updateAuthor"] = UserOrNull(comment.UpdateAuthorId, ctx),
            ["created"] = JiraTime.Format(comment.Created),
            ["updated"] = JiraTime.Format(comment.Updated),
        };
        if (ctx.Mode == JiraSandboxMode.Cloud) o["jsdPublic"] = true;
        return o;
    }

    public JsonObject Worklog(IssueRecord issue, WorklogRecord worklog, RenderContext ctx)
    {
        var o = new JsonObject
        {
            ["self"] = ctx.Api("issue/" + SandboxStore.Id(issue.Id) + "/worklog/" + SandboxStore.Id(worklog.Id)),
            ["author"] = UserOrNull(worklog.AuthorId, ctx),
            ["updateAuthor"] = UserOrNull(worklog.UpdateAuthorId, ctx),
        };
        if (worklog.Comment is not null) o["comment"] = WireRichText.ToWire(worklog.Comment, ctx.ApiVersion);
        o["created"] = JiraTime.Format(worklog.Created);
        o["updated"] = JiraTime.Format(worklog.Updated);
        o["started"] = JiraTime.Format(worklog.Started);
        o["timeSpent"] = FormatDuration(worklog.TimeSpentSeconds);
        o["timeSpentSeconds"] = worklog.TimeSpentSeconds;
        o["id"] = SandboxStore.Id(worklog.Id);
        o["issueId"] = SandboxStore.Id(issue.Id);
        return o;
    }

    /// <summary>Jira's display of a duration (8-hour days, 5-day weeks): <c>1d 2h 30m</c>.</summary>
    public static string FormatDuration(long seconds)
    {
        var parts = new List<string>();
        var minutes = seconds / 60;
        foreach (var (unit, size) in new[] { ("w", 5L * 8 * 60), ("d", 8L * 60), ("h", 60L), ("m", 1L) })
        {
            if (minutes >= size) { parts.Add((minutes / size).ToString(CultureInfo.InvariantCulture) + unit); minutes %= size; }
        }
        return parts.Count == 0 ? "0m" : string.Join(' ', parts);
    }

    public JsonObject Attachment(AttachmentRecord attachment, RenderContext ctx)
    {
        var id = SandboxStore.Id(attachment.Id);
        return new JsonObject
        {
            ["self"] = ctx.Api("attachment/" + id),
            ["id"] = id,
            ["filename"] = attachment.FileName,
            ["author"] = UserOrNull(attachment.AuthorId, ctx),
            ["created"] = JiraTime.Format(attachment.Created),
            ["size"] = attachment.Content.LongLength,
            ["mimeType"] = attachment.MimeType,
            // Cloud serves content through the REST API; Data Center through /secure/attachment.
            ["content"] = ctx.Mode == JiraSandboxMode.Cloud
                ? ctx.Api("attachment/content/" + id)
                : ctx.BaseUrl + "secure/attachment/" + id + "/" + Uri.EscapeDataString(attachment.FileName),
        };
    }

    public IEnumerable<JsonObject> Histories(IssueRecord issue, RenderContext ctx) =>
        issue.Changelog.Select(h => new JsonObject
        {
            ["id"] = SandboxStore.Id(h.Id),
            ["author"] = UserOrNull(h.AuthorId, ctx),
            ["created"] = JiraTime.Format(h.Created),
            ["items"] = ChangeItems(h.Items, omitNulls: true),
        });

    /// <summary>Changelog items (spec: ChangeDetails). Webhook payloads carry empty ends as null (EVENTS.md §5); REST
    /// responses leave them out, as the spec types them as strings.</summary>
    public JsonArray ChangeItems(IEnumerable<ChangeItemRecord> items, bool omitNulls = false) =>
        new(items.Select(i =>
        {
            var o = new JsonObject { ["field"] = i.Field, ["fieldtype"] = i.FieldType, ["fieldId"] = i.FieldId };
            foreach (var (name, value) in new[] { ("from", i.From), ("fromString", i.FromString), ("to", i.To), ("toString", i.ToString_) })
                if (value is not null || !omitNulls) o[name] = value;
            return (JsonNode?)o;
        }).ToArray());
}
