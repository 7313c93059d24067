using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.Sqlite.Tests;

/// <summary>The receiver end to end on Kestrel (loopback, free port): MapJiraWebhooks, background processing, the SQLite queue.</summary>
public class BackgroundProcessingTests
{
    private const string Secret = "queue-endpoint-secret";

    [Test]
    public async Task A_delivery_is_acknowledged_at_once_and_processed_exactly_once_after_its_handler_failed_once()
    {
        var folder = Directory.CreateTempSubdirectory("jirasdk-sqlite-receiver-").FullName;
        try
        {
            var file = Path.Combine(folder, "jira-webhooks.db");
            var calls = 0;
            var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            builder.Services.AddJiraWebhooks(o => o.Secrets.Add(Secret))
                .On<IssueUpdatedEvent>((e, context, ct) =>
                {
                    if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("downstream unavailable");
                    handled.TrySetResult(e.Issue!.Key!);
                    return Task.CompletedTask;
                })
                .UseBackgroundProcessing(services => new SqliteWebhookDeliveryQueue(file, timeProvider: services.GetRequiredService<TimeProvider>()));
            await using var app = builder.Build();
            app.MapJiraWebhooks("/jira/webhooks");
            await app.StartAsync();
            var endpoint = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), "/jira/webhooks");
            using var client = new HttpClient();

            var body = Encoding.UTF8.GetBytes("""{"timestamp":1764400000000,"webhookEvent":"jira:issue_updated","issue":{"id":"1","key":"DOCS-1","fields":{}}}""");
            using var first = await client.SendAsync(Delivery(endpoint, body, retry: 0));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "acknowledged once stored, before any handler ran");

            // The handler fails once; the processor retries after 1 s.
            Assert.That(await handled.Task.WaitAsync(TimeSpan.FromSeconds(20)), Is.EqualTo("DOCS-1"));
            using var redelivered = await client.SendAsync(Delivery(endpoint, body, retry: 1));
            Assert.That(redelivered.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "Jira's redelivery is a duplicate");

            var queue = (SqliteWebhookDeliveryQueue)app.Services.GetRequiredService<JiraSdk.Webhooks.Queueing.IWebhookDeliveryQueue>();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (await queue.CountAsync() > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
            await Task.Delay(200); // room for a wrong second handling to show
            Assert.That(await queue.CountAsync(), Is.Zero, "acknowledged once handled");
            Assert.That(calls, Is.EqualTo(2), "one failure, one success, nothing more");
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static HttpRequestMessage Delivery(Uri endpoint, byte[] body, int retry)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookDeliveryContext.IdentifierHeader, "delivery-1");
        request.Headers.Add(WebhookDeliveryContext.SignatureHeader, JiraWebhookSignatureVerifier.ComputeSignature(Secret, body));
        if (retry > 0) request.Headers.Add(WebhookDeliveryContext.RetryHeader, retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }
}
