using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Processing;
using Microsoft.Extensions.Caching.Distributed;
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
    /// Remembers handled deliveries in the registered <see cref="IDistributedCache"/> instead of process memory, so that
    /// several receiver instances drop each other's duplicates.
    /// </summary>
    public JiraWebhooksBuilder UseDistributedCacheDeliveryStore(Action<DistributedCacheWebhookDeliveryStoreOptions>? configure = null)
    {
        var options = new DistributedCacheWebhookDeliveryStoreOptions();
        configure?.Invoke(options);
        Services.RemoveAll<IWebhookDeliveryStore>();
        Services.AddSingleton<IWebhookDeliveryStore>(provider =>
            new DistributedCacheWebhookDeliveryStore(provider.GetRequiredService<IDistributedCache>(), options));
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
