using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Rendering;

namespace JiraSdk.Testing.Store;

// Comments, worklogs, attachments and issue links: each write stamps the issue's `updated`, and fires its own webhook
// event plus, for comments and worklogs, the jira:issue_updated Jira sends beside it (EVENTS.md §5).
internal sealed partial class SandboxStore
{
    private JsonShapes? _shapes;

    public JsonShapes Shapes => _shapes ??= new JsonShapes(this);

    public CommentRecord AddComment(IssueRecord issue, JsonObject body, int apiVersion, UserRecord actor)
    {
        if (!body.ContainsKey("body")) throw JiraRestException.Field("comment", "Comment body can not be empty!");
        return AddCommentRecord(issue, body["body"], apiVersion, actor);
    }

    private CommentRecord AddCommentRecord(IssueRecord issue, JsonNode? bodyNode, int apiVersion, UserRecord actor)
    {
        var text = WireRichText.FromWire(bodyNode, apiVersion, "comment");
        if (WireRichText.IsBlank(text)) throw JiraRestException.Field("comment", "Comment body can not be empty!");
        var now = Now;
        var comment = new CommentRecord { Id = NextId("comment"), AuthorId = actor.AccountId, UpdateAuthorId = actor.AccountId, Body = text, Created = now, Updated = now };
        issue.Comments.Add(comment);
        var before = Shapes.IssueForEngine(issue);
        Raise(new SandboxChange("comment_created", CommentPayload(issue, comment, "comment_created"), Shapes.IssueForEngine(issue), Secondary: false));
        CommitChanges(issue, actor, new List<ChangeItemRecord>(), before, "issue_commented", Shapes.Comment(issue, comment, WebhookContext));
        return comment;
    }

    public CommentRecord UpdateComment(IssueRecord issue, string commentId, JsonObject body, int apiVersion, UserRecord actor)
    {
        var comment = RequireComment(issue, commentId);
        var text = WireRichText.FromWire(body["body"], apiVersion, "comment");
        if (WireRichText.IsBlank(text)) throw JiraRestException.Field("comment", "Comment body can not be empty!");
        comment.Body = text;
        comment.UpdateAuthorId = actor.AccountId;
        comment.Updated = Now;
        var before = Shapes.IssueForEngine(issue);
        Raise(new SandboxChange("comment_updated", CommentPayload(issue, comment, "comment_updated"), Shapes.IssueForEngine(issue), Secondary: false));
        CommitChanges(issue, actor, new List<ChangeItemRecord>(), before, "issue_comment_edited", Shapes.Comment(issue, comment, WebhookContext));
        return comment;
    }

    public void DeleteComment(IssueRecord issue, string commentId, UserRecord actor)
    {
        var comment = RequireComment(issue, commentId);
        issue.Comments.Remove(comment);
        var before = Shapes.IssueForEngine(issue);
        Raise(new SandboxChange("comment_deleted", CommentPayload(issue, comment, "comment_deleted"), Shapes.IssueForEngine(issue), Secondary: false));
        CommitChanges(issue, actor, new List<ChangeItemRecord>(), before, "issue_comment_deleted", Shapes.Comment(issue, comment, WebhookContext));
    }

    public static CommentRecord RequireComment(IssueRecord issue, string commentId) =>
        issue.Comments.FirstOrDefault(c => Id(c.Id) == commentId)
        ?? throw JiraRestException.NotFound($"Can not find a comment for the id: {commentId}.");

    /// <summary>Comment events carry the comment and a cut-down issue (EVENTS.md §2, captured payloads).</summary>
    private JsonObject CommentPayload(IssueRecord issue, CommentRecord comment, string webhookEvent) => new()
    {
        ["timestamp"] = Time.GetUtcNow().ToUnixTimeMilliseconds(),
        ["webhookEvent"] = webhookEvent,
        ["comment"] = Shapes.Comment(issue, comment, WebhookContext),
        ["issue"] = Shapes.Issue(issue, WebhookContext, FieldSelection.Parse("summary,issuetype,project,status,priority,assignee"), ExpandOptions.None),
    };

    public WorklogRecord AddWorklog(IssueRecord issue, JsonObject body, int apiVersion, UserRecord actor)
    {
        var worklog = new WorklogRecord { Id = NextId("worklog"), AuthorId = actor.AccountId, UpdateAuthorId = actor.AccountId, Created = Now, Updated = Now, Started = Now };
        ReadWorklog(worklog, body, apiVersion);
        if (worklog.TimeSpentSeconds <= 0) throw JiraRestException.Field("timeLogged", "You must indicate the time spent working.");
        issue.Worklogs.Add(worklog);
        WorklogChanged(issue, worklog, "worklog_created", "issue_work_logged", actor,
            new ChangeItemRecord { Field = "WorklogId", FieldId = "worklogId", To = Id(worklog.Id), ToString_ = Id(worklog.Id) });
        return worklog;
    }

