using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Rendering;

namespace JiraSdk.Testing.Store;

// Issue writes: create, edit (fields and update operations), assign, transition, delete. Field values are read in
// the shapes Jira's create/edit operations accept (spec: IssueUpdateDetails), and every change is recorded as a
// changelog entry and a webhook event.
internal sealed partial class SandboxStore
{
    private const string NotOnScreen = "Field '{0}' cannot be set. It is not on the appropriate screen, or unknown.";

    public IssueRecord CreateIssue(JsonObject body, int apiVersion, UserRecord actor, bool raiseEvents = true)
    {
        var fields = body["fields"] as JsonObject ?? new JsonObject();
        var errors = new Dictionary<string, string>();
        var project = fields["project"] is JsonObject p ? FindProject((string?)p["key"] ?? ReadId(p["id"])) : null;
        if (project is null) errors["project"] = "Specify a valid project ID or key";
        var type = fields["issuetype"] is JsonObject t ? FindIssueType(ReadId(t["id"]) ?? (string?)t["name"]) : null;
        if (type is null) errors["issuetype"] = "Specify an issue type";
        if (fields["summary"] is not JsonValue s || !s.TryGetValue<string>(out var summary) || string.IsNullOrWhiteSpace(summary))
            errors["summary"] = "You must specify a summary of the issue.";
        if (errors.Count > 0) throw new JiraRestException(HttpStatusCode.BadRequest, Array.Empty<string>(), errors);

        var now = Now;
        var issue = new IssueRecord
        {
            ProjectId = project!.Id,
            IssueTypeId = type!.Id,
            StatusId = Statuses[0].Id,
            Created = now,
            Updated = now,
            ReporterId = actor.AccountId,
            CreatorId = actor.AccountId,
            PriorityId = Priorities.Count >= 3 ? Priorities[2].Id : Priorities.FirstOrDefault()?.Id,
        };
        var rest = new JsonObject();
        foreach (var (name, value) in fields)
            if (name is not ("project" or "issuetype")) rest[name] = value?.DeepClone();
        ApplyFields(issue, rest, apiVersion, new List<ChangeItemRecord>(), creating: true);
        if (body["update"] is JsonObject update) ApplyUpdate(issue, update, apiVersion, actor, new List<ChangeItemRecord>(), creating: true);

        issue.Id = NextId("issue");
        issue.Key = project.Key + "-" + project.NextIssueNumber.ToString(CultureInfo.InvariantCulture);
        project.NextIssueNumber++;
        PersistProject(project);
        Issues[issue.Id] = issue;
        MarkWritten(issue, isNew: true);
        PersistIssue(issue);
        if (raiseEvents) RaiseIssueEvent(issue, "jira:issue_created", "issue_created", actor, null);
        return issue;
    }

    public void EditIssue(IssueRecord issue, JsonObject body, int apiVersion, UserRecord actor)
    {
        var changes = new List<ChangeItemRecord>();
        var before = Shapes.IssueForEngine(issue);
        if (body["fields"] is JsonObject fields)
        {
            if (fields.ContainsKey("project")) throw JiraRestException.Field("project", string.Format(CultureInfo.InvariantCulture, NotOnScreen, "project"));
            ApplyFields(issue, fields, apiVersion, changes, creating: false);
        }
        if (body["update"] is JsonObject update) ApplyUpdate(issue, update, apiVersion, actor, changes, creating: false);
        CommitChanges(issue, actor, changes, before, "issue_updated");
    }

    public void Assign(IssueRecord issue, JsonObject body, UserRecord actor)
    {
        var before = Shapes.IssueForEngine(issue);
        var changes = new List<ChangeItemRecord>();
        var fields = new JsonObject { ["assignee"] = body.DeepClone() };
        // PUT /issue/{key}/assignee: {"accountId": null} unassigns; "-1" means the project's default (unassigned here).
        if (body["accountId"] is null && body["name"] is null || (string?)body["accountId"] == "-1") fields["assignee"] = null;
        ApplyFields(issue, fields, 2, changes, creating: false);
        CommitChanges(issue, actor, changes, before, "issue_assigned");
    }

