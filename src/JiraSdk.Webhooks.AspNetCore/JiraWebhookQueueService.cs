using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JiraSdk.Webhooks.AspNetCore;

/// <summary>Marks that accepted deliveries are queued and processed in the background (<c>UseBackgroundProcessing</c>).</summary>
internal sealed class BackgroundProcessingMarker
{
}

/// <summary>Runs the <see cref="JiraWebhookQueueProcessor"/> as a hosted service, with one DI scope per delivery.</summary>
internal sealed class JiraWebhookQueueService : BackgroundService
{
    private readonly JiraWebhookQueueProcessor _processor;

    public JiraWebhookQueueService(IWebhookDeliveryQueue queue, IWebhookDeliveryStore store, IServiceScopeFactory scopes, ILogger<JiraWebhookQueueProcessor>? logger = null)
    {
        _processor = new JiraWebhookQueueProcessor(queue, store, async (e, context, token) =>
        {
            using var scope = scopes.CreateScope();
            await JiraWebhookDispatch.DispatchAsync(scope.ServiceProvider, e, context, token).ConfigureAwait(false);
        }, logger);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _processor.RunAsync(stoppingToken);
}
