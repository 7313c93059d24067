using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JiraSdk.Auth;
using JiraSdk.Raw;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JiraSdk.Testing.Tests;

public sealed class WebhookTests
{
    private static JiraSandboxOptions FastRetries() => new()
    {
        WebhookRetryDelays = new List<TimeSpan> { TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20) },
        WebhookTimeout = TimeSpan.FromSeconds(2),
    };

    internal static async Task<JsonDocumentHolder> SendAsync(JiraClient client, HttpMethod method, string path, JsonNode? body = null)
    {
        var options = new JiraRequestOptions();
        if (body is not null) options.WithJsonBody(body);
        return new JsonDocumentHolder(await client.SendAsync(method, path, options));
    }

    internal sealed record JsonDocumentHolder(System.Text.Json.JsonDocument? Document)
    {
        public JsonNode? Node => Document is null ? null : JsonNode.Parse(Document.RootElement.GetRawText());
    }

    private static async Task<string> CreateIssueAsync(JiraClient client, string project, string summary) =>
        (string)(await SendAsync(client, HttpMethod.Post, "rest/api/2/issue", new JsonObject
        {
            ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = project }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = summary },
        })).Node!["key"]!;

    [Test]
    public async Task Admin_webhook_with_a_secret_receives_signed_created_and_updated_events()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await JiraSandbox.StartAsync(FastRetries());
        var registered = (await SendAsync(sandbox.Client, HttpMethod.Post, "rest/webhooks/1.0/webhook", new JsonObject
        {
            ["name"] = "docs", ["url"] = receiver.Url.AbsoluteUri, ["secret"] = "It's a Secret to Everybody",
            ["events"] = new JsonArray("jira:issue_created", "jira:issue_updated", "comment_created"),
            ["filters"] = new JsonObject { ["issue-related-events-section"] = "project = DOCS" },
        })).Node!;
        Assert.That((bool?)registered["isSigned"], Is.True);
        Assert.That(registered["secret"], Is.Null, "the secret is write-only");

        var key = await CreateIssueAsync(sandbox.Client, "DOCS", "Signed delivery");
        var (created, body) = await receiver.NextEventAsync("jira:issue_created");
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("It's a Secret to Everybody"), created.Body)).ToLowerInvariant();
        Assert.That(created.Headers["X-Hub-Signature"], Is.EqualTo(expected));
        Assert.That(created.Headers["X-Atlassian-Webhook-Flow"], Is.EqualTo("Primary"));
        Assert.That(created.Headers.ContainsKey("X-Atlassian-Webhook-Identifier"), Is.True);
        Assert.That(created.Headers.ContainsKey("X-Atlassian-Webhook-Retry"), Is.False);
        Assert.That((string?)body["issue"]!["key"], Is.EqualTo(key));
        Assert.That((string?)body["issue_event_type_name"], Is.EqualTo("issue_created"));
        Assert.That((long?)body["timestamp"], Is.GreaterThan(0));
        Assert.That(body["user"]!["accountId"], Is.Not.Null);

        await SendAsync(sandbox.Client, HttpMethod.Put, $"rest/api/2/issue/{key}", new JsonObject { ["fields"] = new JsonObject { ["summary"] = "Renamed" } });
        var (_, updated) = await receiver.NextEventAsync("jira:issue_updated");
        var item = updated["changelog"]!["items"]![0]!;
        Assert.That((string?)item["field"], Is.EqualTo("summary"));
        Assert.That((string?)item["toString"], Is.EqualTo("Renamed"));

        await SendAsync(sandbox.Client, HttpMethod.Post, $"rest/api/2/issue/{key}/comment", new JsonObject { ["body"] = "Nice" });
        var (_, comment) = await receiver.NextEventAsync("comment_created");
        Assert.That((string?)comment["comment"]!["body"], Is.EqualTo("Nice"));
        Assert.That((string?)comment["issue"]!["key"], Is.EqualTo(key));

        // The JQL filter keeps other projects' events away.
        await CreateIssueAsync(sandbox.Client, "DEV", "Not for this hook");
        await CreateIssueAsync(sandbox.Client, "DOCS", "Marker");
        var (_, marker) = await receiver.NextEventAsync("jira:issue_created");
        Assert.That((string?)marker["issue"]!["fields"]!["summary"], Is.EqualTo("Marker"));
    }

    [Test]
    public async Task Failed_deliveries_are_retried_with_the_same_identifier_and_4xx_is_not()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await JiraSandbox.StartAsync(FastRetries());
        await SendAsync(sandbox.Client, HttpMethod.Post, "rest/webhooks/1.0/webhook", new JsonObject
        {
            ["name"] = "retry", ["url"] = receiver.Url.AbsoluteUri, ["events"] = new JsonArray("jira:issue_created"),
        });
        receiver.Statuses.Enqueue(503);
        await CreateIssueAsync(sandbox.Client, "DOCS", "Retry me");
        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();
        Assert.That(second.Headers["X-Atlassian-Webhook-Identifier"], Is.EqualTo(first.Headers["X-Atlassian-Webhook-Identifier"]));
        Assert.That(second.Headers["X-Atlassian-Webhook-Retry"], Is.EqualTo("1"));
        Assert.That(second.Body, Is.EqualTo(first.Body));

        receiver.Statuses.Enqueue(400);
        await CreateIssueAsync(sandbox.Client, "DOCS", "Refused");
        await receiver.NextAsync();
        await CreateIssueAsync(sandbox.Client, "DOCS", "Next");
        var next = JsonNode.Parse((await receiver.NextAsync()).Body)!;
        Assert.That((string?)next["issue"]!["fields"]!["summary"], Is.EqualTo("Next"), "a 400 is not retried");
    }

    [Test]
    public async Task Only_administrators_manage_admin_webhooks_and_only_loopback_urls_are_accepted()
    {
        await using var sandbox = await JiraSandbox.StartAsync();
        var bob = sandbox.Seed.FindUser("bob@sandbox.example")!;
        using var asBob = sandbox.CreateClient(o => o.Authentication = JiraAuthentication.Basic(bob.EmailAddress, bob.ApiToken));
        Assert.ThrowsAsync<JiraSdk.Errors.JiraForbiddenException>(() => asBob.SendAsync(HttpMethod.Get, "rest/webhooks/1.0/webhook"));
        var e = Assert.ThrowsAsync<JiraSdk.Errors.JiraBadRequestException>(() => SendAsync(sandbox.Client, HttpMethod.Post, "rest/webhooks/1.0/webhook", new JsonObject
        {
            ["name"] = "out", ["url"] = "https://example.com/hook", ["events"] = new JsonArray("jira:issue_created"),
        }));
        Assert.That(e!.Errors.Keys, Does.Contain("url"));
    }

    /// <summary>Runs the OAuth 2.0 (3LO) dance against the sandbox with the SDK's own client.</summary>
    internal static async Task<(JiraClient Client, JiraOAuth2Tokens Tokens)> OAuth2ClientAsync(JiraSandbox sandbox, string? loginHint = null)
    {
        var endpoints = sandbox.CreateOAuth2Endpoints();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var oauth = new JiraOAuth2Client(http, sandbox.Credentials.OAuth2ClientId, sandbox.Credentials.OAuth2ClientSecret, endpoints);
        var redirect = new Uri("http://127.0.0.1:1/callback");
        var authorize = oauth.GetAuthorizeUrl(redirect, new[] { "read:jira-work", "write:jira-work", "manage:jira-webhook" }, "xyz");
        if (loginHint is not null) authorize = new Uri(authorize.AbsoluteUri + "&login_hint=" + Uri.EscapeDataString(loginHint));
        using var consent = await http.GetAsync(authorize);
        Assert.That(consent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var query = System.Web.HttpUtility.ParseQueryString(consent.Headers.Location!.Query);
        Assert.That(query["state"], Is.EqualTo("xyz"));
        var tokens = await oauth.ExchangeCodeAsync(query["code"]!, redirect);
        var latest = tokens;
        var client = sandbox.CreateClient(o => o.Authentication = JiraAuthentication.OAuth2(new JiraOAuth2Options
        {
            ClientId = sandbox.Credentials.OAuth2ClientId,
            ClientSecret = sandbox.Credentials.OAuth2ClientSecret,
            Tokens = tokens,
            CloudId = sandbox.Credentials.CloudId,
            Endpoints = endpoints,
            SaveTokensAsync = (saved, _) => { latest = saved; return Task.CompletedTask; },
        }));
        return (client, tokens);
    }

    [Test]
    public async Task App_webhooks_register_with_per_webhook_errors_and_deliver_a_bearer_jwt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await JiraSandbox.StartAsync(FastRetries());
        var (app, _) = await OAuth2ClientAsync(sandbox);
        using var _app = app;

        Assert.ThrowsAsync<JiraSdk.Errors.JiraForbiddenException>(() => sandbox.Client.SendAsync(HttpMethod.Get, "rest/api/3/webhook"));

        var result = (await SendAsync(app, HttpMethod.Post, "rest/api/3/webhook", new JsonObject
        {
            ["url"] = receiver.Url.AbsoluteUri,
            ["webhooks"] = new JsonArray(
                new JsonObject { ["events"] = new JsonArray("jira:issue_created", "jira:issue_updated"), ["jqlFilter"] = "project = DOCS" },
                new JsonObject { ["events"] = new JsonArray("jira:issue_created"), ["jqlFilter"] = "watchCount > 1" },
                new JsonObject { ["events"] = new JsonArray("worklog_created"), ["jqlFilter"] = "project = DOCS" }),
        })).Node!["webhookRegistrationResult"]!.AsArray();
        Assert.That((long?)result[0]!["createdWebhookId"], Is.GreaterThan(0));
        Assert.That(result[1]!["errors"]!.AsArray().Select(e => (string?)e), Does.Contain("The clause watchCount is unsupported"));
        Assert.That(result[2]!["errors"]!.AsArray(), Is.Not.Empty);
        var id = (long)result[0]!["createdWebhookId"]!;

        var list = (await SendAsync(app, HttpMethod.Get, "rest/api/3/webhook")).Node!;
        Assert.That((int?)list["total"], Is.EqualTo(1));
        var expiration = DateTimeOffset.FromUnixTimeMilliseconds((long)list["values"]![0]!["expirationDate"]!);
        Assert.That(expiration - DateTimeOffset.UtcNow, Is.EqualTo(TimeSpan.FromDays(30)).Within(TimeSpan.FromMinutes(5)));

        var key = await CreateIssueAsync(app, "DOCS", "For the app");
        var (delivery, body) = await receiver.NextEventAsync("jira:issue_created");
        Assert.That(body["matchedWebhookIds"]!.AsArray().Select(i => (long)i!), Is.EqualTo(new[] { id }));
        Assert.That((string?)body["issue"]!["key"], Is.EqualTo(key));
        var authorization = delivery.Headers["Authorization"];
        Assert.That(authorization, Does.StartWith("Bearer "));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(sandbox.Credentials.OAuth2ClientSecret)),
            ValidateIssuer = false,
            ValidAudience = sandbox.Credentials.OAuth2ClientId,
            ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
        });
        Assert.That(validation.IsValid, Is.True, validation.Exception?.Message);

        var refreshed = (await SendAsync(app, HttpMethod.Put, "rest/api/3/webhook/refresh", new JsonObject { ["webhookIds"] = new JsonArray(id) })).Node!;
        Assert.That((long?)refreshed["expirationDate"], Is.GreaterThan(0));
        await SendAsync(app, HttpMethod.Delete, "rest/api/3/webhook", new JsonObject { ["webhookIds"] = new JsonArray(id) });
        Assert.That((int?)(await SendAsync(app, HttpMethod.Get, "rest/api/3/webhook")).Node!["total"], Is.EqualTo(0));
    }

    [Test]
    public async Task App_deliveries_that_run_out_of_retries_are_listed_as_failed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await JiraSandbox.StartAsync(FastRetries());
        var (app, _) = await OAuth2ClientAsync(sandbox);
        using var _app = app;
        await SendAsync(app, HttpMethod.Post, "rest/api/3/webhook", new JsonObject
        {
            ["url"] = receiver.Url.AbsoluteUri,
            ["webhooks"] = new JsonArray(new JsonObject { ["events"] = new JsonArray("jira:issue_created"), ["jqlFilter"] = "project = DOCS" }),
        });
        for (var i = 0; i < 3; i++) receiver.Statuses.Enqueue(500);
        await CreateIssueAsync(app, "DOCS", "Doomed");
        for (var i = 0; i < 3; i++) await receiver.NextAsync();
        JsonArray failed;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        do
        {
            failed = (await SendAsync(app, HttpMethod.Get, "rest/api/3/webhook/failed")).Node!["values"]!.AsArray();
            if (failed.Count > 0 || DateTime.UtcNow > deadline) break;
            await Task.Delay(20);
        } while (true);
        Assert.That(failed, Has.Count.EqualTo(1));
        Assert.That((string?)failed[0]!["url"], Is.EqualTo(receiver.Url.AbsoluteUri));
        Assert.That((string?)failed[0]!["body"], Does.Contain("Doomed"));
    }
}
