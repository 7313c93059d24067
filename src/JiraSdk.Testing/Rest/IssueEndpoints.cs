using System.Net;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Rendering;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JiraSdk.Testing.Rest;

/// <summary>Issues and what hangs off them: transitions, comments, worklogs, attachments, links, changelog.</summary>
internal static class IssueEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxStore store, int v)
    {
        var mode = store.Mode;

        api.MapPost("/issue", async (HttpContext http) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            var ctx = http.Render(v, mode);
            var created = store.Write(() =>
            {
                var issue = store.CreateIssue(body, v, user);
                return new JsonObject { ["id"] = SandboxStore.Id(issue.Id), ["key"] = issue.Key, ["self"] = ctx.Api("issue/" + SandboxStore.Id(issue.Id)) };
            });
            return RestIO.Json(created, 201);
        });

        api.MapGet("/issue/{issueIdOrKey}", (HttpContext http, string issueIdOrKey) =>
        {
            http.RequireUser();
            var selection = FieldSelection.Parse(http.QueryAll("fields"), FieldSelection.AllFields);
            var expand = ExpandOptions.Parse(http.Query("expand"));
            return RestIO.Json(store.Read(() => store.Shapes.Issue(store.RequireIssue(issueIdOrKey), http.Render(v, mode), selection, expand)));
        });

        api.MapPut("/issue/{issueIdOrKey}", async (HttpContext http, string issueIdOrKey) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            var returnIssue = http.QueryBool("returnIssue");
            var result = store.Write(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                store.EditIssue(issue, body, v, user);
                return returnIssue ? store.Shapes.Issue(issue, http.Render(v, mode), FieldSelection.AllFields, ExpandOptions.Parse(http.Query("expand"))) : null;
            });
            return result is null ? Results.NoContent() : RestIO.Json(result);
        });

        api.MapDelete("/issue/{issueIdOrKey}", (HttpContext http, string issueIdOrKey) =>
        {
            var user = http.RequireUser();
            var deleteSubtasks = http.QueryBool("deleteSubtasks");
            store.Write(() => store.DeleteIssue(store.RequireIssue(issueIdOrKey), deleteSubtasks, user));
            return Results.NoContent();
        });

        api.MapPut("/issue/{issueIdOrKey}/assignee", async (HttpContext http, string issueIdOrKey) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            store.Write(() => store.Assign(store.RequireIssue(issueIdOrKey), body, user));
            return Results.NoContent();
        });

        api.MapGet("/issue/{issueIdOrKey}/transitions", (HttpContext http, string issueIdOrKey) =>
        {
            http.RequireUser();
            var only = http.Query("transitionId");
            return RestIO.Json(store.Read(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return new JsonObject
                {
                    ["expand"] = "transitions",
                    ["transitions"] = new JsonArray(store.TransitionsFor(issue).Where(t => only is null || SandboxStore.Id(t.Id) == only)
                        .Select(t => (JsonNode?)store.Shapes.Transition(t, http.Render(v, mode))).ToArray()),
                };
            }));
        });

        api.MapPost("/issue/{issueIdOrKey}/transitions", async (HttpContext http, string issueIdOrKey) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            store.Write(() => store.DoTransition(store.RequireIssue(issueIdOrKey), body, v, user));
            return Results.NoContent();
        });

        api.MapGet("/issue/{issueIdOrKey}/changelog", (HttpContext http, string issueIdOrKey) =>
        {
            http.RequireUser();
            var startAt = http.QueryInt("startAt", 0);
            var maxResults = Math.Clamp(http.QueryInt("maxResults", 100), 1, 100);
            return RestIO.Json(store.Read(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return RestIO.OffsetPage(http, store.Shapes.Histories(issue, http.Render(v, mode)).Cast<JsonNode>().ToList(), startAt, maxResults);
            }));
        });

        // ---- comments ----
        api.MapGet("/issue/{issueIdOrKey}/comment", (HttpContext http, string issueIdOrKey) =>
        {
            http.RequireUser();
            var startAt = Math.Max(0, http.QueryInt("startAt", 0));
            var maxResults = Math.Clamp(http.QueryInt("maxResults", 5000), 1, 5000);
            var newestFirst = (http.Query("orderBy") ?? "").StartsWith('-');
            return RestIO.Json(store.Read(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                var comments = newestFirst ? issue.Comments.AsEnumerable().Reverse() : issue.Comments;
                return new JsonObject
                {
                    ["startAt"] = startAt, ["maxResults"] = maxResults, ["total"] = issue.Comments.Count,
                    ["comments"] = new JsonArray(comments.Skip(startAt).Take(maxResults).Select(c => (JsonNode?)store.Shapes.Comment(issue, c, http.Render(v, mode))).ToArray()),
                };
            }));
        });

        api.MapPost("/issue/{issueIdOrKey}/comment", async (HttpContext http, string issueIdOrKey) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            return RestIO.Json(store.Write(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return store.Shapes.Comment(issue, store.AddComment(issue, body, v, user), http.Render(v, mode));
            }), 201);
        });

        api.MapGet("/issue/{issueIdOrKey}/comment/{id}", (HttpContext http, string issueIdOrKey, string id) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return store.Shapes.Comment(issue, SandboxStore.RequireComment(issue, id), http.Render(v, mode));
            }));
        });

        api.MapPut("/issue/{issueIdOrKey}/comment/{id}", async (HttpContext http, string issueIdOrKey, string id) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            return RestIO.Json(store.Write(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return store.Shapes.Comment(issue, store.UpdateComment(issue, id, body, v, user), http.Render(v, mode));
            }));
        });

        api.MapDelete("/issue/{issueIdOrKey}/comment/{id}", (HttpContext http, string issueIdOrKey, string id) =>
        {
            var user = http.RequireUser();
            store.Write(() => store.DeleteComment(store.RequireIssue(issueIdOrKey), id, user));
            return Results.NoContent();
        });

        // ---- worklogs ----
        api.MapGet("/issue/{issueIdOrKey}/worklog", (HttpContext http, string issueIdOrKey) =>
        {
            http.RequireUser();
            var startAt = Math.Max(0, http.QueryInt("startAt", 0));
            var maxResults = Math.Clamp(http.QueryInt("maxResults", 5000), 1, 5000);
            return RestIO.Json(store.Read(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return new JsonObject
                {
                    ["startAt"] = startAt, ["maxResults"] = maxResults, ["total"] = issue.Worklogs.Count,
                    ["worklogs"] = new JsonArray(issue.Worklogs.Skip(startAt).Take(maxResults).Select(w => (JsonNode?)store.Shapes.Worklog(issue, w, http.Render(v, mode))).ToArray()),
                };
            }));
        });

        api.MapPost("/issue/{issueIdOrKey}/worklog", async (HttpContext http, string issueIdOrKey) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            return RestIO.Json(store.Write(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return store.Shapes.Worklog(issue, store.AddWorklog(issue, body, v, user), http.Render(v, mode));
            }), 201);
        });

        api.MapGet("/issue/{issueIdOrKey}/worklog/{id}", (HttpContext http, string issueIdOrKey, string id) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return store.Shapes.Worklog(issue, SandboxStore.RequireWorklog(issue, id), http.Render(v, mode));
            }));
        });

        api.MapPut("/issue/{issueIdOrKey}/worklog/{id}", async (HttpContext http, string issueIdOrKey, string id) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            return RestIO.Json(store.Write(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return store.Shapes.Worklog(issue, store.UpdateWorklog(issue, id, body, v, user), http.Render(v, mode));
            }));
        });

        api.MapDelete("/issue/{issueIdOrKey}/worklog/{id}", (HttpContext http, string issueIdOrKey, string id) =>
        {
            var user = http.RequireUser();
            store.Write(() => store.DeleteWorklog(store.RequireIssue(issueIdOrKey), id, user));
            return Results.NoContent();
        });

        // ---- attachments ----
        api.MapPost("/issue/{issueIdOrKey}/attachments", async (HttpContext http, string issueIdOrKey) =>
        {
            var user = http.RequireUser();
            // Jira refuses multipart uploads without this header (XSRF protection) with 403.
            var token = http.Request.Headers["X-Atlassian-Token"].ToString();
            if (!string.Equals(token, "no-check", StringComparison.OrdinalIgnoreCase) && !string.Equals(token, "nocheck", StringComparison.OrdinalIgnoreCase))
                return Results.Text("XSRF check failed", "text/plain", null, 403);
            if (!http.Request.HasFormContentType)
                throw JiraRestException.BadRequest("The request must be multipart/form-data with a 'file' part.");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var files = form.Files.GetFiles("file");
            if (files.Count == 0) throw JiraRestException.BadRequest("No 'file' part in the request.");
            var uploads = new List<(string Name, string Type, byte[] Content)>();
            foreach (var file in files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, http.RequestAborted);
                uploads.Add((file.FileName, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray()));
            }
            return RestIO.Json(store.Write(() =>
            {
                var issue = store.RequireIssue(issueIdOrKey);
                return new JsonArray(uploads.Select(u => (JsonNode?)store.Shapes.Attachment(store.AddAttachment(issue, u.Name, u.Type, u.Content, user), http.Render(v, mode))).ToArray());
            }));
        });

        api.MapGet("/attachment/{id}", (HttpContext http, string id) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                var (_, attachment) = store.FindAttachment(id) ?? throw JiraRestException.NotFound($"The attachment with id '{id}' does not exist");
                return store.Shapes.Attachment(attachment, http.Render(v, mode));
            }));
        });

        api.MapDelete("/attachment/{id}", (HttpContext http, string id) =>
        {
            var user = http.RequireUser();
            store.Write(() => store.DeleteAttachment(id, user));
            return Results.NoContent();
        });

        api.MapGet("/attachment/content/{id}", (HttpContext http, string id) => Content(http, store, id));

        // ---- issue links ----
        api.MapPost("/issueLink", async (HttpContext http) =>
        {
            var user = http.RequireUser();
            var body = await http.ReadObjectAsync();
            store.Write(() => store.AddLink(body, user));
            return Results.StatusCode(201);
        });

        api.MapGet("/issueLink/{id}", (HttpContext http, string id) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                var link = store.Links.Values.FirstOrDefault(l => SandboxStore.Id(l.Id) == id) ?? throw JiraRestException.NotFound($"No issue link with id '{id}' exists.");
                return store.Shapes.IssueLinkFull(link, http.Render(v, mode));
            }));
        });

        api.MapDelete("/issueLink/{id}", (HttpContext http, string id) =>
        {
            var user = http.RequireUser();
            store.Write(() => store.DeleteLink(id, user));
            return Results.NoContent();
        });
    }

    /// <summary>Attachment bytes, as <c>/rest/api/3/attachment/content/{id}</c> (Cloud) and <c>/secure/attachment/{id}/{name}</c> (Data Center) serve them.</summary>
    public static IResult Content(HttpContext http, SandboxStore store, string id)
    {
        http.RequireUser();
        var (_, attachment) = store.Read(() => store.FindAttachment(id)) ?? throw JiraRestException.NotFound($"The attachment with id '{id}' does not exist");
        return Results.File(attachment.Content, attachment.MimeType, attachment.FileName);
    }
}