    public void DoTransition(IssueRecord issue, JsonObject body, int apiVersion, UserRecord actor)
    {
        var id = ReadId((body["transition"] as JsonObject)?["id"]);
        var transition = id is null ? null : TransitionsFor(issue).FirstOrDefault(t => Id(t.Id) == id);
        if (transition is null)
            throw JiraRestException.BadRequest($"Transition id '{id}' is not valid for this issue.");
        var before = Shapes.IssueForEngine(issue);
        var changes = new List<ChangeItemRecord>();
        var from = StatusOf(issue);
        var to = Statuses.First(s => s.Id == transition.ToStatusId);
        issue.StatusId = to.Id;
        changes.Add(new ChangeItemRecord { Field = "status", FieldId = "status", From = Id(from.Id), FromString = from.Name, To = Id(to.Id), ToString_ = to.Name });
        if (body["fields"] is JsonObject fields) ApplyFields(issue, fields, apiVersion, changes, creating: false);
        if (body["update"] is JsonObject update) ApplyUpdate(issue, update, apiVersion, actor, changes, creating: false);
        // Jira's default workflow sets a resolution when an issue reaches a done status and clears it when it leaves one.
        if (to.CategoryKey == "done" && issue.ResolutionId is null && Resolutions.Count > 0)
        {
            issue.ResolutionId = Resolutions[0].Id;
            changes.Add(new ChangeItemRecord { Field = "resolution", FieldId = "resolution", To = Id(Resolutions[0].Id), ToString_ = Resolutions[0].Name });
        }
        else if (to.CategoryKey != "done" && issue.ResolutionId is { } old)
        {
            changes.Add(new ChangeItemRecord { Field = "resolution", FieldId = "resolution", From = Id(old), FromString = FindNamed(Resolutions, Id(old))?.Name });
            issue.ResolutionId = null;
        }
        issue.ResolutionDate = issue.ResolutionId is null ? null : issue.ResolutionDate ?? Now;
        CommitChanges(issue, actor, changes, before, "issue_generic");
    }

    public void DeleteIssue(IssueRecord issue, bool deleteSubtasks, UserRecord actor)
    {
        var subtasks = Issues.Values.Where(i => i.ParentId == issue.Id).ToList();
        if (subtasks.Count > 0 && !deleteSubtasks)
            throw JiraRestException.BadRequest($"The issue '{issue.Key}' has subtasks. Set deleteSubtasks=true to delete them too.");
        foreach (var subtask in subtasks) DeleteIssue(subtask, true, actor);
        var payload = IssuePayload(issue, "jira:issue_deleted", "issue_deleted", actor);
        var engineShape = Shapes.IssueForEngine(issue);
        foreach (var link in Links.Values.Where(l => l.InwardIssueId == issue.Id || l.OutwardIssueId == issue.Id).ToList())
            RemoveLink(link, actor, secondary: true);
        Issues.Remove(issue.Id);
        Unpersist("issue", Id(issue.Id));
        Raise(new SandboxChange("jira:issue_deleted", payload, engineShape, Secondary: false));
        // Dependent deletions follow as Secondary flow (EVENTS.md §3).
        foreach (var comment in issue.Comments)
            Raise(new SandboxChange("comment_deleted", CommentPayload(issue, comment, "comment_deleted"), engineShape, Secondary: true));
        foreach (var attachment in issue.Attachments)
            Raise(new SandboxChange("attachment_deleted", AttachmentPayload(attachment, "attachment_deleted"), engineShape, Secondary: true));
    }

    /// <summary>Stamps <c>updated</c>, appends a changelog entry and fires <c>jira:issue_updated</c> when anything changed.</summary>
    private void CommitChanges(IssueRecord issue, UserRecord actor, List<ChangeItemRecord> changes, JsonObject before, string eventTypeName, JsonObject? comment = null)
    {
        if (changes.Count == 0 && comment is null) return;
        issue.Updated = Now;
        ChangeHistoryRecord? history = null;
        if (changes.Count > 0)
        {
            history = new ChangeHistoryRecord { Id = NextId("changelog"), AuthorId = actor.AccountId, Created = issue.Updated, Items = changes };
            issue.Changelog.Add(history);
        }
        MarkWritten(issue, isNew: false, before);
        PersistIssue(issue);
        RaiseIssueEvent(issue, "jira:issue_updated", eventTypeName, actor, history, comment);
    }

