using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JiraSdk.Testing.Jql;
using JiraSdk.Testing.Rendering;
using JiraSdk.Testing.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JiraSdk.Testing.Rest;

/// <summary>Evaluates JQL over issues in the v2 shape (the JQL engine behind a seam, so search has one way to filter).</summary>
internal interface ISandboxJql
{
    /// <summary>The matching issues in the query's order; a bad query throws <see cref="JiraRestException"/> (400).</summary>
    IReadOnlyList<JsonObject> Apply(string jql, IReadOnlyList<JsonObject> fieldDefinitions, IEnumerable<JsonObject> issues, DateTimeOffset now, string? currentAccountId);

    /// <summary>Whether one issue matches; a bad query throws <see cref="JiraRestException"/> (400).</summary>
    bool Matches(string jql, IReadOnlyList<JsonObject> fieldDefinitions, JsonObject issue, DateTimeOffset now, string? currentAccountId);

    /// <summary>As <see cref="Apply(string, IReadOnlyList{JsonObject}, IEnumerable{JsonObject}, DateTimeOffset, string?)"/>,
    /// knowing the site's projects, statuses, issue types, priorities, resolutions and users, so a query naming a value
    /// that does not exist is a 400 as on Jira. Evaluators that cannot check values ignore them.</summary>
    IReadOnlyList<JsonObject> Apply(string jql, IReadOnlyList<JsonObject> fieldDefinitions, JqlKnownValues knownValues, IEnumerable<JsonObject> issues, DateTimeOffset now, string? currentAccountId) =>
        Apply(jql, fieldDefinitions, issues, now, currentAccountId);
}

