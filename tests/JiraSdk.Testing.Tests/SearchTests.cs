using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JiraSdk.Errors;

namespace JiraSdk.Testing.Tests;

/// <summary>Search paging and shapes (the JQL itself is the engine's; these use a small double).</summary>
public sealed class SearchTests
{
    private static HttpClient Http(JiraSandbox sandbox) => SandboxHttp.Create(sandbox);

    private static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpClient http, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NoContent) return (response.StatusCode, new JsonObject());
        Assert.That(text, Is.Not.Empty, $"{method} {path} answered {(int)response.StatusCode} with no body");
        return (response.StatusCode, (JsonObject)JsonNode.Parse(text)!);
    }

    [Test]
    public async Task Token_paging_returns_every_match_once_with_ids_only_and_no_total()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Jql = new TestJql() });
        using var http = Http(sandbox);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var path = "rest/api/3/search/jql?jql=project%20%3D%20DOCS&maxResults=5" + (token is null ? "" : "&nextPageToken=" + Uri.EscapeDataString(token));
            var (status, page) = await SendAsync(http, HttpMethod.Get, path);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.ContainsKey("total"), Is.False);
            foreach (var issue in page["issues"]!.AsArray())
            {
                Assert.That(issue!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "id" }));
                seen.Add((string)issue["id"]!);
            }
            token = (string?)page["nextPageToken"];
            Assert.That((bool)page["isLast"]!, Is.EqualTo(token is null));
            pages++;
        } while (token is not null);
        Assert.That(seen, Is.Unique);
        Assert.That(seen, Has.Count.EqualTo(12));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task Post_search_with_fields_caps_pages_at_100_and_streams_through_the_sdk()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Jql = new TestJql(), SeedDemoData = false });
        sandbox.Seed.AddProject("BULK", "Bulk");
        for (var i = 0; i < 130; i++) sandbox.Seed.AddIssue(new SandboxIssueSeed { ProjectKey = "BULK", Summary = "Issue " + i });
        using var http = Http(sandbox);
        var (_, page) = await SendAsync(http, HttpMethod.Post, "rest/api/3/search/jql", new JsonObject
        {
            ["jql"] = "project = BULK", ["maxResults"] = 500, ["fields"] = new JsonArray("summary"),
        });
        Assert.That(page["issues"]!.AsArray(), Has.Count.EqualTo(100));
        Assert.That((string?)page["issues"]![0]!["fields"]!["summary"], Is.EqualTo("Issue 129"), "newest first without ORDER BY");

        var (_, ids) = await SendAsync(http, HttpMethod.Get, "rest/api/3/search/jql?jql=project%3DBULK&maxResults=500");
        Assert.That(ids["issues"]!.AsArray(), Has.Count.EqualTo(130));

        var summaries = new List<string>();
        await foreach (var issue in sandbox.Client.V3.SearchIssuesAsync("project = BULK", new[] { "summary" }, pageSize: 40))
            summaries.Add(issue.Fields!.Summary!);
        Assert.That(summaries, Has.Count.EqualTo(130).And.Unique);

        var (_, count) = await SendAsync(http, HttpMethod.Post, "rest/api/3/search/approximate-count", new JsonObject { ["jql"] = "project = BULK" });
        Assert.That((int?)count["count"], Is.EqualTo(130));
    }

    [Test]
    public async Task Cloud_answers_410_for_the_removed_search_and_400_for_bad_or_unbounded_jql()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Jql = new TestJql() });
        using var http = Http(sandbox);
        foreach (var version in new[] { 2, 3 })
        {
            var (gone, body) = await SendAsync(http, HttpMethod.Get, $"rest/api/{version}/search?jql=project%3DDOCS");
            Assert.That(gone, Is.EqualTo(HttpStatusCode.Gone));
            Assert.That((string?)body["errorMessages"]![0], Does.Contain("/rest/api/3/search/jql"));
            var (postGone, _) = await SendAsync(http, HttpMethod.Post, $"rest/api/{version}/search", new JsonObject { ["jql"] = "project = DOCS" });
            Assert.That(postGone, Is.EqualTo(HttpStatusCode.Gone));
        }
        var (bad, error) = await SendAsync(http, HttpMethod.Get, "rest/api/3/search/jql?jql=" + Uri.EscapeDataString("nonsense ~~ 1"));
        Assert.That(bad, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error["errorMessages"]!.AsArray(), Is.Not.Empty);
        var (unbounded, _) = await SendAsync(http, HttpMethod.Get, "rest/api/3/search/jql?jql=" + Uri.EscapeDataString("order by created"));
        Assert.That(unbounded, Is.EqualTo(HttpStatusCode.BadRequest));
        var (badToken, _) = await SendAsync(http, HttpMethod.Get, "rest/api/3/search/jql?jql=project%3DDOCS&nextPageToken=garbage");
        Assert.That(badToken, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.ThrowsAsync<JiraBadRequestException>(async () => await sandbox.Client.V3.SearchIssuesAsync("nonsense ~~ 1").ToListAsync());
    }

    [Test]
    public async Task Data_center_pages_by_start_at_with_total()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Jql = new TestJql(), Mode = JiraSandboxMode.DataCenter });
        using var http = Http(sandbox);
        var (status, page) = await SendAsync(http, HttpMethod.Get, "rest/api/2/search?jql=project%3DDOCS&startAt=10&maxResults=5");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((int?)page["total"], Is.EqualTo(12));
        Assert.That((int?)page["startAt"], Is.EqualTo(10));
        Assert.That(page["issues"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That((string?)page["issues"]![0]!["fields"]!["summary"], Is.Not.Null, "Data Center returns navigable fields by default");
        var (post, body) = await SendAsync(http, HttpMethod.Post, "rest/api/2/search", new JsonObject { ["jql"] = "project = DOCS AND status = \"On Hold\"", ["fields"] = new JsonArray("status") });
        Assert.That(post, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((int?)body["total"], Is.EqualTo(3));
        var (jql, _) = await SendAsync(http, HttpMethod.Get, "rest/api/2/search/jql?jql=project%3DDOCS");
        Assert.That(jql, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Search_is_eventually_consistent_when_a_delay_is_set()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Jql = new TestJql(), SeedDemoData = false, TimeProvider = time });
        sandbox.Seed.AddProject("EC", "Eventual");
        sandbox.Faults.SearchConsistencyDelay = TimeSpan.FromSeconds(5);
        using var http = Http(sandbox);
        var (_, created) = await SendAsync(http, HttpMethod.Post, "rest/api/2/issue", new JsonObject
        {
            ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "EC" }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = "Old" },
        });
        async Task<JsonArray> FindAsync() => (await SendAsync(http, HttpMethod.Get, "rest/api/3/search/jql?jql=project%3DEC&fields=summary")).Body["issues"]!.AsArray();
        Assert.That(await FindAsync(), Is.Empty);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.That(await FindAsync(), Has.Count.EqualTo(1));

        // A write shows up in matching only after the delay (the fields returned are read fresh).
        await SendAsync(http, HttpMethod.Post, $"rest/api/2/issue/{(string)created["key"]!}/transitions", new JsonObject { ["transition"] = new JsonObject { ["id"] = "13" } });
        async Task<int> OnHoldAsync() => (await SendAsync(http, HttpMethod.Get, "rest/api/3/search/jql?jql=" + Uri.EscapeDataString("project = EC AND status = \"On Hold\""))).Body["issues"]!.AsArray().Count;
        Assert.That(await OnHoldAsync(), Is.EqualTo(0));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.That(await OnHoldAsync(), Is.EqualTo(1));
    }
}

