using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Reconciliation;
using Microsoft.Extensions.DependencyInjection;

namespace JiraSdk.Webhooks.AspNetCore;

/// <summary>
/// The one way a delivered event reaches the registered handlers in a host: through the <see cref="JiraEventSource"/>
/// when reconciliation is on (so a change the poll handled is not handled again), straight to the handlers otherwise.
/// The endpoint, the background queue and any other delivery path (failed deliveries replayed) use it.
/// </summary>
internal static class JiraWebhookDispatch
{
    /// <param name="services">The services of the delivery's DI scope; its <see cref="IJiraWebhookHandler"/>s run.</param>
    /// <param name="webhookEvent">The delivered event.</param>
    /// <param name="context">Its delivery headers.</param>
    /// <param name="cancellationToken">The host's stopping token.</param>
    public static Task DispatchAsync(IServiceProvider services, JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        Task Handlers(JiraWebhookEvent e, WebhookDeliveryContext c, CancellationToken token) =>
            JiraWebhookReceiver.DispatchAsync(services.GetServices<IJiraWebhookHandler>(), e, c, token);
        return services.GetService<JiraEventSource>() is { } source
            ? source.DeliverAsync(webhookEvent, context, Handlers, cancellationToken)
            : Handlers(webhookEvent, context, cancellationToken);
    }
}

/// <summary>The registered handlers, one DI scope per event: what the reconciliation poll and the polling trigger feed.</summary>
internal sealed class ScopedWebhookHandlers(IServiceScopeFactory scopes) : IJiraWebhookHandler
{
    public async Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await JiraWebhookReceiver.DispatchAsync(scope.ServiceProvider.GetServices<IJiraWebhookHandler>(), webhookEvent, context, cancellationToken).ConfigureAwait(false);
    }
}
