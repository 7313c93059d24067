using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace JiraSdk.Webhooks.Tests.AspNetCore;

public class MapJiraWebhooksTests
{
    private const string Secret = "endpoint-secret";

    /// <summary>Counts dispatches per delivery id; a singleton shared by the scoped processors.</summary>
    public sealed class DispatchLog
    {
        public ConcurrentDictionary<string, int> ByDeliveryId { get; } = new();
        public ConcurrentQueue<string> Events { get; } = new();
        public int FailuresLeft;
    }

    public sealed class CountingProcessor(DispatchLog log) : JiraWebhookEventProcessor
    {
        protected override async Task OnIssueUpdatedAsync(IssueUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (Interlocked.Decrement(ref log.FailuresLeft) >= 0) throw new InvalidOperationException("downstream unavailable");
            log.ByDeliveryId.AddOrUpdate(context.DeliveryId!, 1, (_, n) => n + 1);
            log.Events.Enqueue(webhookEvent.Issue!.Key!);
        }
    }

    private static Task<WebhookServer> StartAsync(DispatchLog log, long maxBodyBytes = JiraWebhookOptions.DefaultMaxBodyBytes) =>
        WebhookServer.StartAsync(
            webhooks => webhooks.AddProcessor<CountingProcessor>(),
            options => { options.Secrets.Add(Secret); options.MaxBodyBytes = maxBodyBytes; },
            services => services.AddSingleton(log));