    public WorklogRecord UpdateWorklog(IssueRecord issue, string worklogId, JsonObject body, int apiVersion, UserRecord actor)
    {
        var worklog = RequireWorklog(issue, worklogId);
        ReadWorklog(worklog, body, apiVersion);
        worklog.Updated = Now;
        worklog.UpdateAuthorId = actor.AccountId;
        WorklogChanged(issue, worklog, "worklog_updated", "issue_worklog_updated", actor, null);
        return worklog;
    }

    public void DeleteWorklog(IssueRecord issue, string worklogId, UserRecord actor)
    {
        var worklog = RequireWorklog(issue, worklogId);
        issue.Worklogs.Remove(worklog);
        WorklogChanged(issue, worklog, "worklog_deleted", "issue_worklog_deleted", actor,
            new ChangeItemRecord { Field = "WorklogId", FieldId = "worklogId", From = Id(worklog.Id), FromString = Id(worklog.Id) });
    }

    public static WorklogRecord RequireWorklog(IssueRecord issue, string worklogId) =>
        issue.Worklogs.FirstOrDefault(w => Id(w.Id) == worklogId)
        ?? throw JiraRestException.NotFound($"Cannot find worklog with id: '{worklogId}'.");

    private void WorklogChanged(IssueRecord issue, WorklogRecord worklog, string webhookEvent, string eventTypeName, UserRecord actor, ChangeItemRecord? item)
    {
        var before = Shapes.IssueForEngine(issue);
        Raise(new SandboxChange(webhookEvent, new JsonObject
        {
            ["timestamp"] = Time.GetUtcNow().ToUnixTimeMilliseconds(),
            ["webhookEvent"] = webhookEvent,
            ["worklog"] = Shapes.Worklog(issue, worklog, WebhookContext),
        }, Shapes.IssueForEngine(issue), Secondary: false));
        var items = new List<ChangeItemRecord>();
        if (item is not null) items.Add(item);
        var spent = issue.Worklogs.Sum(w => w.TimeSpentSeconds);
        items.Add(new ChangeItemRecord { Field = "timespent", FieldId = "timespent", To = spent.ToString(CultureInfo.InvariantCulture), ToString_ = spent.ToString(CultureInfo.InvariantCulture) });
        CommitChanges(issue, actor, items, before, eventTypeName);
    }

    private static void ReadWorklog(WorklogRecord worklog, JsonObject body, int apiVersion)
    {
        if (body.ContainsKey("comment")) worklog.Comment = WireRichText.FromWire(body["comment"], apiVersion, "comment");
        if (body["started"] is JsonNode started)
        {
            if (!JiraTime.TryParseInstant((string?)started, out var instant))
                throw JiraRestException.Field("started", "Could not parse the started date. Use the format yyyy-MM-dd'T'HH:mm:ss.SSSZ.");
            worklog.Started = JiraTime.Truncate(instant);
        }
        if (body["timeSpentSeconds"] is JsonValue seconds && seconds.TryGetValue<long>(out var s)) worklog.TimeSpentSeconds = s;
        else if (body["timeSpent"] is JsonValue spent) worklog.TimeSpentSeconds = ParseDuration((string?)spent);
    }

    /// <summary>Jira's duration syntax with its default 8-hour day and 5-day week: <c>1w 2d 3h 4m</c>.</summary>
    public static long ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw JiraRestException.Field("timeLogged", "Invalid time duration entered.");
        long total = 0;
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length < 2 || !long.TryParse(part[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                throw JiraRestException.Field("timeLogged", "Invalid time duration entered.");
            total += char.ToLowerInvariant(part[^1]) switch
            {
                'w' => n * 5 * 8 * 3600,
                'd' => n * 8 * 3600,
                'h' => n * 3600,
                'm' => n * 60,
                _ => throw JiraRestException.Field("timeLogged", "Invalid time duration entered."),
            };
        }
        return total;
    }

    public AttachmentRecord AddAttachment(IssueRecord issue, string fileName, string mimeType, byte[] content, UserRecord actor)
    {
        var attachment = new AttachmentRecord { Id = NextId("attachment"), FileName = fileName, MimeType = mimeType, Content = content, AuthorId = actor.AccountId, Created = Now };
        issue.Attachments.Add(attachment);
        var before = Shapes.IssueForEngine(issue);
        Raise(new SandboxChange("attachment_created", AttachmentPayload(attachment, "attachment_created"), Shapes.IssueForEngine(issue), Secondary: false));
        CommitChanges(issue, actor, new List<ChangeItemRecord> { new() { Field = "Attachment", FieldId = "attachment", To = Id(attachment.Id), ToString_ = fileName } }, before, "issue_updated");
        return attachment;
    }

