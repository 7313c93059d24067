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

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient http, int port, string body, string? signature)
    {
        // The listener starts inside the command; retry briefly until it accepts connections.
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (signature is not null) request.Headers.TryAddWithoutValidation("X-Hub-Signature", signature);
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
