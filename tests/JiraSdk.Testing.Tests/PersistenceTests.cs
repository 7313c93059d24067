using System.Text.Json.Nodes;
using JiraSdk.Raw;

namespace JiraSdk.Testing.Tests;

public sealed class PersistenceTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("jirasandbox-").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private static async Task<string> CreateAsync(JiraClient client, string summary)
    {
        var options = new JiraRequestOptions().WithJsonBody(new JsonObject
        {
            ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "DOCS" }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = summary, ["labels"] = new JsonArray("kept") },
        });
        using var created = await client.SendAsync(HttpMethod.Post, "rest/api/2/issue", options);
        return created!.RootElement.GetProperty("key").GetString()!;
    }

    [Test]
    public async Task A_restarted_sandbox_resumes_issues_users_webhooks_and_credentials()
    {
        var file = Path.Combine(_directory, "jira.db");
        string key, token, cloudId;
        int issueCount;
        await using (var first = await JiraSandbox.StartAsync(new JiraSandboxOptions { DataFile = file }))
        {
            key = await CreateAsync(first.Client, "Survives a restart");
            await first.Client.SendAsync(HttpMethod.Post, $"rest/api/2/issue/{key}/comment", new JiraRequestOptions().WithJsonBody(new JsonObject { ["body"] = "Still here" }));
            await first.Client.SendAsync(HttpMethod.Post, "rest/webhooks/1.0/webhook", new JiraRequestOptions().WithJsonBody(new JsonObject
            {
                ["name"] = "kept", ["url"] = "http://127.0.0.1:1/hook", ["events"] = new JsonArray("jira:issue_created"),
            }));
            token = first.Credentials.ApiToken;
            cloudId = first.Credentials.CloudId;
            issueCount = first.Store.Read(() => first.Store.Issues.Count);
        }

        await using var second = await JiraSandbox.StartAsync(new JiraSandboxOptions { DataFile = file });
        Assert.That(second.Credentials.ApiToken, Is.EqualTo(token));
        Assert.That(second.Credentials.CloudId, Is.EqualTo(cloudId));
        Assert.That(second.Store.Read(() => second.Store.Issues.Count), Is.EqualTo(issueCount), "no second demo data set");
        var issue = await second.Client.V3.Issues.GetIssueAsync(key, new[] { "summary", "labels", "comment", "status" });
        Assert.That(issue.Fields!.Summary, Is.EqualTo("Survives a restart"));
        using var comments = await second.Client.SendAsync(HttpMethod.Get, $"rest/api/2/issue/{key}/comment");
        Assert.That(comments!.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(1));
        using var hooks = await second.Client.SendAsync(HttpMethod.Get, "rest/webhooks/1.0/webhook");
        Assert.That(hooks!.RootElement.GetArrayLength(), Is.EqualTo(1));
        var next = await CreateAsync(second.Client, "After the restart");
        Assert.That(next, Is.Not.EqualTo(key));
        Assert.That(second.Store.Read(() => second.Store.StatusOf(second.Store.FindIssue(next)!).Name), Is.EqualTo("To Do"), "the workflow keeps its order");
    }

    [Test]
    public async Task Every_answered_write_is_in_the_file_before_the_sandbox_stops()
    {
        var file = Path.Combine(_directory, "live.db");
        await using var running = await JiraSandbox.StartAsync(new JiraSandboxOptions { DataFile = file });
        var key = await CreateAsync(running.Client, "Durable at once");
        // Read the file while the first sandbox still runs (as after a kill): the answered write is there.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM records WHERE kind = 'issue'";
        using var reader = command.ExecuteReader();
        var summaries = new List<string>();
        while (reader.Read()) summaries.Add((string)JsonNode.Parse(reader.GetString(0))!["Key"]!);
        Assert.That(summaries, Does.Contain(key));
    }
}
