using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Verification;

namespace JiraSdk.Webhooks.Tests.Delivery;

public class JiraWebhookReceiverTests
{
    private const string Secret = "s3cr3t-for-tests";

    private sealed class RecordingProcessor : JiraWebhookEventProcessor
    {
        public List<string> Calls { get; } = new();
        public int FailuresLeft { get; set; }

        protected override Task OnIssueUpdatedAsync(IssueUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            if (FailuresLeft-- > 0) throw new InvalidOperationException("handler down");
            Calls.Add($"updated:{webhookEvent.Issue!.Key}:{context.DeliveryId}:{context.RetryCount}");
            return Task.CompletedTask;
        }

        protected override Task OnCommentCreatedAsync(CommentCreatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Calls.Add("comment:" + webhookEvent.Comment!.Id);
            return Task.CompletedTask;
        }

        protected override Task OnUnknownEventAsync(UnknownWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Calls.Add("unknown:" + webhookEvent.WebhookEventName);
            return Task.CompletedTask;
        }
    }

    private static WebhookDelivery Signed(byte[] body, string id, int retry = 0) =>
        WebhookDelivery.FromHeaders(body, name => name switch
        {
            WebhookDeliveryContext.SignatureHeader => JiraWebhookSignatureVerifier.ComputeSignature(Secret, body),
            WebhookDeliveryContext.IdentifierHeader => id,
            WebhookDeliveryContext.RetryHeader => retry == 0 ? null : retry.ToString(),
            _ => null,
        });

    private static JiraWebhookReceiver Receiver(params IJiraWebhookHandler[] handlers) =>
        new(new JiraWebhookOptions { Secrets = { Secret } }, handlers);

    [Test]
    public async Task A_verified_delivery_reaches_the_processor_method_for_its_event()
    {
        var processor = new RecordingProcessor();

        var result = await Receiver(processor).ReceiveAsync(Signed(Fixture.Bytes("jira_issue_updated.json"), "id-1"), default);

        Assert.That(result.Status, Is.EqualTo(WebhookReceiveStatus.Processed));
        Assert.That(result.Event, Is.TypeOf<IssueUpdatedEvent>());
        Assert.That(processor.Calls, Is.EqualTo(new[] { "updated:DOCS-17:id-1:0" }));
    }

    [Test]
    public async Task A_duplicate_delivery_is_dispatched_once()
    {
        var processor = new RecordingProcessor();
        var receiver = Receiver(processor);
        var body = Fixture.Bytes("comment_created.json");

        var first = await receiver.ReceiveAsync(Signed(body, "dup-1"), default);
        var second = await receiver.ReceiveAsync(Signed(body, "dup-1", retry: 1), default);

        Assert.That(first.Status, Is.EqualTo(WebhookReceiveStatus.Processed));
        Assert.That(second.Status, Is.EqualTo(WebhookReceiveStatus.Duplicate));
        Assert.That(processor.Calls, Is.EqualTo(new[] { "comment:10010" }));
    }

    [Test]
    public async Task After_a_handler_failure_the_retry_is_processed()
    {
        var processor = new RecordingProcessor { FailuresLeft = 1 };
        var receiver = Receiver(processor);
        var body = Fixture.Bytes("jira_issue_updated.json");

        var failed = await receiver.ReceiveAsync(Signed(body, "retry-me"), default);
        var retried = await receiver.ReceiveAsync(Signed(body, "retry-me", retry: 1), default);

        Assert.That(failed.Status, Is.EqualTo(WebhookReceiveStatus.HandlerFailed));
        Assert.That(failed.Error, Is.TypeOf<InvalidOperationException>());
        Assert.That(retried.Status, Is.EqualTo(WebhookReceiveStatus.Processed));
        Assert.That(processor.Calls, Is.EqualTo(new[] { "updated:DOCS-17:retry-me:1" }));
    }

    [Test]
    public async Task A_forged_delivery_is_rejected_before_parsing_and_does_not_burn_its_id()
    {
        var processor = new RecordingProcessor();
        var receiver = Receiver(processor);
        var body = Fixture.Bytes("jira_issue_updated.json");
        var forged = WebhookDelivery.FromHeaders(body, name => name switch
        {
            WebhookDeliveryContext.SignatureHeader => JiraWebhookSignatureVerifier.ComputeSignature("wrong", body),
            WebhookDeliveryContext.IdentifierHeader => "id-x",
            _ => null,
        });

        var rejected = await receiver.ReceiveAsync(forged, default);
        var genuine = await receiver.ReceiveAsync(Signed(body, "id-x"), default);

        Assert.That(rejected.Status, Is.EqualTo(WebhookReceiveStatus.SignatureRejected));
        Assert.That(rejected.SignatureStatus, Is.EqualTo(WebhookSignatureStatus.Invalid));
        Assert.That(genuine.Status, Is.EqualTo(WebhookReceiveStatus.Processed), "a forger cannot block a real delivery by sending its id first");
    }

    [Test]
    public async Task Malformed_and_unknown_deliveries()
    {
        var processor = new RecordingProcessor();
        var receiver = Receiver(processor);

        var malformed = await receiver.ReceiveAsync(Signed(Fixture.Json("{\"no\": \"event\"}"), "m-1"), default);
        var unknown = await receiver.ReceiveAsync(Signed(Fixture.Bytes("unknown_event.json"), "u-1"), default);

        Assert.That(malformed.Status, Is.EqualTo(WebhookReceiveStatus.MalformedPayload));
        Assert.That(unknown.Status, Is.EqualTo(WebhookReceiveStatus.Processed));
        Assert.That(processor.Calls, Is.EqualTo(new[] { "unknown:jira:something_new" }));
    }

    [Test]
    public async Task Delegates_see_events_of_their_type_and_subtypes()
    {
        var seen = new List<string>();
        var delegates = new DelegateWebhookHandler()
            .On<IssueWebhookEvent>((e, _, _) => { seen.Add("issue:" + e.WebhookEventName); return Task.CompletedTask; })
            .On<CommentCreatedEvent>((e, _, _) => { seen.Add("comment"); return Task.CompletedTask; })
            .On<JiraWebhookEvent>((e, _, _) => { seen.Add("any"); return Task.CompletedTask; });
        var receiver = Receiver(delegates);

        await receiver.ReceiveAsync(Signed(Fixture.Bytes("jira_issue_created.json"), "a"), default);
        await receiver.ReceiveAsync(Signed(Fixture.Bytes("comment_created.json"), "b"), default);

        Assert.That(seen, Is.EqualTo(new[] { "issue:jira:issue_created", "any", "comment", "any" }));
    }

    [Test]
    public void Delivery_headers_are_read_with_a_missing_retry_as_the_first_attempt()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-atlassian-webhook-identifier"] = " abc ",
            ["X-Atlassian-Webhook-Flow"] = "Secondary",
            ["X-Atlassian-Webhook-Trace"] = "trace-1",
        };

        var context = WebhookDeliveryContext.FromHeaders(name => headers.TryGetValue(name, out var v) ? v : null);

        Assert.That(context.DeliveryId, Is.EqualTo("abc"));
        Assert.That(context.RetryCount, Is.Zero);
        Assert.That(context.Flow, Is.EqualTo("Secondary"));
        Assert.That(context.Trace, Is.EqualTo("trace-1"));
    }
}
