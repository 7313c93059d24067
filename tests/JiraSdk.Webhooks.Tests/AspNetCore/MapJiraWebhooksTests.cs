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
                // Like Jira: a copy that arrives while another is processed gets a retryable 503, and is sent again.
                for (var attempt = 0; ; attempt++)
                {
                    using var response = await server.Client.SendAsync(Delivery(server.Endpoint, d.Body, d.Id, d.Signature, retry: attempt));
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 50) return (d.Forged, response.StatusCode);
                    await Task.Delay(10);
                }
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

    /// <summary>A 50 MB body that records whether the client was asked for it.</summary>
    private sealed class HugeContent : HttpContent
    {
        public bool Sent { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            Sent = true;
            throw new IOException("the server asked for the body");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 50L * 1024 * 1024;
            return true;
        }
    }

    [Test]
    public async Task An_unsigned_delivery_is_refused_before_its_body_is_read()
    {
        var log = new DispatchLog();
        await using var server = await StartAsync(log, maxBodyBytes: 100L * 1024 * 1024);
        var content = new HugeContent();
        // With Expect: 100-continue the client sends the body only once the server starts reading it.
        var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = content };
        request.Headers.ExpectContinue = true;
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) });

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(content.Sent, Is.False, "refused without reading the body");
    }

    public sealed class SlowProcessor(DispatchLog log) : JiraWebhookEventProcessor
    {
        public static TaskCompletionSource Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public static TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task OnIssueUpdatedAsync(IssueUpdatedEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Gate.Task.WaitAsync(cancellationToken);
            log.ByDeliveryId.AddOrUpdate(context.DeliveryId!, 1, (_, n) => n + 1);
        }
    }

    [Test]
    public async Task A_redelivery_while_the_handler_runs_gets_503_with_Retry_After_and_the_handler_outlives_Jiras_timeout()
    {
        var log = new DispatchLog();
        SlowProcessor.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        SlowProcessor.Entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await WebhookServer.StartAsync(w => w.AddProcessor<SlowProcessor>(), o => o.Secrets.Add(Secret), s => s.AddSingleton(log));
        var body = IssueUpdated("SLOW-1");

        // Jira stops waiting while the handler still runs.
        using var jiraTimeout = new CancellationTokenSource();
        var first = server.Client.SendAsync(Delivery(server.Endpoint, body, "slow-1", Sign(body)), jiraTimeout.Token);
        await SlowProcessor.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        jiraTimeout.Cancel();
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
        using var during = await server.Client.SendAsync(Delivery(server.Endpoint, body, "slow-1", Sign(body), retry: 1));
        SlowProcessor.Gate.SetResult();
        for (var i = 0; i < 200 && !log.ByDeliveryId.ContainsKey("slow-1"); i++) await Task.Delay(10);
        using var after = await server.Client.SendAsync(Delivery(server.Endpoint, body, "slow-1", Sign(body), retry: 2));

        Assert.That(during.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(during.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(log.ByDeliveryId["slow-1"], Is.EqualTo(1), "the handler was not cancelled with the request");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task With_background_processing_a_delivery_is_acknowledged_202_and_handled_by_the_hosted_service()
    {
        var log = new DispatchLog { FailuresLeft = 1 };
        await using var server = await WebhookServer.StartAsync(w => w.AddProcessor<CountingProcessor>().UseBackgroundProcessing(), o => o.Secrets.Add(Secret), s => s.AddSingleton(log));
        var body = IssueUpdated("BG-1");

        using var response = await server.Client.SendAsync(Delivery(server.Endpoint, body, "bg-1", Sign(body)));
        using var again = await server.Client.SendAsync(Delivery(server.Endpoint, body, "bg-1", Sign(body), retry: 1));
        for (var i = 0; i < 500 && !log.ByDeliveryId.ContainsKey("bg-1"); i++) await Task.Delay(10);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(log.ByDeliveryId["bg-1"], Is.EqualTo(1), "processed after one failed attempt, once");
    }

    private sealed class BrokenStore : IWebhookDeliveryStore
    {
        public ValueTask<WebhookDeliveryClaim> TryClaimAsync(string key, CancellationToken cancellationToken) => throw new IOException("store unreachable");
        public ValueTask<bool> CompleteAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken) => throw new IOException("store unreachable");
        public ValueTask ReleaseAsync(WebhookDeliveryClaim claim, CancellationToken cancellationToken) => throw new IOException("store unreachable");
    }

    [Test]
    public async Task A_store_that_is_down_gets_a_retryable_503_not_a_lost_delivery()
    {
        var log = new DispatchLog();
        await using var server = await WebhookServer.StartAsync(w => w.AddProcessor<CountingProcessor>().UseDeliveryStore(new BrokenStore()), o => o.Secrets.Add(Secret), s => s.AddSingleton(log));
        var body = IssueUpdated("DOWN-1");

        using var response = await server.Client.SendAsync(Delivery(server.Endpoint, body, "down-1", Sign(body)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(log.Events, Is.Empty);
    }

    [Test]
    public async Task App_webhook_deliveries_with_a_bearer_token_are_accepted_and_bad_tokens_refused()
    {
        const string clientSecret = "oauth2-client-secret-for-tests-0123456789";
        var log = new DispatchLog();
        await using var server = await WebhookServer.StartAsync(w => w.AddProcessor<CountingProcessor>(), o => o.ClientSecrets.Add(clientSecret), s => s.AddSingleton(log));
        var now = DateTimeOffset.UtcNow;
        async Task<HttpStatusCode> Send(string id, string token)
        {
            var body = IssueUpdated(id);
            var request = Delivery(server.Endpoint, body, id, null);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await server.Client.SendAsync(request);
            return response.StatusCode;
        }

        var statuses = new[]
        {
            await Send("jwt-valid", Verification.TestJwt.Create(clientSecret, now)),
            await Send("jwt-wrong", Verification.TestJwt.Create("some-other-secret-0123456789abcdefgh", now)),
            await Send("jwt-none", Verification.TestJwt.Create(clientSecret, now, "none")),
            await Send("jwt-hs512", Verification.TestJwt.Create(clientSecret, now, "HS512")),
            await Send("jwt-expired", Verification.TestJwt.Create(clientSecret, now, expiresIn: TimeSpan.FromMinutes(-10))),
        };

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.NoContent, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized }));
        Assert.That(log.ByDeliveryId.Keys, Is.EqualTo(new[] { "jwt-valid" }));
    }
}
