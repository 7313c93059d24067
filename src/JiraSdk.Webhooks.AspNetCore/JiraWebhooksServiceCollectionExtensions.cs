using JiraSdk.Webhooks.AspNetCore;
using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Processing;
using JiraSdk.Webhooks.Queueing;
using JiraSdk.Webhooks.Registration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Jira webhook endpoint's services.</summary>
public static class JiraWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <c>MapJiraWebhooks</c> needs: options (secrets, client secrets, body limit), an in-memory delivery store,
    /// the <see cref="JiraWebhookReceiver"/>, the webhook registrars (<see cref="AdminWebhookRegistrar"/>,
    /// <see cref="AppWebhookRegistrar"/>, over the <c>JiraClient</c> of <c>AddJiraClient</c>), and a builder to add a
    /// processor or delegates, a shared store, background processing, app webhook refresh or failed-delivery recovery.
    /// </summary>
    public static JiraWebhooksBuilder AddJiraWebhooks(this IServiceCollection services, Action<JiraSdk.Webhooks.JiraWebhookOptions>? configure = null)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        var optionsBuilder = services.AddOptions<JiraSdk.Webhooks.JiraWebhookOptions>();
        if (configure is not null) optionsBuilder.Configure(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookDeliveryStore>(provider =>
            new MemoryWebhookDeliveryStore(timeProvider: provider.GetRequiredService<TimeProvider>()));

        var delegates = new DelegateWebhookHandler();
        services.AddSingleton<IJiraWebhookHandler>(delegates);
        // One receiver for live deliveries and for failed ones replayed by AddFailedDeliveryRecovery: same store, keys and queue.
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<JiraSdk.Webhooks.JiraWebhookOptions>>().Value;
            var queue = provider.GetService<BackgroundProcessingMarker>() is null ? null : provider.GetRequiredService<IWebhookDeliveryQueue>();
            return new JiraWebhookReceiver(options, provider.GetRequiredService<IWebhookDeliveryStore>(),
                provider.GetService<ILogger<JiraWebhookReceiver>>(), provider.GetRequiredService<TimeProvider>(), queue);
        });
        services.TryAddSingleton(provider => new JiraWebhookEndpoint(provider.GetRequiredService<JiraWebhookReceiver>(),
            provider.GetRequiredService<IOptions<JiraSdk.Webhooks.JiraWebhookOptions>>().Value,
            provider.GetService<IHostApplicationLifetime>(), provider.GetService<ILogger<JiraWebhookEndpoint>>()));
        // The registrars send through the JiraClient that AddJiraClient registers.
        services.TryAddTransient<AdminWebhookRegistrar>();
        services.TryAddTransient<AppWebhookRegistrar>();
        return new JiraWebhooksBuilder(services, delegates);
    }
}
