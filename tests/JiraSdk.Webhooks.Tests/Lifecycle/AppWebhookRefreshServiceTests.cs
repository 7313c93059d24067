using JiraSdk.Errors;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Lifecycle;
using JiraSdk.Webhooks.Registration;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Tests.Lifecycle;

/// <summary>App webhooks registered, refreshed and re-registered through JiraClient against the sandbox, on a fake clock.</summary>
public class AppWebhookRefreshServiceTests
{
    private const string Url = "http://127.0.0.1:9/jira/webhooks";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static AppWebhookRefreshOptions Options()
    {
        var options = new AppWebhookRefreshOptions { Url = Url, Interval = TimeSpan.FromHours(1) };
        options.Webhooks.Add(new AppWebhookDefinition([WebhookEventNames.IssueCreated, WebhookEventNames.IssueUpdated], "project = DOCS"));
        options.Webhooks.Add(new AppWebhookDefinition([WebhookEventNames.CommentCreated], "project = DOCS AND issuetype = Bug"));
        return options;
    }

    private static async Task<List<RegisteredAppWebhook>> ListAsync(SandboxApp jira)
    {
        var all = new List<RegisteredAppWebhook>();
        await foreach (var webhook in new AppWebhookRegistrar(jira.App).ListAsync()) all.Add(webhook);
        return all;
    }

