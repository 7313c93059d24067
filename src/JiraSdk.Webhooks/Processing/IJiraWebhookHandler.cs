using JiraSdk.Webhooks.Delivery;
using JiraSdk.Webhooks.Events;

namespace JiraSdk.Webhooks.Processing;

/// <summary>Handles parsed, verified, deduplicated events. Throwing fails the delivery so that Jira retries it.</summary>
public interface IJiraWebhookHandler
{
    /// <summary>Handles one event.</summary>
    Task HandleAsync(JiraWebhookEvent webhookEvent, WebhookDeliveryContext context, CancellationToken cancellationToken);
}