    /// <summary>Eventual consistency: search keeps seeing the previous state (or nothing) for <see cref="SearchDelay"/>.</summary>
    private void MarkWritten(IssueRecord issue, bool isNew, JsonObject? before = null)
    {
        if (SearchDelay <= TimeSpan.Zero) { issue.SearchIndexed = true; issue.SearchSnapshot = null; return; }
        var now = Time.GetUtcNow();
        if (isNew) { issue.SearchIndexed = false; issue.SearchSnapshot = null; }
        else if (now >= issue.SearchVisibleAt) { issue.SearchIndexed = true; issue.SearchSnapshot = before; }
        issue.SearchVisibleAt = now + SearchDelay;
    }

    /// <summary>What search sees of an issue now: its state, its previous state while a write settles, or nothing.</summary>
    public JsonObject? SearchView(IssueRecord issue, DateTimeOffset now)
    {
        if (now >= issue.SearchVisibleAt) return Shapes.IssueForEngine(issue);
        if (!issue.SearchIndexed) return null;
        return issue.SearchSnapshot ?? Shapes.IssueForEngine(issue);
    }

    private void ApplyUpdate(IssueRecord issue, JsonObject update, int apiVersion, UserRecord actor, List<ChangeItemRecord> changes, bool creating)
    {
        foreach (var (field, operations) in update)
        {
            if (operations is not JsonArray ops) throw JiraRestException.Field(field, "Field operations must be an array.");
            foreach (var op in ops.OfType<JsonObject>())
            {
                foreach (var (verb, value) in op)
                {
                    switch (field, verb)
                    {
                        case ("labels", "add"):
                        case ("labels", "remove"):
                        {
                            var labels = new List<string>(issue.Labels);
                            var label = value?.GetValue<string>() ?? "";
                            if (verb == "add") { if (!labels.Contains(label, StringComparer.Ordinal)) labels.Add(label); }
                            else labels.Remove(label);
                            ApplyFields(issue, new JsonObject { ["labels"] = new JsonArray(labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()) }, apiVersion, changes, creating);
                            break;
                        }
                        case ("fixVersions", "add"):
                        case ("fixVersions", "remove"):
                        {
                            var project = Projects.First(p => p.Id == issue.ProjectId);
                            var version = ResolveVersion(project, value, "fixVersions");
                            var ids = new List<long>(issue.FixVersionIds);
                            if (verb == "add") { if (!ids.Contains(version.Id)) ids.Add(version.Id); } else ids.Remove(version.Id);
                            ApplyFields(issue, new JsonObject { ["fixVersions"] = new JsonArray(ids.Select(i => (JsonNode?)new JsonObject { ["id"] = Id(i) }).ToArray()) }, apiVersion, changes, creating);
                            break;
                        }
                        case ("comment", "add"):
                            if (creating) throw JiraRestException.Field("comment", string.Format(CultureInfo.InvariantCulture, NotOnScreen, "comment"));
                            AddCommentRecord(issue, (value as JsonObject)?["body"], apiVersion, actor);
                            break;
                        case (_, "set"):
                            ApplyFields(issue, new JsonObject { [field] = value?.DeepClone() }, apiVersion, changes, creating);
                            break;
                        default:
                            throw JiraRestException.Field(field, $"Operation '{verb}' is not supported for field '{field}'.");
                    }
                }
            }
        }
    }

