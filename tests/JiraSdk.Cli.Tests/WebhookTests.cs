using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using JiraSdk.Cli.Tests.Support;
using JiraSdk.Webhooks.Verification;

namespace JiraSdk.Cli.Tests;

public sealed class WebhookTests
{
    private const string Secret = "webhook-secret-1";
    private const string IssueCreated = """{"timestamp":1764400000000,"webhookEvent":"jira:issue_created","issue_event_type_name":"issue_created","issue":{"id":"10001","key":"DOCS-1","fields":{"summary":"Write the guide"}},"user":{"accountId":"5b10"}}""";

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient http, int port, string body, string? signature, string? id = null, string? bearer = null, int retry = 0)
    {
        // The listener starts inside the command; retry briefly until it accepts connections.
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/jira/hook")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (signature is not null) request.Headers.TryAddWithoutValidation("X-Hub-Signature", signature);
            if (id is not null) request.Headers.TryAddWithoutValidation("X-Atlassian-Webhook-Identifier", id);
            if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            if (retry > 0) request.Headers.TryAddWithoutValidation("X-Atlassian-Webhook-Retry", retry.ToString());
            try
            {
                return await http.SendAsync(request);
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException && attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    [Test]
    public async Task Listen_prints_a_signed_delivery_and_rejects_a_forged_one()
    {
        using var cli = new CliHarness();
        var port = FakeJira.UnusedPort();
        var listening = cli.RunAsync("webhook", "listen", "--port", port.ToString(), "--secret", Secret, "--count", "1");
        using var http = new HttpClient();

        using var forged = await DeliverAsync(http, port, IssueCreated, JiraWebhookSignatureVerifier.ComputeSignature("another-secret", Encoding.UTF8.GetBytes(IssueCreated)));
        using var unsigned = await DeliverAsync(http, port, IssueCreated, null);
        using var signed = await DeliverAsync(http, port, IssueCreated, JiraWebhookSignatureVerifier.ComputeSignature(Secret, Encoding.UTF8.GetBytes(IssueCreated)));
        var run = await listening;

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(signed.IsSuccessStatusCode, Is.True);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out.Trim(), Does.Match(@"^2025-11-29T\d\d:\d\d:\d\dZ\s+jira:issue_created\s+DOCS-1\s+Write the guide$"));
        Assert.That(run.Out.Trim().Split('\n'), Has.Length.EqualTo(1), "only the verified delivery is printed");
        Assert.That(run.Err, Does.Contain("signature Invalid").And.Contain("signature Missing"));
        Assert.That(run.Out + run.Err, Does.Not.Contain(Secret));
    }

    private static string Sign(string body) => JiraWebhookSignatureVerifier.ComputeSignature(Secret, Encoding.UTF8.GetBytes(body));

    private static string Created(string key) => IssueCreated.Replace("DOCS-1", key);

    [Test]
    public async Task Listen_prints_a_redelivered_event_once_and_answers_malformed_400_and_stray_requests_without_dying()
    {
        using var cli = new CliHarness();
        var port = FakeJira.UnusedPort();
        var listening = cli.RunAsync("webhook", "listen", "--port", port.ToString(), "--secret", Secret, "--count", "2");
        using var http = new HttpClient();

        using var first = await DeliverAsync(http, port, Created("DOCS-1"), Sign(Created("DOCS-1")), id: "d-1");
        using var redelivered = await DeliverAsync(http, port, Created("DOCS-1"), Sign(Created("DOCS-1")), id: "d-1", retry: 1);
        using var replayed = await DeliverAsync(http, port, Created("DOCS-1"), Sign(Created("DOCS-1")), id: "d-other");
        using var malformed = await DeliverAsync(http, port, "{not json", Sign("{not json"), id: "d-2");
        using var notAnEvent = await DeliverAsync(http, port, "[1,2]", Sign("[1,2]"), id: "d-3");
        using var stray = await http.GetAsync($"http://127.0.0.1:{port}/");
        using var second = await DeliverAsync(http, port, Created("DOCS-2"), Sign(Created("DOCS-2")), id: "d-4");
        var run = await listening;

        Assert.That(new[] { first.StatusCode, redelivered.StatusCode, replayed.StatusCode, second.StatusCode }, Has.All.EqualTo(HttpStatusCode.NoContent));
        Assert.That((malformed.StatusCode, notAnEvent.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
        Assert.That(stray.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var lines = run.Out.Trim().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2), run.ToString());
        Assert.That(lines[0], Does.Contain("DOCS-1"));
        Assert.That(lines[1], Does.Contain("DOCS-2"));
    }

    [Test]
    public async Task Listen_with_the_client_secret_accepts_app_webhook_tokens_and_refuses_bad_ones()
    {
        const string clientSecret = "oauth2-app-client-secret-0123456789abcdef";
        using var cli = new CliHarness();
        cli.Environment["JIRA_OAUTH2_CLIENT_SECRET"] = clientSecret;
        var port = FakeJira.UnusedPort();
        var listening = cli.RunAsync("webhook", "listen", "--port", port.ToString(), "--count", "1", "--json");
        using var http = new HttpClient();
        var now = DateTimeOffset.UtcNow;

        using var wrong = await DeliverAsync(http, port, Created("APP-0"), null, bearer: JiraSdk.Webhooks.Tests.Verification.TestJwt.Create("wrong-secret-0123456789abcdef0123456789", now));
        using var none = await DeliverAsync(http, port, Created("APP-0"), null, bearer: JiraSdk.Webhooks.Tests.Verification.TestJwt.Create(clientSecret, now, "none"));
        using var hs512 = await DeliverAsync(http, port, Created("APP-0"), null, bearer: JiraSdk.Webhooks.Tests.Verification.TestJwt.Create(clientSecret, now, "HS512"));
        using var expired = await DeliverAsync(http, port, Created("APP-0"), null, bearer: JiraSdk.Webhooks.Tests.Verification.TestJwt.Create(clientSecret, now, expiresIn: TimeSpan.FromMinutes(-10)));
        using var unsigned = await DeliverAsync(http, port, Created("APP-0"), null);
        using var valid = await DeliverAsync(http, port, Created("APP-1"), null, bearer: JiraSdk.Webhooks.Tests.Verification.TestJwt.Create(clientSecret, now));
        var run = await listening;

        Assert.That(new[] { wrong.StatusCode, none.StatusCode, hs512.StatusCode, expired.StatusCode, unsigned.StatusCode }, Has.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(JsonDocument.Parse(run.Out).RootElement.GetProperty("issue").GetProperty("key").GetString(), Is.EqualTo("APP-1"));
        Assert.That(run.Err, Does.Contain("signature Invalid").And.Contain("signature UnsupportedMethod").And.Contain("signature Expired"));
        Assert.That(run.Out + run.Err, Does.Not.Contain(clientSecret));
    }

    [Test]
    public async Task Listen_under_a_load_of_1000_deliveries_32_at_once_prints_every_valid_event_once_and_accepts_no_forgery()
    {
        using var cli = new CliHarness();
        var port = FakeJira.UnusedPort();
        var random = new Random(20261130);
        var deliveries = new List<(string Id, string Body, string Signature, bool Forged)>();
        for (var i = 0; i < 850; i++)
        {
            var body = Created($"LOAD-{i}");
            deliveries.Add(($"load-{i}", body, Sign(body), false));
        }
        deliveries.AddRange(Enumerable.Range(0, 100).Select(_ => deliveries[random.Next(850)]).ToList());
        for (var i = 0; i < 50; i++)
        {
            var body = Created($"FORGED-{i}");
            deliveries.Add((i % 2 == 0 ? $"load-{random.Next(850)}" : $"forged-{i}", body, JiraWebhookSignatureVerifier.ComputeSignature("attacker", Encoding.UTF8.GetBytes(body)), true));
        }
        var listening = cli.RunAsync("webhook", "listen", "--port", port.ToString(), "--secret", Secret, "--count", "850");
        using var http = new HttpClient();
        using var throttle = new SemaphoreSlim(32);

        var responses = await Task.WhenAll(deliveries.OrderBy(_ => random.Next()).Select(async d =>
        {
            await throttle.WaitAsync();
            try
            {
                // Like Jira: a copy that arrives while its twin is processed gets a retryable 503 and is sent again.
                for (var retry = 0; ; retry++)
                {
                    using var response = await DeliverAsync(http, port, d.Body, d.Signature, id: d.Id, retry: retry);
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable || retry == 50) return (d.Forged, response.StatusCode);
                    await Task.Delay(10);
                }
            }
            finally
            {
                throttle.Release();
            }
        }));
        var run = await listening;

        var printed = run.Out.Trim().Split('\n').Select(line => System.Text.RegularExpressions.Regex.Match(line, @"(LOAD|FORGED)-\d+").Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Where(r => r.Forged).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Unauthorized), "0 forged accepted");
            Assert.That(responses.Where(r => !r.Forged).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.NoContent), "0 valid refused");
            Assert.That(printed, Is.EquivalentTo(Enumerable.Range(0, 850).Select(i => $"LOAD-{i}")), "each valid event printed exactly once, none missing");
            Assert.That(run.ExitCode, Is.EqualTo(0), "the listener survived and stopped cleanly");
        });
    }

    [Test]
    public async Task Listen_without_a_secret_is_a_usage_error()
    {
        using var cli = new CliHarness();
        var run = await cli.RunAsync("webhook", "listen", "--port", FakeJira.UnusedPort().ToString());
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Err, Does.Contain("--secret"));
    }

    private static (int, string) AdminWebhooks(ReceivedRequest request) => (request.Method, request.Path) switch
    {
        ("GET", "/rest/api/2/serverInfo") => (200, """{"deploymentType":"Cloud","versionNumbers":[1001,0,0]}"""),
        ("GET", "/rest/webhooks/1.0/webhook") => (200, """[{"self":"http://x/rest/webhooks/1.0/webhook/7","name":"docs-bot","url":"https://bot.example.com/hook","events":["jira:issue_created","comment_created"],"enabled":true}]"""),
        ("POST", "/rest/webhooks/1.0/webhook") => (201, """{"self":"http://x/rest/webhooks/1.0/webhook/8","name":"new-bot"}"""),
        ("DELETE", "/rest/webhooks/1.0/webhook/7") => (204, ""),
        ("DELETE", _) => (404, """{"errorMessages":["No webhook with id 99"]}"""),
        _ => (404, "{}"),
    };

    [Test]
    public async Task Register_list_and_delete_use_the_admin_webhook_api()
    {
        await using var jira = new FakeJira(AdminWebhooks);
        using var cli = new CliHarness();
        cli.UseBasic(jira.BaseUri);

        var register = await cli.RunAsync("webhook", "register", "--name", "new-bot", "--target", "https://new.example.com/hook", "--events", "jira:issue_created,jira:issue_updated", "--jql", "project = DOCS", "--secret", Secret);
        var list = await cli.RunAsync("webhook", "list");
        var delete = await cli.RunAsync("webhook", "delete", "7");
        var missing = await cli.RunAsync("webhook", "delete", "99");

        Assert.That((register.ExitCode, register.Out.Trim()), Is.EqualTo((0, "8")), register.ToString());
        var created = JsonDocument.Parse(jira.Requests.Single(r => r.Method == "POST").Body).RootElement;
        Assert.That(created.GetProperty("events").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "jira:issue_created", "jira:issue_updated" }));
        Assert.That(created.GetProperty("url").GetString(), Is.EqualTo("https://new.example.com/hook"));
        Assert.That(register.Out + register.Err, Does.Not.Contain(Secret));
        Assert.That(list.ExitCode, Is.EqualTo(0));
        Assert.That(list.Out, Is.EqualTo("7\tdocs-bot\thttps://bot.example.com/hook\tjira:issue_created, comment_created\tenabled\n"));
        Assert.That(delete.ExitCode, Is.EqualTo(0));
        Assert.That(missing.ExitCode, Is.EqualTo(1));
        Assert.That(missing.Err.Trim(), Is.EqualTo("jira: Jira answered HTTP 404: No webhook with id 99"));
    }
}
