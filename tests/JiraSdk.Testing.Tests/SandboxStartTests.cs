using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JiraSdk.Auth;
using JiraSdk.Errors;

namespace JiraSdk.Testing.Tests;

public sealed class SandboxStartTests
{
    [Test]
    public async Task Starts_on_loopback_with_an_ephemeral_port_and_answers_myself_through_the_client()
    {
        var watch = Stopwatch.StartNew();
        await using var sandbox = await JiraSandbox.StartAsync();
        watch.Stop();

        Assert.That(sandbox.SiteUrl.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(sandbox.SiteUrl.Port, Is.GreaterThan(0));
        Assert.That(sandbox.SiteUrl.AbsoluteUri, Does.EndWith("/"));
        var me = await sandbox.Client.V3.Myself.GetCurrentUserAsync();
        Assert.That(me.EmailAddress, Is.EqualTo(sandbox.Credentials.Email));
        Assert.That(me.AccountId, Is.EqualTo(sandbox.Credentials.AccountId));
        TestContext.Out.WriteLine($"start took {watch.ElapsedMilliseconds} ms");
    }

    [Test]
    public async Task Demo_data_has_the_docs_project_with_on_hold_and_ready_to_publish_tickets_and_custom_fields()
    {
        await using var sandbox = await JiraSandbox.StartAsync();
        var project = await sandbox.Client.V3.Projects.GetProjectAsync("DOCS");
        Assert.That(project.Name, Is.EqualTo("Documentation"));

        var fields = await sandbox.Client.V3.IssueFields.GetFieldsAsync();
        Assert.That(fields.Where(f => f.Custom == true).Select(f => f.Name), Is.SupersetOf(new[] { "Story Points", "Audience", "Reviewer" }));

        var statuses = sandbox.Store.Read(() => sandbox.Store.Issues.Values.Where(i => i.Key.StartsWith("DOCS-", StringComparison.Ordinal))
            .Select(i => sandbox.Store.StatusOf(i).Name).ToList());
        Assert.That(statuses.Count(s => s == "On Hold"), Is.GreaterThanOrEqualTo(2));
        Assert.That(statuses.Count(s => s == "Ready to Publish"), Is.GreaterThanOrEqualTo(2));
        Assert.That(sandbox.Store.Read(() => sandbox.Store.Users.Count), Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task Empty_sandbox_has_the_default_configuration_but_no_projects()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { SeedDemoData = false });
        var projects = await sandbox.Client.V3.Projects.SearchProjectsAsync();
        Assert.That(projects.Total, Is.EqualTo(0));
        var statuses = await sandbox.Client.V3.WorkflowStatuses.GetStatusesAsync();
        Assert.That(statuses.Select(s => s.Name), Is.SupersetOf(new[] { "To Do", "On Hold", "Ready to Publish", "Done" }));
    }

    [Test]
    public async Task Wrong_credentials_get_401_with_the_seraph_login_reason()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { SeedDemoData = false });
        using var http = new HttpClient { BaseAddress = sandbox.SiteUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "rest/api/3/myself");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(sandbox.Credentials.Email + ":wrong")));
        using var response = await http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.GetValues("X-Seraph-LoginReason"), Is.EqualTo(new[] { "AUTHENTICATED_FAILED" }));

        using var wrong = sandbox.CreateClient(o => o.Authentication = JiraAuthentication.Basic(sandbox.Credentials.Email, "wrong"));
        Assert.ThrowsAsync<JiraAuthenticationException>(() => wrong.V3.Myself.GetCurrentUserAsync());
    }

    [Test]
    public async Task Anonymous_requests_get_401_and_server_info_stays_public()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { SeedDemoData = false });
        using var http = new HttpClient { BaseAddress = sandbox.SiteUrl };
        using var me = await http.GetAsync("rest/api/3/myself");
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var body = JsonNode.Parse(await me.Content.ReadAsStringAsync())!;
        Assert.That(body["errorMessages"]!.AsArray(), Has.Count.EqualTo(1));
        using var info = await http.GetAsync("rest/api/3/serverInfo");
        Assert.That(info.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)JsonNode.Parse(await info.Content.ReadAsStringAsync())!["deploymentType"], Is.EqualTo("Cloud"));
    }

    [Test]
    public async Task Data_center_mode_uses_personal_access_tokens_and_serves_no_v3()
    {
        await using var sandbox = await JiraSandbox.StartAsync(new JiraSandboxOptions { Mode = JiraSandboxMode.DataCenter });
        var me = await sandbox.Client.V2.Myself.GetCurrentUserAsync();
        Assert.That(me.EmailAddress, Is.EqualTo(sandbox.Credentials.Email));
        Assert.That(me.Name, Is.Not.Null.And.Not.Empty);
        var info = await sandbox.Client.V2.ServerInfo.GetServerInfoAsync();
        Assert.That(info.DeploymentType, Is.EqualTo("Server"));
        Assert.ThrowsAsync<JiraNotFoundException>(() => sandbox.Client.V3.Myself.GetCurrentUserAsync());
    }

    [Test]
    public async Task Two_sandboxes_run_side_by_side_with_separate_state()
    {
        await using var first = await JiraSandbox.StartAsync(new JiraSandboxOptions { SeedDemoData = false });
        await using var second = await JiraSandbox.StartAsync(new JiraSandboxOptions { SeedDemoData = false });
        first.Seed.AddProject("ONE", "One");
        Assert.That(first.SiteUrl, Is.Not.EqualTo(second.SiteUrl));
        Assert.That((await second.Client.V3.Projects.SearchProjectsAsync()).Total, Is.EqualTo(0));
        Assert.That((await first.Client.V3.Projects.SearchProjectsAsync()).Total, Is.EqualTo(1));
    }
}
