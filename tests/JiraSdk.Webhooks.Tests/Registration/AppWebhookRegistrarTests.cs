using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Registration;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Registration;

public class AppWebhookRegistrarTests
{
    private const string Url = "https://app.example.com/jira/webhooks";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));

    private static AppWebhookDefinition[] Definitions(string jql = "project = DOCS") =>
    [
        new([WebhookEventNames.IssueCreated, WebhookEventNames.IssueUpdated], jql),
        new([WebhookEventNames.CommentCreated], "project = DOCS AND issuetype = Bug"),
    ];

    [Test]
    public async Task Two_starts_leave_exactly_one_webhook_per_definition()
    {
        var jira = new FakeJiraWebhooks(_clock);

        await using (var first = await new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock).SubscribeAsync(Url, Definitions(), default))
            Assert.That(first.WebhookIds, Has.Count.EqualTo(2));
        await using var second = await new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock).SubscribeAsync(Url, Definitions(), default);

        Assert.That(jira.AppWebhooks, Has.Count.EqualTo(2));
        Assert.That(jira.CallCount("POST app"), Is.EqualTo(1), "the second start registers nothing");
        Assert.That(jira.CallCount("DELETE app"), Is.Zero);
        Assert.That(second.WebhookIds, Is.EquivalentTo(jira.AppWebhooks.Keys));
    }

    [Test]
    public async Task A_changed_filter_replaces_the_old_webhook_and_keeps_the_unchanged_one()
    {
        var jira = new FakeJiraWebhooks(_clock);
        await using (await new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock).SubscribeAsync(Url, Definitions(), default)) { }
        var unchangedId = jira.AppWebhooks.Single(w => w.Value["jqlFilter"]!.GetValue<string>().Contains("Bug")).Key;

        await using var changed = await new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock)
            .SubscribeAsync(Url, Definitions("project = DOCS AND status = Done"), default);

        Assert.That(jira.AppWebhooks, Has.Count.EqualTo(2));
        Assert.That(jira.AppWebhooks.Keys, Does.Contain(unchangedId));
        Assert.That(jira.AppWebhooks.Values.Select(w => w["jqlFilter"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "project = DOCS AND status = Done", "project = DOCS AND issuetype = Bug" }));
    }

    [Test]
    public async Task Refreshes_on_the_injected_clock_before_the_30_day_expiry()
    {
        var jira = new FakeJiraWebhooks(_clock);
        await using var subscription = await new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock).SubscribeAsync(Url, Definitions(), default);

        Assert.That(jira.CallCount("PUT refresh"), Is.EqualTo(1), "refreshed once at subscription");
        Assert.That(subscription.ExpiresAt, Is.EqualTo(_clock.GetUtcNow().AddDays(30)));
        Assert.That(subscription.NextRefreshAt, Is.EqualTo(_clock.GetUtcNow().AddDays(25)));

        _clock.Advance(TimeSpan.FromDays(25) - TimeSpan.FromSeconds(1));
        Assert.That(jira.CallCount("PUT refresh"), Is.EqualTo(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await subscription.ScheduledRefresh;
        Assert.That(jira.CallCount("PUT refresh"), Is.EqualTo(2));
        Assert.That(subscription.ExpiresAt, Is.EqualTo(_clock.GetUtcNow().AddDays(30)));

        _clock.Advance(TimeSpan.FromDays(25));
        await subscription.ScheduledRefresh;
        Assert.That(jira.CallCount("PUT refresh"), Is.EqualTo(3), "the refresh keeps rescheduling itself");
    }

    [Test]
    public async Task A_failed_refresh_is_retried_after_the_retry_delay()
    {
        var jira = new FakeJiraWebhooks(_clock);
        await using var subscription = await new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock).SubscribeAsync(Url, Definitions(), default);
        jira.RefreshFailuresLeft = 1;

        _clock.Advance(TimeSpan.FromDays(25));
        await subscription.ScheduledRefresh;
        Assert.That(jira.CallCount("PUT refresh"), Is.EqualTo(2));
        Assert.That(subscription.NextRefreshAt, Is.EqualTo(_clock.GetUtcNow().AddHours(1)));

        _clock.Advance(TimeSpan.FromHours(1));
        await subscription.ScheduledRefresh;
        Assert.That(jira.CallCount("PUT refresh"), Is.EqualTo(3));
        Assert.That(subscription.NextRefreshAt, Is.EqualTo(_clock.GetUtcNow().AddDays(25)));
    }

    [Test]
    public async Task Disposing_stops_refreshing_and_unsubscribing_deletes()
    {
        var jira = new FakeJiraWebhooks(_clock);
        var registrar = new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock);
        var kept = await registrar.SubscribeAsync(Url, Definitions(), default);
        await kept.DisposeAsync();
        _clock.Advance(TimeSpan.FromDays(40));
        Assert.That(jira.CallCount("PUT refresh"), Is.EqualTo(1));
        Assert.That(jira.AppWebhooks, Has.Count.EqualTo(2), "disposing leaves the webhooks for the next start");

        var subscription = await registrar.SubscribeAsync(Url, Definitions(), default);
        await subscription.UnsubscribeAsync(default);

        Assert.That(jira.AppWebhooks, Is.Empty);
    }

    [Test]
    public async Task A_rejected_definition_throws_with_jiras_message_and_leaves_nothing_half_registered()
    {
        var jira = new FakeJiraWebhooks(_clock);
        AppWebhookDefinition[] definitions = [new([WebhookEventNames.IssueCreated], "project = DOCS"), new([WebhookEventNames.IssueUpdated], "watchCount > 1")];

        var e = Assert.ThrowsAsync<JiraWebhookRegistrationException>(() => new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock).SubscribeAsync(Url, definitions, default))!;

        Assert.That(e.Errors, Is.EqualTo(new[] { "The clause watchCount is unsupported" }));
        Assert.That(e.Rejected.Select(r => (r.Index, r.Definition)), Is.EqualTo(new[] { (1, definitions[1]) }), "names the webhook refused");
        Assert.That(e.Message, Is.EqualTo("Jira rejected webhook #1 (jira:issue_updated; JQL 'watchCount > 1'): The clause watchCount is unsupported"));
        Assert.That(jira.AppWebhooks, Is.Empty);
    }

    [Test]
    public void Webhooks_of_another_url_are_left_alone()
    {
        var jira = new FakeJiraWebhooks(_clock);
        Assert.DoesNotThrowAsync(async () =>
        {
            await using (await new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock).SubscribeAsync("https://other.example.com/hook", Definitions(), default)) { }
            await using (await new AppWebhookRegistrar(jira.NewClient(), timeProvider: _clock).SubscribeAsync(Url, Definitions(), default)) { }
        });
        Assert.That(jira.AppWebhooks, Has.Count.EqualTo(4));
    }
}
