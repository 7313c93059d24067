using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Lifecycle;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    /// clock, from the registered <see cref="IWebhookDeliveryQueue"/>, or an in-memory one, which loses the deliveries it
    /// holds when the process stops. For handlers that may take longer than a few seconds, use the overload with a durable
    /// queue (JiraSdk.Webhooks.Sqlite's <c>SqliteWebhookDeliveryQueue</c>). A hosted service runs the handlers, one DI scope
    /// per delivery, retrying failures with back-off (at-least-once, de-duplicated through the delivery store).
    /// </summary>
    public JiraWebhooksBuilder UseBackgroundProcessing()
    {
        Services.TryAddSingleton<IWebhookDeliveryQueue>(provider => new MemoryWebhookDeliveryQueue(timeProvider: provider.GetRequiredService<TimeProvider>()));
        return AddBackgroundProcessor();
    }

    /// <summary>
    /// Acknowledges each accepted delivery (202) once <paramref name="queue"/> stored it, and processes it in the background
    /// as <see cref="UseBackgroundProcessing()"/> does: the documented default for handlers that may take longer than a few
    /// seconds when the queue is durable, e.g.
    /// <c>.UseBackgroundProcessing(services =&gt; new SqliteWebhookDeliveryQueue("jira-webhooks.db", timeProvider: services.GetRequiredService&lt;TimeProvider&gt;()))</c>.
    /// The queue is created once, on first use, and disposed with the service provider.
    /// </summary>
    /// <param name="queue">Creates the queue (a singleton) from the application's services.</param>
    public JiraWebhooksBuilder UseBackgroundProcessing(Func<IServiceProvider, IWebhookDeliveryQueue> queue)
    {
        if (queue is null) throw new ArgumentNullException(nameof(queue));
        Services.RemoveAll<IWebhookDeliveryQueue>();
        Services.AddSingleton(queue);
        return AddBackgroundProcessor();
    }

    private JiraWebhooksBuilder AddBackgroundProcessor()
    {
        Services.TryAddSingleton<BackgroundProcessingMarker>();
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

    /// <summary>
    /// Keeps the app's dynamic webhooks registered and alive: an <see cref="AppWebhookRefreshService"/> hosted service
    /// makes the app's webhooks for the URL exactly the configured definitions at start and every
    /// <see cref="AppWebhookRefreshOptions.Interval"/>, re-registering vanished ones and refreshing those close to Jira's
    /// 30-day expiry. Needs <c>AddJiraClient</c> authenticated as the app (OAuth 2.0). The service is also registered as
    /// itself, for <see cref="AppWebhookRefreshService.RefreshOnceAsync"/>.
    /// </summary>
    /// <param name="configure">Sets the URL and the definitions (and the timing).</param>
    public JiraWebhooksBuilder AddAppWebhookRefresh(Action<AppWebhookRefreshOptions> configure)
    {
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        Services.AddOptions<AppWebhookRefreshOptions>().Configure(configure);
        Services.TryAddSingleton(provider => new AppWebhookRefreshService(provider.GetRequiredService<Registration.AppWebhookRegistrar>(),
            provider.GetRequiredService<IOptions<AppWebhookRefreshOptions>>().Value, provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<AppWebhookRefreshService>>()));
        Services.AddHostedService(provider => provider.GetRequiredService<AppWebhookRefreshService>());
        return this;
    }

    /// <summary>
    /// Replays the deliveries Jira gave up on (<c>GET /rest/api/3/webhook/failed</c>) through the same receiver, store and
    /// handlers as live ones, de-duplicated against them: a <see cref="FailedWebhookRecoveryService"/> hosted service polls
    /// every <see cref="FailedWebhookRecoveryOptions.PollInterval"/>, with one DI scope per delivery. Needs
    /// <c>AddJiraClient</c> authenticated as the app (OAuth 2.0). The service is also registered as itself, for
    /// <see cref="FailedWebhookRecoveryService.RecoverOnceAsync"/>.
    /// </summary>
    /// <param name="configure">Sets the poll interval, URL and page size; optional.</param>
    public JiraWebhooksBuilder AddFailedDeliveryRecovery(Action<FailedWebhookRecoveryOptions>? configure = null)
    {
        var options = Services.AddOptions<FailedWebhookRecoveryOptions>();
        if (configure is not null) options.Configure(configure);
        Services.TryAddSingleton(provider =>
        {
            var scopes = provider.GetRequiredService<IServiceScopeFactory>();
            return new FailedWebhookRecoveryService(provider.GetRequiredService<Registration.AppWebhookRegistrar>(), provider.GetRequiredService<JiraWebhookReceiver>(),
                async (e, context, token) =>
                {
                    using var scope = scopes.CreateScope();
                    await JiraWebhookReceiver.DispatchAsync(scope.ServiceProvider.GetServices<IJiraWebhookHandler>(), e, context, token).ConfigureAwait(false);
                },
                provider.GetRequiredService<IOptions<FailedWebhookRecoveryOptions>>().Value, provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<FailedWebhookRecoveryService>>());
        });
        Services.AddHostedService(provider => provider.GetRequiredService<FailedWebhookRecoveryService>());
        return this;
    }
}
