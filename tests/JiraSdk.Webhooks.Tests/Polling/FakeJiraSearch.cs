using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RichardSzalay.MockHttp;

namespace JiraSdk.Webhooks.Tests.Polling;

/// <summary>
/// GET /rest/api/3/search/jql (what <c>jira.V3.SearchIssuesAsync</c> sends) faked over an in-memory issue list, with Jira's minute-precision <c>updated &gt;=</c>,
/// <c>ORDER BY updated, id</c> and opaque nextPageToken paging.
/// </summary>
internal sealed class FakeJiraSearch
{
    public const string Site = "https://acme.atlassian.net/";
    private readonly object _gate = new();
    private readonly List<(string Id, DateTimeOffset Created, DateTimeOffset Updated)> _issues = new();

    public FakeJiraSearch()
    {
        Mock.When(HttpMethod.Get, Site + "rest/api/3/search/jql").Respond(Search);
    }

    public MockHttpMessageHandler Mock { get; } = new();
    public List<JsonObject> Requests { get; } = new();

    public int RequestCount { get { lock (_gate) return Requests.Count; } }

    public JiraClient NewClient() => new(new HttpClient(Mock) { BaseAddress = new Uri(Site) });

    public void Upsert(string id, DateTimeOffset updated, DateTimeOffset? created = null)
    {
        lock (_gate)
        {
            var index = _issues.FindIndex(i => i.Id == id);
            var createdAt = created ?? (index >= 0 ? _issues[index].Created : updated);
            if (index >= 0) _issues[index] = (id, createdAt, updated);
            else _issues.Add((id, createdAt, updated));
        }
    }

    private HttpResponseMessage Search(HttpRequestMessage request)
    {
        // The query as an object, so tests read it alike whatever the transport: fields as an array.
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var body = new JsonObject
        {
            ["jql"] = query["jql"],
            ["maxResults"] = int.Parse(query["maxResults"]!, CultureInfo.InvariantCulture),
            ["fields"] = new JsonArray((query["fields"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
        };
        if (query["nextPageToken"] is { } pageToken) body["nextPageToken"] = pageToken;
        lock (_gate)
        {
            Requests.Add(body);
            var jql = body["jql"]!.GetValue<string>();
            var since = DateTimeOffset.ParseExact(Regex.Match(jql, "updated >= \"([^\"]+)\"").Groups[1].Value, "yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            var matching = _issues.Where(i => i.Updated >= since).OrderBy(i => i.Updated).ThenBy(i => long.Parse(i.Id)).ToList();
            var start = body["nextPageToken"] is { } token ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token.GetValue<string>()))) : 0;
            var size = body["maxResults"]!.GetValue<int>();
            var page = matching.Skip(start).Take(size).ToList();
            var isLast = start + size >= matching.Count;
            var issues = new JsonArray(page.Select(i => (JsonNode)new JsonObject
            {
                ["id"] = i.Id,
                ["key"] = "DOCS-" + i.Id,
                ["self"] = Site + "rest/api/3/issue/" + i.Id,
                ["fields"] = new JsonObject
                {
                    ["summary"] = "Issue " + i.Id,
                    ["created"] = Jira(i.Created),
                    ["updated"] = Jira(i.Updated),
                },
            }).ToArray());
            var response = new JsonObject { ["issues"] = issues, ["isLast"] = isLast };
            if (!isLast) response["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((start + size).ToString(CultureInfo.InvariantCulture)));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }

    private static string Jira(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