    private void ApplyFields(IssueRecord issue, JsonObject fields, int apiVersion, List<ChangeItemRecord> changes, bool creating)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (name, value) in fields)
        {
            try
            {
                ApplyField(issue, name, value, apiVersion, changes, creating);
            }
            catch (JiraRestException e)
            {
                foreach (var (k, v) in e.Errors) errors[k] = v;
                if (e.Errors.Count == 0) errors[name] = e.Message;
            }
        }
        if (errors.Count > 0) throw new JiraRestException(HttpStatusCode.BadRequest, Array.Empty<string>(), errors);
    }

    private void ApplyField(IssueRecord issue, string name, JsonNode? value, int apiVersion, List<ChangeItemRecord> changes, bool creating)
    {
        switch (name)
        {
            case "summary":
            {
                var text = ReadString(value, name);
                if (string.IsNullOrWhiteSpace(text)) throw JiraRestException.Field(name, "You must specify a summary of the issue.");
                if (text.Length > 255) throw JiraRestException.Field(name, "Summary must be less than 255 characters.");
                Change(changes, "summary", "summary", null, issue.Summary, null, text);
                issue.Summary = text;
                return;
            }
            case "description":
            case "environment":
            {
                var text = WireRichText.FromWire(value, apiVersion, name);
                var old = name == "description" ? issue.Description : issue.Environment;
                if (old == text) return;
                // Changelog strings carry the text as wiki markup, not the stored document's JSON.
                Change(changes, name, name, null, old is null ? null : WireRichText.ToWiki(old), null, text is null ? null : WireRichText.ToWiki(text));
                if (name == "description") issue.Description = text; else issue.Environment = text;
                return;
            }
            case "assignee":
            case "reporter":
            {
                var user = value is null ? null : ResolveUser(value, name);
                var old = name == "assignee" ? issue.AssigneeId : issue.ReporterId;
                if (old == user?.AccountId) return;
                if (name == "reporter" && user is null) throw JiraRestException.Field(name, "Reporter is required.");
                Change(changes, name, name, old, FindUser(old)?.DisplayName, user?.AccountId, user?.DisplayName);
                if (name == "assignee") issue.AssigneeId = user?.AccountId; else issue.ReporterId = user?.AccountId;
                return;
            }
            case "priority":
            {
                var priority = value is JsonObject o ? FindNamed(Priorities, ReadId(o["id"]) ?? (string?)o["name"]) : null;
                if (priority is null) throw JiraRestException.Field(name, "Specify the Priority (id or name) in the request");
                if (issue.PriorityId == priority.Id) return;
                Change(changes, name, name, issue.PriorityId is { } op ? Id(op) : null, FindNamed(Priorities, issue.PriorityId is { } p2 ? Id(p2) : null)?.Name, Id(priority.Id), priority.Name);
                issue.PriorityId = priority.Id;
                return;
            }
            case "labels":
            {
                var labels = new List<string>();
                if (value is JsonArray array)
                {
                    foreach (var item in array)
                    {
                        var label = ReadString(item, name);
                        if (label.Any(char.IsWhiteSpace)) throw JiraRestException.Field(name, $"The label '{label}' contains spaces which is invalid.");
                        if (!labels.Contains(label, StringComparer.Ordinal)) labels.Add(label);
                    }
                }
                else if (value is not null) throw JiraRestException.Field(name, "Operation value must be an array of strings");
                if (labels.SequenceEqual(issue.Labels, StringComparer.Ordinal)) return;
                Change(changes, name, name, null, string.Join(' ', issue.Labels), null, string.Join(' ', labels));
                issue.Labels = labels;
                return;
            }
            case "duedate":
            {
                DateOnly? date = null;
                if (value is not null)
                {
                    if (!JiraTime.TryParseDate(ReadString(value, name), out var parsed))
                        throw JiraRestException.Field(name, "Error parsing date string: " + value.ToJsonString());
                    date = parsed;
                }
                if (issue.DueDate == date) return;
                Change(changes, name, name, issue.DueDate is { } o ? JiraTime.Format(o) : null, issue.DueDate is { } o2 ? JiraTime.Format(o2) + " 00:00:00.0" : null,
                    date is { } n ? JiraTime.Format(n) : null, date is { } n2 ? JiraTime.Format(n2) + " 00:00:00.0" : null);
                issue.DueDate = date;
                return;
            }
            case "parent":
            {
                IssueRecord? parent = null;
                if (value is JsonObject o)
                {
                    parent = FindIssue((string?)o["key"] ?? ReadId(o["id"]));
                    if (parent is null) throw JiraRestException.Field(name, "Could not find issue by id or key.");
                    if (parent.Id == issue.Id && !creating) throw JiraRestException.Field(name, "An issue cannot be its own parent.");
                }
                if (issue.ParentId == parent?.Id) return;
                Change(changes, "IssueParentAssociation", "parent", issue.ParentId is { } op ? Id(op) : null, issue.ParentId is { } op2 && Issues.TryGetValue(op2, out var oldParent) ? oldParent.Key : null,
                    parent is null ? null : Id(parent.Id), parent?.Key);
                issue.ParentId = parent?.Id;
                return;
            }
            case "fixVersions":
            {
                var project = Projects.First(p => p.Id == issue.ProjectId);
                var ids = value is JsonArray array ? array.Select(v => ResolveVersion(project, v, name).Id).Distinct().ToList() : new List<long>();
                if (ids.SequenceEqual(issue.FixVersionIds)) return;
                Change(changes, "Fix Version", "fixVersions", null, string.Join(", ", issue.FixVersionIds.Select(i => project.Versions.First(v => v.Id == i).Name)),
                    null, string.Join(", ", ids.Select(i => project.Versions.First(v => v.Id == i).Name)));
                issue.FixVersionIds = ids;
                return;
            }
            case "issuetype":
            {
                var type = value is JsonObject o ? FindIssueType(ReadId(o["id"]) ?? (string?)o["name"]) : null;
                if (type is null) throw JiraRestException.Field(name, "Specify a valid issue type");
                if (type.Id == issue.IssueTypeId) return;
                var old = IssueTypes.First(t => t.Id == issue.IssueTypeId);
                Change(changes, name, name, Id(old.Id), old.Name, Id(type.Id), type.Name);
                issue.IssueTypeId = type.Id;
                return;
            }
            case "resolution":
            {
                var resolution = value is JsonObject o ? FindNamed(Resolutions, ReadId(o["id"]) ?? (string?)o["name"]) : null;
                if (value is not null && resolution is null) throw JiraRestException.Field(name, "Specify a valid resolution");
                if (issue.ResolutionId == resolution?.Id) return;
                Change(changes, name, name, issue.ResolutionId is { } r ? Id(r) : null, issue.ResolutionId is { } r2 ? FindNamed(Resolutions, Id(r2))?.Name : null,
                    resolution is null ? null : Id(resolution.Id), resolution?.Name);
                issue.ResolutionId = resolution?.Id;
                issue.ResolutionDate = resolution is null ? null : Now;
                return;
            }
        }
        var custom = CustomFields.FirstOrDefault(f => f.FieldId == name)
            ?? throw JiraRestException.Field(name, string.Format(CultureInfo.InvariantCulture, NotOnScreen, name));
        var (stored, display) = ReadCustomValue(custom, value, apiVersion);
        issue.Custom.TryGetValue(custom.FieldId, out var previous);
        if (JsonNode.DeepEquals(previous, stored)) return;
        var (_, previousDisplay) = previous is null ? (null, null) : DescribeCustomValue(custom, previous);
        changes.Add(new ChangeItemRecord
        {
            Field = custom.Name, FieldType = "custom", FieldId = custom.FieldId,
            From = previous is JsonValue pv && custom.Kind is "select" or "user" ? pv.ToString() : null, FromString = previousDisplay,
            To = stored is JsonValue sv && custom.Kind is "select" or "user" ? sv.ToString() : null, ToString_ = display,
        });
        if (stored is null) issue.Custom.Remove(custom.FieldId); else issue.Custom[custom.FieldId] = stored;
    }

    /// <summary>Reads a custom field value in its create/edit shape; returns what the store keeps and its display text.</summary>
    private (JsonNode? Stored, string? Display) ReadCustomValue(CustomFieldRecord field, JsonNode? value, int apiVersion)
    {
        if (value is null) return (null, null);
        switch (field.Kind)
        {
            case "number":
                if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
                {
                    var d = n.GetValue<double>();
                    return (JsonValue.Create(d), d.ToString(CultureInfo.InvariantCulture));
                }
                throw JiraRestException.Field(field.FieldId, "Operation value must be a number");
            case "select":
            {
                var option = value is JsonObject o ? FindNamed(field.Options, ReadId(o["id"]) ?? (string?)o["value"]) : null;
                if (option is null)
                    throw JiraRestException.Field(field.FieldId, $"Option value '{(value as JsonObject)?["value"] ?? (value as JsonObject)?["id"]}' is not valid");
                return (JsonValue.Create(Id(option.Id)), option.Name);
            }
            case "user":
            {
                var user = ResolveUser(value, field.FieldId);
                return (JsonValue.Create(user.AccountId), user.DisplayName);
            }
            case "textarea":
            {
                // Rich text like the description: the ADF document is kept, the changelog shows wiki markup.
                var document = WireRichText.FromWire(value, apiVersion, field.FieldId);
                return document is null ? (null, null) : (JsonValue.Create(document), WireRichText.ToWiki(document));
            }
            default:
            {
                var text = ReadString(value, field.FieldId);
                return (JsonValue.Create(text), text);
            }
        }
    }

    public (JsonNode? Stored, string? Display) DescribeCustomValue(CustomFieldRecord field, JsonNode stored) => field.Kind switch
    {
        "select" => (stored, FindNamed(field.Options, (string?)stored)?.Name),
        "user" => (stored, FindUser((string?)stored)?.DisplayName),
        "number" => (stored, stored.GetValue<double>().ToString(CultureInfo.InvariantCulture)),
        "textarea" => (stored, WireRichText.ToWiki((string)stored!)),
        _ => (stored, (string?)stored),
    };

    private UserRecord ResolveUser(JsonNode value, string field)
    {
        var reference = value is JsonObject o
            ? (string?)o["accountId"] ?? (string?)o["id"] ?? (string?)o["name"] ?? (string?)o["emailAddress"]
            : value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var user = FindUser(reference);
        if (user is null || !user.Active)
            throw JiraRestException.Field(field, Mode == JiraSandboxMode.Cloud ? $"Specified user does not exist or you do not have required permissions" : $"User '{reference}' does not exist.");
        return user;
    }

    private static VersionRecord ResolveVersion(ProjectRecord project, JsonNode? value, string field)
    {
        var reference = value is JsonObject o ? ReadId(o["id"]) ?? (string?)o["name"] : null;
        return project.Versions.FirstOrDefault(v => Id(v.Id) == reference || string.Equals(v.Name, reference, StringComparison.OrdinalIgnoreCase))
            ?? throw JiraRestException.Field(field, $"Version '{reference}' is not valid for project {project.Key}.");
    }

    private static void Change(List<ChangeItemRecord> changes, string field, string fieldId, string? from, string? fromString, string? to, string? toString) =>
        changes.Add(new ChangeItemRecord { Field = field, FieldId = fieldId, From = from, FromString = fromString, To = to, ToString_ = toString });

    private static string ReadString(JsonNode? value, string field) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw JiraRestException.Field(field, "Operation value must be a string");

    /// <summary>Ids arrive as strings or numbers.</summary>
    public static string? ReadId(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => null,
    };

    // ---- webhook payloads -----------------------------------------------------------------------------------------
    private RenderContext WebhookContext => new(SiteBaseUrl, 2, Mode);

    private JsonObject IssuePayload(IssueRecord issue, string webhookEvent, string eventTypeName, UserRecord actor) => new()
    {
        ["timestamp"] = Time.GetUtcNow().ToUnixTimeMilliseconds(),
        ["webhookEvent"] = webhookEvent,
        ["issue_event_type_name"] = eventTypeName,
        ["user"] = Shapes.User(actor, WebhookContext, forWebhook: true),
        ["issue"] = Shapes.Issue(issue, WebhookContext, FieldSelection.AllFields, ExpandOptions.None),
    };

    private void RaiseIssueEvent(IssueRecord issue, string webhookEvent, string eventTypeName, UserRecord actor, ChangeHistoryRecord? history, JsonObject? comment = null)
    {
        var payload = IssuePayload(issue, webhookEvent, eventTypeName, actor);
        if (history is not null)
            payload["changelog"] = new JsonObject { ["id"] = Id(history.Id), ["items"] = Shapes.ChangeItems(history.Items) };
        if (comment is not null) payload["comment"] = comment;
        Raise(new SandboxChange(webhookEvent, payload, Shapes.IssueForEngine(issue), Secondary: false));
    }
}