/// <summary>
/// Issue search. Cloud: <c>/rest/api/{2,3}/search/jql</c> (GET and POST) paged by <c>nextPageToken</c> with
/// <c>isLast</c> and no <c>total</c>, ids only unless <c>fields</c> is given, <c>/search/approximate-count</c>, and the
/// removed <c>/search</c> answering 410 Gone. Data Center: <c>/rest/api/2/search</c> paged by <c>startAt</c> with <c>total</c>.
/// </summary>
/// <remarks>
/// Page sizes (Jira Cloud's documented limits for /search/jql): default 50; at most 5000 when only <c>id</c>/<c>key</c>
/// are requested, at most 100 when fields are. Data Center: default 50, at most 1000 (its default
/// <c>jira.search.views.default.max</c>). Which issues match honours the eventual-consistency delay (fault injection); the field values returned are
/// always current.
/// </remarks>
internal static class SearchEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxIdsPageSize = 5000;
    public const int MaxFieldsPageSize = 100;
    public const int MaxDataCenterPageSize = 1000;

    public static void Map(IEndpointRouteBuilder api, SandboxStore store, ISandboxJql jql, int v)
    {
        var mode = store.Mode;
        if (mode == JiraSandboxMode.Cloud)
        {
            api.MapGet("/search/jql", (HttpContext http) => Search(http, FromQuery(http)));
            // A block body: an expression-bodied async lambda would bind to RequestDelegate and drop the result.
            api.MapPost("/search/jql", async (HttpContext http) => { return Search(http, FromBody(await http.ReadObjectAsync())); });
            api.MapPost("/search/approximate-count", async (HttpContext http) =>
            {
                var user = http.RequireUser();
                var body = await http.ReadObjectAsync();
                var query = (string?)body["jql"] ?? "";
                RequireBounded(query);
                return RestIO.Json(new JsonObject { ["count"] = Find(store, jql, query, user).Count });
            });
            // Removed from Cloud in 2025 (FACTS.md); Cloud answers 410 Gone with a pointer to /search/jql.
            api.MapMethods("/search", new[] { "GET", "POST" }, (HttpContext http) => RestIO.Json(RestIO.ErrorBody(new[]
            {
                "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046",
            }), 410));
        }
        else
        {
            api.MapGet("/search", (HttpContext http) => OffsetSearch(http, FromQuery(http)));
            api.MapPost("/search", async (HttpContext http) => { return OffsetSearch(http, FromBody(await http.ReadObjectAsync())); });
        }

        IResult Search(HttpContext http, SearchRequest request)
        {
            var user = http.RequireUser();
            RequireBounded(request.Jql);
            var selection = FieldSelection.Parse(request.Fields, FieldSelection.IdOnly);
            var cap = selection.IsIdOnly ? MaxIdsPageSize : MaxFieldsPageSize;
            var maxResults = Math.Clamp(request.MaxResults ?? DefaultPageSize, 1, cap);
            var offset = request.NextPageToken is null ? 0 : ReadToken(request.NextPageToken);
            var expand = ExpandOptions.Parse(request.Expand);
            var found = Find(store, jql, request.Jql, user);
            var page = found.Skip(offset).Take(maxResults).ToList();
            var isLast = offset + page.Count >= found.Count;
            var ctx = http.Render(v, mode);
            var issues = store.Read(() => page.Select(id => store.Issues.TryGetValue(id, out var issue)
                    ? (JsonNode?)(selection.IsIdOnly && !expand.Changelog && !expand.RenderedFields
                        ? IdOnly(issue, selection)
                        : store.Shapes.Issue(issue, ctx, selection, expand))
                    : null)
                .Where(n => n is not null).ToArray());
            var result = new JsonObject { ["issues"] = new JsonArray(issues) };
            if (!isLast) result["nextPageToken"] = WriteToken(offset + page.Count);
            result["isLast"] = isLast;
            return RestIO.Json(result);
        }

        IResult OffsetSearch(HttpContext http, SearchRequest request)
        {
            var user = http.RequireUser();
            var selection = FieldSelection.Parse(request.Fields, FieldSelection.AllFields);
            var maxResults = Math.Clamp(request.MaxResults ?? DefaultPageSize, 0, MaxDataCenterPageSize);
            var startAt = Math.Max(0, request.StartAt ?? 0);
            var expand = ExpandOptions.Parse(request.Expand);
            var found = Find(store, jql, request.Jql, user);
            var ctx = http.Render(v, mode);
            var issues = store.Read(() => found.Skip(startAt).Take(maxResults)
                .Select(id => store.Issues.TryGetValue(id, out var issue) ? (JsonNode?)store.Shapes.Issue(issue, ctx, selection, expand) : null)
                .Where(n => n is not null).ToArray());
            return RestIO.Json(new JsonObject
            {
                ["expand"] = "schema,names",
                ["startAt"] = startAt,
                ["maxResults"] = maxResults,
                ["total"] = found.Count,
                ["issues"] = new JsonArray(issues),
            });
        }
    }

    private static JsonObject IdOnly(IssueRecord issue, FieldSelection selection)
    {
        var o = new JsonObject { ["id"] = SandboxStore.Id(issue.Id) };
        if (selection.Includes("key")) o["key"] = issue.Key;
        return o;
    }

    /// <summary>The ids of the issues a query selects now, in order (eventual consistency applied).</summary>
    public static IReadOnlyList<long> Find(SandboxStore store, ISandboxJql jql, string query, Store.UserRecord user)
    {
        var now = store.Time.GetUtcNow();
        var (issues, fields, known) = store.Read(() => (
            store.Issues.Values.Select(i => store.SearchView(i, now)).OfType<JsonObject>().ToList(),
            store.Shapes.FieldDefinitions(),
            KnownValues(store)));
        var found = jql.Apply(query, fields, known, issues, now, user.AccountId);
        return found.Select(i => long.Parse((string)i["id"]!, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The values JQL may name, read under the store's lock; priorities in Jira's order (highest first).</summary>
    private static JqlKnownValues KnownValues(SandboxStore store)
    {
        static List<JsonObject> Named(IEnumerable<(long Id, string Name)> items) =>
            items.Select(i => new JsonObject { ["id"] = SandboxStore.Id(i.Id), ["name"] = i.Name }).ToList();
        return new JqlKnownValues
        {
            Projects = store.Projects.Select(p => new JsonObject { ["id"] = SandboxStore.Id(p.Id), ["key"] = p.Key, ["name"] = p.Name }).ToList(),
            Statuses = Named(store.Statuses.Select(s => (s.Id, s.Name))),
            IssueTypes = Named(store.IssueTypes.Select(t => (t.Id, t.Name))),
            Priorities = Named(store.Priorities.Select(p => (p.Id, p.Name))),
            Resolutions = Named(store.Resolutions.Select(r => (r.Id, r.Name))),
            Users = store.Users.Values.Select(u => new JsonObject
            {
                ["accountId"] = u.AccountId, ["displayName"] = u.DisplayName, ["emailAddress"] = u.EmailAddress, ["name"] = u.Name, ["key"] = u.Name,
            }).ToList(),
        };
    }

    /// <summary>Cloud refuses queries without a restriction on /search/jql.</summary>
    private static void RequireBounded(string jql)
    {
        var trimmed = jql.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith("order by", StringComparison.OrdinalIgnoreCase))
            throw JiraRestException.BadRequest("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
    }

    private static string WriteToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("sandbox-offset:" + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int ReadToken(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("sandbox-offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan("sandbox-offset:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
        }
        throw JiraRestException.BadRequest("The provided next page token is invalid or expired.");
    }

    private sealed record SearchRequest(string Jql, string? NextPageToken, int? StartAt, int? MaxResults, IReadOnlyList<string>? Fields, string? Expand);

    private static SearchRequest FromQuery(HttpContext http)
    {
        int? Int(string name) => http.Query(name) is null ? null : http.QueryInt(name, 0);
        var fields = http.QueryAll("fields").ToList();
        return new SearchRequest(http.Query("jql") ?? "", http.Query("nextPageToken"), Int("startAt"), Int("maxResults"), fields.Count == 0 ? null : fields, http.Query("expand"));
    }

    private static SearchRequest FromBody(JsonObject body)
    {
        int? Int(string name) => body[name] is JsonValue value && value.TryGetValue<int>(out var i) ? i : null;
        var fields = body["fields"] is JsonArray array ? array.Select(f => (string?)f).OfType<string>().ToList() : null;
        // /search/jql takes expand as a comma-separated string; Data Center's /search as an array.
        var expand = body["expand"] switch
        {
            JsonArray list => string.Join(",", list.Select(e => (string?)e)),
            JsonValue value => (string?)value,
            _ => null,
        };
        return new SearchRequest((string?)body["jql"] ?? "", (string?)body["nextPageToken"], Int("startAt"), Int("maxResults"), fields, expand);
    }
}
