using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;
using JiraSdk.Webhooks.Lifecycle;
using JiraSdk.Webhooks.Polling;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using JiraSdk.Webhooks.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
    /// Makes the events gap-free: a <see cref="JiraEventSource"/> sits between deliveries and the handlers, and a hosted
    /// service runs its reconciliation poll (<c>updated &gt;= watermark</c> through the registered <see cref="JiraClient"/>,
    /// see <c>AddJiraClient</c>) at start and then every interval, so changes whose webhooks were missed during downtime
    /// reach the same handlers, each change once. Handled changes are remembered in the registered
    /// <see cref="IWebhookDeliveryStore"/> (share a Redis one between instances; keep its retention at least as long as
    /// Jira may still deliver), the watermark in the registered <see cref="IPollingCursorStore"/> (in memory unless
    /// <see cref="UsePollingCursorStore(IPollingCursorStore)"/> says otherwise: then a restart catches up only from its
    /// first poll).
    /// </summary>
    /// <param name="configure">Sets the JQL (the issues your webhooks cover), interval, overlap and fields.</param>
    /// <exception cref="InvalidOperationException">At start: no <see cref="JiraClient"/> is registered.</exception>
    public JiraWebhooksBuilder AddReconciliation(Action<JiraEventSourceOptions> configure)
    {
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        Services.AddOptions<JiraEventSourceOptions>().Configure(configure);
        Services.TryAddSingleton<IPollingCursorStore, InMemoryPollingCursorStore>();
        Services.TryAddSingleton(provider => new JiraEventSource(
            RequireJiraClient(provider, nameof(AddReconciliation)),
            provider.GetRequiredService<IOptions<JiraEventSourceOptions>>().Value,
            new ScopedWebhookHandlers(provider.GetRequiredService<IServiceScopeFactory>()),
            provider.GetRequiredService<IWebhookDeliveryStore>(),
            provider.GetRequiredService<IPollingCursorStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<JiraEventSource>>()));
        Services.AddHostedService<JiraReconciliationService>();
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
    /// Adds a hosted service that polls Jira with <see cref="JqlPollingTrigger"/> (through the registered
    /// <see cref="JiraClient"/>) and feeds the changes to the same handlers, for sites where no webhook can be registered.
    /// Call it once per query; give each its own <see cref="JqlPollingTriggerOptions.CursorKey"/> when queries may repeat.
    /// The cursor is kept in the registered <see cref="IPollingCursorStore"/>.
    /// </summary>
    /// <param name="configure">Sets the JQL, interval, fields and search endpoint.</param>
    /// <exception cref="InvalidOperationException">At start: no <see cref="JiraClient"/> is registered.</exception>
    public JiraWebhooksBuilder AddJqlPolling(Action<JqlPollingTriggerOptions> configure)
    {
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        var options = new JqlPollingTriggerOptions();
        configure(options);
        Services.TryAddSingleton<IPollingCursorStore, InMemoryPollingCursorStore>();
        // A factory registration per call, so several queries each get a service (AddHostedService would keep one).
        Services.AddSingleton<IHostedService>(provider => new JqlPollingService(new JqlPollingTrigger(
            RequireJiraClient(provider, nameof(AddJqlPolling)),
            options,
            new ScopedWebhookHandlers(provider.GetRequiredService<IServiceScopeFactory>()),
            provider.GetRequiredService<IPollingCursorStore>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<JqlPollingTrigger>>())));
        return this;
    }

    /// <summary>Keeps polling cursors and reconciliation watermarks in <paramref name="store"/> (a file, or Redis shared by instances).</summary>
    public JiraWebhooksBuilder UsePollingCursorStore(IPollingCursorStore store)
    {
        if (store is null) throw new ArgumentNullException(nameof(store));
        Services.RemoveAll<IPollingCursorStore>();
        Services.AddSingleton(store);
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
                    // Through the event source when reconciliation is on, like live deliveries.
                    await JiraWebhookDispatch.DispatchAsync(scope.ServiceProvider, e, context, token).ConfigureAwait(false);
                },
                provider.GetRequiredService<IOptions<FailedWebhookRecoveryOptions>>().Value, provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<FailedWebhookRecoveryService>>());
        });
        Services.AddHostedService(provider => provider.GetRequiredService<FailedWebhookRecoveryService>());
        return this;
    }

    private static JiraClient RequireJiraClient(IServiceProvider provider, string caller) =>
        provider.GetService<JiraClient>() ?? throw new InvalidOperationException(
            $"{caller} searches Jira through JiraClient: register one with services.AddJiraClient(…).");
}
