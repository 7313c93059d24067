using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JiraSdk.Errors;
using static JiraSdk.Testing.Tests.WebhookTests;

namespace JiraSdk.Testing.Tests;

/// <summary>Data Center 10's webhook REST API, <c>/rest/jira-webhook/1.0/webhooks</c> (EVENTS.md §6.3).</summary>
public sealed class DataCenterWebhookTests
{
    private const string Path = "rest/jira-webhook/1.0/webhooks";

    [Test]
    public async Task Webhooks_are_managed_on_the_dc10_path_and_deliveries_are_signed_with_the_configured_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Mode = JiraSandboxMode.DataCenter });
        var created = (await SendAsync(sandbox.Client, HttpMethod.Post, Path, new JsonObject
        {
            ["name"] = "docs", ["url"] = receiver.Url.AbsoluteUri, ["events"] = new JsonArray("jira:issue_created"),
            ["active"] = true, ["scopeType"] = "global",
            ["configuration"] = new JsonObject { ["FILTERS"] = "project = DOCS", ["SECRET"] = "dc-secret", ["EXCLUDE_BODY"] = "false" },
        })).Node!;
        var id = (long)created["id"]!;
        Assert.That((string?)created["configuration"]!["FILTERS"], Is.EqualTo("project = DOCS"));
        Assert.That((string?)created["configuration"]!["SECRET"], Is.Not.EqualTo("dc-secret"), "the secret is write-only");
        Assert.That((bool?)created["active"], Is.True);
        Assert.That((long?)created["createdDate"], Is.GreaterThan(0));

        var listed = (await SendAsync(sandbox.Client, HttpMethod.Get, Path + "?event=jira:issue_created")).Node!.AsArray();
        Assert.That(listed.Select(h => (long?)h!["id"]), Is.EqualTo(new long?[] { id }));
        Assert.That((await SendAsync(sandbox.Client, HttpMethod.Get, Path + "?event=comment_created")).Node!.AsArray(), Is.Empty);

        await SendAsync(sandbox.Client, HttpMethod.Post, "rest/api/2/issue", new JsonObject
        {
            ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "DEV" }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = "Filtered out" },
        });
        await SendAsync(sandbox.Client, HttpMethod.Post, "rest/api/2/issue", new JsonObject
        {
            ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "DOCS" }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = "Signed" },
        });
        var (delivery, body) = await receiver.NextEventAsync("jira:issue_created");
        Assert.That((string?)body["issue"]!["fields"]!["summary"], Is.EqualTo("Signed"));
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("dc-secret"), delivery.Body)).ToLowerInvariant();
        Assert.That(delivery.Headers["X-Hub-Signature"], Is.EqualTo(expected));

        // Echoing the masked configuration back keeps the secret; "active" switches the webhook.
        var replaced = (await SendAsync(sandbox.Client, HttpMethod.Put, $"{Path}/{id}", new JsonObject
        {
            ["name"] = "docs", ["url"] = receiver.Url.AbsoluteUri, ["events"] = new JsonArray("jira:issue_created"), ["active"] = false,
            ["configuration"] = created["configuration"]!.DeepClone(),
        })).Node!;
        Assert.That((bool?)replaced["active"], Is.False);
        Assert.That(replaced["configuration"]!["SECRET"], Is.Not.Null);
        Assert.That((string?)(await SendAsync(sandbox.Client, HttpMethod.Get, $"{Path}/{id}")).Node!["name"], Is.EqualTo("docs"));

        await SendAsync(sandbox.Client, HttpMethod.Delete, $"{Path}/{id}");
        Assert.That((await SendAsync(sandbox.Client, HttpMethod.Get, Path)).Node!.AsArray(), Is.Empty);
        Assert.ThrowsAsync<JiraNotFoundException>(() => SendAsync(sandbox.Client, HttpMethod.Get, $"{Path}/{id}"));
    }

    [Test]
    public async Task The_pre_10_path_answers_404_in_data_center_mode()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Mode = JiraSandboxMode.DataCenter });
        Assert.ThrowsAsync<JiraNotFoundException>(() => SendAsync(sandbox.Client, HttpMethod.Get, "rest/webhooks/1.0/webhook"));
    }
}