    private static HttpRequestMessage Delivery(Uri endpoint, byte[] body, string? deliveryId, string? signature, int retry = 0)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (deliveryId is not null) request.Headers.Add(WebhookDeliveryContext.IdentifierHeader, deliveryId);
        if (signature is not null) request.Headers.Add(WebhookDeliveryContext.SignatureHeader, signature);
        if (retry > 0) request.Headers.Add(WebhookDeliveryContext.RetryHeader, retry.ToString());
        request.Headers.Add(WebhookDeliveryContext.FlowHeader, "Primary");
        return request;
    }

    private static byte[] IssueUpdated(string key) =>
        Fixture.Json($$$"""{"timestamp":1732871400000,"webhookEvent":"jira:issue_updated","issue_event_type_name":"issue_updated","issue":{"id":"1","key":"{{{key}}}","fields":{"summary":"s"}},"changelog":{"id":"5","items":[]}}""");

    private static string Sign(byte[] body) => JiraWebhookSignatureVerifier.ComputeSignature(Secret, body);

    [Test]
    public async Task Answers_204_after_dispatch_and_204_without_dispatch_for_a_duplicate()
    {
        var log = new DispatchLog();
        await using var server = await StartAsync(log);
        var body = IssueUpdated("DOCS-1");

        using var first = await server.Client.SendAsync(Delivery(server.Endpoint, body, "d-1", Sign(body)));
        using var again = await server.Client.SendAsync(Delivery(server.Endpoint, body, "d-1", Sign(body), retry: 1));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(log.ByDeliveryId["d-1"], Is.EqualTo(1));
    }

    [Test]
    public async Task Answers_401_for_missing_wrong_and_other_method_signatures()
    {
        var log = new DispatchLog();
        await using var server = await StartAsync(log);
        var body = IssueUpdated("DOCS-2");

        using var missing = await server.Client.SendAsync(Delivery(server.Endpoint, body, "s-1", null));
        using var wrong = await server.Client.SendAsync(Delivery(server.Endpoint, body, "s-2", JiraWebhookSignatureVerifier.ComputeSignature("guess", body)));
        using var sha1 = await server.Client.SendAsync(Delivery(server.Endpoint, body, "s-3", "sha1=" + Sign(body).Substring(7)));

        Assert.That(new[] { missing.StatusCode, wrong.StatusCode, sha1.StatusCode }, Has.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(log.Events, Is.Empty);
    }

    [Test]
    public async Task Answers_400_for_a_body_that_is_not_a_webhook_payload()
    {
        await using var server = await StartAsync(new DispatchLog());
        var body = Fixture.Json("{\"hello\": \"world\"}");

        using var response = await server.Client.SendAsync(Delivery(server.Endpoint, body, "b-1", Sign(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Answers_413_for_a_body_over_the_limit_declared_or_streamed()
    {
        var log = new DispatchLog();
        await using var server = await StartAsync(log, maxBodyBytes: 1024);
        var big = IssueUpdated("DOCS-" + new string('9', 2000));

        using var declared = await server.Client.SendAsync(Delivery(server.Endpoint, big, "l-1", Sign(big)));
        var chunked = Delivery(server.Endpoint, big, "l-2", Sign(big));
        chunked.Content = new StreamContent(new MemoryStream(big));
        chunked.Headers.TransferEncodingChunked = true;
        using var streamed = await server.Client.SendAsync(chunked);

        Assert.That(declared.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(streamed.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(log.Events, Is.Empty);
    }

    [Test]
    public async Task Answers_500_when_a_handler_fails_and_processes_jiras_retry()
    {
        var log = new DispatchLog { FailuresLeft = 1 };
        await using var server = await StartAsync(log);
        var body = IssueUpdated("DOCS-3");

        using var failed = await server.Client.SendAsync(Delivery(server.Endpoint, body, "f-1", Sign(body)));
        using var retried = await server.Client.SendAsync(Delivery(server.Endpoint, body, "f-1", Sign(body), retry: 1));

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(log.ByDeliveryId["f-1"], Is.EqualTo(1));
    }

    [Test]
    public async Task Delegates_registered_with_On_receive_events()
    {
        var comments = new ConcurrentQueue<string>();
        await using var server = await WebhookServer.StartAsync(
            webhooks => webhooks.On<CommentCreatedEvent>((e, context, _) => { comments.Enqueue(e.Comment!.Id + "@" + context.DeliveryId); return Task.CompletedTask; }),
            options => options.Secrets.Add(Secret));
        var body = Fixture.Bytes("comment_created.json");

        using var response = await server.Client.SendAsync(Delivery(server.Endpoint, body, "c-1", Sign(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(comments, Is.EqualTo(new[] { "10010@c-1" }));
    }

    [Test]
    public async Task Thousand_concurrent_deliveries_with_duplicates_and_forgeries_dispatch_every_valid_event_exactly_once()
    {
        var log = new DispatchLog();
        await using var server = await StartAsync(log);
        var random = new Random(20241129);
        var deliveries = new List<(string Id, byte[] Body, string Signature, bool Forged)>();
        for (var i = 0; i < 850; i++)
        {
            var body = IssueUpdated($"LOAD-{i}");
            deliveries.Add(($"load-{i}", body, Sign(body), false));
        }
        // 10% duplicates: copies of valid deliveries, as Jira sends after a lost acknowledgement.
        deliveries.AddRange(Enumerable.Range(0, 100).Select(_ => deliveries[random.Next(850)]).ToList());
        // 5% forgeries: half reuse a genuine delivery id (which must not block it), half are new.
        for (var i = 0; i < 50; i++)
        {
            var body = IssueUpdated($"FORGED-{i}");
            var id = i % 2 == 0 ? $"load-{random.Next(850)}" : $"forged-{i}";
            deliveries.Add((id, body, JiraWebhookSignatureVerifier.ComputeSignature("attacker", body), true));
        }
        var order = deliveries.OrderBy(_ => random.Next()).ToList();

        using var throttle = new SemaphoreSlim(48);
        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(order.Select(async d =>
        {
            await throttle.WaitAsync();
            try
            {
                using var response = await server.Client.SendAsync(Delivery(server.Endpoint, d.Body, d.Id, d.Signature));
                return (d.Forged, response.StatusCode);
            }
            finally
            {
                throttle.Release();
            }
        }));
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(responses, Has.Length.EqualTo(1000));
            Assert.That(responses.Where(r => r.Forged).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(responses.Where(r => !r.Forged).Select(r => r.StatusCode), Has.All.EqualTo(HttpStatusCode.NoContent));
            Assert.That(log.ByDeliveryId.Keys, Is.EquivalentTo(Enumerable.Range(0, 850).Select(i => $"load-{i}")), "0 lost");
            Assert.That(log.ByDeliveryId.Values, Has.All.EqualTo(1), "0 dispatched twice");
            Assert.That(log.Events.Where(k => k.StartsWith("FORGED")), Is.Empty, "0 forgeries accepted");
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        });
    }
}
