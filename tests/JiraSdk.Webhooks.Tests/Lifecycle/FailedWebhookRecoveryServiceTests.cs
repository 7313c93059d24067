using System.Collections.Concurrent;
using System.Text;
using JiraSdk.Errors;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Lifecycle;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Registration;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Tests.Lifecycle;

/// <summary>Deliveries the sandbox gave up on, fetched through JiraClient and fed through the receiver's own path.</summary>
public class FailedWebhookRecoveryServiceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>The handlers' view: every event handled, with the delivery id it came under.</summary>
    private sealed class Recorder
    {
        public ConcurrentQueue<(string? Key, string? DeliveryId)> Handled { get; } = new();
        public int FailuresLeft { get; set; }

        public DelegateWebhookHandler Handler => new DelegateWebhookHandler().On<IssueWebhookEvent>((e, context, _) =>
        {
            if (FailuresLeft-- > 0) throw new InvalidOperationException("The handler failed.");
            Handled.Enqueue((e.Issue?.Key, context.DeliveryId));
            return Task.CompletedTask;
        });
    }

    private static JiraWebhookReceiver Receiver(Recorder recorder, IWebhookDeliveryStore store) =>
        // No secrets: live copies below are fed in unsigned; the failed ones are vouched for by the API call.
        new(new JiraWebhookOptions(), [recorder.Handler], store);

    /// <summary>Registers an app webhook to a dead URL, creates an issue, and waits until Jira lists the delivery as failed.</summary>
    private static async Task<(string Key, FailedWebhookDelivery Failure)> FailedDeliveryAsync(SandboxApp jira, string summary)
    {
        var registrar = new AppWebhookRegistrar(jira.App);
        var url = SandboxApp.DeadUrl();
        await registrar.SyncAsync(url, [new([WebhookEventNames.IssueCreated], "project = DOCS")]);
        var key = await jira.CreateIssueAsync(summary);
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            await foreach (var failure in registrar.ListFailedDeliveriesAsync(cancellationToken: timeout.Token))
                if (failure.Body?.Contains(key, StringComparison.Ordinal) == true) return (key, failure);
            await Task.Delay(20, timeout.Token);
        }
    }

    [Test]
    public async Task A_failed_delivery_is_handled_once_across_passes_and_restarts()
    {
        await using var jira = await SandboxApp.StartAsync();
        var (key, failure) = await FailedDeliveryAsync(jira, "Missed by the receiver");
        var recorder = new Recorder();
        var store = new MemoryWebhookDeliveryStore();

        var service = new FailedWebhookRecoveryService(new AppWebhookRegistrar(jira.App), Receiver(recorder, store));
        var first = await service.RecoverOnceAsync();
        var second = await service.RecoverOnceAsync();
        var restarted = await new FailedWebhookRecoveryService(new AppWebhookRegistrar(jira.App), Receiver(recorder, store)).RecoverOnceAsync();

        Assert.That((first.Fetched, first.Processed), Is.EqualTo((1, 1)));
        Assert.That(recorder.Handled, Is.EqualTo(new[] { ((string?)key, (string?)failure.Id) }), "handled once, under Jira's delivery id");
        Assert.That(service.Position, Is.EqualTo(failure.FailureTime));
        Assert.That(second.Fetched, Is.Zero, "the next pass asks only for later failures");
        Assert.That((restarted.Fetched, restarted.Processed, restarted.Duplicates), Is.EqualTo((1, 0, 1)), "after a restart the store de-duplicates");
    }

    [Test]
    public async Task A_failed_delivery_already_processed_live_is_skipped()
    {
        await using var jira = await SandboxApp.StartAsync();
        var (_, failure) = await FailedDeliveryAsync(jira, "Processed, but the answer was lost");
        var recorder = new Recorder();
        var receiver = Receiver(recorder, new MemoryWebhookDeliveryStore());
        // The live copy: processed, yet Jira counted it as failed (the acknowledgement never reached it).
        var live = await receiver.ReceiveAsync(new WebhookDelivery(Encoding.UTF8.GetBytes(failure.Body!), null, new WebhookDeliveryContext(failure.Id)), default);
        Assert.That(live.Status, Is.EqualTo(WebhookReceiveStatus.Processed));

        var result = await new FailedWebhookRecoveryService(new AppWebhookRegistrar(jira.App), receiver).RecoverOnceAsync();

        Assert.That((result.Fetched, result.Processed, result.Duplicates), Is.EqualTo((1, 0, 1)));
        Assert.That(recorder.Handled, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_body_processed_live_under_another_identifier_is_skipped_by_its_digest()
    {
        await using var jira = await SandboxApp.StartAsync();
        var (_, failure) = await FailedDeliveryAsync(jira, "Same body, other id");
        var recorder = new Recorder();
        var receiver = Receiver(recorder, new MemoryWebhookDeliveryStore());
        await receiver.ReceiveAsync(new WebhookDelivery(Encoding.UTF8.GetBytes(failure.Body!), null, new WebhookDeliveryContext("another-id")), default);

        var result = await new FailedWebhookRecoveryService(new AppWebhookRegistrar(jira.App), receiver).RecoverOnceAsync();

        Assert.That(result.Duplicates, Is.EqualTo(1));
        Assert.That(recorder.Handled, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_handler_failure_keeps_the_delivery_for_the_next_pass()
    {
        await using var jira = await SandboxApp.StartAsync();
        var (key, _) = await FailedDeliveryAsync(jira, "Handler fails once");
        var recorder = new Recorder { FailuresLeft = 1 };
        var service = new FailedWebhookRecoveryService(new AppWebhookRegistrar(jira.App), Receiver(recorder, new MemoryWebhookDeliveryStore()));

        var failed = await service.RecoverOnceAsync();
        var retried = await service.RecoverOnceAsync();

        Assert.That((failed.Pending, failed.Processed), Is.EqualTo((1, 0)));
        Assert.That(retried.Processed, Is.EqualTo(1));
        Assert.That(recorder.Handled.Select(h => h.Key), Is.EqualTo(new[] { key }));
    }

    [Test]
    public async Task The_hosted_service_polls_on_the_fake_clock_and_survives_a_5xx()
    {
        await using var jira = await SandboxApp.StartAsync();
        var recorder = new Recorder();
        var logger = new ListLogger<FailedWebhookRecoveryService>();
        using var service = new FailedWebhookRecoveryService(new AppWebhookRegistrar(jira.App), Receiver(recorder, new MemoryWebhookDeliveryStore()),
            new FailedWebhookRecoveryOptions { PollInterval = TimeSpan.FromMinutes(10) }, jira.Clock, logger);
        jira.Sandbox.Faults.ServerError("/rest/api/3/webhook/failed", HttpMethod.Get, 503, times: 2); // both attempts of the first pass
        await service.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            Assert.That(await service.Ticks.ReadAsync(timeout.Token), Is.InstanceOf<JiraApiException>());
            Assert.That(logger.Entries.Single(e => e.Level == LogLevel.Error).Id.Id, Is.EqualTo(104));
            var (key, _) = await FailedDeliveryAsync(jira, "Found by the poll");

            jira.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.That(await service.Ticks.ReadAsync(timeout.Token), Is.Null);
            Assert.That(recorder.Handled.Select(h => h.Key), Is.EqualTo(new[] { key }));
            Assert.That(service.ExecuteTask!.IsCompleted, Is.False);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task Failures_of_another_url_are_skipped_when_a_url_is_set()
    {
        await using var jira = await SandboxApp.StartAsync();
        await FailedDeliveryAsync(jira, "For another receiver");
        var recorder = new Recorder();
        var service = new FailedWebhookRecoveryService(new AppWebhookRegistrar(jira.App), Receiver(recorder, new MemoryWebhookDeliveryStore()),
            new FailedWebhookRecoveryOptions { Url = "http://127.0.0.1:9/mine" });

        var result = await service.RecoverOnceAsync();

        Assert.That((result.Fetched, result.Skipped, result.Processed), Is.EqualTo((1, 1, 0)));
        Assert.That(recorder.Handled, Is.Empty);
    }
}