    private static async Task<Exception?> NextTickAsync(AppWebhookRefreshService service)
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await service.Ticks.ReadAsync(timeout.Token);
    }

    [Test]
    public async Task Two_starts_leave_exactly_one_webhook_per_definition()
    {
        await using var jira = await SandboxApp.StartAsync();

        var first = await new AppWebhookRefreshService(new AppWebhookRegistrar(jira.App), Options(), jira.Clock).RefreshOnceAsync();
        var second = await new AppWebhookRefreshService(new AppWebhookRegistrar(jira.App), Options(), jira.Clock).RefreshOnceAsync();

        Assert.That((first.Registered, first.Refreshed), Is.EqualTo((2, 0)), "new webhooks live 30 days; nothing to refresh yet");
        Assert.That((second.Registered, second.Deleted, second.Refreshed), Is.EqualTo((0, 0, 0)), "the restart registers nothing");
        Assert.That(second.WebhookIds, Is.EqualTo(first.WebhookIds));
        Assert.That((await ListAsync(jira)).Select(w => w.Id), Is.EquivalentTo(first.WebhookIds));
        Assert.That(second.ExpiresAt, Is.EqualTo(jira.Clock.GetUtcNow().AddDays(30)));
    }

    [Test]
    public async Task The_hosted_service_refreshes_on_the_fake_clock_before_the_30_day_expiry()
    {
        await using var jira = await SandboxApp.StartAsync();
        using var service = new AppWebhookRefreshService(new AppWebhookRegistrar(jira.App), Options(), jira.Clock);
        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.That(await NextTickAsync(service), Is.Null);
            Assert.That(service.LastResult!.Registered, Is.EqualTo(2));

            jira.Clock.Advance(TimeSpan.FromDays(24));
            Assert.That(await NextTickAsync(service), Is.Null);
            Assert.That(service.LastResult!.Refreshed, Is.Zero, "6 days left: not due yet");

            jira.Clock.Advance(TimeSpan.FromDays(1));
            Assert.That(await NextTickAsync(service), Is.Null);
            Assert.That(service.LastResult!.Refreshed, Is.EqualTo(2), "5 days left: refreshed");
            Assert.That((await ListAsync(jira)).Select(w => w.ExpiresAt), Is.All.EqualTo(jira.Clock.GetUtcNow().AddDays(30)));
            Assert.That(service.LastResult.Registered, Is.Zero);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
        Assert.That(await ListAsync(jira), Has.Count.EqualTo(2), "stopping leaves the webhooks for the next start");
    }

    [Test]
    public async Task A_vanished_webhook_is_registered_again_on_the_next_tick()
    {
        await using var jira = await SandboxApp.StartAsync();
        var registrar = new AppWebhookRegistrar(jira.App);
        using var service = new AppWebhookRefreshService(registrar, Options(), jira.Clock);
        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.That(await NextTickAsync(service), Is.Null);
            var before = service.LastResult!.WebhookIds;
            await registrar.DeleteAsync([before[1]]); // as Jira does with an expired one

            jira.Clock.Advance(TimeSpan.FromHours(1));
            Assert.That(await NextTickAsync(service), Is.Null);

            var after = service.LastResult!;
            Assert.That(after.Registered, Is.EqualTo(1));
            Assert.That(after.WebhookIds[0], Is.EqualTo(before[0]), "the one still there is kept");
            Assert.That(after.WebhookIds[1], Is.Not.EqualTo(before[1]));
            var listed = await ListAsync(jira);
            Assert.That(listed.Select(w => w.Id), Is.EquivalentTo(after.WebhookIds));
            Assert.That(listed.Single(w => w.Id == after.WebhookIds[1]).JqlFilter, Is.EqualTo("project = DOCS AND issuetype = Bug"));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task A_5xx_on_refresh_is_logged_and_retried_on_the_next_tick_without_stopping_the_host()
    {
        await using var jira = await SandboxApp.StartAsync();
        var logger = new ListLogger<AppWebhookRefreshService>();
        using var service = new AppWebhookRefreshService(new AppWebhookRegistrar(jira.App), Options(), jira.Clock, logger);
        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.That(await NextTickAsync(service), Is.Null);
            jira.Sandbox.Faults.ServerError("/rest/api/3/webhook/refresh", HttpMethod.Put, 503, times: null);

            jira.Clock.Advance(TimeSpan.FromDays(25));
            var failure = await NextTickAsync(service);

            Assert.That(failure, Is.InstanceOf<JiraApiException>());
            Assert.That(((JiraApiException)failure!).StatusCode, Is.EqualTo(503));
            Assert.That(logger.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Id.Id), Is.EqualTo(new[] { 102 }));
            Assert.That(service.ExecuteTask!.IsCompleted, Is.False, "the host keeps running");

            jira.Sandbox.Faults.Clear();
            jira.Clock.Advance(TimeSpan.FromHours(1));
            Assert.That(await NextTickAsync(service), Is.Null);
            Assert.That(service.LastResult!.Refreshed, Is.EqualTo(2));
            Assert.That((await ListAsync(jira)).Select(w => w.ExpiresAt), Is.All.EqualTo(jira.Clock.GetUtcNow().AddDays(30)));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task One_5xx_is_retried_by_the_JiraClient_pipeline_within_the_pass()
    {
        await using var jira = await SandboxApp.StartAsync();
        var service = new AppWebhookRefreshService(new AppWebhookRegistrar(jira.App), Options(), jira.Clock);
        await service.RefreshOnceAsync();
        jira.Sandbox.Faults.ServerError("/rest/api/3/webhook/refresh", HttpMethod.Put, 503, times: 1);
        jira.Clock.Advance(TimeSpan.FromDays(26));

        var result = await service.RefreshOnceAsync();

        Assert.That(result.Refreshed, Is.EqualTo(2));
        Assert.That(result.ExpiresAt, Is.EqualTo(jira.Clock.GetUtcNow().AddDays(30)));
    }

    [Test]
    public async Task A_rejected_definition_throws_naming_it_and_leaves_nothing_half_registered()
    {
        await using var jira = await SandboxApp.StartAsync();
        AppWebhookDefinition[] definitions = [new([WebhookEventNames.IssueCreated], "project = DOCS"), new([WebhookEventNames.IssueUpdated], "watchCount > 1")];

        var e = Assert.ThrowsAsync<JiraWebhookRegistrationException>(() => new AppWebhookRegistrar(jira.App).SyncAsync(Url, definitions))!;

        Assert.That(e.Errors, Is.EqualTo(new[] { "The clause watchCount is unsupported" }));
        Assert.That(e.Rejected.Select(r => (r.Index, r.Definition)), Is.EqualTo(new[] { (1, definitions[1]) }));
        Assert.That(e.Message, Is.EqualTo("Jira rejected webhook #1 (jira:issue_updated; JQL 'watchCount > 1'): The clause watchCount is unsupported"));
        Assert.That(await ListAsync(jira), Is.Empty);
    }

    [Test]
    public async Task A_rejected_definition_fails_the_tick_but_not_the_host_and_the_accepted_ones_are_still_refreshed()
    {
        await using var jira = await SandboxApp.StartAsync();
        var registrar = new AppWebhookRegistrar(jira.App);
        var accepted = await new AppWebhookRefreshService(registrar, Options(), jira.Clock).RefreshOnceAsync();
        var options = Options();
        options.Webhooks.Add(new AppWebhookDefinition([WebhookEventNames.IssueDeleted], "watchCount > 1"));
        var logger = new ListLogger<AppWebhookRefreshService>();
        using var service = new AppWebhookRefreshService(registrar, options, jira.Clock, logger);
        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.That(await NextTickAsync(service), Is.InstanceOf<JiraWebhookRegistrationException>());
            jira.Clock.Advance(TimeSpan.FromDays(25));
            Assert.That(await NextTickAsync(service), Is.InstanceOf<JiraWebhookRegistrationException>(), "tried again on the next tick");
            Assert.That(logger.Entries.Count(e => e.Id.Id == 102), Is.EqualTo(2));
            Assert.That(service.ExecuteTask!.IsCompleted, Is.False);

            var listed = await ListAsync(jira);
            Assert.That(listed.Select(w => w.Id), Is.EquivalentTo(accepted.WebhookIds), "the refused one is not left registered");
            Assert.That(listed.Select(w => w.ExpiresAt), Is.All.EqualTo(jira.Clock.GetUtcNow().AddDays(30)), "the accepted ones do not expire meanwhile");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task A_changed_definition_replaces_its_webhook_and_other_urls_are_left_alone()
    {
        await using var jira = await SandboxApp.StartAsync();
        var registrar = new AppWebhookRegistrar(jira.App);
        await registrar.SyncAsync("http://127.0.0.1:9/other", [new([WebhookEventNames.IssueDeleted], "project = DOCS")]);
        var first = await registrar.SyncAsync(Url, Options().Webhooks.ToList());

        var changed = Options();
        changed.Webhooks[0] = new AppWebhookDefinition([WebhookEventNames.IssueCreated], "project = DOCS AND status = Done");
        var second = await registrar.SyncAsync(Url, changed.Webhooks.ToList());

        Assert.That((second.Created, second.Deleted), Is.EqualTo((1, 1)));
        Assert.That(second.WebhookIds[1], Is.EqualTo(first.WebhookIds[1]));
        var listed = await ListAsync(jira);
        Assert.That(listed, Has.Count.EqualTo(3));
        Assert.That(listed.Count(w => w.Url == "http://127.0.0.1:9/other"), Is.EqualTo(1));
    }

    [Test]
    public void Options_that_could_let_a_webhook_expire_are_refused()
    {
        var options = Options();
        options.Interval = TimeSpan.FromDays(6);
        Assert.Throws<ArgumentException>(() => new AppWebhookRefreshService(new AppWebhookRegistrar(new JiraClient(new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") })), options));
    }
}