/// <summary>Search through the real JQL engine, end to end over HTTP.</summary>
public sealed class JqlSearchTests
{
    private JiraSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _sandbox = await JiraSandbox.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    private async Task<List<string>> KeysAsync(string jql)
    {
        var keys = new List<string>();
        await foreach (var issue in _sandbox.Client.V3.SearchIssuesAsync(jql, new[] { "key" }, pageSize: 3)) keys.Add(issue.Key!);
        return keys;
    }

    [Test]
    public async Task The_docs_reminder_query_finds_on_hold_and_ready_to_publish_tickets_in_order()
    {
        var keys = await KeysAsync("project = DOCS AND status in (\"On Hold\", \"Ready to Publish\") ORDER BY key ASC");
        var expected = _sandbox.Store.Read(() => _sandbox.Store.Issues.Values
            .Where(i => i.Key.StartsWith("DOCS-", StringComparison.Ordinal) && _sandbox.Store.StatusOf(i).Name is "On Hold" or "Ready to Publish")
            .OrderBy(i => i.Id).Select(i => i.Key).ToList());
        Assert.That(expected, Has.Count.EqualTo(6));
        Assert.That(keys, Is.EqualTo(expected));
    }

    [Test]
    public async Task Custom_fields_users_and_functions_evaluate_over_the_store()
    {
        Assert.That(await KeysAsync("project = DOCS AND \"Story Points\" >= 5"), Has.Count.EqualTo(3));
        Assert.That(await KeysAsync("project = DOCS AND Audience = Developers"), Has.Count.EqualTo(4));
        Assert.That(await KeysAsync("project = DOCS AND cf[10012] = \"carol@sandbox.example\""), Has.Count.EqualTo(6));
        Assert.That(await KeysAsync("project = DOCS AND assignee = currentUser()"), Has.Count.EqualTo(2));
        Assert.That(await KeysAsync("project = DOCS AND assignee is EMPTY"), Has.Count.EqualTo(2));
        Assert.That(await KeysAsync("project = DOCS AND text ~ \"webhook\""), Has.Count.EqualTo(1));
    }

    [Test]
    public void Bad_jql_is_a_400_with_the_engine_s_error_messages()
    {
        var e = Assert.ThrowsAsync<JiraBadRequestException>(() => KeysAsync("project = DOCS AND nosuchfield = 1"));
        Assert.That(string.Join(" ", e!.ErrorMessages), Does.Contain("nosuchfield"));
    }
}
