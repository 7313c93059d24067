using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JiraSdk.Webhooks.AspNetCore;

/// <summary>Configures the Jira webhook endpoint's handlers and delivery store; returned by <c>AddJiraWebhooks</c>.</summary>
public sealed class JiraWebhooksBuilder
{
    private readonly DelegateWebhookHandler _delegates;

    internal JiraWebhooksBuilder(IServiceCollection services, DelegateWebhookHandler delegates)
    {
        Services = services;
        _delegates = delegates;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Adds a processor (scoped: one instance per delivery, so it can take scoped services).</summary>
    public JiraWebhooksBuilder AddProcessor<TProcessor>() where TProcessor : JiraWebhookEventProcessor
    {
        Services.TryAddScoped<TProcessor>();
        Services.AddScoped<IJiraWebhookHandler>(provider => provider.GetRequiredService<TProcessor>());
        return this;
    }

    /// <summary>Adds a delegate for events of type <typeparamref name="TEvent"/> and its subtypes.</summary>
    public JiraWebhooksBuilder On<TEvent>(Func<TEvent, WebhookDeliveryContext, CancellationToken, Task> handler) where TEvent : JiraWebhookEvent
    {
        _delegates.On(handler);
        return this;
    }

    /// <summary>
    /// Acknowledges each accepted delivery at once (202) and processes it in the background, off Jira's 10-second request
    /// clock: the documented choice for handlers that may take longer than a few seconds. Deliveries wait on the registered
    /// <see cref="IWebhookDeliveryQueue"/> (an in-memory one unless you register a durable one before this call); a hosted
    /// service runs the handlers, one DI scope per delivery, retrying failures with back-off (at-least-once, de-duplicated
    /// through the delivery store).
    /// </summary>
    public JiraWebhooksBuilder UseBackgroundProcessing()
    {
        Services.TryAddSingleton<BackgroundProcessingMarker>();
        Services.TryAddSingleton<IWebhookDeliveryQueue>(provider => new MemoryWebhookDeliveryQueue(timeProvider: provider.GetRequiredService<TimeProvider>()));
        Services.AddHostedService<JiraWebhookQueueService>();
        return this;
    }

    /// <summary>Uses <paramref name="store"/> to remember claimed and handled deliveries (e.g. a Redis store shared by instances).</summary>
    public JiraWebhooksBuilder UseDeliveryStore(IWebhookDeliveryStore store)
    {
        if (store is null) throw new ArgumentNullException(nameof(store));
        Services.RemoveAll<IWebhookDeliveryStore>();
        Services.AddSingleton(store);
        return this;
    }

    /// <summary>Uses <typeparamref name="TStore"/> to remember handled deliveries.</summary>
    public JiraWebhooksBuilder UseDeliveryStore<TStore>() where TStore : class, IWebhookDeliveryStore
    {
        Services.RemoveAll<IWebhookDeliveryStore>();
        Services.AddSingleton<IWebhookDeliveryStore, TStore>();
        return this;
    }
}