    public (IssueRecord Issue, AttachmentRecord Attachment)? FindAttachment(string id)
    {
        foreach (var issue in Issues.Values)
            foreach (var attachment in issue.Attachments)
                if (Id(attachment.Id) == id) return (issue, attachment);
        return null;
    }

    public void DeleteAttachment(string id, UserRecord actor)
    {
        var (issue, attachment) = FindAttachment(id) ?? throw JiraRestException.NotFound($"The attachment with id '{id}' does not exist");
        issue.Attachments.Remove(attachment);
        var before = Shapes.IssueForEngine(issue);
        Raise(new SandboxChange("attachment_deleted", AttachmentPayload(attachment, "attachment_deleted"), Shapes.IssueForEngine(issue), Secondary: false));
        CommitChanges(issue, actor, new List<ChangeItemRecord> { new() { Field = "Attachment", FieldId = "attachment", From = Id(attachment.Id), FromString = attachment.FileName } }, before, "issue_updated");
    }

    private JsonObject AttachmentPayload(AttachmentRecord attachment, string webhookEvent) => new()
    {
        ["timestamp"] = Time.GetUtcNow().ToUnixTimeMilliseconds(),
        ["webhookEvent"] = webhookEvent,
        ["attachment"] = Shapes.Attachment(attachment, WebhookContext),
    };

    public IssueLinkRecord AddLink(JsonObject body, UserRecord actor)
    {
        var type = body["type"] is JsonObject t ? FindLinkType(ReadId(t["id"]) ?? (string?)t["name"]) : null;
        if (type is null) throw JiraRestException.NotFound("No issue link type with name '" + (string?)(body["type"] as JsonObject)?["name"] + "' found.");
        var inward = FindLinked(body["inwardIssue"]);
        var outward = FindLinked(body["outwardIssue"]);
        var link = new IssueLinkRecord { Id = NextId("issuelink"), TypeId = type.Id, InwardIssueId = inward.Id, OutwardIssueId = outward.Id };
        Links[link.Id] = link;
        Persist("link", Id(link.Id), link);
        RaiseLinkEvent(link, "issuelink_created", secondary: false);
        var before = Shapes.IssueForEngine(outward);
        CommitChanges(outward, actor, new List<ChangeItemRecord> { new() { Field = "Link", FieldId = "issuelinks", To = inward.Key, ToString_ = $"This issue {type.Outward} {inward.Key}" } }, before, "issue_updated");
        if (body["comment"] is JsonObject comment && comment["body"] is not null) AddCommentRecord(inward, comment["body"], 3, actor);
        return link;
    }

    private IssueRecord FindLinked(JsonNode? reference) =>
        (reference is JsonObject o ? FindIssue((string?)o["key"] ?? ReadId(o["id"])) : null)
        ?? throw JiraRestException.NotFound("Issue Does Not Exist");

    public void DeleteLink(string id, UserRecord actor)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var linkId) || !Links.TryGetValue(linkId, out var link))
            throw JiraRestException.NotFound("No issue link with id '" + id + "' exists.");
        RemoveLink(link, actor, secondary: false);
    }

    private void RemoveLink(IssueLinkRecord link, UserRecord actor, bool secondary)
    {
        Links.Remove(link.Id);
        Unpersist("link", Id(link.Id));
        RaiseLinkEvent(link, "issuelink_deleted", secondary);
    }

    private void RaiseLinkEvent(IssueLinkRecord link, string webhookEvent, bool secondary)
    {
        var type = LinkTypes.First(t => t.Id == link.TypeId);
        Raise(new SandboxChange(webhookEvent, new JsonObject
        {
            ["timestamp"] = Time.GetUtcNow().ToUnixTimeMilliseconds(),
            ["webhookEvent"] = webhookEvent,
            ["issueLink"] = new JsonObject
            {
                ["id"] = link.Id,
                ["sourceIssueId"] = link.OutwardIssueId,
                ["destinationIssueId"] = link.InwardIssueId,
                ["issueLinkType"] = new JsonObject { ["id"] = type.Id, ["name"] = type.Name, ["outwardName"] = type.Outward, ["inwardName"] = type.Inward, ["isSubTaskLinkType"] = false, ["isSystemLinkType"] = false },
                ["systemLink"] = false,
            },
        }, Issues.TryGetValue(link.OutwardIssueId, out var source) ? Shapes.IssueForEngine(source) : null, secondary));
    }
}
