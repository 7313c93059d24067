using System.Globalization;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Rendering;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JiraSdk.Testing.Rest;

/// <summary>Who am I, the server, projects, issue types, fields, statuses, create metadata and users.</summary>
internal static class MetadataEndpoints
{
    public static void Map(IEndpointRouteBuilder api, SandboxStore store, int v)
    {
        var mode = store.Mode;

        api.MapGet("/myself", (HttpContext http) =>
        {
            var user = http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                var o = store.Shapes.User(user, http.Render(v, mode));
                o["locale"] = "en_US";
                o["groups"] = new JsonObject { ["size"] = 1, ["items"] = new JsonArray() };
                o["applicationRoles"] = new JsonObject { ["size"] = 1, ["items"] = new JsonArray() };
                o["expand"] = "groups,applicationRoles";
                return o;
            }));
        });

        api.MapGet("/serverInfo", (HttpContext http) =>
        {
            var cloud = mode == JiraSandboxMode.Cloud;
            var now = store.Now;
            return RestIO.Json(new JsonObject
            {
                ["baseUrl"] = http.BaseUrl().TrimEnd('/'),
                ["displayUrl"] = http.BaseUrl().TrimEnd('/'),
                ["version"] = cloud ? "1001.0.0-SNAPSHOT" : "10.3.0",
                ["versionNumbers"] = cloud ? new JsonArray(1001, 0, 0) : new JsonArray(10, 3, 0),
                ["deploymentType"] = cloud ? "Cloud" : "Server",
                ["buildNumber"] = cloud ? 100291 : 10030000,
                ["buildDate"] = "2026-01-01T00:00:00.000+0000",
                ["serverTime"] = JiraTime.Format(now),
                ["scmInfo"] = "jirasdk-sandbox",
                ["serverTitle"] = "Jira Sandbox",
            });
        });

        api.MapGet("/project/search", (HttpContext http) =>
        {
            http.RequireUser();
            var startAt = http.QueryInt("startAt", 0);
            var maxResults = Math.Clamp(http.QueryInt("maxResults", 50), 1, 100);
            var query = http.Query("query");
            var keys = http.QueryAll("keys").SelectMany(k => k.Split(',')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return RestIO.Json(store.Read(() =>
            {
                var projects = store.Projects
                    .Where(p => keys.Count == 0 || keys.Contains(p.Key))
                    .Where(p => query is null || p.Key.Contains(query, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => (JsonNode)store.Shapes.Project(p, http.Render(v, mode), full: false)).ToList();
                return RestIO.OffsetPage(http, projects, startAt, maxResults);
            }));
        });

        api.MapGet("/project", (HttpContext http) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() => new JsonArray(store.Projects.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (JsonNode?)store.Shapes.Project(p, http.Render(v, mode), full: false)).ToArray())));
        });

        api.MapGet("/project/{projectIdOrKey}", (HttpContext http, string projectIdOrKey) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                var project = store.FindProject(projectIdOrKey) ?? throw JiraRestException.NotFound($"No project could be found with key '{projectIdOrKey}'.");
                return store.Shapes.Project(project, http.Render(v, mode), full: true);
            }));
        });

        api.MapGet("/project/{projectIdOrKey}/statuses", (HttpContext http, string projectIdOrKey) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                var ctx = http.Render(v, mode);
                _ = store.FindProject(projectIdOrKey) ?? throw JiraRestException.NotFound($"No project could be found with key '{projectIdOrKey}'.");
                return new JsonArray(store.IssueTypes.Select(t => (JsonNode?)new JsonObject
                {
                    ["self"] = ctx.Api("issuetype/" + SandboxStore.Id(t.Id)), ["id"] = SandboxStore.Id(t.Id), ["name"] = t.Name, ["subtask"] = t.Subtask,
                    ["statuses"] = new JsonArray(store.Statuses.Select(s => (JsonNode?)JsonShapes.Status(s, ctx)).ToArray()),
                }).ToArray());
            }));
        });

        api.MapGet("/project/{projectIdOrKey}/versions", (HttpContext http, string projectIdOrKey) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                var project = store.FindProject(projectIdOrKey) ?? throw JiraRestException.NotFound($"No project could be found with key '{projectIdOrKey}'.");
                return new JsonArray(project.Versions.Select(ver => (JsonNode?)JsonShapes.Version(project, ver, http.Render(v, mode))).ToArray());
            }));
        });

        api.MapGet("/issuetype", (HttpContext http) => List(http, () => store.IssueTypes.Select(t => JsonShapes.IssueType(t, http.Render(v, mode)))));
        api.MapGet("/status", (HttpContext http) => List(http, () => store.Statuses.Select(s => JsonShapes.Status(s, http.Render(v, mode)))));
        if (mode == JiraSandboxMode.Cloud) api.MapGet("/statuses/search", (HttpContext http) => StatusSearch(http, store, v));
        api.MapGet("/priority", (HttpContext http) => List(http, () => store.Priorities.Select(p => JsonShapes.Priority(p, http.Render(v, mode)))));
        api.MapGet("/resolution", (HttpContext http) => List(http, () => store.Resolutions.Select(r => JsonShapes.Resolution(r, http.Render(v, mode)))));
        api.MapGet("/field", (HttpContext http) => List(http, () => store.Shapes.FieldDefinitions().Select(f => (JsonObject)f.DeepClone())));
        api.MapGet("/issueLinkType", (HttpContext http) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() => new JsonObject
            {
                ["issueLinkTypes"] = new JsonArray(store.LinkTypes.Select(t => (JsonNode?)JsonShapes.LinkType(t, http.Render(v, mode))).ToArray()),
            }));
        });
        IResult List(HttpContext http, Func<IEnumerable<JsonObject>> items)
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() => new JsonArray(items().Select(i => (JsonNode?)i).ToArray())));
        }

        // Create metadata: the paged per-project operations Cloud offers since 2023, and the older all-in-one one.
        api.MapGet("/issue/createmeta/{projectIdOrKey}/issuetypes", (HttpContext http, string projectIdOrKey) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                _ = store.FindProject(projectIdOrKey) ?? throw JiraRestException.NotFound($"No project could be found with key '{projectIdOrKey}'.");
                var types = store.IssueTypes.Select(t => (JsonNode)JsonShapes.IssueType(t, http.Render(v, mode))).ToList();
                var startAt = http.QueryInt("startAt", 0);
                var maxResults = Math.Clamp(http.QueryInt("maxResults", 50), 1, 200);
                return new JsonObject
                {
                    ["maxResults"] = maxResults, ["startAt"] = startAt, ["total"] = types.Count,
                    ["issueTypes"] = new JsonArray(types.Skip(startAt).Take(maxResults).Select(t => (JsonNode?)t).ToArray()),
                };
            }));
        });

        api.MapGet("/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}", (HttpContext http, string projectIdOrKey, string issueTypeId) =>
        {
            http.RequireUser();
            return RestIO.Json(store.Read(() =>
            {
                _ = store.FindProject(projectIdOrKey) ?? throw JiraRestException.NotFound($"No project could be found with key '{projectIdOrKey}'.");
                _ = store.FindIssueType(issueTypeId) ?? throw JiraRestException.NotFound($"Issue type with id '{issueTypeId}' does not exist.");
                var fields = CreateFields(store, http.Render(v, mode)).Select(f => (JsonNode)f.Value).ToList();
                var startAt = http.QueryInt("startAt", 0);
                var maxResults = Math.Clamp(http.QueryInt("maxResults", 50), 1, 200);
                return new JsonObject
                {
                    ["maxResults"] = maxResults, ["startAt"] = startAt, ["total"] = fields.Count,
                    ["fields"] = new JsonArray(fields.Skip(startAt).Take(maxResults).Select(f => (JsonNode?)f).ToArray()),
                };
            }));
        });

        api.MapGet("/issue/createmeta", (HttpContext http) =>
        {
            http.RequireUser();
            var keys = http.QueryAll("projectKeys").SelectMany(k => k.Split(',')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var withFields = (http.Query("expand") ?? "").Contains("projects.issuetypes.fields", StringComparison.Ordinal);
            return RestIO.Json(store.Read(() =>
            {
                var ctx = http.Render(v, mode);
                return new JsonObject
                {
                    ["expand"] = "projects",
                    ["projects"] = new JsonArray(store.Projects.Where(p => keys.Count == 0 || keys.Contains(p.Key)).Select(p =>
                    {
                        var o = store.Shapes.ProjectRef(p, ctx);
                        o["issuetypes"] = new JsonArray(store.IssueTypes.Select(t =>
                        {
                            var type = JsonShapes.IssueType(t, ctx);
                            type["expand"] = "fields";
                            if (withFields)
                            {
                                var fields = new JsonObject();
                                foreach (var (id, meta) in CreateFields(store, ctx)) fields[id] = meta;
                                type["fields"] = fields;
                            }
                            return (JsonNode?)type;
                        }).ToArray());
                        return (JsonNode?)o;
                    }).ToArray()),
                };
            }));
        });

        api.MapGet("/user/search", (HttpContext http) => Users(http, limit: true));
        api.MapGet("/user", (HttpContext http) =>
        {
            http.RequireUser();
            var reference = http.Query("accountId") ?? http.Query("username") ?? http.Query("key");
            return RestIO.Json(store.Read(() =>
            {
                var user = store.FindUser(reference) ?? throw JiraRestException.NotFound($"Specified user does not exist or you do not have required permissions");
                return store.Shapes.User(user, http.Render(v, mode));
            }));
        });
        api.MapGet("/user/assignable/search", (HttpContext http) => Users(http, limit: true));

        IResult Users(HttpContext http, bool limit)
        {
            http.RequireUser();
            var query = http.Query("query") ?? http.Query("username") ?? "";
            var accountId = http.Query("accountId");
            var startAt = http.QueryInt("startAt", 0);
            var maxResults = Math.Clamp(http.QueryInt("maxResults", 50), 1, 1000);
            if (mode == JiraSandboxMode.Cloud && query.Length == 0 && accountId is null && http.Query("property") is null)
                throw JiraRestException.BadRequest("One of 'query' or 'accountId' or 'property' query parameters must be provided.");
            return RestIO.Json(store.Read(() => new JsonArray(store.Users.Values
                .Where(u => accountId is null || u.AccountId == accountId)
                .Where(u => query.Length == 0 || MatchesUserQuery(u, query))
                .OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
                .Skip(startAt).Take(maxResults)
                .Select(u => (JsonNode?)store.Shapes.User(u, http.Render(v, mode))).ToArray())));
        }
    }

    /// <summary>Jira matches a user query against the start of the display name's words, the email and the user name.</summary>
    private static bool MatchesUserQuery(UserRecord user, string query) =>
        user.DisplayName.Split(' ').Any(w => w.StartsWith(query, StringComparison.OrdinalIgnoreCase))
        || user.DisplayName.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || user.EmailAddress.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || user.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase);

    /// <summary>The fields the create screen offers (spec: FieldMetadata / IssueTypeIssueCreateMetadata).</summary>
    private static IEnumerable<(string Id, JsonObject Value)> CreateFields(SandboxStore store, RenderContext ctx)
    {
        JsonObject Meta(string id, bool required, JsonArray? allowed = null)
        {
            var o = new JsonObject
            {
                ["required"] = required,
                ["schema"] = store.Shapes.FieldSchema(id),
                ["name"] = store.Shapes.FieldName(id),
                ["key"] = id,
                ["fieldId"] = id,
                ["hasDefaultValue"] = false,
                ["operations"] = new JsonArray("set"),
            };
            if (allowed is not null) o["allowedValues"] = allowed;
            return o;
        }
        yield return ("summary", Meta("summary", true));
        yield return ("issuetype", Meta("issuetype", true, new JsonArray(store.IssueTypes.Select(t => (JsonNode?)JsonShapes.IssueType(t, ctx)).ToArray())));
        yield return ("project", Meta("project", true));
        yield return ("description", Meta("description", false));
        yield return ("reporter", Meta("reporter", true));
        yield return ("assignee", Meta("assignee", false));
        yield return ("priority", Meta("priority", false, new JsonArray(store.Priorities.Select(p => (JsonNode?)JsonShapes.Priority(p, ctx)).ToArray())));
        yield return ("labels", Meta("labels", false));
        yield return ("duedate", Meta("duedate", false));
        yield return ("parent", Meta("parent", false));
        foreach (var field in store.CustomFields)
        {
            var allowed = field.Kind == "select"
                ? new JsonArray(field.Options.Select(o => (JsonNode?)new JsonObject { ["self"] = ctx.Api("customFieldOption/" + SandboxStore.Id(o.Id)), ["value"] = o.Name, ["id"] = SandboxStore.Id(o.Id) }).ToArray())
                : null;
            yield return (field.FieldId, Meta(field.FieldId, false, allowed));
        }
    }

    /// <summary><c>GET /rest/api/{2,3}/statuses/search</c> (spec: PageOfStatuses of JiraStatus): the site's statuses, all
    /// global (company-managed), so a <c>projectId</c> (statuses of a team-managed project) finds none.</summary>
    private static IResult StatusSearch(HttpContext http, SandboxStore store, int v)
    {
        http.RequireUser();
        var startAt = Math.Max(0, http.QueryInt("startAt", 0));
        var maxResults = Math.Clamp(http.QueryInt("maxResults", 200), 1, 200);
        var searchString = http.Query("searchString");
        var category = http.Query("statusCategory");
        static string Category(string key) => key switch { "done" => "DONE", "indeterminate" => "IN_PROGRESS", _ => "TODO" };
        var matching = store.Read(() => store.Statuses
            .Where(_ => http.Query("projectId") is not { Length: > 0 })
            .Where(s => searchString is not { Length: > 0 } || s.Name.Contains(searchString, StringComparison.OrdinalIgnoreCase))
            .Where(s => category is not { Length: > 0 } || string.Equals(Category(s.CategoryKey), category, StringComparison.OrdinalIgnoreCase))
            .ToList());
        var page = matching.Skip(startAt).Take(maxResults).ToList();
        var baseUrl = http.BaseUrl() + "rest/api/" + v.ToString(CultureInfo.InvariantCulture) + "/statuses/search";
        string PageUrl(int start) => baseUrl + "?startAt=" + start.ToString(CultureInfo.InvariantCulture) + "&maxResults=" + maxResults.ToString(CultureInfo.InvariantCulture);
        var isLast = startAt + page.Count >= matching.Count;
        var o = new JsonObject
        {
            ["self"] = PageUrl(startAt),
            ["maxResults"] = maxResults,
            ["startAt"] = startAt,
            ["total"] = matching.Count,
            ["isLast"] = isLast,
            ["values"] = new JsonArray(page.Select(s => (JsonNode?)new JsonObject
            {
                ["id"] = SandboxStore.Id(s.Id), ["name"] = s.Name, ["description"] = "",
                ["statusCategory"] = Category(s.CategoryKey), ["scope"] = new JsonObject { ["type"] = "GLOBAL" },
            }).ToArray()),
        };
        if (!isLast) o["nextPage"] = PageUrl(startAt + page.Count);
        return RestIO.Json(o);
    }
}
