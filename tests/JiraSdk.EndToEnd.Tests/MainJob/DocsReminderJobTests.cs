using System.Net;
using System.Text.Json.Nodes;
using DocsReminder.Reminders;
using JiraSdk;
using JiraSdk.Auth;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace JiraSdk.EndToEnd.Tests.MainJob;

/// <summary>The reminder's paging, messages and Slack failures, over a mocked Jira (the sandbox runs are in MainJobTests).</summary>
public class DocsReminderJobTests
{
    private const string Site = "https://acme.atlassian.net";
    private const string SlackUrl = "https://hooks.slack.com/services/T000/B000/XXXX";

    private static string Issue(string key, string summary, string status) =>
        new JsonObject
        {
            ["id"] = key.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["key"] = key,
            ["fields"] = new JsonObject { ["summary"] = summary, ["status"] = new JsonObject { ["name"] = status, ["id"] = "1" } },
        }.ToJsonString();

    private static JiraClient Jira(MockHttpMessageHandler handler) => new(new JiraClientOptions
    {
        SiteUrl = new Uri(Site),
        Authentication = JiraAuthentication.Basic("me@example.com", "token"),
        PrimaryHandler = () => handler,
    });

    [Test]
    public async Task Posts_one_slack_message_per_ticket_across_search_pages()
    {
        var jira = new MockHttpMessageHandler();
        var searches = new List<System.Collections.Specialized.NameValueCollection>();
        jira.When(HttpMethod.Get, Site + "/rest/api/3/search/jql").Respond(request =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
            searches.Add(query);
            var json = query["nextPageToken"] is null
                ? $$"""{"issues":[{{Issue("DOCS-1", "Install guide", "On Hold")}},{{Issue("DOCS-22", "API <beta> & limits", "Ready to Publish")}}],"nextPageToken":"p2","isLast":false}"""
                : $$"""{"issues":[{{Issue("DOCS-303", "Release notes", "On Hold")}}],"isLast":true}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        });
        var slack = new MockHttpMessageHandler();
        var messages = new List<string>();
        slack.When(HttpMethod.Post, SlackUrl).Respond(request =>
        {
            messages.Add(JsonNode.Parse(request.Content!.ReadAsStringAsync().Result)!["text"]!.GetValue<string>());
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("ok") };
        });
        using var client = Jira(jira);
        var job = new DocsReminderJob(client, dataCenter: false, new SlackReminderSink(new HttpClient(slack), new Uri(SlackUrl)));

        var posted = await job.RunOnceAsync(default);

        Assert.That(posted.Select(t => t.Key), Is.EqualTo(new[] { "DOCS-1", "DOCS-22", "DOCS-303" }));
        Assert.That(searches[0]["jql"], Does.StartWith("project = DOCS AND status in (\"On Hold\", \"Ready to Publish\")"));
        Assert.That(searches[1]["nextPageToken"], Is.EqualTo("p2"));
        Assert.That(messages, Is.EqualTo(new[]
        {
            "<https://acme.atlassian.net/browse/DOCS-1|DOCS-1> Install guide is *On Hold*",
            "<https://acme.atlassian.net/browse/DOCS-22|DOCS-22> API &lt;beta&gt; &amp; limits is *Ready to Publish*",
            "<https://acme.atlassian.net/browse/DOCS-303|DOCS-303> Release notes is *On Hold*",
        }));
    }

    [Test]
    public async Task Data_center_pages_the_v2_search_by_start_at()
    {
        var jira = new MockHttpMessageHandler();
        jira.When(HttpMethod.Get, Site + "/rest/api/2/search").WithQueryString("startAt", "0")
            .Respond("application/json", $$"""{"startAt":0,"maxResults":1,"total":2,"issues":[{{Issue("DOCS-1", "Install guide", "On Hold")}}]}""");
        jira.When(HttpMethod.Get, Site + "/rest/api/2/search").WithQueryString("startAt", "1")
            .Respond("application/json", $$"""{"startAt":1,"maxResults":1,"total":2,"issues":[{{Issue("DOCS-2", "FAQ", "Ready to Publish")}}]}""");
        var output = new StringWriter();
        using var client = Jira(jira);
        var job = new DocsReminderJob(client, dataCenter: true, new ConsoleReminderSink(output), "DOCS");

        var posted = await job.RunOnceAsync(default);

        Assert.That(posted.Select(t => t.Key), Is.EqualTo(new[] { "DOCS-1", "DOCS-2" }));
        Assert.That(output.ToString(), Does.Contain("slack> <https://acme.atlassian.net/browse/DOCS-2|DOCS-2> FAQ is *Ready to Publish*"));
    }

    [Test]
    public void A_refused_slack_post_fails_the_run_naming_the_ticket_but_not_the_webhook_url()
    {
        var jira = new MockHttpMessageHandler();
        jira.When(HttpMethod.Get, Site + "/rest/api/3/search/jql")
            .Respond("application/json", $$"""{"issues":[{{Issue("DOCS-1", "Install guide", "On Hold")}}],"isLast":true}""");
        var slack = new MockHttpMessageHandler();
        slack.When(HttpMethod.Post, SlackUrl).Respond(HttpStatusCode.BadRequest, "text/plain", "invalid_payload");
        using var client = Jira(jira);
        var job = new DocsReminderJob(client, dataCenter: false, new SlackReminderSink(new HttpClient(slack), new Uri(SlackUrl)));

        var e = Assert.ThrowsAsync<HttpRequestException>(() => job.RunOnceAsync(default))!;

        Assert.That(e.Message, Does.Contain("DOCS-1").And.Contain("invalid_payload").And.Not.Contain("hooks.slack.com"));
    }

    [TestCase("2026-11-29T04:00:00Z", "2026-11-30T09:00:00Z")]
    [TestCase("2026-11-30T08:59:59Z", "2026-11-30T09:00:00Z")]
    [TestCase("2026-11-30T09:00:00Z", "2026-12-07T09:00:00Z")]
    [TestCase("2026-12-01T12:00:00Z", "2026-12-07T09:00:00Z")]
    public void The_schedule_runs_weekly_on_monday_at_nine(string now, string expected) =>
        Assert.That(new WeeklySchedule(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeProvider.System).NextAfter(DateTimeOffset.Parse(now)),
            Is.EqualTo(DateTimeOffset.Parse(expected)));

    [Test]
    public async Task The_schedule_runs_the_job_once_per_week_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T04:00:00Z"));
        var runs = 0;
        using var stop = new CancellationTokenSource();
        var schedule = new WeeklySchedule(DayOfWeek.Monday, TimeSpan.FromHours(9), clock);

        var running = schedule.RunAsync(_ => { Interlocked.Increment(ref runs); return Task.CompletedTask; }, _ => { }, stop.Token);
        clock.Advance(TimeSpan.FromHours(28));
        await Task.Delay(50);
        Assert.That(Volatile.Read(ref runs), Is.Zero);
        // The schedule arms its timer on its own thread, so the clock moves in steps until each run comes.
        var first = await AdvanceUntil(clock, () => Volatile.Read(ref runs) == 1);
        var second = await AdvanceUntil(clock, () => Volatile.Read(ref runs) == 2);
        Assert.That(first, Is.InRange(DateTimeOffset.Parse("2026-11-30T09:00:00Z"), DateTimeOffset.Parse("2026-11-30T09:30:00Z")));
        Assert.That(second, Is.InRange(DateTimeOffset.Parse("2026-12-07T09:00:00Z"), DateTimeOffset.Parse("2026-12-07T09:30:00Z")));
        stop.Cancel();
        await running;
    }

    private static async Task<DateTimeOffset> AdvanceUntil(FakeTimeProvider clock, Func<bool> condition)
    {
        for (var i = 0; i < 10_000 && !condition(); i++)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await Task.Delay(1);
        }
        Assert.That(condition(), Is.True);
        return clock.GetUtcNow();
    }
}
