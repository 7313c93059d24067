using System.Collections.Concurrent;
using System.Text;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using JiraSdk.Webhooks.Tests.Verification;
using JiraSdk.Webhooks.Verification;
using Microsoft.Extensions.Time.Testing;

namespace JiraSdk.Webhooks.Tests.Delivery;

/// <summary>Never lose, never repeat: in-progress redeliveries, replays, unsigned deliveries, tokens and the queue.</summary>
public class ReceiverGuaranteesTests
{
    private const string Secret = "s3cr3t-for-tests";
    private const string ClientSecret = "oauth2-client-secret-for-tests-0123456789";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);

    private static byte[] IssueUpdated(string key) => Encoding.UTF8.GetBytes(
        """{"timestamp":1764400000000,"webhookEvent":"jira:issue_updated","issue":{"id":"1","key":""" + "\"" + key + "\"" + ""","fields":{}}}""");

    private static WebhookDelivery Delivery(byte[] body, string? id, string? signature = "sign", string? authorization = null, int retry = 0) =>
        new(body, signature == "sign" ? JiraWebhookSignatureVerifier.ComputeSignature(Secret, body) : signature,
            new WebhookDeliveryContext(id, retry), authorization);

    /// <summary>Counts handled events per issue key; can be held open or made to fail.</summary>
    private sealed class Handler : IJiraWebhookHandler
    {
        public ConcurrentDictionary<string, int> Handled { get; } = new();
        public TaskCompletionSource? Gate { get; set; }
        public int FailuresLeft;

        public async Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            if (Gate is { } gate) await gate.Task;
            if (Interlocked.Decrement(ref FailuresLeft) >= 0) throw new InvalidOperationException("downstream unavailable");
            Handled.AddOrUpdate(((IssueUpdatedEvent)webhookEvent).Issue!.Key!, 1, (_, n) => n + 1);
        }
    }

    private static JiraWebhookReceiver Receiver(Handler handler, Action<JiraWebhookOptions>? configure = null, IWebhookDeliveryQueue? queue = null, IWebhookDeliveryStore? store = null)
    {
        var options = new JiraWebhookOptions { Secrets = { Secret } };
        configure?.Invoke(options);
        return new JiraWebhookReceiver(options, new[] { handler }, store, timeProvider: new FakeTimeProvider(Now), queue: queue);
    }

    [Test]
    public async Task A_redelivery_while_the_first_attempt_runs_is_retryable_and_the_event_is_processed_once_even_when_the_first_fails()
    {
        var handler = new Handler { Gate = new TaskCompletionSource(), FailuresLeft = 1 };
        var receiver = Receiver(handler);
        var body = IssueUpdated("DOCS-1");

        var first = receiver.ReceiveAsync(Delivery(body, "d-1"), default);
        var during = await receiver.ReceiveAsync(Delivery(body, "d-1", retry: 1), default);
        handler.Gate.SetResult();
        var firstResult = await first;
        handler.Gate = null;
        var after = await receiver.ReceiveAsync(Delivery(body, "d-1", retry: 2), default);
        var again = await receiver.ReceiveAsync(Delivery(body, "d-1", retry: 3), default);

        Assert.That(during.Status, Is.EqualTo(WebhookReceiveStatus.InProgress), "not answered 2xx while the outcome is unknown");
        Assert.That(firstResult.Status, Is.EqualTo(WebhookReceiveStatus.HandlerFailed));
        Assert.That(after.Status, Is.EqualTo(WebhookReceiveStatus.Processed));
        Assert.That(again.Status, Is.EqualTo(WebhookReceiveStatus.Duplicate));
        Assert.That(handler.Handled["DOCS-1"], Is.EqualTo(1));
    }

    [Test]
    public async Task A_captured_signed_body_replayed_with_a_new_or_no_identifier_is_not_processed_again()
    {
        var handler = new Handler();
        var receiver = Receiver(handler);
        var body = IssueUpdated("DOCS-2");

        var results = new[]
        {
            await receiver.ReceiveAsync(Delivery(body, "original"), default),
            await receiver.ReceiveAsync(Delivery(body, "replay-1"), default),
            await receiver.ReceiveAsync(Delivery(body, null), default),
            await receiver.ReceiveAsync(Delivery(body, "replay-2"), default),
        };

        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { WebhookReceiveStatus.Processed, WebhookReceiveStatus.Duplicate, WebhookReceiveStatus.Duplicate, WebhookReceiveStatus.Duplicate }));
        Assert.That(handler.Handled["DOCS-2"], Is.EqualTo(1));
    }

    [Test]
    public async Task Unsigned_deliveries_are_refused_by_default_and_accepted_only_when_allowed()
    {
        var body = IssueUpdated("DOCS-3");
        var strict = new Handler();
        var lenient = new Handler();

        var refused = await Receiver(strict).ReceiveAsync(Delivery(body, "u-1", signature: null), default);
        var accepted = await Receiver(lenient, o => o.AllowUnsigned = true).ReceiveAsync(Delivery(body, "u-1", signature: null), default);
        var forgedStillRefused = await Receiver(lenient, o => o.AllowUnsigned = true).ReceiveAsync(Delivery(body, "u-2", signature: "sha256=" + new string('0', 64)), default);

        Assert.That((refused.Status, refused.SignatureStatus), Is.EqualTo((WebhookReceiveStatus.SignatureRejected, WebhookSignatureStatus.Missing)));
        Assert.That((accepted.Status, accepted.SignatureStatus), Is.EqualTo((WebhookReceiveStatus.Processed, WebhookSignatureStatus.Unsigned)));
        Assert.That(forgedStillRefused.SignatureStatus, Is.EqualTo(WebhookSignatureStatus.Invalid));
        Assert.That(strict.Handled, Is.Empty);
    }

    [Test]
    public async Task App_webhook_deliveries_authenticate_with_a_bearer_token_of_the_client_secret()
    {
        var handler = new Handler();
        var receiver = Receiver(handler, o => { o.Secrets.Clear(); o.ClientSecrets.Add(ClientSecret); });
        var body = IssueUpdated("DOCS-4");

        var valid = await receiver.ReceiveAsync(Delivery(body, "j-1", signature: null, authorization: "Bearer " + TestJwt.Create(ClientSecret, Now)), default);
        var wrong = await receiver.ReceiveAsync(Delivery(body, "j-2", signature: null, authorization: "Bearer " + TestJwt.Create("not-the-client-secret-0123456789abcdef", Now)), default);
        var none = await receiver.ReceiveAsync(Delivery(body, "j-3", signature: null, authorization: "Bearer " + TestJwt.Create(ClientSecret, Now, "none")), default);
        var expired = await receiver.ReceiveAsync(Delivery(body, "j-4", signature: null, authorization: "Bearer " + TestJwt.Create(ClientSecret, Now, expiresIn: TimeSpan.FromMinutes(-5))), default);
        var hmacWithoutSecret = await receiver.ReceiveAsync(Delivery(body, "j-5"), default);

        Assert.That(valid.Status, Is.EqualTo(WebhookReceiveStatus.Processed));
        Assert.That(new[] { wrong.SignatureStatus, none.SignatureStatus, expired.SignatureStatus, hmacWithoutSecret.SignatureStatus },
            Is.EqualTo(new[] { WebhookSignatureStatus.Invalid, WebhookSignatureStatus.UnsupportedMethod, WebhookSignatureStatus.Expired, WebhookSignatureStatus.Invalid }));
        Assert.That(handler.Handled["DOCS-4"], Is.EqualTo(1));
    }

    [Test]
    public async Task Queued_deliveries_are_acknowledged_at_once_and_processed_once_in_the_background_retrying_failures()
    {
        var clock = new FakeTimeProvider(Now);
        var store = new MemoryWebhookDeliveryStore(timeProvider: clock);
        var queue = new MemoryWebhookDeliveryQueue(timeProvider: clock);
        var handler = new Handler { FailuresLeft = 1 };
        var receiver = Receiver(handler, queue: queue, store: store);
        var processor = new JiraWebhookQueueProcessor(queue, store, new[] { handler });
        var body = IssueUpdated("DOCS-5");

        var accepted = await receiver.ReceiveAsync(Delivery(body, "q-1"), default);
        var redelivered = await receiver.ReceiveAsync(Delivery(body, "q-1", retry: 1), default);
        Assert.That((accepted.Status, redelivered.Status), Is.EqualTo((WebhookReceiveStatus.Queued, WebhookReceiveStatus.Duplicate)));
        Assert.That(handler.Handled, Is.Empty, "nothing ran on the request");

        var queued = await queue.DequeueAsync(default);
        await processor.ProcessAsync(queued, default);
        Assert.That(handler.Handled, Is.Empty, "the first attempt failed");
        Assert.That(queue.Count, Is.EqualTo(1), "and is still owed");

        clock.Advance(TimeSpan.FromSeconds(1));
        var retry = await queue.DequeueAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        await processor.ProcessAsync(retry, default);
        // A durable queue may hand the same delivery out again after a crash; it is not handled twice.
        await processor.ProcessAsync(retry, default);

        Assert.That(retry.Attempt, Is.EqualTo(1));
        Assert.That(handler.Handled["DOCS-5"], Is.EqualTo(1));
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public async Task A_full_queue_refuses_with_a_retryable_outcome_and_keeps_nothing_claimed()
    {
        var queue = new MemoryWebhookDeliveryQueue(capacity: 1);
        var receiver = Receiver(new Handler(), queue: queue);

        var first = await receiver.ReceiveAsync(Delivery(IssueUpdated("A"), "a"), default);
        var full = await receiver.ReceiveAsync(Delivery(IssueUpdated("B"), "b"), default);
        await queue.AcknowledgeAsync(await queue.DequeueAsync(default), default);
        var retried = await receiver.ReceiveAsync(Delivery(IssueUpdated("B"), "b", retry: 1), default);

        Assert.That(new[] { first.Status, full.Status, retried.Status }, Is.EqualTo(new[] { WebhookReceiveStatus.Queued, WebhookReceiveStatus.HandlerFailed, WebhookReceiveStatus.Queued }));
    }
}
